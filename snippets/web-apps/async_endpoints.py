from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.exceptions import ResponseValidationError
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
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


class UserIn(BaseModel):
    name: str
    posts: list[str]


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    text: str


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    posts: list[PostOut]


engine = create_async_engine("sqlite+aiosqlite://")
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def lifespan(app):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    engine.echo = True
    yield
    await engine.dispose()


async def get_session():
    async with SessionLocal() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
app = FastAPI(lifespan=lifespan)


@app.post("/users", status_code=201)
async def create_user(data: UserIn, session: SessionDep) -> UserOut:
    user = User(name=data.name, posts=[Post(text=text) for text in data.posts])
    session.add(user)
    await session.commit()
    return user


@app.get("/users/{user_id}")
async def get_user(user_id: int, session: SessionDep) -> UserOut:
    return await session.get(User, user_id)


@app.get("/users")
async def list_users(session: SessionDep) -> list[UserOut]:
    users = await session.scalars(select(User).options(selectinload(User.posts)))
    return users.all()


with TestClient(app) as client:
    response = client.post("/users", json={"name": "ana", "posts": ["hello"]})
    print(f"{response.status_code=} {response.json()=}")
    '''
    response.status_code=201 response.json()={'id': 1, 'name': 'ana', 'posts': [{'text': 'hello'}]}
    '''
    try:
        client.get("/users/1")
    except ResponseValidationError as error:
        problem = error.errors()[0]
        print(f"{type(error).__name__}: {problem['type']} {problem['loc']}")
        #> ResponseValidationError: get_attribute_error ('response', 'posts')
        print(problem["msg"].splitlines()[0])
        '''
        Error extracting attribute: StatementError: (sqlalchemy.exc.MissingGreenlet) greenlet_spawn has not been called; can't call await_() here. Was IO attempted in an unexpected place?
        '''
    response = client.get("/users")
    print(f"{response.status_code=} {response.json()=}")
    '''
    response.status_code=200 response.json()=[{'id': 1, 'name': 'ana', 'posts': [{'text': 'hello'}]}]
    '''
