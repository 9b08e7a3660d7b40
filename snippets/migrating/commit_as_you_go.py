from sqlalchemy import String, create_engine
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
engine.echo = True

with Session(engine) as session:
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False
    ana = User(name="ana")
    session.add(ana)
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=True
    session.commit()
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=False
    print(f"{ana.name=}")
    #> ana.name='ana'
    print(f"{session.in_transaction()=}")
    #> session.in_transaction()=True
    session.commit()

engine.dispose()
