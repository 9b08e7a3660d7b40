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
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bea"), User(name="carl")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    legacy = session.query(User).filter(User.id > 1).order_by(User.name).all()
    modern = session.scalars(select(User).where(User.id > 1).order_by(User.name)).all()
    print(f"{[user.name for user in modern]=}")
    #> [user.name for user in modern]=['bea', 'carl']
    print(f"{[a is b for a, b in zip(legacy, modern, strict=True)]=}")
    #> [a is b for a, b in zip(legacy, modern, strict=True)]=[True, True]

    legacy_names = session.query(User.name).filter_by(id=1).all()
    modern_names = session.execute(select(User.name).filter_by(id=1)).all()
    print(f"{legacy_names=} {modern_names=}")
    #> legacy_names=[('ana',)] modern_names=[('ana',)]

    legacy_count = session.query(User).count()
    modern_count = session.scalar(select(func.count()).select_from(User))
    print(f"{legacy_count=} {modern_count=}")
    #> legacy_count=3 modern_count=3
