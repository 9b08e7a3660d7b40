from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import ForeignKey, String, create_engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    inviter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class UserIn(BaseModel):
    name: str
    invited_by: str | None = None


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
    if data.invited_by is not None:
        inviter = session.scalar(select(User).where(User.name == data.invited_by))
        if inviter is None:
            raise HTTPException(status_code=404, detail="inviter not found")
        user.inviter_id = inviter.id
    session.commit()
    return user


with TestClient(app) as client:
    response = client.post("/users", json={"name": "ana"})
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=201 response.json()={'id': 1, 'name': 'ana'}
    response = client.post("/users", json={"name": "bea", "invited_by": "zoe"})
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=404 response.json()={'detail': 'inviter not found'}
    try:
        client.post("/users", json={"name": "ana"})
    except IntegrityError as error:
        print(f"{type(error).__name__}: {error.orig}")
        #> IntegrityError: UNIQUE constraint failed: users.name
    response = client.get("/users")
    print(f"{response.status_code=} {response.json()=}")
    #> response.status_code=200 response.json()=[{'id': 1, 'name': 'ana'}]
