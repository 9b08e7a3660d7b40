from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


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
engine.echo = True

for autoflush in (True, False):
    make_session = sessionmaker(engine, autoflush=autoflush)
    with make_session() as session:
        ana = session.get(User, 1)
        ana.name = "ann"
        session.add(User(name="bob"))
        names = session.scalars(select(User.name)).all()
        named_ana = session.scalars(select(User).where(User.name == "ana")).all()
        print(f"{autoflush=} {names=} {[user.name for user in named_ana]=}")
        #> autoflush=True names=['ann', 'bob'] [user.name for user in named_ana]=[]
        #> autoflush=False names=['ana'] [user.name for user in named_ana]=['ann']
