import warnings

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Query,
    mapped_column,
    scoped_session,
    sessionmaker,
)

engine = create_engine("sqlite://")
db_session = scoped_session(sessionmaker(engine))


class Base(DeclarativeBase):
    query = db_session.query_property()


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


Base.metadata.create_all(engine)
db_session.add_all([User(name="ana"), User(name="bea")])
db_session.commit()
engine.echo = True

print(f"{isinstance(User.query, Query)=} {User.query.session is db_session()=}")
#> isinstance(User.query, Query)=True User.query.session is db_session()=True
legacy = User.query.filter_by(name="bea").all()
modern = db_session.scalars(select(User).filter_by(name="bea")).all()
print(f"{[user.name for user in modern]=} {legacy[0] is modern[0]=}")
#> [user.name for user in modern]=['bea'] legacy[0] is modern[0]=True

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy_user = User.query.get(1)
print(f"{[warning.category.__name__ for warning in caught]=}")
#> [warning.category.__name__ for warning in caught]=['LegacyAPIWarning']
print(f"{db_session.get(User, 1) is legacy_user=}")
#> db_session.get(User, 1) is legacy_user=True
db_session.remove()
