import tempfile

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def names(session):
    return session.scalars(select(User.name).order_by(User.id)).all()


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as s, Session(engine) as s2:
    s.add(User(name="Alice"))
    print(f"{names(s)=}")
    #> names(s)=['Alice']
    print(f"{names(s2)=}")
    #> names(s2)=[]
    s.commit()
    print(f"{names(s2)=}")
    #> names(s2)=['Alice']

    s.add(User(name="Bob"))
    s.flush()
    print(f"{names(s)=}")
    #> names(s)=['Alice', 'Bob']
    print(f"{names(s2)=}")
    #> names(s2)=['Alice']

    s.rollback()
    print(f"{names(s)=}")
    #> names(s)=['Alice']
    print(f"{names(s2)=}")
    #> names(s2)=['Alice']

engine.dispose()
tmp.cleanup()
