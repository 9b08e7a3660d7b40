import asyncio

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


async def add_user(Session, name):
    async with Session() as session:
        session.add(User(name=name))
        await session.commit()
    return name


async def main():
    engine = create_async_engine(
        "sqlite+aiosqlite:///app.db", pool_size=1, max_overflow=0
    )
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    engine.echo = True
    Session = async_sessionmaker(engine, expire_on_commit=False)

    results = await asyncio.gather(add_user(Session, "ana"), add_user(Session, "bob"))
    print(f"{results=}")
    #> results=['ana', 'bob']
    async with Session() as session:
        names = (await session.scalars(select(User.name).order_by(User.name))).all()
        print(f"{names=}")
        #> names=['ana', 'bob']
    await engine.dispose()


asyncio.run(main())
