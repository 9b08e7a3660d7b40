from contextvars import ContextVar

from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    scoped_session,
    sessionmaker,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

current_request = ContextVar("current_request")
db_session = scoped_session(sessionmaker(engine), scopefunc=current_request.get)

current_request.set("request 1")
user_1 = db_session.get(User, 1)
print(f"{db_session.get(User, 1) is user_1=}")
#> db_session.get(User, 1) is user_1=True
session_1 = db_session()
db_session.remove()
print(f"{inspect(user_1).detached=} {user_1.name=}")
#> inspect(user_1).detached=True user_1.name='ana'

current_request.set("request 2")
user_2 = db_session.get(User, 1)
session_2 = db_session()
db_session.remove()
print(f"{session_2 is session_1=} {user_2 is user_1=}")
#> session_2 is session_1=False user_2 is user_1=False
