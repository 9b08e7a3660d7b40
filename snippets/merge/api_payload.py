from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(50))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True


def put_user(session, user_id, body):
    user = session.merge(User(id=user_id, **body))
    session.commit()
    return user


bodies = [
    {"name": "ana", "email": "ana@example.com"},
    {"name": "Ana"},
    {"name": "Ana", "email": None},
]
for body in bodies:
    with Session(engine) as session:
        user = put_user(session, 1, body)
        print(f"{sorted(body)=} {user.name=} {user.email=}")
        #> sorted(body)=['email', 'name'] user.name='ana' user.email='ana@example.com'
        #> sorted(body)=['name'] user.name='Ana' user.email='ana@example.com'
        #> sorted(body)=['email', 'name'] user.name='Ana' user.email=None
