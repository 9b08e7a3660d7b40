"""Run one example the way the page shows it: isolated, observed, on one database.

Each run gets a fresh ``__main__`` module and a fresh temporary working directory that is
removed afterwards, so no run sees what another example, page, language or rebuild left; on
PostgreSQL it also gets a schema of its own (``databases``). ``observe.Observer`` records
what each statement printed and logged and, after it, where the data lives.
"""

from __future__ import annotations

import gc
import linecache
import os
import sys
import tempfile
import traceback
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

from sessionguide.paths import DOCS, ROOT, SNIPPETS
from sessionguide.run import databases
from sessionguide.run.examples import example, names
from sessionguide.run.model import Failure, Run
from sessionguide.run.observe import MAX_OUTPUT_LINES, Observer
from sessionguide.run.sql_capture import capture_sql

snippet_names = names
# Where examples' working directories go: memory, where there is a RAM-backed /dev/shm, so that
# an example's SQLite commits do not wait for the disk (what they print is the same).
_SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def snippet_path(snippet: str):
    return SNIPPETS / snippet


def collect_leftovers() -> None:
    """Finalize what earlier code left behind (an unclosed sqlite3 connection warns from
    Python 3.13 on) now, silently, rather than at a random moment of the next example, which
    would see the warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.collect()


def run_snippet(snippet: str, database: str = "sqlite", *, fresh_process: bool = False) -> Run:
    """Execute ``snippets/<snippet>`` on ``database`` in isolation, observing it.
    ``fresh_process``: nothing ran in this process before (``isolate``), so there is no
    garbage of earlier code to collect first."""
    path = snippet_path(snippet)
    source = path.read_text(encoding="utf-8")
    try:
        example(snippet)  # a broken declaration fails the run, naming the file
        source = databases.program_for(source, database, snippet)
    except Exception as error:  # noqa: BLE001 - reported as the run's failure
        run = Run(snippet, database, source)
        run.failure = _failure(error, str(path))
        return run
    return run_source(snippet, source, database, filename=str(path),
                      collect_first=not fresh_process)


def run_source(snippet: str, source: str, database: str = "sqlite", *, filename: str,
               collect_first: bool = True) -> Run:
    """Execute ``source`` (the program of ``snippet``, as it runs on ``database``) in
    isolation, observing it; the browser runs a reader's edited program with this too."""
    run = Run(snippet, database, source)
    try:
        # dont_inherit: this module's `from __future__ import annotations` is not the example's
        code = compile(source, filename, "exec", dont_inherit=True)
    except Exception as error:  # noqa: BLE001 - reported as the run's failure
        run.failure = _failure(error, filename)
        return run
    observer = Observer(code, source)

    def print_(*args: Any, sep: str | None = " ", end: str | None = "\n", file: Any = None,
               flush: bool = False) -> None:
        if file is not None and file not in (sys.stdout, sys.__stdout__):
            print(*args, sep=sep, end=end, file=file, flush=flush)
            return
        observer.record("out", (" " if sep is None else sep).join(str(arg) for arg in args))

    _watch_writes()
    module = ModuleType("__main__")
    module.__dict__.update(__file__=filename, __builtins__=__builtins__, print=print_)
    saved_main, saved_cwd = sys.modules.get("__main__"), os.getcwd()
    if collect_first:
        collect_leftovers()
    with tempfile.TemporaryDirectory(prefix="sessionguide-", dir=_SCRATCH) as workdir, \
            warnings.catch_warnings():
        # After a MissingGreenlet, SQLAlchemy leaves an aiosqlite coroutine unawaited.
        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        # A warning the run triggers is part of what a reader sees (on stderr): on the page too.
        warnings.showwarning = lambda message, category, path, lineno, file=None, line=None: \
            observer.record("err", _warning_text(message, category, path, lineno, line, filename))
        try:
            sys.modules["__main__"] = module
            os.chdir(workdir)
            with databases.environment(database), capture_sql(
                    lambda text: observer.record("sql", text)), observer:
                _writes["on"] = {}
                exec(code, module.__dict__)  # noqa: S102
        except BaseException as error:  # noqa: BLE001 - a SystemExit in an example is a failure too
            run.failure = _failure(error, filename)
            observer.record("err", run.failure.message)
        finally:
            written = _writes.pop("on", {})
            os.chdir(saved_cwd)
            if saved_main is not None:
                sys.modules["__main__"] = saved_main
            module.__dict__.clear()
            gc.collect(0)  # the young objects (engines, coroutines) go now, within the filter
    run.steps, run.events = observer.steps, observer.events
    run.configuration = observer.configuration
    if observer.output_lines > MAX_OUTPUT_LINES and run.failure is None:
        run.failure = _problem(f"the example printed and logged {observer.output_lines} lines; "
                               f"the limit is {MAX_OUTPUT_LINES}, so that a page stays readable. "
                               "Print less (a loop that prints, or echo=True over many rows?)")
    if written and run.failure is None:
        for path, existed in written.items():  # so that a later build cannot publish them
            if not existed:
                path.unlink(missing_ok=True)
        names = ", ".join(str(path.relative_to(ROOT)) for path in sorted(written))
        run.failure = _problem(f"the example wrote {names} outside the directory it runs in "
                               "(the files it created have been deleted). Write files with "
                               "relative paths only, in the current directory, which is a "
                               "fresh one for each run")
    return run


def _warning_text(message, category, path: str, lineno: int, line: str | None,
                  filename: str) -> str:
    """As Python prints a warning, with the file named the same on every machine: the example
    by its name, a library's module from its package on."""
    if path == filename:
        shown = Path(path).name
    else:
        shown = path.rpartition("site-packages/")[2] if "site-packages/" in path else \
            Path(path).name
    if line is None:
        line = linecache.getline(path, lineno)
    return warnings.formatwarning(message, category, shown, lineno, line).rstrip()


def _problem(message: str) -> Failure:
    return Failure(0, message, message)


# The files the running example opens for writing where they could be published or
# committed (the project's top folder, the pages, the examples), each with whether it existed
# before: seen by an audit hook, so that only the example's own writes count, not an editor
# saving a file in the project meanwhile. Under "on" while an example runs.
_writes: dict[str, dict[Path, bool]] = {}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def _watch_writes() -> None:
    global _hooked
    if DOCS.is_dir() and not _hooked:  # not in a checkout (the browser): nothing to watch
        sys.addaudithook(_audit)  # for the life of the process: a hook cannot be removed
        _hooked = True


_hooked = False


def _audit(event: str, args: tuple) -> None:
    written = _writes.get("on")
    if written is None or event not in ("open", "sqlite3.connect"):
        return
    path = args[0]
    if event == "open":
        mode, flags = args[1], args[2]
        if isinstance(path, int) or not (any(c in mode for c in "wax+") if mode
                                         else flags & _WRITE_FLAGS):
            return
    elif not isinstance(path, (str, bytes, os.PathLike)) or os.fsdecode(path) in ("", ":memory:") \
            or os.fsdecode(path).startswith("file:"):
        return
    target = Path(os.path.abspath(os.fsdecode(path)))
    if (target.parent == ROOT or target.is_relative_to(DOCS) or target.is_relative_to(SNIPPETS)) \
            and "__pycache__" not in target.parts and target not in written:
        written[target] = target.exists()


def _failure(error: BaseException, filename: str) -> Failure:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    line = frames[-1].lineno if frames else 0
    if isinstance(error, SyntaxError) and error.filename == filename:
        line = error.lineno or 0
    text = "".join(traceback.format_exception(error)).strip()
    return Failure(line or 0, f"{type(error).__name__}: {error}", text)
