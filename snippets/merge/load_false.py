import tempfile

from sqlalchemy import String, create_engine, update
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
with Session(engine) as session:
    cached = session.get(User, 1)
with engine.begin() as other:
    other.execute(update(User).where(User.id == 1).values(name="Ana"))
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    table.watch(cached=cached).step("cached (from a closed Session)")

    user = session.merge(cached, load=False)
    table.watch(user=user).step("user = session.merge(cached, load=False)")
    print(f"{user is cached=} {user.name=}")
    #> user is cached=False user.name='ana'

    session.commit()
    table.step("session.commit()")

    print(f"{user.name=}")
    #> user.name='Ana'
    table.step("user.name")

print(table)
'''
step                                     | Python object                             | state in the Session      | SQL logged    | this transaction sees | another connection sees
-----------------------------------------+-------------------------------------------+---------------------------+---------------+-----------------------+------------------------
cached (from a closed Session)           | cached = User(id=1, name='ana')           | detached                  | –             | –                     | (1, 'Ana')
user = session.merge(cached, load=False) | cached = User(id=1, name='ana')           | detached                  | –             | –                     | (1, 'Ana')
                                         | user = User(id=1, name='ana')             | persistent (identity map) |               |                       |
session.commit()                         | cached = User(id=1, name='ana')           | detached                  | –             | –                     | (1, 'Ana')
                                         | user = User(id=‹expired›, name=‹expired›) | persistent (identity map) |               |                       |
user.name                                | cached = User(id=1, name='ana')           | detached                  | BEGIN, SELECT | (1, 'Ana')            | (1, 'Ana')
                                         | user = User(id=1, name='Ana')             | persistent (identity map) |               |                       |
'''
engine.dispose()
tmp.cleanup()
