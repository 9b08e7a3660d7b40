from sqlalchemy import String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
Session = sessionmaker(engine)


@event.listens_for(Session, "after_flush")
def collect_new_users(session, flush_context):
    new_ids = [obj.id for obj in session.new if isinstance(obj, User)]
    session.info.setdefault("new_user_ids", []).extend(new_ids)


@event.listens_for(Session, "after_rollback")
def forget_new_users(session):
    discarded = session.info.pop("new_user_ids", [])
    print(f"{discarded=}")
    #> discarded=[3]


@event.listens_for(Session, "after_commit")
def notify_new_users(session):
    user_ids = session.info.pop("new_user_ids", [])
    print(f"{user_ids=}")
    #> user_ids=[1, 2]
    try:
        session.execute(select(User))
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        '''
        InvalidRequestError: This session is in 'committed' state; no further SQL can be emitted within this transaction.
        '''


with Session() as session:
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()

    session.add(User(name="cy"))
    session.flush()
    session.rollback()
