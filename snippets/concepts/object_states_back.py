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
    ana = session.get(User, 1)
    bea = User(name="bea")
    session.delete(ana)
    session.flush()
    session.add(bea)
    session.rollback()
    session.add(bea)
    session.expunge(bea)
    session.expunge(ana)
    session.add(ana)
    session.close()
