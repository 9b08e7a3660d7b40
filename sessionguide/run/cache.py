"""Each example's result, computed once per process while nothing it depends on changes.

A build starts every example in worker processes (``start_running``) and renders pages
meanwhile; ``run_cached`` collects a result when a page needs it. The cache key covers the
snippet, the tooling that runs it (this package), Python and the libraries, so the Spanish
build and every ``mkdocs serve`` rebuild reuse results, and any change runs the example again.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from sessionguide.run.runner import Run, run_snippet, snippet_path

# What a run's result depends on besides the snippet itself: the code of this package.
# Rendering (labels, HTML) is not here: a cached run is rendered again for each language.
_RUN_CODE = Path(__file__).parent
_results: dict[str, Run] = {}


def cache_key(snippet: str, source: str) -> str:
    """Changes when the snippet, the tooling that runs it, Python or the libraries change."""
    digest = hashlib.sha256()
    for part in (snippet, source, _tooling()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _tooling() -> str:
    files = sorted(_RUN_CODE.glob("*.py"))
    return _tooling_digest(tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.cache  # by the files' modification times: read again only when one changed
def _tooling_digest(files: tuple[tuple[Path, int, int], ...]) -> str:
    import aiosqlite
    import sqlalchemy

    digest = hashlib.sha256()
    for part in (sys.version, sqlalchemy.__version__, aiosqlite.__version__):
        digest.update(part.encode() + b"\0")
    for path, _, _ in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


_running: dict[str, Future[Run]] = {}


def _key(snippet: str) -> str:
    return cache_key(snippet, snippet_path(snippet).read_text(encoding="utf-8"))


def is_ready(snippet: str) -> bool:
    """Whether ``run_cached(snippet)`` would not wait for a worker process."""
    key = _key(snippet)
    return key not in _running or _running[key].done()


def run_cached(snippet: str) -> Run:
    """``run_snippet``, computed once per distinct example in this process (both languages,
    every ``mkdocs serve`` rebuild) while nothing it depends on has changed."""
    key = _key(snippet)
    if key not in _results:
        future = _running.pop(key, None)
        _results[key] = future.result() if future else run_snippet(snippet)
    return _results[key]


def start_running(snippets: list[str], minimum: int = 8) -> None:
    """Start running, in worker processes, the snippets whose results are not cached yet.

    The build renders pages meanwhile; ``run_cached`` collects each result when a page's
    placeholders are filled in (``sessionguide.blocks.deferred``). A handful of changed
    snippets (a rebuild under ``mkdocs serve``) run in-process: a worker would take longer to
    start.
    """
    todo = {}
    for name in snippets:
        if snippet_path(name).is_file():
            key = _key(name)
            if key not in _results and key not in _running:
                todo[key] = name
    if len(todo) < minimum:
        return
    # One core stays with the build, which renders pages meanwhile (results are filled in
    # afterwards); on 2 cores a second worker only slows the pages down.
    workers = max(1, (os.cpu_count() or 2) - 1)
    # spawn, not fork: mkdocs serve runs threads, and a fresh interpreter is a clean start.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        for key, name in todo.items():
            _running[key] = pool.submit(run_snippet, name)
    except RuntimeError:  # a main script without `if __name__ == "__main__"` cannot spawn
        _running.clear()
    pool.shutdown(wait=False)  # workers exit once the queue is done
