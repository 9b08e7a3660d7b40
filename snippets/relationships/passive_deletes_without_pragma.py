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
    posts: Mapped[list["Post"]] = relationship(cascade="all, delete", passive_deletes=True)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana", posts=[Post(text="Hello"), Post(text="Bye")]))
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    session.delete(ana)
    session.commit()
    print(f"{session.scalars(select(Post.user_id)).all()=}")
    #> session.scalars(select(Post.user_id)).all()=[1, 1]
