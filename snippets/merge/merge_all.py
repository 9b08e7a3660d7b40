from sqlalchemy import String, create_engine
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
    session.add_all([User(name="ana"), User(name="bob")])
    session.commit()
engine.echo = True

payloads = [User(id=1, name="Ana"), User(id=2, name="Bob"), User(id=3, name="Cy")]
with Session(engine) as session:
    merged = session.merge_all(payloads)
    print(f"{type(merged).__name__=}")
    #> type(merged).__name__='list'
    print(f"{[m is p for m, p in zip(merged, payloads, strict=True)]=}")
    #> [m is p for m, p in zip(merged, payloads, strict=True)]=[False, False, False]
    print(f"{[u.name for u in merged]=}")
    #> [u.name for u in merged]=['Ana', 'Bob', 'Cy']
    print(f"{len(session.dirty)=} {len(session.new)=}")
    #> len(session.dirty)=2 len(session.new)=1
    session.commit()
