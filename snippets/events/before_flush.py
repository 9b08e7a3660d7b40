from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    updated_by: Mapped[str | None] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
Session = sessionmaker(engine)


@event.listens_for(Session, "before_flush")
def set_updated_by(session, flush_context, instances):
    new = sorted(u.name for u in session.new)
    dirty = sorted(u.name for u in session.dirty)
    deleted = sorted(u.name for u in session.deleted)
    print(f"{new=} {dirty=} {deleted=}")
    #> new=['ana', 'bob'] dirty=[] deleted=[]
    #> new=['dee'] dirty=['Ana'] deleted=['bob']
    for obj in [*session.new, *session.dirty]:
        obj.updated_by = session.info["user"]


with Session(info={"user": "admin"}) as session:
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()

with Session(info={"user": "cy"}) as session:
    ana, bob = session.get(User, 1), session.get(User, 2)
    ana.name = "Ana"
    session.delete(bob)
    session.add(User(name="dee"))
    session.commit()
    print(f"{ana.updated_by=}")
    #> ana.updated_by='cy'
