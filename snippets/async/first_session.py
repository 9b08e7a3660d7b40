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


async def main():
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    engine.echo = True
    print(f"{engine.sync_engine.echo=}")
    #> engine.sync_engine.echo=True
    Session = async_sessionmaker(engine)

    async with Session() as session:
        print(f"{type(session.sync_session).__name__=}")
        #> type(session.sync_session).__name__='Session'
        ana = User(name="ana")
        session.add(ana)
        await session.flush()
        print(f"{ana.id=}")
        #> ana.id=1
        await session.commit()
        await session.refresh(ana)
        print(f"{ana.name=}")
        #> ana.name='ana'

        session.add(User(name="bob"))
        names = (await session.scalars(select(User.name))).all()
        print(f"{names=}")
        #> names=['ana', 'bob']
    await engine.dispose()


asyncio.run(main())
