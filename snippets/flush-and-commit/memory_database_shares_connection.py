from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


urls = {"memory": "sqlite://", "file": "sqlite:///app.db"}
for kind, url in urls.items():
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as s, Session(engine) as s2:
        s.add(User(name="Bob"))
        s.flush()
        s2_sees = s2.scalars(select(User.name)).all()
        one_connection = s.connection().connection.dbapi_connection is (
            s2.connection().connection.dbapi_connection
        )
        print(f"{kind}: {s2_sees=} {one_connection=}")
        #> memory: s2_sees=['Bob'] one_connection=True
        #> file: s2_sees=[] one_connection=False
    engine.dispose()
