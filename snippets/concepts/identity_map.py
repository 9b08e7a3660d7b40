from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

with Session(engine) as session:
    first = session.get(User, 1)
    second = session.get(User, 1)
    print(f"{first is second=}")
    #> first is second=True

    by_query = session.scalars(select(User).where(User.id == 1)).one()
    again = session.scalars(select(User).where(User.id == 1)).one()
    print(f"{by_query is first=} {again is first=}")
    #> by_query is first=True again is first=True
    print(f"{list(session.identity_map.keys())=}")
    #> list(session.identity_map.keys())=[(<class '__main__.User'>, (1,), None)]
