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
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False
    ana = User(name="ana")
    session.add(ana)
    table.watch(ana=ana).step("session.add(ana)")
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=True

    session.commit()
    table.step("session.commit()")
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False

    print(f"{ana.name=}")
    #> ana.name='ana'
    table.step("ana.name")
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=True

    session.commit()
    table.step("session.commit()")

print(table)
'''
step             | Python object                            | state in the Session      | SQL logged            | this transaction sees | another connection sees
-----------------+------------------------------------------+---------------------------+-----------------------+-----------------------+------------------------
session.add(ana) | ana = User(id=None, name='ana')          | pending (new)             | –                     | –                     | []
session.commit() | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | BEGIN, INSERT, COMMIT | –                     | (1, 'ana')
ana.name         | ana = User(id=1, name='ana')             | persistent (identity map) | BEGIN, SELECT         | (1, 'ana')            | (1, 'ana')
session.commit() | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | COMMIT                | –                     | (1, 'ana')
'''
engine.dispose()
tmp.cleanup()
