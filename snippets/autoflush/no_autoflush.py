from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    user = User()
    session.add(user)
    with session.no_autoflush:
        count = session.scalar(select(func.count()).select_from(User))
    user.name = f"user{count + 1}"
    print(f"{count=} {user.name=}")
    #> count=0 user.name='user1'

    count = session.scalar(select(func.count()).select_from(User))
    print(f"{count=}")
    #> count=1
