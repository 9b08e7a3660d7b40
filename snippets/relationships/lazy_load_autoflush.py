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
    posts: Mapped[list["Post"]] = relationship()


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    ana.name = "Ana"
    session.add(Post(text="Hello", user_id=ana.id))
    print(f"{[post.text for post in ana.posts]=}")
    #> [post.text for post in ana.posts]=['Hello']

    bob = session.get(User, 2)
    session.add(Post(text="Hi", user_id=bob.id))
    with session.no_autoflush:
        print(f"{[post.text for post in bob.posts]=}")
        #> [post.text for post in bob.posts]=[]
    session.flush()
    print(f"{[post.text for post in bob.posts]=}")
    #> [post.text for post in bob.posts]=[]
    session.commit()
