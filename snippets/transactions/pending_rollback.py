from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


def first_line(error):
    return f"{type(error).__name__}: {str(error).splitlines()[0]}"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()

    session.add(User(name="ana"))
    try:
        session.flush()
    except IntegrityError as error:
        print(first_line(error))
        '''
        IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: users.name
        '''
    print(f"{session.in_transaction()=} {session.is_active=}")
    #> session.in_transaction()=True session.is_active=False

    try:
        session.scalars(select(User)).all()
    except PendingRollbackError as error:
        print(first_line(error))
        '''
        PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (sqlite3.IntegrityError) UNIQUE constraint failed: users.name
        '''
    try:
        session.commit()
    except PendingRollbackError as error:
        print(first_line(error))
        '''
        PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (sqlite3.IntegrityError) UNIQUE constraint failed: users.name
        '''

    session.rollback()
    print(f"{session.is_active=}")
    #> session.is_active=True
    print(f"{session.scalars(select(User.name)).all()=}")
    #> session.scalars(select(User.name)).all()=['ana']
