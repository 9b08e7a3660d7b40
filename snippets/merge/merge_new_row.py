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

def merge_and_commit(payload):
    with Session(engine) as session:
        table = StateTable(session, User)
        table.watch(payload=payload)
        merged = session.merge(payload)
        table.watch(merged=merged).step("merged = session.merge(payload)")

        session.commit()
        table.step("session.commit()")
    return table


print(merge_and_commit(User(id=7, name="bea")))
'''
step                            | Python object                               | state in the Session      | SQL logged     | this transaction sees
--------------------------------+---------------------------------------------+---------------------------+----------------+----------------------
merged = session.merge(payload) | payload = User(id=7, name='bea')            | transient                 | BEGIN, SELECT  | (1, 'ana')
                                | merged = User(id=7, name='bea')             | pending (new)             |                |
session.commit()                | payload = User(id=7, name='bea')            | transient                 | INSERT, COMMIT | –
                                | merged = User(id=‹expired›, name=‹expired›) | persistent (identity map) |                |
'''
print(merge_and_commit(User(name="cy")))
'''
step                            | Python object                               | state in the Session      | SQL logged            | this transaction sees
--------------------------------+---------------------------------------------+---------------------------+-----------------------+----------------------
merged = session.merge(payload) | payload = User(id=None, name='cy')          | transient                 | –                     | –
                                | merged = User(id=None, name='cy')           | pending (new)             |                       |
session.commit()                | payload = User(id=None, name='cy')          | transient                 | BEGIN, INSERT, COMMIT | –
                                | merged = User(id=‹expired›, name=‹expired›) | persistent (identity map) |                       |
'''
