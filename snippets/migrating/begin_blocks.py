from sqlalchemy import String, create_engine, select
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
SessionLocal = sessionmaker(engine)

with SessionLocal.begin() as session:
    session.add(User(name="ana"))

try:
    with SessionLocal() as session, session.begin():
        session.add(User(name="bea"))
        session.flush()
        raise ValueError("something went wrong")
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    #> ValueError: something went wrong

with SessionLocal() as session:
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana']
