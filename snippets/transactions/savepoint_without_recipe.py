from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def do_connect(dbapi_connection, connection_record):
    dbapi_connection.isolation_level = None


def do_begin(conn):
    conn.exec_driver_sql("BEGIN")


def release_then_rollback(recipe):
    engine = create_engine("sqlite://")
    if recipe:
        event.listen(engine, "connect", do_connect)
        event.listen(engine, "begin", do_begin)
    Base.metadata.create_all(engine)
    engine.echo = True
    with Session(engine) as session:
        with session.begin_nested():
            session.add(User(name="ana"))
        sqlite = session.connection().connection.dbapi_connection
        seen = {
            "session.in_transaction()": session.in_transaction(),
            "sqlite.in_transaction": sqlite.in_transaction,
        }
        session.rollback()
        seen["rows after rollback()"] = session.scalars(select(User.name)).all()
    engine.dispose()
    return seen


without_recipe = release_then_rollback(recipe=False)
print(f"{without_recipe=}")
'''
without_recipe={'session.in_transaction()': True, 'sqlite.in_transaction': False, 'rows after rollback()': ['ana']}
'''
with_recipe = release_then_rollback(recipe=True)
print(f"{with_recipe=}")
'''
with_recipe={'session.in_transaction()': True, 'sqlite.in_transaction': True, 'rows after rollback()': []}
'''
