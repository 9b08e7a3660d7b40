from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
Factory = sessionmaker(engine)


def with_session_begin(name, fail):
    with Session(engine) as session, session.begin():
        session.add(User(name=name))
        session.flush()
        if fail:
            raise ValueError(f"{name} failed")


def with_sessionmaker_begin(name, fail):
    with Factory.begin() as session:
        session.add(User(name=name))
        session.flush()
        if fail:
            raise ValueError(f"{name} failed")


runs = [
    (with_session_begin, "ana", False),
    (with_session_begin, "bea", True),
    (with_sessionmaker_begin, "cid", False),
    (with_sessionmaker_begin, "dan", True),
]
for save, name, fail in runs:
    try:
        save(name, fail)
    except ValueError as error:
        print(f"{type(error).__name__}: {error}")
        #> ValueError: bea failed
        #> ValueError: dan failed

with Factory() as session:
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana', 'cid']
