"""Run one example and record what it did; keep the results.

- ``runner``: execute ``snippets/<page>/<example>.py`` in isolation, recording its prints, the
  SQL it logged and its failure, each with the line that produced it.
- ``sql_capture``: SQLAlchemy's echo log as stable lines (no timings).
- ``state_table``: the per-step table of where data lives.
- ``cache``: each result computed once per process, in worker processes during a build.
- ``transcript``: a run as text, and which examples print differently under SQLAlchemy 2.0.

Nothing here knows about pages, MkDocs or languages other than English.
"""
