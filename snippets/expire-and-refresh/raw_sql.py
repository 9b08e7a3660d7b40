from sqlalchemy import String, create_engine, text, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


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

statements = {
    "text()": text("UPDATE users SET name = 'ANA' WHERE id = 1"),
    "update(User)": update(User).where(User.id == 1).values(name="ANA"),
}
for kind, statement in statements.items():
    with Session(engine) as session:
        user = session.get(User, 1)
        session.execute(statement)
        before_expire = user.name
        session.expire(user)
        print(f"{kind}: {before_expire=} {user.name=}")
        #> text(): before_expire='ana' user.name='ANA'
        #> update(User): before_expire='ANA' user.name='ANA'
