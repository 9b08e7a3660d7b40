from sqlalchemy import String, create_engine, event, select
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

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True


def committed_names():
    with Session(engine) as other:
        return other.scalars(select(User.name)).all()


with Session(engine) as session:
    alice = User(name="Alice")
    session.add(alice)
    names = session.scalars(select(User.name)).all()
    print(f"{names=} {committed_names()=}")
    #> names=['Alice'] committed_names()=[]
    session.commit()
    print(f"{committed_names()=}")
    #> committed_names()=['Alice']

engine.dispose()
