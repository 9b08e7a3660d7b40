from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


for refresh in (False, True):
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    engine.echo = True
    with Session(engine) as session:
        user = User(name="ana")
        session.add(user)
        session.flush()
        if refresh:
            session.refresh(user)
        print(f"{refresh=} {user.id=}")
        #> refresh=False user.id=1
        #> refresh=True user.id=1
        session.commit()
        if refresh:
            session.refresh(user)
        print(f"{refresh=} {user.name=}")
        #> refresh=False user.name='ana'
        #> refresh=True user.name='ana'
    engine.dispose()
