import asyncio
import warnings

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


async def add_user(session, name):
    session.add(User(name=name))
    await session.flush()
    return name


async def main():
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    engine.echo = True
    Session = async_sessionmaker(engine, expire_on_commit=False)

    async with Session() as session:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            results = await asyncio.gather(
                add_user(session, "ana"), add_user(session, "bob"), return_exceptions=True
            )
        print(f"{results=}")
        #> results=['ana', InvalidRequestError('Session is already flushing')]
        print(f"{[str(warning.message) for warning in caught]=}")
        '''
        [str(warning.message) for warning in caught]=["Usage of the 'Session.add()' operation is not currently supported within the execution stage of the flush process. Results may not be consistent.  Consider using alternative event listeners or connection-level operations instead."]
        '''
        names = (await session.scalars(select(User.name))).all()
        print(f"{names=}")
        #> names=['ana', 'bob']
    await engine.dispose()


asyncio.run(main())
