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
    user = session.get(User, 1)
    rename_elsewhere("Ana")
    print(f"{session.scalars(select(User)).one().name=}")
    #> session.scalars(select(User)).one().name='ana'
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='ana'
    populated = select(User).execution_options(populate_existing=True)
    print(f"{session.scalars(populated).one().name=}")
    #> session.scalars(populated).one().name='ana'
    rename_elsewhere("ANA")
    session.refresh(user)
    print(f"{user.name=}")
    #> user.name='ana'

with Session(snapshot_engine) as session:
    user = session.get(User, 1)
    rename_elsewhere("Bea")
    session.refresh(user)
    print(f"{user.name=}")
    #> user.name='ANA'
    session.commit()
    print(f"{user.name=}")
    #> user.name='Bea'

engine.dispose()
