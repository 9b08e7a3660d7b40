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
    posts: Mapped[list["Post"]] = relationship(back_populates="user")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(back_populates="posts")


def kinds(objects):
    return sorted(type(obj).__name__ for obj in objects)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(id=1, name="ana", posts=[Post(id=1, text="Hello")]))
    session.commit()
engine.echo = True

with Session(engine) as session:
    payload = User(id=1, name="Ana", posts=[Post(id=1, text="Hello!"), Post(text="New")])
    user = session.merge(payload)
    print(f"{kinds(session.dirty)=} {kinds(session.new)=}")
    #> kinds(session.dirty)=['Post', 'User'] kinds(session.new)=['Post']
    print(f"{user in session=} {payload in session=}")
    #> user in session=True payload in session=False
    print(f"{[post.text for post in user.posts]=}")
    #> [post.text for post in user.posts]=['Hello!', 'New']
    session.commit()
