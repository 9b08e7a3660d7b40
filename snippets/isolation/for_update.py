from sqlalchemy import create_engine, event, insert, select
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
        dbapi_connection.execute("PRAGMA busy_timeout = 100")

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

else:

    @event.listens_for(engine, "begin")
    def short_lock_timeout(connection):
        connection.exec_driver_sql("SET LOCAL lock_timeout = '100ms'")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with engine.begin() as connection:
    connection.execute(insert(Product).values(stock=10))
engine.echo = True

product_1 = select(Product).where(Product.id == 1).with_for_update()
with Session(engine) as alice, Session(engine) as bob:
    mine = alice.scalars(product_1).one()
    try:
        theirs = bob.scalars(product_1).one()
    except OperationalError as error:
        print(f"{type(error.orig).__name__}: {error.orig}")
        #> OperationalError: database is locked
        bob.rollback()
    mine.stock = mine.stock - 1
    alice.commit()
    theirs = bob.scalars(product_1).one()
    theirs.stock = theirs.stock - 1
    bob.commit()
    print(f"{alice.get(Product, 1).stock=}")
    #> alice.get(Product, 1).stock=8

engine.dispose()
