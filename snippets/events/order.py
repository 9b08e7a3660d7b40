from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
Session = sessionmaker(engine)


@event.listens_for(Session, "before_commit")
def before_commit(session):
    print(f"before_commit: {len(session.new)=}")
    #> before_commit: len(session.new)=1


@event.listens_for(Session, "before_flush")
def before_flush(session, flush_context, instances):
    print(f"before_flush: {len(session.new)=}")
    #> before_flush: len(session.new)=1


@event.listens_for(Session, "after_flush")
def after_flush(session, flush_context):
    print(f"after_flush: {len(session.new)=} {[u.id for u in session.new]=}")
    #> after_flush: len(session.new)=1 [u.id for u in session.new]=[1]


@event.listens_for(Session, "after_flush_postexec")
def after_flush_postexec(session, flush_context):
    print(f"after_flush_postexec: {len(session.new)=}")
    #> after_flush_postexec: len(session.new)=0


@event.listens_for(Session, "after_commit")
def after_commit(session):
    print("after_commit")
    #> after_commit


with Session() as session:
    session.add(User(name="ana"))
    session.commit()
