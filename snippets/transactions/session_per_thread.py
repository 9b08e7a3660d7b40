from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
Session = sessionmaker(engine)


def create_user(name):
    with Session.begin() as session:
        session.add(User(name=name))


with ThreadPoolExecutor(max_workers=3) as pool:
    list(pool.map(create_user, ["ana", "bea", "cid"]))
print(f"{engine.pool.checkedout()=}")
#> engine.pool.checkedout()=0
engine.echo = True

with Session() as session:
    print(f"{session.scalars(select(User.name).order_by(User.name)).all()=}")
    '''
    session.scalars(select(User.name).order_by(User.name)).all()=['ana', 'bea', 'cid']
    '''

engine.dispose()
