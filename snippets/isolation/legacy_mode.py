from sqlalchemy import String, create_engine, select, text, update
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
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True


def rename_elsewhere(name):
    with engine.begin() as other:
        other.execute(update(User).where(User.id == 1).values(name=name))


with Session(engine) as session:
    user = session.get(User, 1)
    sqlite = session.connection().connection.dbapi_connection
    print(f"{sqlite.in_transaction=}")
    #> sqlite.in_transaction=False
    print(f"{session.connection().get_isolation_level()=}")
    #> session.connection().get_isolation_level()='SERIALIZABLE'
    print(f"{session.scalar(text('PRAGMA busy_timeout'))=}")
    #> session.scalar(text('PRAGMA busy_timeout'))=5000
    print(f"{session.scalar(text('PRAGMA journal_mode'))=}")
    #> session.scalar(text('PRAGMA journal_mode'))='delete'
    rename_elsewhere("Ana")
    print(f"{session.scalar(select(User.name))=}")
    #> session.scalar(select(User.name))='Ana'

engine.dispose()
