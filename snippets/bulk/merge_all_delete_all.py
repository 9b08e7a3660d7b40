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
    session.add_all([User(name="ana"), User(name="bob"), User(name="cy")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana, bob, cy = session.scalars(select(User).order_by(User.id))
    merged = session.merge_all([User(id=1, name="Ana"), User(id=4, name="dee")])
    print(f"{merged[0] is ana=} {[u.name for u in merged]=}")
    #> merged[0] is ana=True [u.name for u in merged]=['Ana', 'dee']
    session.delete_all([bob, cy])
    print(f"{len(session.dirty)=} {len(session.new)=} {len(session.deleted)=}")
    #> len(session.dirty)=1 len(session.new)=1 len(session.deleted)=2
    session.commit()
    print(f"{session.scalars(select(User.name).order_by(User.id)).all()=}")
    #> session.scalars(select(User.name).order_by(User.id)).all()=['Ana', 'dee']
