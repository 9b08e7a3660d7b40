from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    joinedload,
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
    query = select(User).options(joinedload(User.posts))
    users = session.scalars(query).unique().all()
    print(f"{len(statements)=}")
    #> len(statements)=1
    print(f"{[len(user.posts) for user in users]=}")
    #> [len(user.posts) for user in users]=[2, 1, 0]
    print(f"{len(statements)=}")
    #> len(statements)=1

    try:
        users = session.scalars(query).all()
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        '''
        InvalidRequestError: The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections
        '''
