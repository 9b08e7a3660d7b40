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
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana, bob = session.scalars(select(User).order_by(User.id)).all()
    ana.name = "Ana"
    session.expire_all()
    print(f"{ana.name=}")
    #> ana.name='ana'
    print(f"{bob.name=}")
    #> bob.name='bob'
