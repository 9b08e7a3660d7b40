from sqlalchemy import String, create_engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Job(Base):
    __tablename__ = "jobs"
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
    session.add_all([Job(name="resize"), Job(name="email"), Job(name="backup")])
    session.commit()
engine.echo = True

first_job = select(Job).order_by(Job.id).limit(1)
with Session(engine) as worker_1, Session(engine) as worker_2:
    job = worker_1.scalars(first_job.with_for_update()).one()
    print(f"{job.name=}")
    #> job.name='resize'
    try:
        other = worker_2.scalars(first_job.with_for_update(nowait=True)).one()
        print(f"{other.name=}")
        #> other.name='resize'
    except OperationalError as error:
        print(f"{type(error.orig).__name__}: {error.orig}")
        worker_2.rollback()
    other = worker_2.scalars(first_job.with_for_update(skip_locked=True)).one()
    print(f"{other.name=}")
    #> other.name='resize'
engine.dispose()
