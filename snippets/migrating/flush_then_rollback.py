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


def engine_with_user1(path, **options):
    engine = create_engine(f"sqlite:///{path}", **options)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(User(name="user1"))
        session.commit()
    engine.echo = True
    return engine


def flush_then_rollback(engine):
    with Session(engine) as session:
        table = StateTable(session, User)
        user = session.get(User, 1)
        table.watch(user=user).step("user = session.get(User, 1)")

        user.name = "user2"
        table.step("user.name = 'user2'")

        session.flush()
        table.step("session.flush()")

        session.rollback()
        table.step("session.rollback()")

        table.step(f"user.name == {user.name!r}")
    return table


tmp = tempfile.TemporaryDirectory()
engine = engine_with_user1(f"{tmp.name}/default.db")
autocommit_engine = engine_with_user1(
    f"{tmp.name}/autocommit.db", isolation_level="AUTOCOMMIT"
)
print(flush_then_rollback(engine))
'''
step                        | Python object                             | state in the Session             | SQL logged    | this transaction sees | another connection sees
----------------------------+-------------------------------------------+----------------------------------+---------------+-----------------------+------------------------
user = session.get(User, 1) | user = User(id=1, name='user1')           | persistent (identity map)        | BEGIN, SELECT | (1, 'user1')          | (1, 'user1')
user.name = 'user2'         | user = User(id=1, name='user2')           | persistent (identity map, dirty) | –             | (1, 'user1')          | (1, 'user1')
session.flush()             | user = User(id=1, name='user2')           | persistent (identity map)        | UPDATE        | (1, 'user2')          | (1, 'user1')
session.rollback()          | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | ROLLBACK      | –                     | (1, 'user1')
user.name == 'user1'        | user = User(id=1, name='user1')           | persistent (identity map)        | BEGIN, SELECT | (1, 'user1')          | (1, 'user1')
'''
print(flush_then_rollback(autocommit_engine))
'''
step                        | Python object                             | state in the Session             | SQL logged    | this transaction sees | another connection sees
----------------------------+-------------------------------------------+----------------------------------+---------------+-----------------------+------------------------
user = session.get(User, 1) | user = User(id=1, name='user1')           | persistent (identity map)        | BEGIN, SELECT | (1, 'user1')          | (1, 'user1')
user.name = 'user2'         | user = User(id=1, name='user2')           | persistent (identity map, dirty) | –             | (1, 'user1')          | (1, 'user1')
session.flush()             | user = User(id=1, name='user2')           | persistent (identity map)        | UPDATE        | (1, 'user2')          | (1, 'user2')
session.rollback()          | user = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | ROLLBACK      | –                     | (1, 'user2')
user.name == 'user2'        | user = User(id=1, name='user2')           | persistent (identity map)        | BEGIN, SELECT | (1, 'user2')          | (1, 'user2')
'''
engine.dispose()
autocommit_engine.dispose()
tmp.cleanup()
