"""Run one example and record what it did; keep the results.

- ``examples``: the examples, and what is declared beside each (``<example>.yml``).
- ``runner``: execute one example in isolation on one database.
- ``observe``: watch it run (a line tracer): each statement's prints and SQL, and after it the
  objects, the Sessions and what this transaction and another connection see.
- ``model``: what a run produced, as plain data.
- ``table``: the steps a declared state table shows.
- ``databases``: SQLite as written, PostgreSQL by the URL; ``postgres``: the project's own
  PostgreSQL server.
- ``sql_capture``: SQLAlchemy's echo log as stable lines (no timings).
- ``cache``: each result computed once per process, in worker processes during a build.
- ``transcript``: which examples print differently under SQLAlchemy 2.0.

Nothing here knows about pages, MkDocs or languages.
"""
