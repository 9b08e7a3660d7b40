import warnings

from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.exc import ArgumentError
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


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    user = User(name="ana")
    session.add(user)
    post = Post(text="Hello")
    post.user = user
    print(f"{post in user.posts=} {post in session=}")
    #> post in user.posts=True post in session=False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session.flush()
    warning = caught[0].message
    print(f"{type(warning).__name__}: {warning}")
    '''
    SAWarning: Object of type <Post> not in session, add operation along 'User.posts' will not proceed
    '''
    print(f"{post.id=}")
    #> post.id=None

    session.add(post)
    session.flush()
    print(f"{post.id=}")
    #> post.id=1
    session.commit()

try:
    relationship(cascade_backrefs=True)
except ArgumentError as error:
    print(f"{type(error).__name__}: {error}")
    '''
    ArgumentError: The 'cascade_backrefs' parameter passed to relationship() may only be set to False.
    '''
