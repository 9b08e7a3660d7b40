import threading

from sqlalchemy import String, create_engine, event, select
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

waiting, resume = threading.Event(), threading.Event()


@event.listens_for(engine, "checkout")
def slow_checkout(*args):
    if threading.current_thread().name == "worker":
        waiting.set()
        resume.wait(timeout=5)


def query(session):
    try:
        return session.scalars(select(User.name)).all()
    except Exception as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"


def overlap(worker_session, main_session):
    results = {}
    worker = threading.Thread(
        name="worker",
        target=lambda: results.update(worker=query(worker_session)),
    )
    worker.start()
    waiting.wait(timeout=5)
    results["main"] = query(main_session)
    resume.set()
    worker.join()
    waiting.clear()
    resume.clear()
    return results


shared = Session(engine)
print(f"{overlap(shared, shared)=}")
'''
overlap(shared, shared)={'main': 'InvalidRequestError: This session is provisioning a new connection; concurrent operations are not permitted (Background on this error at: https://sqlalche.me/e/21/isce)', 'worker': ['ana']}
'''
shared.close()

with Session(engine) as first, Session(engine) as second:
    print(f"{overlap(first, second)=}")
    #> overlap(first, second)={'main': ['ana'], 'worker': ['ana']}

engine.dispose()
