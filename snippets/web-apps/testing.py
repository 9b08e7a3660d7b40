from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import String, create_engine, event, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


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


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
app = FastAPI()


@app.get("/users")
def list_users(session: SessionDep) -> list[UserOut]:
    return session.scalars(select(User).order_by(User.id)).all()


@app.post("/users", status_code=201)
def create_user(data: UserIn, session: SessionDep) -> UserOut:
    user = User(name=data.name)
    session.add(user)
    session.commit()
    return user


@contextmanager
def client_in_transaction():
    with engine.connect() as connection:
        transaction = connection.begin()

        def get_test_session():
            with Session(
                bind=connection, join_transaction_mode="create_savepoint"
            ) as session:
                yield session

        app.dependency_overrides[get_session] = get_test_session
        try:
            with TestClient(app) as client:
                yield client
        finally:
            app.dependency_overrides.clear()
            transaction.rollback()


def count_users():
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(User))


with client_in_transaction() as client:
    response = client.post("/users", json={"name": "ana"})
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=201 response.json()={'id': 1, 'name': 'ana'}
    response = client.get("/users")
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=200 response.json()=[{'id': 1, 'name': 'ana'}]
print(f"{count_users()=}")
#> count_users()=0

with client_in_transaction() as client:
    response = client.get("/users")
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=200 response.json()=[]
print(f"{count_users()=}")
#> count_users()=0
