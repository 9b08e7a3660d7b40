from sqlalchemy import String, create_engine, func, inspect, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    user = User()
    session.add(user)
    try:
        count = session.scalar(select(func.count()).select_from(User))
    except IntegrityError as error:
        print(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        '''
        IntegrityError: (raised as a result of Query-invoked autoflush; consider using a session.no_autoflush block if this flush is occurring prematurely)
        '''
        print(f"{type(error.orig).__name__}: {str(error.orig).splitlines()[0]}")
        #> IntegrityError: NOT NULL constraint failed: users.name
        print(f"{error.statement=}")
        #> error.statement='INSERT INTO users (name) VALUES (?)'
    print(f"{session.is_active=}")
    #> session.is_active=False

    try:
        count = session.scalar(select(func.count()).select_from(User))
    except PendingRollbackError as error:
        print(f"{type(error).__name__}: {str(error).partition(' Original')[0]}")
        '''
        PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback().
        '''

    session.rollback()
    print(f"{session.is_active=} {inspect(user).transient=}")
    #> session.is_active=True inspect(user).transient=True
    count = session.scalar(select(func.count()).select_from(User))
    print(f"{count=}")
    #> count=0

engine.dispose()
