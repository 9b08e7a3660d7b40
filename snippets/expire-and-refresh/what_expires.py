import re

from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.orm.exc import DetachedInstanceError


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


def end_then_close(end, expire_on_commit=True, refresh=False):
    with Session(engine, expire_on_commit=expire_on_commit) as session:
        user = session.get(User, 1)
        getattr(session, end)()
        if refresh:
            session.refresh(user)
        expired = sorted(inspect(user).expired_attributes)
    try:
        after_close = user.name
    except DetachedInstanceError as error:
        message = re.sub(r" at 0x\w+", "", str(error))
        after_close = f"{type(error).__name__}: {message}"
    return f"{end=} {expire_on_commit=} {refresh=} {expired=} {after_close=}"


print(end_then_close("commit"))
'''
end='commit' expire_on_commit=True refresh=False expired=['id', 'name'] after_close='DetachedInstanceError: Instance <User> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)'
'''
print(end_then_close("rollback"))
'''
end='rollback' expire_on_commit=True refresh=False expired=['id', 'name'] after_close='DetachedInstanceError: Instance <User> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)'
'''
print(end_then_close("close"))
#> end='close' expire_on_commit=True refresh=False expired=[] after_close='ana'
print(end_then_close("commit", expire_on_commit=False))
#> end='commit' expire_on_commit=False refresh=False expired=[] after_close='ana'
print(end_then_close("commit", refresh=True))
#> end='commit' expire_on_commit=True refresh=True expired=[] after_close='ana'
