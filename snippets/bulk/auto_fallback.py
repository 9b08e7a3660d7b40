from sqlalchemy import String, create_engine, func, select, update
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="active")


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="Ana"), User(name="bob")])
    session.commit()
engine.echo = True

archive_ana = (
    update(User).where(func.lower(User.name) == "ana").values(status="archived")
)
with Session(engine) as session:
    ana, bob = session.scalars(select(User).order_by(User.id))
    session.execute(archive_ana)
    print(f"{ana.status=} {bob.status=}")
    #> ana.status='archived' bob.status='active'

    try:
        session.execute(
            archive_ana.execution_options(synchronize_session="evaluate")
        )
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        '''
        InvalidRequestError: Could not evaluate current criteria in Python: "Cannot evaluate Function". Specify 'fetch' or False for the synchronize_session execution option.
        '''
