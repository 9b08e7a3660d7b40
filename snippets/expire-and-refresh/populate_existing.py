import tempfile

from sqlalchemy import String, create_engine, select, update
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


def rename_elsewhere(name):
    with engine.begin() as other:
        other.execute(update(User).where(User.id == 1).values(name=name))


with Session(engine, expire_on_commit=False) as session:
    table = StateTable(session, User)
    user = session.get(User, 1)
    session.commit()
    table.watch(user=user).step("session.get(User, 1), session.commit()")

    rename_elsewhere("Ana")
    table.step("rename_elsewhere('Ana')")

    found = session.scalars(select(User)).one()
    table.step("session.scalars(select(User))")
    print(f"{found is user=} {user.name=}")
    #> found is user=True user.name='ana'

    found = session.scalars(
        select(User).execution_options(populate_existing=True)
    ).one()
    table.step("... populate_existing=True")
    print(f"{found is user=} {user.name=}")
    #> found is user=True user.name='Ana'

    session.commit()
    table.step("session.commit()")

    rename_elsewhere("ANA")
    table.step("rename_elsewhere('ANA')")

    session.refresh(user)
    table.step("session.refresh(user)")
    print(f"{user.name=}")
    #> user.name='ANA'

print(table)
'''
step                                   | Python object                 | state in the Session      | SQL logged            | this transaction sees | another connection sees
---------------------------------------+-------------------------------+---------------------------+-----------------------+-----------------------+------------------------
session.get(User, 1), session.commit() | user = User(id=1, name='ana') | persistent (identity map) | BEGIN, SELECT, COMMIT | –                     | (1, 'ana')
rename_elsewhere('Ana')                | user = User(id=1, name='ana') | persistent (identity map) | BEGIN, UPDATE, COMMIT | –                     | (1, 'Ana')
session.scalars(select(User))          | user = User(id=1, name='ana') | persistent (identity map) | BEGIN, SELECT         | (1, 'Ana')            | (1, 'Ana')
... populate_existing=True             | user = User(id=1, name='Ana') | persistent (identity map) | SELECT                | (1, 'Ana')            | (1, 'Ana')
session.commit()                       | user = User(id=1, name='Ana') | persistent (identity map) | COMMIT                | –                     | (1, 'Ana')
rename_elsewhere('ANA')                | user = User(id=1, name='Ana') | persistent (identity map) | BEGIN, UPDATE, COMMIT | –                     | (1, 'ANA')
session.refresh(user)                  | user = User(id=1, name='ANA') | persistent (identity map) | BEGIN, SELECT         | (1, 'ANA')            | (1, 'ANA')
'''
engine.dispose()
tmp.cleanup()
