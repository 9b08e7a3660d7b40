from sqlalchemy import String, create_engine, event, select, update
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

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True
if engine.dialect.name == "postgresql":
    snapshot_engine = engine.execution_options(isolation_level="REPEATABLE READ")
else:
    snapshot_engine = engine


def rename_elsewhere(name):
    with engine.begin() as other:
        other.execute(update(User).where(User.id == 1).values(name=name))


with Session(engine) as session:
    print(f"{session.connection().get_isolation_level()=}")
    #> session.connection().get_isolation_level()='SERIALIZABLE'
    rename_elsewhere("Ana")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Ana'
    rename_elsewhere("ANA")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Ana'

with Session(snapshot_engine) as session:
    print(f"{session.connection().get_isolation_level()=}")
    #> session.connection().get_isolation_level()='SERIALIZABLE'
    rename_elsewhere("Bea")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Bea'
    rename_elsewhere("BEA")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Bea'

engine.dispose()
