from sqlalchemy import String, create_engine, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), server_default="new")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with engine.begin() as connection:
    connection.execute(text(
        "CREATE TRIGGER upper_name AFTER INSERT ON users BEGIN "
        "UPDATE users SET name = upper(NEW.name) WHERE id = NEW.id; END"
    ))
engine.echo = True

with Session(engine) as session:
    user = User(name="ana")
    session.add(user)
    session.flush()
    print(f"{user.status=} {user.name=}")
    #> user.status='new' user.name='ana'
    session.refresh(user)
    print(f"{user.status=} {user.name=}")
    #> user.status='new' user.name='ANA'
