from sqlalchemy import ForeignKey, String, create_engine, select, text
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[list["Post"]] = relationship()


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True

with Session(engine) as session:
    ana = session.get(User, 1)
    session.add(User(name="bob"))
    users = session.execute(select(User)).scalars().all()
    session.add(User(name="cid"))
    rows = session.execute(text("SELECT name FROM users")).all()
    print(f"{[row.name for row in rows]=}")
    #> [row.name for row in rows]=['ana', 'bob', 'cid']
    session.add(User(name="dan"))
    posts = ana.posts
    session.add(User(name="eve"))
    session.refresh(ana)
    session.add(User(name="fay"))
    same = session.get(User, 1)
    print(f"{same is ana=} {[user.name for user in session.new]=}")
    #> same is ana=True [user.name for user in session.new]=['fay']
    nobody = session.get(User, 99)
    session.add(User(name="gus"))
    merged = session.merge(User(id=1, name="ann"))
    print(f"{[user.name for user in session.new]=}")
    #> [user.name for user in session.new]=[]
