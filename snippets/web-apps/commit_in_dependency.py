from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import String, create_engine, event, select
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
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bea")])
    session.commit()
engine.echo = True


def get_session():
    with Session(engine) as session, session.begin():
        yield session


for scope in ("request", "function"):
    SessionDep = Annotated[Session, Depends(get_session, scope=scope)]
    app = FastAPI()

    @app.get("/users")
    def list_users(session: SessionDep) -> list[UserOut]:
        return session.scalars(select(User).order_by(User.id)).all()

    @app.put("/users/{user_id}")
    def rename_user(user_id: int, data: UserIn, session: SessionDep) -> UserOut:
        user = session.get(User, user_id)
        if user is None:
            raise HTTPException(status_code=404, detail="user not found")
        user.name = data.name
        return user

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.put("/users/9", json={"name": "cleo"})
        print(f"{scope=} {response.status_code=} {response.text=}")
        '''
        scope='request' response.status_code=404 response.text='{"detail":"user not found"}'
        '''
        '''
        scope='function' response.status_code=404 response.text='{"detail":"user not found"}'
        '''
        response = client.put("/users/2", json={"name": "ana"})
        print(f"{scope=} {response.status_code=} {response.text=}")
        '''
        scope='request' response.status_code=200 response.text='{"id":2,"name":"ana"}'
        '''
        '''
        scope='function' response.status_code=500 response.text='Internal Server Error'
        '''
        response = client.get("/users")
        print(f"{scope=} {response.status_code=} {response.json()=}")
        '''
        scope='request' response.status_code=200 response.json()=[{'id': 1, 'name': 'ana'}, {'id': 2, 'name': 'bea'}]
        '''
        '''
        scope='function' response.status_code=200 response.json()=[{'id': 1, 'name': 'ana'}, {'id': 2, 'name': 'bea'}]
        '''
