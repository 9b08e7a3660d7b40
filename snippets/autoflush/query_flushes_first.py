import tempfile

from sqlalchemy import String, create_engine, select
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
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    alice = User(name="Alice")
    session.add(alice)
    table.watch(alice=alice).step("session.add(alice)")

    names = session.scalars(select(User.name)).all()
    print(f"{names=}")
    #> names=['Alice']
    table.step("session.scalars(select(User.name)).all()")

    session.commit()
    table.step("session.commit()")

print(table)
'''
step                                     | Python object                              | state in the Session      | SQL logged            | this transaction sees | another connection sees
-----------------------------------------+--------------------------------------------+---------------------------+-----------------------+-----------------------+------------------------
session.add(alice)                       | alice = User(id=None, name='Alice')        | pending (new)             | –                     | –                     | []
session.scalars(select(User.name)).all() | alice = User(id=1, name='Alice')           | persistent (identity map) | BEGIN, INSERT, SELECT | (1, 'Alice')          | []
session.commit()                         | alice = User(id=‹expired›, name=‹expired›) | persistent (identity map) | COMMIT                | –                     | (1, 'Alice')
'''
engine.dispose()
tmp.cleanup()
