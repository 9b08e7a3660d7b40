import threading

from sqlalchemy import String, create_engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
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
engine.echo = True
db_session = scoped_session(sessionmaker(engine))

first = db_session()
print(f"{db_session() is first=}")
#> db_session() is first=True
ana = User(name="ana")
db_session.add(ana)
print(f"{ana in first=}")
#> ana in first=True

in_thread = {}
thread = threading.Thread(target=lambda: in_thread.update(session=db_session()))
thread.start()
thread.join()
print(f"{in_thread['session'] is first=}")
#> in_thread['session'] is first=False
print(f"{ana in in_thread['session']=}")
#> ana in in_thread['session']=False

db_session.remove()
print(f"{ana in first=}")
#> ana in first=False
print(f"{db_session() is first=}")
#> db_session() is first=False
