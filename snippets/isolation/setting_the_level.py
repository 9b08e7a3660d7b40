from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///app.db")

serializable_engine = create_engine(engine.url, isolation_level="SERIALIZABLE")
with serializable_engine.connect() as connection:
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'

with engine.connect() as connection:
    connection.execution_options(isolation_level="SERIALIZABLE")
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'
with engine.connect() as connection:
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'

with Session(bind=engine.execution_options(isolation_level="SERIALIZABLE")) as session:
    print(f"{session.connection().get_isolation_level()=}")
    #> session.connection().get_isolation_level()='SERIALIZABLE'

with Session(engine) as session:
    options = {"isolation_level": "SERIALIZABLE"}
    connection = session.connection(execution_options=options)
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'

with Session(engine, execution_options={"isolation_level": "SERIALIZABLE"}) as session:
    print(f"{session.connection().get_isolation_level()=}")
    #> session.connection().get_isolation_level()='SERIALIZABLE'

engine.dispose()
serializable_engine.dispose()
