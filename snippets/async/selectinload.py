import asyncio

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    selectinload,
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


async def main():
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    Session = async_sessionmaker(engine, expire_on_commit=False)
    async with Session() as session:
        session.add(User(name="ana", posts=[Post(text="hello"), Post(text="bye")]))
        session.add(User(name="bob", posts=[Post(text="hi")]))
        await session.commit()
    engine.echo = True

    async with Session() as session:
        query = select(User).options(selectinload(User.posts)).order_by(User.id)
        users = (await session.scalars(query)).all()
        for user in users:
            print(f"{user.name=} {[post.text for post in user.posts]=}")
            #> user.name='ana' [post.text for post in user.posts]=['hello', 'bye']
            #> user.name='bob' [post.text for post in user.posts]=['hi']
    await engine.dispose()


asyncio.run(main())
