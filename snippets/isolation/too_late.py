import warnings

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
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
    session.scalars(select(User)).all()
    options = {"isolation_level": "SERIALIZABLE"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        connection = session.connection(execution_options=options)
    print(f"{caught[0].category.__name__}: {caught[0].message}")
    '''
    SAWarning: Connection is already established for the given bind; execution_options ignored
    '''
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'
    try:
        connection.execution_options(isolation_level="SERIALIZABLE")
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {error}")
        '''
        InvalidRequestError: This connection has already initialized a SQLAlchemy Transaction() object via begin() or autobegin; isolation_level may not be altered unless rollback() or commit() is called first.
        '''

engine.dispose()
