import warnings

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import ObjectNotExecutableError
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
    session.add_all([User(name="ana"), User(name="bea")])
    session.commit()
engine.echo = True

with Session(engine) as session:
    query = session.query(User).filter_by(name="bea")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rows = session.execute(query).all()
            print(f"{[row.User.name for row in rows]=}")
        except ObjectNotExecutableError as error:
            print(f"{type(error).__name__}: {str(error).partition(':')[0]}")
            #> ObjectNotExecutableError: Not an executable object
    print(f"{[(w.category.__name__, w.message.deprecated_since) for w in caught]=}")
    #> [(w.category.__name__, w.message.deprecated_since) for w in caught]=[]

    rows = session.execute(query.statement).all()
    print(f"{[row.User.name for row in rows]=}")
    #> [row.User.name for row in rows]=['bea']
    users = session.scalars(select(User).filter_by(name="bea")).all()
    print(f"{[user.name for user in users]=}")
    #> [user.name for user in users]=['bea']
