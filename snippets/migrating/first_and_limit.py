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
    legacy = session.query(User).order_by(User.name).first()
    without_limit = session.scalars(select(User).order_by(User.name)).first()
    with_limit = session.scalars(select(User).order_by(User.name).limit(1)).first()
    print(f"{legacy.name=} {without_limit.name=} {with_limit.name=}")
    #> legacy.name='ana' without_limit.name='ana' with_limit.name='ana'
