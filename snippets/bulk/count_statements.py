from sqlalchemy import String, create_engine, event, insert
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

statements = []


@event.listens_for(engine, "before_cursor_execute")
def count_statements(conn, cursor, statement, parameters, context, executemany):
    statements.append(statement)


rows = [{"name": f"user{n}"} for n in range(10)]

with Session(engine) as session:
    users = [User(**row) for row in rows]
    session.add_all(users)
    session.flush()
    print(f"{len(statements)=} {len(session.identity_map)=} {users[9].id=}")
    #> len(statements)=10 len(session.identity_map)=10 users[9].id=10
    session.rollback()

    statements.clear()
    session.execute(insert(User), rows)
    print(f"{len(statements)=} {len(session.identity_map)=}")
    #> len(statements)=1 len(session.identity_map)=0
    session.rollback()
