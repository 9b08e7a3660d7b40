from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError

engine = create_engine("sqlite:///app.db")

with engine.connect() as connection:
    print(f"{connection.get_isolation_level()=}")
    #> connection.get_isolation_level()='SERIALIZABLE'
print(f"{engine.dialect.default_isolation_level=}")
#> engine.dialect.default_isolation_level='SERIALIZABLE'

for level in ("READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ",
              "SERIALIZABLE", "AUTOCOMMIT"):
    with engine.connect() as connection:
        try:
            connection.execution_options(isolation_level=level)
            reported = connection.get_isolation_level()
        except ArgumentError as error:
            reported = f"{type(error).__name__}: {error}"
        print(f"{level=} {reported=}")
        #> level='READ UNCOMMITTED' reported='READ UNCOMMITTED'
        '''
        level='READ COMMITTED' reported="ArgumentError: Invalid value 'READ COMMITTED' for isolation_level. Valid isolation levels for 'sqlite' are READ UNCOMMITTED, SERIALIZABLE, AUTOCOMMIT"
        '''
        '''
        level='REPEATABLE READ' reported="ArgumentError: Invalid value 'REPEATABLE READ' for isolation_level. Valid isolation levels for 'sqlite' are READ UNCOMMITTED, SERIALIZABLE, AUTOCOMMIT"
        '''
        #> level='SERIALIZABLE' reported='SERIALIZABLE'
        #> level='AUTOCOMMIT' reported='SERIALIZABLE'

engine.dispose()
