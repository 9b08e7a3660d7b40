from sqlalchemy import String, create_engine, func, insert, select
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
    session.execute(insert(User), [{"name": "ana"}, {"name": "bob"}, {"name": "cy"}])
    print(f"{len(session.identity_map)=}")
    #> len(session.identity_map)=0
    print(f"{session.scalar(select(func.count()).select_from(User))=}")
    #> session.scalar(select(func.count()).select_from(User))=3

    users = session.scalars(
        insert(User).returning(User), [{"name": "dee"}, {"name": "eve"}]
    ).all()
    print(f"{sorted((u.id, u.name) for u in users)=}")
    #> sorted((u.id, u.name) for u in users)=[(4, 'dee'), (5, 'eve')]
    print(f"{len(session.identity_map)=} {all(u in session for u in users)=}")
    #> len(session.identity_map)=2 all(u in session for u in users)=True
    print(f"{session.get(User, 4) in users=}")
    #> session.get(User, 4) in users=True
    session.commit()
