from sqlalchemy import ForeignKey, String, create_engine
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
    posts: Mapped[list["Post"]] = relationship(back_populates="author")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")


def kinds(objects):
    return sorted(type(obj).__name__ for obj in objects)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Post(text="Hello", author=User(name="ana")))
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    old_post = session.get(Post, 1)

    session.add(Post(text="Hi!", author=User(name="bea")))
    ana.name = "Ana"
    session.delete(old_post)
    print(f"{kinds(session.new)=}")
    #> kinds(session.new)=['Post', 'User']
    print(f"{kinds(session.dirty)=}")
    #> kinds(session.dirty)=['User']
    print(f"{kinds(session.deleted)=}")
    #> kinds(session.deleted)=['Post']

    session.flush()
    print(f"{kinds(session.new)=} {kinds(session.dirty)=} {kinds(session.deleted)=}")
    #> kinds(session.new)=[] kinds(session.dirty)=[] kinds(session.deleted)=[]
    session.commit()
