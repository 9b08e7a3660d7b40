from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def names(session):
    return session.scalars(select(User.name).order_by(User.id)).all()


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
engine.echo = True

with Session(engine) as s, Session(engine) as s2:
    s.add(User(name="Alice"))
    print(f"{names(s)=}")
    #> names(s)=['Alice']
    print(f"{names(s2)=}")
    #> names(s2)=[]
    s.commit()
    print(f"{names(s2)=}")
    #> names(s2)=[]

    s.add(User(name="Bob"))
    s.flush()
    print(f"{names(s)=}")
    #> names(s)=['Alice', 'Bob']
    print(f"{names(s2)=}")
    #> names(s2)=[]
    s.rollback()
    print(f"{names(s)=}")
    #> names(s)=['Alice']

    s2.commit()
    print(f"{names(s2)=}")
    #> names(s2)=['Alice']

engine.dispose()
