from sqlalchemy import String, create_engine, delete, inspect, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="active")


engine = create_engine("sqlite:///app.db")
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ana"), User(name="bob"), User(name="cy")])
    session.commit()
engine.echo = True


def archive_and_delete(sync):
    with Session(engine) as session:
        ana, bob, cy = session.scalars(select(User).order_by(User.id))
        session.execute(
            update(User)
            .where(User.name != "cy")
            .values(status="archived")
            .execution_options(synchronize_session=sync)
        )
        print(f"{sync=} {ana.status=} {cy.status=}")
        #> sync='auto' ana.status='archived' cy.status='active'
        #> sync='evaluate' ana.status='archived' cy.status='active'
        #> sync='fetch' ana.status='archived' cy.status='active'
        #> sync=False ana.status='active' cy.status='active'
        session.execute(
            delete(User)
            .where(User.name == "bob")
            .execution_options(synchronize_session=sync)
        )
        print(f"{sync=} {bob in session=} {inspect(bob).deleted=}")
        #> sync='auto' bob in session=False inspect(bob).deleted=True
        #> sync='evaluate' bob in session=False inspect(bob).deleted=True
        #> sync='fetch' bob in session=False inspect(bob).deleted=True
        #> sync=False bob in session=True inspect(bob).deleted=False


for sync in ("auto", "evaluate", "fetch", False):
    archive_and_delete(sync)
