from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
print(f"{[table.name for table in Base.metadata.sorted_tables]=}")
#> [table.name for table in Base.metadata.sorted_tables]=['users', 'posts', 'comments']

with Session(engine) as session:
    session.add(User(id=1, name="ana"))
    session.add(Post(id=1, text="Hello", user_id=1))
    session.add(Comment(id=1, text="Hi!", post_id=1))
    session.commit()
