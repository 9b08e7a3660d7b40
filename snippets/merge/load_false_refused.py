from sqlalchemy import String, create_engine
from sqlalchemy.exc import InvalidRequestError
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
    session.add(User(name="ana"))
    session.commit()
with Session(engine) as session:
    changed = session.get(User, 1)
changed.name = "bea"
engine.echo = True


def merge_without_load(payload):
    with Session(engine) as session:
        try:
            session.merge(payload, load=False)
        except InvalidRequestError as error:
            return f"{type(error).__name__}: {error}"


print(merge_without_load(User(id=1, name="bea")))
'''
InvalidRequestError: merge() with load=False option does not support objects transient (i.e. unpersisted) objects.  flush() all changes on mapped instances before merging with load=False.
'''
print(merge_without_load(changed))
'''
InvalidRequestError: merge() with load=False option does not support objects marked as 'dirty'.  flush() all changes on mapped instances before merging with load=False.
'''
