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
    session.add_all([User(name="ana"), User(name="bea"), User(name="carl")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    legacy = session.query(User).all()
    rows = session.execute(select(User)).all()
    users = session.scalars(select(User)).all()
    print(f"{type(legacy[0]).__name__=}")
    #> type(legacy[0]).__name__='User'
    print(f"{type(rows[0]).__name__=} {type(rows[0][0]).__name__=}")
    #> type(rows[0]).__name__='Row' type(rows[0][0]).__name__='User'
    print(f"{type(users[0]).__name__=}")
    #> type(users[0]).__name__='User'
