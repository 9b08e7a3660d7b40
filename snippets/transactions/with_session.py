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
engine.echo = True

with Session(engine) as session:
    session.add(User(name="ana"))
    session.flush()
print(f"{session.in_transaction()=} {len(session.identity_map)=}")
#> session.in_transaction()=False len(session.identity_map)=0

with Session(engine) as session:
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=[]
