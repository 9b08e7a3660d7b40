from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


default = create_engine("sqlite:///app.db")
if default.dialect.name == "sqlite":

    @event.listens_for(default, "connect")
    def use_real_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @event.listens_for(default, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


autocommit = create_engine(default.url, isolation_level="AUTOCOMMIT")

for name, engine in {"default": default, "autocommit": autocommit}.items():
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(User(name="user1"))
        session.commit()
    engine.echo = True
    with Session(engine) as session:
        user = session.get(User, 1)
        user.name = "user2"
        session.flush()
        session.rollback()
        print(f"{name}: {user.name=}")
        #> default: user.name='user1'
        #> autocommit: user.name='user2'
    engine.dispose()
