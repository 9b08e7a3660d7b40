from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    session.add(User(name="ana"))
    try:
        with session.begin():
            session.add(User(name="bea"))
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        #> InvalidRequestError: A transaction is already begun on this Session.
    session.commit()
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana']
