from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sessionguide import StateTable


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    user = session.get(User, 1)
    table.watch(user=user).step("user = session.get(User, 1)")

    user.name = "bea"
    table.step("user.name = 'bea'")

    session.expire(user)
    table.step("session.expire(user)")

    print(f"{user.name=}")
    #> user.name='ana'
    table.step("user.name")

    user.name = "bea"
    table.step("user.name = 'bea'")

    session.refresh(user)
    table.step("session.refresh(user)")

    print(f"{user.name=}")
    #> user.name='ana'
    table.step("user.name")

print(table)
'''
step                        | Python object                             | state in the Session             | SQL logged    | this transaction sees
----------------------------+-------------------------------------------+----------------------------------+---------------+----------------------
user = session.get(User, 1) | user = User(id=1, name='ana')             | persistent (identity map)        | BEGIN, SELECT | (1, 'ana')
user.name = 'bea'           | user = User(id=1, name='bea')             | persistent (identity map, dirty) | –             | (1, 'ana')
session.expire(user)        | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | –             | (1, 'ana')
user.name                   | user = User(id=1, name='ana')             | persistent (identity map)        | SELECT        | (1, 'ana')
user.name = 'bea'           | user = User(id=1, name='bea')             | persistent (identity map, dirty) | –             | (1, 'ana')
session.refresh(user)       | user = User(id=1, name='ana')             | persistent (identity map)        | SELECT        | (1, 'ana')
user.name                   | user = User(id=1, name='ana')             | persistent (identity map)        | –             | (1, 'ana')
'''
