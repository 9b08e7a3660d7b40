from sqlalchemy import String, create_engine, select
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
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    table = StateTable(session, User)
    ana, bob = session.scalars(select(User).order_by(User.id)).all()
    table.watch(ana=ana, bob=bob).step("ana, bob = session.scalars(...).all()")

    ana.name = "Ana"
    table.step("ana.name = 'Ana'")

    session.expire_all()
    table.step("session.expire_all()")

    print(f"{ana.name=}")
    #> ana.name='ana'
    table.step("ana.name")

    print(f"{bob.name=}")
    #> bob.name='bob'
    table.step("bob.name")

print(table)
'''
step                                  | Python object                            | state in the Session             | SQL logged    | this transaction sees
--------------------------------------+------------------------------------------+----------------------------------+---------------+----------------------
ana, bob = session.scalars(...).all() | ana = User(id=1, name='ana')             | persistent (identity map)        | BEGIN, SELECT | (1, 'ana')
                                      | bob = User(id=2, name='bob')             | persistent (identity map)        |               | (2, 'bob')
ana.name = 'Ana'                      | ana = User(id=1, name='Ana')             | persistent (identity map, dirty) | –             | (1, 'ana')
                                      | bob = User(id=2, name='bob')             | persistent (identity map)        |               | (2, 'bob')
session.expire_all()                  | ana = User(id=‹expired›, name=‹expired›) | persistent (identity map)        | –             | (1, 'ana')
                                      | bob = User(id=‹expired›, name=‹expired›) | persistent (identity map)        |               | (2, 'bob')
ana.name                              | ana = User(id=1, name='ana')             | persistent (identity map)        | SELECT        | (1, 'ana')
                                      | bob = User(id=‹expired›, name=‹expired›) | persistent (identity map)        |               | (2, 'bob')
bob.name                              | ana = User(id=1, name='ana')             | persistent (identity map)        | SELECT        | (1, 'ana')
                                      | bob = User(id=2, name='bob')             | persistent (identity map)        |               | (2, 'bob')
'''
