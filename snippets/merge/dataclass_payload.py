from sqlalchemy import JSON, String, create_engine, inspect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    MappedAsDataclass,
    Session,
    mapped_column,
)


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(String(10), default="member")
    settings: Mapped[dict] = mapped_column(JSON, default_factory=dict)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(id=1, name="ana", role="admin", settings={"theme": "dark"}))
    session.commit()
engine.echo = True

body = {"name": "Ana"}
payload = User(id=1, **body)
print(f"{payload.role=} {payload.settings=}")
#> payload.role='member' payload.settings={}
print(f"{sorted(inspect(payload).unloaded)=}")
#> sorted(inspect(payload).unloaded)=['role']
with Session(engine) as session:
    user = session.merge(payload)
    session.commit()
    print(f"{user.name=} {user.role=} {user.settings=}")
    #> user.name='Ana' user.role='admin' user.settings={}
