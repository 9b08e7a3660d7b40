import warnings

import sqlalchemy
from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Query, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bea"), User(name="carl")])
    session.commit()
engine.echo = True

print(f"{sqlalchemy.__version__=} {hasattr(Query, 'get')=}")
#> sqlalchemy.__version__='2.1.9' hasattr(Query, 'get')=True
with Session(engine) as session:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        legacy = session.query(User).get(1)
    for warning in caught:
        print(f"{warning.category.__name__=}")
        #> warning.category.__name__='LegacyAPIWarning'
        print(f"{issubclass(warning.category, DeprecationWarning)=}")
        #> issubclass(warning.category, DeprecationWarning)=True
        print(f"{str(warning.message)=}")
        '''
        str(warning.message)='The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)'
        '''

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        modern = session.get(User, 1)
    print(f"{len(caught)=} {modern is legacy=}")
    #> len(caught)=0 modern is legacy=True
    session.expunge_all()
    print(f"{session.get(User, 1).name=}")
    #> session.get(User, 1).name='ana'
