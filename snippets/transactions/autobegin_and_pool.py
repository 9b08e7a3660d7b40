from sqlalchemy import String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


events = []


def status(session):
    seen = events.copy()
    events.clear()
    return {
        "in_transaction": session.in_transaction(),
        "checked_out": engine.pool.checkedout(),
        "pool_events": seen,
    }


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True
for name in ("checkout", "checkin"):
    event.listen(engine, name, lambda *args, name=name: events.append(name))

SessionLocal = sessionmaker(engine)
session = SessionLocal()
print(f"{status(session)=}")
#> status(session)={'in_transaction': False, 'checked_out': 0, 'pool_events': []}

user = User(name="ana")
session.add(user)
print(f"{status(session)=}")
#> status(session)={'in_transaction': True, 'checked_out': 0, 'pool_events': []}

print(f"{session.scalars(select(User.name)).all()=}")
#> session.scalars(select(User.name)).all()=['ana']
print(f"{status(session)=}")
'''
status(session)={'in_transaction': True, 'checked_out': 1, 'pool_events': ['checkout']}
'''

print(f"{session.scalars(select(User.id)).all()=}")
#> session.scalars(select(User.id)).all()=[1]
print(f"{status(session)=}")
#> status(session)={'in_transaction': True, 'checked_out': 1, 'pool_events': []}

session.commit()
print(f"{status(session)=}")
'''
status(session)={'in_transaction': False, 'checked_out': 0, 'pool_events': ['checkin']}
'''

print(f"{user.name=}")
#> user.name='ana'
print(f"{status(session)=}")
'''
status(session)={'in_transaction': True, 'checked_out': 1, 'pool_events': ['checkout']}
'''

session.close()
print(f"{status(session)=}")
'''
status(session)={'in_transaction': False, 'checked_out': 0, 'pool_events': ['checkin']}
'''

engine.dispose()
