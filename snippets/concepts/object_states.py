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
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    user = User(name="ana")
    table.watch(user=user).step("user = User(name='ana')")

    session.add(user)
    table.step("session.add(user)")

    session.flush()
    table.step("session.flush()")

    session.delete(user)
    table.step("session.delete(user)")

    session.flush()
    table.step("session.flush()")

    session.commit()
    table.step("session.commit()")

print(table)
'''
step                    | Python object                    | state in the Session               | SQL logged    | this transaction sees
------------------------+----------------------------------+------------------------------------+---------------+----------------------
user = User(name='ana') | user = User(id=None, name='ana') | transient                          | –             | –
session.add(user)       | user = User(id=None, name='ana') | pending (new)                      | –             | –
session.flush()         | user = User(id=1, name='ana')    | persistent (identity map)          | BEGIN, INSERT | (1, 'ana')
session.delete(user)    | user = User(id=1, name='ana')    | persistent (identity map, deleted) | –             | (1, 'ana')
session.flush()         | user = User(id=1, name='ana')    | deleted                            | DELETE        | []
session.commit()        | user = User(id=1, name='ana')    | detached                           | COMMIT        | –
'''
