from sqlalchemy import String, create_engine, event, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
if engine.dialect.name == "sqlite":

    @event.listens_for(engine, "connect")
    def use_real_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin(connection):
        connection.exec_driver_sql("BEGIN")


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ana"))
    session.commit()
engine.echo = True


def rename_elsewhere(name):
    with engine.begin() as other:
        other.execute(update(User).where(User.id == 1).values(name=name))


with Session(engine, expire_on_commit=False) as session:
    user = session.get(User, 1)
    session.commit()
    rename_elsewhere("Ana")
    found = session.scalars(select(User)).one()
    print(f"{found is user=} {user.name=}")
    #> found is user=True user.name='ana'
    populated = select(User).execution_options(populate_existing=True)
    found = session.scalars(populated).one()
    print(f"{found is user=} {user.name=}")
    #> found is user=True user.name='Ana'
    session.commit()
    rename_elsewhere("ANA")
    session.refresh(user)
    print(f"{user.name=}")
    #> user.name='ANA'

engine.dispose()
