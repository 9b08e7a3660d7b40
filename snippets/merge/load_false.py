from sqlalchemy import String, create_engine, select, update
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
with Session(engine) as session:
    cached = session.get(User, 1)
with engine.begin() as other:
    other.execute(update(User).where(User.id == 1).values(name="Ana"))
with engine.connect() as connection:
    print(f"{connection.scalar(select(User.name))=}")
    #> connection.scalar(select(User.name))='Ana'
engine.echo = True

with Session(engine) as session:
    user = session.merge(cached, load=False)
    print(f"{user is cached=} {user.name=}")
    #> user is cached=False user.name='ana'
    session.commit()
    print(f"{user.name=}")
    #> user.name='Ana'

engine.dispose()
