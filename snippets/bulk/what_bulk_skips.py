from sqlalchemy import ForeignKey, String, create_engine, event, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(String(10), default="member")
    slug: Mapped[str | None] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship()


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    email: Mapped[str] = mapped_column(String(50))


@event.listens_for(User, "before_insert")
def set_slug(mapper, connection, user):
    user.slug = user.name.lower()


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True

with Session(engine) as session:
    session.add(User(name="Ana", addresses=[Address(email="ana@example.com")]))
    session.flush()

    session.execute(
        insert(User),
        [
            {"name": "Bob", "addresses": [Address(email="bob@example.com")]},
            {"name": "Cy", "role": "admin"},
        ],
    )
    users = session.execute(select(User.name, User.role, User.slug).order_by(User.id))
    print(f"{users.all()=}")
    '''
    users.all()=[('Ana', 'member', 'ana'), ('Bob', 'member', None), ('Cy', 'admin', None)]
    '''
    print(f"{session.scalars(select(Address.email)).all()=}")
    #> session.scalars(select(Address.email)).all()=['ana@example.com']
