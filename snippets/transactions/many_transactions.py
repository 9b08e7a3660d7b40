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
    ana, bea, cid = User(name="ana"), User(name="bea"), User(name="cid")
    session.add(ana)
    session.commit()
    table.watch(ana=ana).step("add(ana), commit()")

    session.add(bea)
    session.flush()
    table.watch(bea=bea).step("add(bea), flush()")

    session.rollback()
    table.step("rollback()")
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False

    session.add(cid)
    session.commit()
    table.watch(cid=cid).step("add(cid), commit()")
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False

print(table)
'''
step               | Python object                            | state in the Session      | SQL logged            | this transaction sees | another connection sees
-------------------+------------------------------------------+---------------------------+-----------------------+-----------------------+------------------------
add(ana), commit() | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | BEGIN, INSERT, COMMIT | –                     | (1, 'ana')
add(bea), flush()  | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | BEGIN, INSERT         | (1, 'ana')            | (1, 'ana')
                   | bea = User(id=2, name='bea')             | persistent (identity map) |                       | (2, 'bea')            |
rollback()         | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | ROLLBACK              | –                     | (1, 'ana')
                   | bea = User(id=2, name='bea')             | transient                 |                       |                       |
add(cid), commit() | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map) | BEGIN, INSERT, COMMIT | –                     | (1, 'ana')
                   | bea = User(id=2, name='bea')             | transient                 |                       |                       | (2, 'cid')
                   | cid = User(id=‹expired›, name=‹expired›) | persistent (identity map) |                       |                       |
'''
engine.dispose()
tmp.cleanup()
