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
    ana = session.get(User, 1)
    bea = User(name="bea")
    table.watch(ana=ana, bea=bea).step("ana = session.get(User, 1)")

    session.delete(ana)
    session.flush()
    session.add(bea)
    table.step("delete(ana), flush(), add(bea)")

    session.rollback()
    table.step("session.rollback()")

    session.add(bea)
    session.expunge(bea)
    table.step("add(bea), expunge(bea)")

    session.expunge(ana)
    table.step("session.expunge(ana)")

    session.add(ana)
    table.step("session.add(ana)")

    session.close()
    table.step("session.close()")

print(table)
'''
step                           | Python object                            | state in the Session      | SQL logged    | this transaction sees
-------------------------------+------------------------------------------+---------------------------+---------------+----------------------
ana = session.get(User, 1)     | ana = User(id=1, name='ana')             | persistent (identity map) | BEGIN, SELECT | (1, 'ana')
                               | bea = User(id=None, name='bea')          | transient                 |               |
delete(ana), flush(), add(bea) | ana = User(id=1, name='ana')             | deleted                   | DELETE        | []
                               | bea = User(id=None, name='bea')          | pending (new)             |               |
session.rollback()             | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | ROLLBACK      | –
                               | bea = User(id=None, name='bea')          | transient                 |               |
add(bea), expunge(bea)         | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | –             | –
                               | bea = User(id=None, name='bea')          | transient                 |               |
session.expunge(ana)           | ana = User(id=‹expired›, name=‹expired›) | detached                  | –             | –
                               | bea = User(id=None, name='bea')          | transient                 |               |
session.add(ana)               | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | –             | –
                               | bea = User(id=None, name='bea')          | transient                 |               |
session.close()                | ana = User(id=‹expired›, name=‹expired›) | detached                  | –             | –
                               | bea = User(id=None, name='bea')          | transient                 |               |
'''
