from sqlalchemy import String, create_engine, event, select, update
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
        dbapi_connection.execute("PRAGMA busy_timeout = 100")

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True


def rename_elsewhere(name):
    try:
        with engine.begin() as other:
            other.execute(update(User).where(User.id == 1).values(name=name))
    except OperationalError as error:
        print(f"{type(error.orig).__name__}: {error.orig}")
        #> OperationalError: database is locked


with Session(engine) as session:
    user = session.get(User, 1)
    rename_elsewhere("Ana")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='ana'

rename_elsewhere("Ana")
with Session(engine) as session:
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Ana'

engine.dispose()
