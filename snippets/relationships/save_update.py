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
engine.echo = True
print(f"{sorted(User.posts.property.cascade)=}")
#> sorted(User.posts.property.cascade)=['merge', 'save-update']

with Session(engine) as session:
    user = User(name="ana", posts=[Post(text="Hello"), Post(text="Bye")])
    session.add(user)
    print(f"{kinds(session.new)=}")
    #> kinds(session.new)=['Post', 'Post', 'User']
    session.flush()

    post = Post(text="Again")
    user.posts.append(post)
    print(f"{kinds(session.new)=} {post in session=}")
    #> kinds(session.new)=['Post'] post in session=True
    session.flush()
    print(f"{post.id=} {post.user_id=}")
    #> post.id=3 post.user_id=1
    session.commit()
