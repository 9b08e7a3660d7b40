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

    payload = User(id=1, name="bea")
    table.watch(payload=payload).step("payload = User(id=1, name='bea')")

    merged = session.merge(payload)
    table.step("merged = session.merge(payload)")
    print(f"{merged is user=} {merged is payload=} {payload in session=}")
    #> merged is user=True merged is payload=False payload in session=False

    payload.name = "cy"
    table.step("payload.name = 'cy'")

    session.commit()
    table.step("session.commit()")

    print(f"{merged.name=} {payload.name=}")
    #> merged.name='bea' payload.name='cy'
    table.step("merged.name")

print(table)
'''
step                             | Python object                             | state in the Session             | SQL logged     | this transaction sees
---------------------------------+-------------------------------------------+----------------------------------+----------------+----------------------
user = session.get(User, 1)      | user = User(id=1, name='ana')             | persistent (identity map)        | BEGIN, SELECT  | (1, 'ana')
payload = User(id=1, name='bea') | user = User(id=1, name='ana')             | persistent (identity map)        | –              | (1, 'ana')
                                 | payload = User(id=1, name='bea')          | transient                        |                |
merged = session.merge(payload)  | user = User(id=1, name='bea')             | persistent (identity map, dirty) | –              | (1, 'ana')
                                 | payload = User(id=1, name='bea')          | transient                        |                |
payload.name = 'cy'              | user = User(id=1, name='bea')             | persistent (identity map, dirty) | –              | (1, 'ana')
                                 | payload = User(id=1, name='cy')           | transient                        |                |
session.commit()                 | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | UPDATE, COMMIT | –
                                 | payload = User(id=1, name='cy')           | transient                        |                |
merged.name                      | user = User(id=1, name='bea')             | persistent (identity map)        | BEGIN, SELECT  | (1, 'bea')
                                 | payload = User(id=1, name='cy')           | transient                        |                |
'''
