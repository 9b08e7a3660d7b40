"""Run one snippet the way the page shows it: isolated, with its prints and SQL recorded.

Each run gets a fresh ``__main__`` module and a fresh temporary working directory that is
removed afterwards, so no run sees what another example, page, language or rebuild left.
Every recorded line carries the snippet line that was executing, so the page can show which
call produced which output and SQL.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from sessionguide.paths import SNIPPETS
from sessionguide.run.sql_capture import capture_sql
from sessionguide.run.state_table import StateTable, Table

try:
    import greenlet
except ImportError:  # only async examples need it (sqlalchemy[asyncio])
    greenlet = None


@dataclass(frozen=True)
class Event:
    kind: str  # "out" (a print), "sql" (a logged statement) or "table" (a printed StateTable)
    line: int  # the snippet line that was executing, 1-based
    value: str | Table


@dataclass
class Failure:
    line: int
    message: str  # "ExceptionType: text"
    traceback: str


@dataclass
class Run:
    snippet: str  # path relative to snippets/, e.g. "flush-and-commit/flush_assigns_id.py"
    source: str
    events: list[Event] = field(default_factory=list)
    failure: Failure | None = None


def snippet_path(snippet: str) -> Path:
    return SNIPPETS / snippet


def snippet_names() -> list[str]:
    """Every example, as ``<page>/<example>.py``."""
    return sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))


def _line_in(filename: str) -> int:
    """The snippet line running now, also when SQLAlchemy's async layer runs the statement in
    a greenlet whose frames do not lead back to the snippet: then continue in the parent's."""
    frame = sys._getframe(1)
    current = greenlet.getcurrent() if greenlet else None
    while True:
        while frame is not None:
            if frame.f_code.co_filename == filename:
                return frame.f_lineno
            frame = frame.f_back
        current = current.parent if current is not None else None
        if current is None:
            return 0
        frame = current.gr_frame


def collect_leftovers() -> None:
    """Finalize what earlier code left behind (an unclosed sqlite3 connection warns from
    Python 3.13 on) now, silently, rather than at a random moment of the next example, which
    would see the warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gc.collect()


def run_snippet(snippet: str) -> Run:
    """Execute ``snippets/<snippet>`` in isolation and record what it printed and logged."""
    path = snippet_path(snippet)
    source = path.read_text(encoding="utf-8")
    filename = str(path)
    run = Run(snippet, source)

    def record(kind: str, value: str | Table) -> None:
        run.events.append(Event(kind, _line_in(filename), value))

    def print_(*args: Any, sep: str | None = " ", end: str | None = "\n", file: Any = None,
               flush: bool = False) -> None:
        if file is not None and file not in (sys.stdout, sys.__stdout__):
            print(*args, sep=sep, end=end, file=file, flush=flush)
            return
        tables = [arg for arg in args if isinstance(arg, StateTable)]
        if tables and len(args) == 1:
            record("table", tables[0].table())
            return
        text = (" " if sep is None else sep).join(str(arg) for arg in args)
        record("out", text)

    module = ModuleType("__main__")
    module.__dict__.update(__file__=filename, __builtins__=__builtins__, print=print_)
    saved_main, saved_cwd = sys.modules.get("__main__"), os.getcwd()
    collect_leftovers()
    with tempfile.TemporaryDirectory(prefix="sessionguide-") as workdir, warnings.catch_warnings():
        # After a MissingGreenlet, SQLAlchemy leaves an aiosqlite coroutine unawaited.
        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        try:
            sys.modules["__main__"] = module
            os.chdir(workdir)
            with capture_sql(lambda text: record("sql", text)):
                exec(compile(source, filename, "exec"), module.__dict__)  # noqa: S102
        except BaseException as error:  # noqa: BLE001 - a SystemExit in an example is a failure too
            run.failure = _failure(error, filename)
        finally:
            os.chdir(saved_cwd)
            if saved_main is not None:
                sys.modules["__main__"] = saved_main
            module.__dict__.clear()
            gc.collect(0)  # the young objects (engines, coroutines) go now, within the filter
    return run


def _failure(error: BaseException, filename: str) -> Failure:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    line = frames[-1].lineno if frames else 0
    if isinstance(error, SyntaxError) and error.filename == filename:
        line = error.lineno or 0
    text = "".join(traceback.format_exception(error)).strip()
    return Failure(line or 0, f"{type(error).__name__}: {error}", text)
