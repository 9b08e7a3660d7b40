from sqlalchemy import String, create_engine, event, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite:///app.db")
if engine.dialect.name == "sqlite":

    @event.listens_for(engine, "connect")
    def use_real_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    session.add(User(name="ana"))
    session.flush()
    try:
        session.execute(insert(User).values(name="ana"))
    except DBAPIError as error:
        print(f"{type(error).__name__}: {type(error.orig).__name__}")
        #> IntegrityError: IntegrityError
    try:
        print(f"{session.scalars(select(User.name)).all()=}")
        #> session.scalars(select(User.name)).all()=['ana']
    except DBAPIError as error:
        print(f"{type(error).__name__}: {type(error.orig).__name__}: {error.orig}")
    session.rollback()

with Session(engine) as session:
    session.add(User(name="ana"))
    session.flush()
    try:
        with session.begin_nested():
            session.execute(insert(User).values(name="ana"))
    except DBAPIError as error:
        print(f"{type(error).__name__}: {type(error.orig).__name__}")
        #> IntegrityError: IntegrityError
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana']
    session.add(User(name="bea"))
    session.commit()
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana', 'bea']

engine.dispose()
