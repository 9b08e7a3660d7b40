"""The databases an example runs on: SQLite as the program is written, PostgreSQL by its URL.

An example declared to run on both (``databases: [sqlite, postgresql]``, see ``examples``)
holds exactly one SQLite URL literal; its PostgreSQL run is the same program with that
literal replaced, so the code a reader sees is one program. The PostgreSQL URL has no port:
libpq takes it from ``PGPORT``, which the run sets to the project's own server (``postgres``).

Examples run in parallel worker processes against one server, and all of them create a
table called ``users``: each run gets a schema of its own, through ``PGOPTIONS`` (every libpq
connection the example opens uses it), dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

POSTGRESQL_URL = '"postgresql+psycopg://postgres@localhost/guide"'
SQLITE_URLS = ('"sqlite:///app.db"', '"sqlite+aiosqlite:///app.db"')
PORT_VARIABLE = "SESSIONGUIDE_POSTGRES_PORT"  # set by the process that started the server


class DatabaseError(RuntimeError):
    """The example cannot run on this database as written; the message says what to do."""


def program_for(source: str, database: str, snippet: str) -> str:
    """The program as it runs on ``database``."""
    if database == "sqlite":
        return source
    found = [url for url in SQLITE_URLS if url in source]
    count = sum(source.count(url) for url in found)
    if count != 1:
        raise DatabaseError(
            f"snippets/{snippet} runs on PostgreSQL too, so it must contain the SQLite URL "
            f"exactly once (one of {', '.join(SQLITE_URLS)}), found {count}: the PostgreSQL run "
            "replaces it. Write the URL once, or declare only `databases: [sqlite]`.")
    return source.replace(found[0], POSTGRESQL_URL)


def server_port() -> str:
    """The port of the project's PostgreSQL server, started in this process if no parent
    process started one (worker processes inherit the parent's through the environment)."""
    if not os.environ.get(PORT_VARIABLE):
        from sessionguide.run import postgres

        os.environ[PORT_VARIABLE] = str(postgres.shared().port)
    return os.environ[PORT_VARIABLE]


_runs = itertools.count()


@contextmanager
def environment(database: str) -> Iterator[None]:
    """Run the example inside this: on PostgreSQL, its own schema on the project's server."""
    if database == "sqlite":
        yield
        return
    from sessionguide.run import postgres

    port = server_port()
    schema = f"run_{os.getpid()}_{next(_runs)}"
    admin = postgres.Admin(int(port))
    admin.create_schema(schema)
    variables = {"PGPORT": port, **postgres.schema_env(schema)}
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        admin.drop_schema(schema)
        admin.close()
