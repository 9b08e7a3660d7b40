from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[list["Post"]] = relationship()


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana", posts=[Post(text="Hello")]))
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    session.delete(ana)
    try:
        session.commit()
    except IntegrityError as error:
        print(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        '''
        IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: posts.user_id
        '''
