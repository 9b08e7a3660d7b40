from sqlalchemy import String, create_engine, select, text
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
    user = session.get(User, 1)
    session.execute(text("UPDATE users SET name = 'bea' WHERE id = 1"))

    print(f"{session.scalars(select(User.name)).one()=}")
    #> session.scalars(select(User.name)).one()='bea'
    loaded = session.scalars(select(User)).one()
    print(f"{loaded is user=} {loaded.name=}")
    #> loaded is user=True loaded.name='ana'

    session.refresh(user)
    print(f"{user.name=}")
    #> user.name='bea'
