from sqlalchemy import create_engine, event, insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    stock: Mapped[int]


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
with engine.begin() as connection:
    connection.execute(insert(Product).values(stock=10))
engine.echo = True

with Session(engine) as alice, Session(engine) as bob:
    mine = alice.get(Product, 1)
    theirs = bob.get(Product, 1)
    mine.stock = mine.stock - 1
    alice.commit()
    theirs.stock = theirs.stock - 1
    try:
        bob.commit()
    except OperationalError as error:
        print(f"{type(error.orig).__name__}: {error.orig}")
        #> OperationalError: database is locked
        bob.rollback()
    print(f"{alice.get(Product, 1).stock=}")
    #> alice.get(Product, 1).stock=9

engine.dispose()
