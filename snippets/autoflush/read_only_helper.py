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


def name_taken(session, name):
    return session.scalar(select(User.id).where(User.name == name)) is not None


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    ana = session.get(User, 1)
    ana.name = "ann"
    table.watch(ana=ana).step("ana.name = 'ann'")

    taken = name_taken(session, "bob")
    print(f"{taken=}")
    #> taken=False
    table.step("name_taken(session, 'bob')")

    session.rollback()
    table.step("session.rollback()")

    print(f"{ana.name=}")
    #> ana.name='ana'
    table.step("ana.name")

print(table)
'''
step                       | Python object                            | state in the Session             | SQL logged     | this transaction sees | another connection sees
---------------------------+------------------------------------------+----------------------------------+----------------+-----------------------+------------------------
ana.name = 'ann'           | ana = User(id=1, name='ann')             | persistent (identity map, dirty) | BEGIN, SELECT  | (1, 'ana')            | (1, 'ana')
name_taken(session, 'bob') | ana = User(id=1, name='ann')             | persistent (identity map)        | UPDATE, SELECT | (1, 'ann')            | (1, 'ana')
session.rollback()         | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | ROLLBACK       | –                     | (1, 'ana')
ana.name                   | ana = User(id=1, name='ana')             | persistent (identity map)        | BEGIN, SELECT  | (1, 'ana')            | (1, 'ana')
'''
engine.dispose()
tmp.cleanup()
