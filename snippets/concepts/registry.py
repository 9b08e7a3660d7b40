from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def engine_attributes(obj):
    return [name for name in dir(obj) if "bind" in name or "engine" in name]


print(f"{[mapper.class_.__name__ for mapper in Base.registry.mappers]=}")
#> [mapper.class_.__name__ for mapper in Base.registry.mappers]=['User']
print(f"{list(Base.registry.metadata.tables)=}")
#> list(Base.registry.metadata.tables)=['users']
print(f"{engine_attributes(Base.registry)=}")
#> engine_attributes(Base.registry)=[]
print(f"{engine_attributes(Base.registry.metadata)=}")
#> engine_attributes(Base.registry.metadata)=[]

first = create_engine("sqlite://")
second = create_engine("sqlite://")
for engine, name in ((first, "ana"), (second, "bea")):
    Base.metadata.create_all(engine)
    engine.echo = True
    with Session(engine) as session:
        session.add(User(name=name))
        session.commit()

for engine in (first, second):
    with Session(engine) as session:
        print(f"{session.scalars(select(User.name)).all()=}")
        #> session.scalars(select(User.name)).all()=['ana']
        #> session.scalars(select(User.name)).all()=['bea']
