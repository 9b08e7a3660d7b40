from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name=name) for name in ("ana", "bob", "cy", "dee")])
    session.commit()
engine.echo = True

payloads = [User(id=1, name="Ana"), User(id=2, name="Bob")]
with Session(engine) as session:
    old = session.scalars(select(User).where(User.id > 2)).all()
    merged = [session.merge(payload) for payload in payloads]
    for user in old:
        session.delete(user)
    print(f"{[user.name for user in merged]=} {len(session.deleted)=}")
    #> [user.name for user in merged]=['Ana', 'Bob'] len(session.deleted)=2
    session.flush()

with Session(engine) as session:
    old = session.scalars(select(User).where(User.id > 2)).all()
    merged = session.merge_all(payloads)
    session.delete_all(old)
    print(f"{[user.name for user in merged]=} {len(session.deleted)=}")
    #> [user.name for user in merged]=['Ana', 'Bob'] len(session.deleted)=2
    session.flush()
