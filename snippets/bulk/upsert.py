from sqlalchemy import String, create_engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite:///app.db")
insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[engine.dialect.name]
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(email="ana@example.com", name="ana"))
    session.commit()
engine.echo = True

stmt = insert(User).values(
    [
        {"email": "ana@example.com", "name": "Ana"},
        {"email": "bob@example.com", "name": "Bob"},
    ]
)
stmt = stmt.on_conflict_do_update(
    index_elements=[User.email], set_={"name": stmt.excluded.name}
)

with Session(engine) as session:
    ana = session.scalars(select(User).where(User.email == "ana@example.com")).one()
    users = session.scalars(stmt.returning(User)).all()
    print(f"{sorted((u.id, u.name) for u in users)=}")
    #> sorted((u.id, u.name) for u in users)=[(1, 'ana'), (2, 'Bob')]
    print(f"{ana in users=} {ana.name=}")
    #> ana in users=True ana.name='ana'

    users = session.scalars(
        stmt.returning(User), execution_options={"populate_existing": True}
    ).all()
    print(f"{sorted((u.id, u.name) for u in users)=}")
    #> sorted((u.id, u.name) for u in users)=[(1, 'Ana'), (2, 'Bob')]
    print(f"{ana in users=} {ana.name=}")
    #> ana in users=True ana.name='Ana'
    session.commit()
