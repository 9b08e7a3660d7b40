from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


class UserIn(BaseModel):
    name: str


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


engine = create_engine("sqlite:///app.db")
if engine.dialect.name == "sqlite":

    @event.listens_for(engine, "connect")
    def use_real_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True
SessionLocal = sessionmaker(engine, expire_on_commit=False)


def get_session():
    with SessionLocal() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
app = FastAPI()


@app.post("/users", status_code=201)
def create_user(data: UserIn, session: SessionDep) -> UserOut:
    user = User(name=data.name)
    session.add(user)
    session.commit()
    return user


@app.put("/users/{user_id}")
def rename_user(user_id: int, data: UserIn, session: SessionDep) -> UserOut:
    user = session.get(User, user_id)
    user.name = data.name
    session.commit()
    return user


with TestClient(app) as client:
    response = client.post("/users", json={"name": "ana"})
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=201 response.json()={'id': 1, 'name': 'ana'}

    with SessionLocal() as session:
        user = User(name="bea")
        session.add(user)
        session.commit()
        print(f"{user.id=} {user.name=}")
        #> user.id=2 user.name='bea'
        response = client.put(f"/users/{user.id}", json={"name": "cleo"})
        print(f"{response.status_code=} {response.json()=}")
        #> response.status_code=200 response.json()={'id': 2, 'name': 'cleo'}
        print(f"{user.name=}")
        #> user.name='bea'
        session.refresh(user)
        print(f"{user.name=}")
        #> user.name='cleo'
