from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    sessionmaker,
    with_loader_criteria,
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
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(30))
    deleted: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session = sessionmaker(engine)


@event.listens_for(Session, "do_orm_execute")
def hide_deleted_posts(state):
    print(f"{state.is_select=} {state.is_relationship_load=} {state.is_column_load=}")
    #> state.is_select=True state.is_relationship_load=False state.is_column_load=False
    #> state.is_select=True state.is_relationship_load=False state.is_column_load=False
    #> state.is_select=True state.is_relationship_load=True state.is_column_load=False
    #> state.is_select=True state.is_relationship_load=False state.is_column_load=True
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load
    ):
        state.statement = state.statement.options(
            with_loader_criteria(Post, Post.deleted.is_(False), include_aliases=True)
        )


with Session() as session:
    session.add(
        User(
            name="ana",
            posts=[Post(title="hello"), Post(title="draft", deleted=True)],
        )
    )
    session.commit()
engine.echo = True

with Session() as session:
    print(f"{session.scalars(select(Post.title)).all()=}")
    #> session.scalars(select(Post.title)).all()=['hello']
    user = session.get(User, 1)
    print(f"{[post.title for post in user.posts]=}")
    #> [post.title for post in user.posts]=['hello']
    session.commit()
    print(f"{user.name=}")
    #> user.name='ana'
