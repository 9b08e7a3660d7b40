from sqlalchemy import String, create_engine, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True
Session = sessionmaker(engine)

print(f"{type(User.name).__name__=} {User.__table__.name=}")
#> type(User.name).__name__='InstrumentedAttribute' User.__table__.name='users'
ana = User(name="ana")
print(f"{inspect(ana).transient=}")
#> inspect(ana).transient=True

session = Session()
print(f"{session.in_transaction()=} {engine.pool.checkedout()=}")
#> session.in_transaction()=False engine.pool.checkedout()=0
session.add(ana)
print(f"{session.in_transaction()=} {engine.pool.checkedout()=}")
#> session.in_transaction()=True engine.pool.checkedout()=0
print(f"{session.scalars(select(User.name)).all()=}")
#> session.scalars(select(User.name)).all()=['ana']
print(f"{session.in_transaction()=} {engine.pool.checkedout()=}")
#> session.in_transaction()=True engine.pool.checkedout()=1

session.rollback()
print(f"{session.in_transaction()=} {engine.pool.checkedout()=}")
#> session.in_transaction()=False engine.pool.checkedout()=0
bea = User(name="bea")
session.add(bea)
session.flush()
print(f"{bea.id=} {engine.pool.checkedout()=}")
#> bea.id=1 engine.pool.checkedout()=1
session.commit()
print(f"{session.in_transaction()=} {engine.pool.checkedout()=}")
#> session.in_transaction()=False engine.pool.checkedout()=0
print(f"{session.scalars(select(User.name)).all()=}")
#> session.scalars(select(User.name)).all()=['bea']
session.close()

engine.dispose()
