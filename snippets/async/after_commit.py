import asyncio

from sqlalchemy import String
from sqlalchemy.exc import MissingGreenlet, SQLAlchemyError
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

    for expire_on_commit in (False, True):
        Session = async_sessionmaker(engine, expire_on_commit=expire_on_commit)
        async with Session() as session:
            ana = User(name="ana")
            session.add(ana)
            await session.commit()
            try:
                print(f"{expire_on_commit=} {ana.name=}")
                #> expire_on_commit=False ana.name='ana'
            except SQLAlchemyError as error:
                print(f"{expire_on_commit=} {type(error).__name__}: {error}")
                '''
                expire_on_commit=True StatementError: (sqlalchemy.exc.MissingGreenlet) greenlet_spawn has not been called; can't call await_() here. Was IO attempted in an unexpected place?
                [SQL: SELECT users.id, users.name
                FROM users
                WHERE users.id = ?]
                [parameters: [{'pk_1': 2}]]
                (Background on this error at: https://sqlalche.me/e/21/xd2s)
                '''
                print(f"{isinstance(error, MissingGreenlet)=}")
                #> isinstance(error, MissingGreenlet)=False
                print(f"{type(error.__cause__).__name__=}")
                #> type(error.__cause__).__name__='MissingGreenlet'
    await engine.dispose()


asyncio.run(main())
