import tempfile

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sessionguide import StateTable


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    user = session.get(User, 1)
    user.name = "bea"
    table.watch(user=user).step("user.name = 'bea'")

    session.flush()
    table.step("session.flush()")

    session.refresh(user)
    table.step("session.refresh(user)")

    session.expire(user)
    table.step("session.expire(user)")

    print(f"{user.name=}")
    #> user.name='bea'
    table.step("user.name")

    session.rollback()
    table.step("session.rollback()")

    print(f"{user.name=}")
    #> user.name='ana'
    table.step("user.name")

print(table)
'''
step                  | Python object                             | state in the Session             | SQL logged    | this transaction sees | another connection sees
----------------------+-------------------------------------------+----------------------------------+---------------+-----------------------+------------------------
user.name = 'bea'     | user = User(id=1, name='bea')             | persistent (identity map, dirty) | BEGIN, SELECT | (1, 'ana')            | (1, 'ana')
session.flush()       | user = User(id=1, name='bea')             | persistent (identity map)        | UPDATE        | (1, 'bea')            | (1, 'ana')
session.refresh(user) | user = User(id=1, name='bea')             | persistent (identity map)        | SELECT        | (1, 'bea')            | (1, 'ana')
session.expire(user)  | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | –             | (1, 'bea')            | (1, 'ana')
user.name             | user = User(id=1, name='bea')             | persistent (identity map)        | SELECT        | (1, 'bea')            | (1, 'ana')
session.rollback()    | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | ROLLBACK      | –                     | (1, 'ana')
user.name             | user = User(id=1, name='ana')             | persistent (identity map)        | BEGIN, SELECT | (1, 'ana')            | (1, 'ana')
'''
engine.dispose()
tmp.cleanup()
