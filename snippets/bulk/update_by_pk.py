from sqlalchemy import String, create_engine, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import StaleDataError


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bob"), User(name="cy")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    session.execute(
        update(User), [{"id": 1, "name": "Ana"}, {"id": 2, "name": "Bob"}]
    )
    print(f"{ana.name=}")
    #> ana.name='Ana'
    print(f"{len(session.identity_map)=}")
    #> len(session.identity_map)=1
    session.commit()
    print(f"{session.get(User, 2).name=}")
    #> session.get(User, 2).name='Bob'

with Session(engine) as session:
    try:
        session.execute(
            update(User), [{"id": 3, "name": "Cy"}, {"id": 9, "name": "Zed"}]
        )
    except StaleDataError as error:
        print(f"{type(error).__name__}: {error}")
        '''
        StaleDataError: UPDATE statement on table 'users' expected to update 2 row(s); 1 were matched.
        '''
