from sqlalchemy import String, create_engine, delete, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import ObjectDeletedError


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="active")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana, bob = session.scalars(select(User).order_by(User.id))
    session.execute(
        update(User)
        .values(status="archived")
        .execution_options(synchronize_session=False)
    )
    session.execute(
        delete(User)
        .where(User.name == "bob")
        .execution_options(synchronize_session=False)
    )
    print(f"{ana.status=}")
    #> ana.status='active'
    print(f"{session.scalar(select(User.status).where(User.id == 1))=}")
    #> session.scalar(select(User.status).where(User.id == 1))='archived'
    print(f"{session.get(User, 2) is bob=} {bob.name=}")
    #> session.get(User, 2) is bob=True bob.name='bob'

    session.expire_all()
    print(f"{ana.status=}")
    #> ana.status='archived'
    try:
        print(f"{bob.name=}")
    except ObjectDeletedError as error:
        print(f"{type(error).__name__=}")
        #> type(error).__name__='ObjectDeletedError'
