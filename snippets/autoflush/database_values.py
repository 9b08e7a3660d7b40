from sqlalchemy import FetchedValue, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    __mapper_args__ = {"eager_defaults": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), server_default="new")
    slug: Mapped[str | None] = mapped_column(
        String(30), server_default=FetchedValue(), server_onupdate=FetchedValue()
    )


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with engine.begin() as connection:
    if engine.dialect.name == "sqlite":
        connection.execute(text(
            "CREATE TRIGGER users_slug_insert AFTER INSERT ON users BEGIN "
            "UPDATE users SET slug = lower(NEW.name) WHERE id = NEW.id; END"
        ))
        connection.execute(text(
            "CREATE TRIGGER users_slug_update AFTER UPDATE OF name ON users BEGIN "
            "UPDATE users SET slug = lower(NEW.name) WHERE id = NEW.id; END"
        ))
    else:
        connection.execute(text(
            "CREATE OR REPLACE FUNCTION users_slug() RETURNS trigger AS $$ "
            "BEGIN NEW.slug := lower(NEW.name); RETURN NEW; END $$ LANGUAGE plpgsql"
        ))
        connection.execute(text(
            "CREATE TRIGGER users_slug BEFORE INSERT OR UPDATE ON users "
            "FOR EACH ROW EXECUTE FUNCTION users_slug()"
        ))
engine.echo = True
print(f"{engine.dialect.insert_returning=} {engine.dialect.update_returning=}")
#> engine.dialect.insert_returning=True engine.dialect.update_returning=True

with Session(engine) as session:
    user = User(name="Ana")
    session.add(user)
    in_row = session.scalar(select(User.slug).where(User.id == 1))
    print(f"{user.status=} {user.slug=} {in_row=}")
    #> user.status='new' user.slug=None in_row='ana'

    user.name = "Bea"
    in_row = session.scalar(select(User.slug).where(User.id == 1))
    print(f"{user.slug=} {in_row=}")
    #> user.slug='ana' in_row='bea'
    session.commit()

engine.dispose()
