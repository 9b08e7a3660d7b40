import tempfile

from sqlalchemy import String, create_engine, insert, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
observer = create_engine(f"sqlite:///{tmp.name}/app.db")
engine.echo = True


def others_see():
    with observer.connect() as connection:
        return connection.scalars(select(User.name)).all()


def insert_vacuum_rollback(connection):
    connection.execute(insert(User).values(name="ana"))
    sqlite = connection.connection.dbapi_connection
    result = {
        "isolation_level": sqlite.isolation_level,
        "in_transaction": sqlite.in_transaction,
        "others_see": others_see(),
    }
    try:
        connection.execute(text("VACUUM"))
        result["vacuum"] = "ok"
    except OperationalError as error:
        result["vacuum"] = f"{type(error).__name__}: {error.orig}"
    connection.rollback()
    result["others_see_after_rollback"] = others_see()
    return result


with engine.connect() as connection:
    default = insert_vacuum_rollback(connection)
print(f"{default=}")
'''
default={'isolation_level': '', 'in_transaction': True, 'others_see': [], 'vacuum': 'OperationalError: cannot VACUUM from within a transaction', 'others_see_after_rollback': []}
'''

with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
    autocommit = insert_vacuum_rollback(connection)
print(f"{autocommit=}")
'''
autocommit={'isolation_level': None, 'in_transaction': False, 'others_see': ['ana'], 'vacuum': 'ok', 'others_see_after_rollback': ['ana']}
'''

engine.dispose()
observer.dispose()
tmp.cleanup()
