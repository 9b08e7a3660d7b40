import time

from sqlalchemy import String, create_engine, event, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
if engine.dialect.name == "sqlite":

    @event.listens_for(engine, "connect")
    def use_real_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA busy_timeout = 1000")

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")

else:

    @event.listens_for(engine, "begin")
    def short_lock_timeout(connection):
        connection.exec_driver_sql("SET LOCAL lock_timeout = '1s'")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with engine.begin() as connection:
    connection.execute(insert(User), [{"name": "ana"}, {"name": "bob"}])
engine.echo = True


def rename(session, user_id, name):
    started = time.monotonic()
    try:
        session.execute(update(User).where(User.id == user_id).values(name=name))
        session.commit()
    except OperationalError as error:
        print(f"{type(error.orig).__name__}: {error.orig}")
        #> OperationalError: database is locked
        #> OperationalError: database is locked
        waited = time.monotonic() - started >= 0.5
        print(f"{waited=}")
        #> waited=True
        #> waited=False
        session.rollback()


with Session(engine) as first, Session(engine) as second:
    first.get(User, 1).name = "Ana"
    first.flush()
    rename(second, 2, "Bob")
    user = second.get(User, 1)
    rename(second, 1, "ANA")
    first.commit()
    print(f"{second.scalars(select(User.name).order_by(User.id)).all()=}")
    #> second.scalars(select(User.name).order_by(User.id)).all()=['Ana', 'bob']

engine.dispose()
