from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


events = []


def pool_events():
    seen = events.copy()
    events.clear()
    return seen


engine = create_engine("sqlite:///app.db")
for name in ("connect", "checkout", "checkin"):
    event.listen(engine, name, lambda *args, name=name: events.append(name))
print(f"{type(engine.pool).__name__=}")
#> type(engine.pool).__name__='QueuePool'
print(f"{pool_events()=} {engine.pool.checkedout()=}")
#> pool_events()=[] engine.pool.checkedout()=0

Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True
print(f"{pool_events()=} {engine.pool.checkedout()=}")
'''
pool_events()=['connect', 'checkout', 'checkin', 'checkout', 'checkin'] engine.pool.checkedout()=0
'''

with engine.connect() as connection:
    print(f"{pool_events()=} {engine.pool.checkedout()=}")
    #> pool_events()=['checkout'] engine.pool.checkedout()=1
print(f"{pool_events()=} {engine.pool.checkedout()=}")
#> pool_events()=['checkin'] engine.pool.checkedout()=0

with engine.connect() as first, engine.connect() as second:
    print(f"{pool_events()=} {engine.pool.checkedout()=}")
    #> pool_events()=['checkout', 'connect', 'checkout'] engine.pool.checkedout()=2
print(f"{pool_events()=} {engine.pool.checkedout()=} {engine.pool.checkedin()=}")
'''
pool_events()=['checkin', 'checkin'] engine.pool.checkedout()=0 engine.pool.checkedin()=2
'''

engine.dispose()
