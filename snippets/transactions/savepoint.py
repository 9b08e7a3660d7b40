from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")


@event.listens_for(engine, "connect")
def do_connect(dbapi_connection, connection_record):
    dbapi_connection.isolation_level = None


@event.listens_for(engine, "begin")
def do_begin(conn):
    conn.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    session.add(User(name="ana"))
    session.flush()

    nested = session.begin_nested()
    session.add(User(name="bea"))
    session.flush()
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana', 'bea']
    nested.rollback()
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana']

    session.commit()

with Session(engine) as other:
    print(f"{other.scalars(select(User.name)).all()=}")
    #> other.scalars(select(User.name)).all()=['ana']

engine.dispose()
