from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite://")
engine.echo = True

try:
    Session(engine, autocommit=True)
except ArgumentError as error:
    print(f"{type(error).__name__}: {error}")
    #> ArgumentError: autocommit=True is no longer supported

factory = sessionmaker(engine, autocommit=True)
print(f"{factory.kw['autocommit']=}")
#> factory.kw['autocommit']=True
try:
    factory()
except ArgumentError as error:
    print(f"{type(error).__name__}: {error}")
    #> ArgumentError: autocommit=True is no longer supported
