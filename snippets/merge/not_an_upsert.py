import tempfile

from sqlalchemy import String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


tmp = tempfile.TemporaryDirectory()
engine = create_engine(f"sqlite:///{tmp.name}/app.db")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as first, Session(engine) as second:
    first.merge(User(id=1, name="ana"))
    second.merge(User(id=1, name="bea"))
    first.commit()
    try:
        second.commit()
    except IntegrityError as error:
        print(f"{type(error).__name__}: {error.orig}")
        #> IntegrityError: UNIQUE constraint failed: users.id

engine.dispose()
tmp.cleanup()
