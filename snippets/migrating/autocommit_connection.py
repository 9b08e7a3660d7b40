from sqlalchemy import String, create_engine, event, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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
autocommit_engine = create_engine(engine.url, isolation_level="AUTOCOMMIT")


def others_see():
    with autocommit_engine.connect() as other:
        return other.scalars(select(User.name)).all()


print(f"{others_see()=}")
#> others_see()=[]
engine.echo = autocommit_engine.echo = True


def insert_vacuum_rollback(connection):
    connection.execute(insert(User).values(name="ana"))
    result = {"others_see": others_see()}
    try:
        connection.execute(text("VACUUM"))
        result["vacuum"] = "ok"
    except DBAPIError as error:
        result["vacuum"] = f"{type(error.orig).__name__}: {error.orig}"
    connection.rollback()
    result["others_see_after_rollback"] = others_see()
    return result


with engine.connect() as connection:
    default = insert_vacuum_rollback(connection)
print(f"{default=}")
'''
default={'others_see': [], 'vacuum': 'OperationalError: cannot VACUUM from within a transaction', 'others_see_after_rollback': []}
'''

with autocommit_engine.connect() as connection:
    autocommit = insert_vacuum_rollback(connection)
print(f"{autocommit=}")
'''
autocommit={'others_see': ['ana'], 'vacuum': 'ok', 'others_see_after_rollback': ['ana']}
'''

engine.dispose()
autocommit_engine.dispose()
