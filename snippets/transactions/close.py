from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

session = Session(engine)
ana = session.get(User, 1)
ana.name = "Ana"
session.close()
print(f"{len(session.identity_map)=} {session.in_transaction()=}")
#> len(session.identity_map)=0 session.in_transaction()=False
print(f"{engine.pool.checkedout()=}")
#> engine.pool.checkedout()=0
print(f"{inspect(ana).detached=} {ana.name=}")
#> inspect(ana).detached=True ana.name='Ana'

again = session.get(User, 1)
print(f"{again is ana=} {again.name=} {session.in_transaction()=}")
#> again is ana=False again.name='ana' session.in_transaction()=True
session.close()

engine.dispose()
