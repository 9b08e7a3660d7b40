from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    raiseload,
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
    session.add(User(name="ana", posts=[Post(text="Hello"), Post(text="Bye")]))
    session.add(User(name="bob", posts=[Post(text="Hi")]))
    session.add(User(name="cid"))
    session.commit()

statements = []


@event.listens_for(engine, "before_cursor_execute")
def count_statements(conn, cursor, statement, parameters, context, executemany):
    statements.append(statement)


engine.echo = True

with Session(engine) as session:
    users = session.scalars(select(User).options(raiseload(User.posts))).all()
    try:
        print(f"{len(users[0].posts)=}")
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        #> InvalidRequestError: 'User.posts' is not available due to lazy='raise'
    print(f"{len(statements)=}")
    #> len(statements)=1
