import re
import warnings

from sqlalchemy import String, create_engine
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


def tidy(message):
    message = re.sub(r"<User at 0x\w+>", "<User>", str(message))
    return re.sub(r"<class '[\w.]+'>", "User", message)


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
with Session(engine) as session:
    detached = session.get(User, 1)
detached.name = "Ana"
engine.echo = True

with Session(engine) as session:
    user = session.get(User, 1)
    session.add(User(id=1, name="bea"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            session.flush()
        except IntegrityError as error:
            print(f"{type(error).__name__}: {error.orig}")
            #> IntegrityError: UNIQUE constraint failed: users.id
    print(f"{caught[0].category.__name__}: {tidy(caught[0].message)}")
    '''
    SAWarning: New instance <User> with identity key (User, (1,), None) conflicts with persistent instance <User>
    '''

with Session(engine) as session:
    user = session.get(User, 1)
    try:
        session.add(detached)
    except InvalidRequestError as error:
        print(f"{type(error).__name__}: {tidy(error)}")
        '''
        InvalidRequestError: Can't attach instance <User>; another instance with key (User, (1,), None) is already present in this session.
        '''

for payload in (User(id=1, name="bea"), detached):
    with Session(engine) as session:
        user = session.get(User, 1)
        merged = session.merge(payload)
        session.flush()
        print(f"{merged is user=} {merged is payload=} {merged.name=}")
        #> merged is user=True merged is payload=False merged.name='bea'
        #> merged is user=True merged is payload=False merged.name='Ana'

with Session(engine) as session:
    merged = session.merge(detached)
    print(f"{merged is detached=} {merged.name=}")
    #> merged is detached=False merged.name='Ana'

with Session(engine) as session:
    session.add(detached)
    print(f"{session.get(User, 1) is detached=}")
    #> session.get(User, 1) is detached=True

engine.dispose()
