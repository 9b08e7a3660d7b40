import asyncio

from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncAttrs, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(AsyncAttrs, DeclarativeBase):
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


async def main():
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    Session = async_sessionmaker(engine, expire_on_commit=False)
    async with Session() as session:
        session.add(User(name="ana", posts=[Post(text="hello")]))
        await session.commit()
    engine.echo = True

    async with Session() as session:
        ana = await session.get(User, 1)
        try:
            print(f"{len(ana.posts)=}")
        except SQLAlchemyError as error:
            print(f"{type(error).__name__}: {str(error).splitlines()[0]}")
            '''
            StatementError: (sqlalchemy.exc.MissingGreenlet) greenlet_spawn has not been called; can't call await_() here. Was IO attempted in an unexpected place?
            '''

        posts = await ana.awaitable_attrs.posts
        print(f"{[post.text for post in posts]=}")
        #> [post.text for post in posts]=['hello']
        print(f"{len(ana.posts)=}")
        #> len(ana.posts)=1
    await engine.dispose()


asyncio.run(main())
