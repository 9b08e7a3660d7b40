from sqlalchemy import ForeignKey, String, create_engine, select
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
    posts: Mapped[list["Post"]] = relationship(cascade="all, delete-orphan")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    posts = [Post(text="Hello"), Post(text="Bye"), Post(text="Again")]
    session.add(User(name="ana", posts=posts))
    session.commit()
engine.echo = True
print(f"{sorted(User.posts.property.cascade)=}")
'''
sorted(User.posts.property.cascade)=['delete', 'delete-orphan', 'expunge', 'merge', 'refresh-expire', 'save-update']
'''

with Session(engine) as session:
    ana = session.get(User, 1)
    ana.posts.remove(ana.posts[1])
    session.flush()
    print(f"{session.scalars(select(Post.text)).all()=}")
    #> session.scalars(select(Post.text)).all()=['Hello', 'Again']

    session.delete(ana)
    session.flush()
    print(f"{session.scalars(select(Post.text)).all()=}")
    #> session.scalars(select(Post.text)).all()=[]
    session.commit()
