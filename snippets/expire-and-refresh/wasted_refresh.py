from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sessionguide import StateTable


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def run(refresh):
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    engine.echo = True
    with Session(engine) as session:
        table = StateTable(session, User)
        user = User(name="ana")
        session.add(user)
        session.flush()
        table.watch(user=user).step("session.flush()")
        if refresh:
            session.refresh(user)
            table.step("session.refresh(user)")
        table.step(f"user.id == {user.id}")

        session.commit()
        table.step("session.commit()")
        if refresh:
            session.refresh(user)
            table.step("session.refresh(user)")
        table.step(f"user.name == {user.name!r}")
    return table


print(run(refresh=False))
'''
step               | Python object                             | state in the Session      | SQL logged    | this transaction sees
-------------------+-------------------------------------------+---------------------------+---------------+----------------------
session.flush()    | user = User(id=1, name='ana')             | persistent (identity map) | BEGIN, INSERT | (1, 'ana')
user.id == 1       | user = User(id=1, name='ana')             | persistent (identity map) | –             | (1, 'ana')
session.commit()   | user = User(id=‹expired›, name=‹expired›) | persistent (identity map) | COMMIT        | –
user.name == 'ana' | user = User(id=1, name='ana')             | persistent (identity map) | BEGIN, SELECT | (1, 'ana')
'''
print(run(refresh=True))
'''
step                  | Python object                             | state in the Session      | SQL logged    | this transaction sees
----------------------+-------------------------------------------+---------------------------+---------------+----------------------
session.flush()       | user = User(id=1, name='ana')             | persistent (identity map) | BEGIN, INSERT | (1, 'ana')
session.refresh(user) | user = User(id=1, name='ana')             | persistent (identity map) | SELECT        | (1, 'ana')
user.id == 1          | user = User(id=1, name='ana')             | persistent (identity map) | –             | (1, 'ana')
session.commit()      | user = User(id=‹expired›, name=‹expired›) | persistent (identity map) | COMMIT        | –
session.refresh(user) | user = User(id=1, name='ana')             | persistent (identity map) | BEGIN, SELECT | (1, 'ana')
user.name == 'ana'    | user = User(id=1, name='ana')             | persistent (identity map) | –             | (1, 'ana')
'''
