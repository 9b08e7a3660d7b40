from sqlalchemy import String, create_engine
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
    payload = User(id=1, name="bea")
    merged = session.merge(payload)
    print(f"{merged is user=} {merged is payload=} {payload in session=}")
    #> merged is user=True merged is payload=False payload in session=False
    payload.name = "cy"
    session.commit()
    print(f"{merged.name=} {payload.name=}")
    #> merged.name='bea' payload.name='cy'
