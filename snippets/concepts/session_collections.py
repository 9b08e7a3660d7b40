from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def contents(session):
    return {
        "new": sorted(user.name for user in session.new),
        "dirty": sorted(user.name for user in session.dirty),
        "deleted": sorted(user.name for user in session.deleted),
    }


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    bob = session.get(User, 2)
    print(f"{contents(session)=}")
    #> contents(session)={'new': [], 'dirty': [], 'deleted': []}

    session.add(User(name="cid"))
    print(f"{contents(session)=}")
    #> contents(session)={'new': ['cid'], 'dirty': [], 'deleted': []}

    ana.name = "Ana"
    print(f"{contents(session)=}")
    #> contents(session)={'new': ['cid'], 'dirty': ['Ana'], 'deleted': []}

    session.delete(bob)
    print(f"{contents(session)=}")
    #> contents(session)={'new': ['cid'], 'dirty': ['Ana'], 'deleted': ['bob']}

    session.flush()
    print(f"{contents(session)=}")
    #> contents(session)={'new': [], 'dirty': [], 'deleted': []}

    ana.name = "Ana"
    print(f"{contents(session)=} {session.is_modified(ana)=}")
    '''
    contents(session)={'new': [], 'dirty': ['Ana'], 'deleted': []} session.is_modified(ana)=False
    '''
    session.flush()
    print(f"{contents(session)=}")
    #> contents(session)={'new': [], 'dirty': [], 'deleted': []}
