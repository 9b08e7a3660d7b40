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
    ana = User(name="ana")
    session.add(ana)
    session.flush()
    table.watch(ana=ana).step("session.flush()")

    session.rollback()
    table.step("session.rollback()")

    bea = User(name="bea")
    session.add(bea)
    session.flush()
    table.watch(bea=bea).step("session.flush()")

    print(f"{ana.id=} {bea.id=}")
    #> ana.id=1 bea.id=1

print(table)
'''
step               | Python object                | state in the Session      | SQL logged    | this transaction sees | another connection sees
-------------------+------------------------------+---------------------------+---------------+-----------------------+------------------------
session.flush()    | ana = User(id=1, name='ana') | persistent (identity map) | BEGIN, INSERT | (1, 'ana')            | []
session.rollback() | ana = User(id=1, name='ana') | transient                 | ROLLBACK      | –                     | []
session.flush()    | ana = User(id=1, name='ana') | transient                 | BEGIN, INSERT | (1, 'bea')            | []
                   | bea = User(id=1, name='bea') | persistent (identity map) |               |                       |
'''
engine.dispose()
tmp.cleanup()
