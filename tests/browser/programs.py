"""Run a copied example the way a reader does, and read what it printed and logged.

A reader pastes the program into a file and runs it with the packages the guide says to
install (``requirements-reader.lock``, the environment ``.venv-reader``: no project code in
it), in an empty folder. What it writes to stdout mixes its own ``print()`` lines with
SQLAlchemy's echo log (``2026-12-01 10:00:00,123 INFO sqlalchemy.engine.Engine SELECT ...``,
whose statements continue on the following lines); ``split_output`` separates the two, so
that they can be compared with what the page shows under the listing.

A new interpreter per program would spend ~0.45 s importing SQLAlchemy, most of a run. So the
programs run in children forked from one long-lived process of the reader's Python that has
imported it (``reader_server.py``, standalone: the reader's environment has none of the
project's code; ``ReaderServer``): started by the first run, stopped by
``ReaderServer.close()`` (``Runner.close()`` calls it) or at this process's exit, or, should
this process die, by the end of its stdin. A child runs the program as ``python example.py``
would; what a program can still tell apart is listed in reader_server.py's docstring, and
test_programs.py compares the two ways on real examples.
"""

from __future__ import annotations

import atexit
import functools
import itertools
import os
import pickle
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sessionguide.run.sql_capture import normalize

from . import reader_server  # its protocol's constants (standard library only: safe here)
from .inventory import ROOT

READER_PYTHON = ROOT / ".venv-reader" / "bin" / "python"
READER_SERVER = Path(__file__).with_name("reader_server.py")
MAKE_READER_VENV = "make .venv-reader/.installed"
TIMEOUT = 120  # seconds a program may run; examples take well under one

# A record of SQLAlchemy's default echo handler, "%(asctime)s %(levelname)s %(name)s
# %(message)s"; a message of several lines continues on the lines after it.
_LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} "
                         r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) (sqlalchemy(?:\.[\w-]+)+)"
                         r"(?: (.*))?$")
_ENGINE_LOGGER = "sqlalchemy.engine.Engine"
# For the diagnosis only, when stdout cannot be split the way the page shows it: a line after
# a log record that looks like the rest of an SQL statement (blank, indented, a closing
# parenthesis, an upper-case keyword such as FROM or WHERE).
_LOOKS_LIKE_SQL = re.compile(r"^(?:$|\s|\)|[A-Z][A-Z_]+(?:\s|\(|$))")


def reader_python() -> Path | None:
    return READER_PYTHON if os.access(READER_PYTHON, os.X_OK) else None


@functools.cache
def snippets_by_listing() -> dict[str, str]:
    """Listing id -> its snippet: "sg-merge-api-payload-sqlite" -> "merge/api_payload.py"."""
    from sessionguide.blocks.listing import anchor_of
    from sessionguide.paths import SNIPPETS

    found = {}
    for path in sorted(SNIPPETS.rglob("*.py")):
        snippet = path.relative_to(SNIPPETS).as_posix()
        for database in ("sqlite", "postgresql"):
            found[anchor_of(snippet, database)] = snippet
    return found


@functools.cache
def reader_versions() -> dict[str, str]:
    """SQLAlchemy's and Python's versions in the reader's environment."""
    result = subprocess.run(
        [str(READER_PYTHON), "-c", "import sys, sqlalchemy; print(sqlalchemy.__version__);"
         " print('.'.join(map(str, sys.version_info[:3])))"],
        capture_output=True, text=True, timeout=60, env=reader_environment())
    if result.returncode:
        raise RuntimeError(f"{READER_PYTHON} cannot import SQLAlchemy:\n{result.stderr}"
                           f"\nRecreate it: rm -rf .venv-reader && {MAKE_READER_VENV}")
    sqlalchemy, python = result.stdout.split()
    return {"sqlalchemy": sqlalchemy, "python": python}


def reader_environment() -> dict[str, str]:
    """The test process's environment without what points at the project or its tools
    (PYTEST_CURRENT_TEST too, which changes with every test: the fork server would have to
    run each program in a new interpreter, see reader_server.py)."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "PG", "SESSIONGUIDE_", "VIRTUAL_ENV", "SITE_DIR",
                                  "PYTEST_"))}
    env["PYTHONHASHSEED"] = "0"  # the build runs examples so (psycopg logs dicts in hash order)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@dataclass
class Ran:
    returncode: int | None  # None: stopped after TIMEOUT seconds
    stdout: str
    stderr: str
    seconds: float


_schemas = itertools.count()


@contextmanager
def reader_database(database: str) -> Iterator[dict[str, str]]:
    """The environment a program runs with on ``database``: ``reader_environment()``, and on
    PostgreSQL PGPORT of the project's own server (started by this process, see
    ``sessionguide.run.databases.server_port``) and a schema of its own, created for the
    block and dropped after it, in the database the program names (PGOPTIONS), so that it
    starts from an empty database as a reader's does."""
    env = reader_environment()
    if database != "PostgreSQL":
        yield env
        return
    from sessionguide.run import postgres
    from sessionguide.run.databases import server_port

    port = server_port()
    schema = f"copied_{os.getpid()}_{next(_schemas)}"
    admin = postgres.Admin(int(port))
    admin.create_schema(schema)
    try:
        yield {**env, "PGPORT": port, **postgres.schema_env(schema)}
    finally:
        admin.drop_schema(schema)
        admin.close()


def run(program: str, database: str) -> Ran:
    """Run ``program`` with the reader's Python in a fresh empty folder, as ``example.py``,
    in the environment of ``reader_database(database)`` (through this process's
    ``ReaderServer``, as ``.venv-reader/bin/python example.py`` would run it)."""
    return shared_server.run(program, database)


class ReaderServer:
    """A fork server of the reader's Python (reader_server.py), started by the first run and
    stopped by ``close()`` or at this process's exit. Thread-safe: runs submitted at once run
    at once, each in a child of its own."""

    def __init__(self) -> None:
        self._process: _ServerProcess | None = None
        self._lock = threading.Lock()
        # Runs that got a new interpreter, not a fork: this process's environment changed
        # since the server started, in more than libpq's variables (reader_server.py).
        self.new_interpreters = 0
        atexit.register(self.close)

    def run(self, program: str, database: str) -> Ran:
        server = self._started()
        with (reader_database(database) as env,
              tempfile.TemporaryDirectory(prefix="copied-example-") as folder):
            Path(folder, "example.py").write_text(program, encoding="utf-8")
            started = time.monotonic()
            future = server.submit(folder, env, TIMEOUT)
            returncode, stdout, stderr, new_interpreter = future.result(
                TIMEOUT + _ServerProcess.GRACE + 60)
            if new_interpreter:
                with self._lock:
                    self.new_interpreters += 1
            return Ran(returncode, stdout.decode("utf-8", "replace"),
                       stderr.decode("utf-8", "replace"), time.monotonic() - started)

    @property
    def pid(self) -> int | None:
        """The server's process id, while it runs."""
        process = self._process
        return process.process.pid if process is not None and process.running() else None

    def _started(self) -> _ServerProcess:
        with self._lock:
            process = self._process
            if process is None or not process.running():  # or a fork of the process
                process = self._process = _ServerProcess(reader_environment())
            return process

    def close(self) -> None:
        """Stop the server, killing the programs still running; the next run starts one."""
        with self._lock:
            process, self._process = self._process, None
        if process is not None:
            process.close()




class _ServerProcess:
    """One reader_server.py process, and its protocol (see its docstring)."""

    GRACE = reader_server.GRACE  # seconds the server waits for a killed program's pipes

    def __init__(self, environment: dict[str, str]) -> None:
        # What the interpreter reads at startup (PYTHONHASHSEED, PYTHONIOENCODING, the
        # locale) is the server's, which its children inherit: the reader's environment. A
        # request with another one runs in a new interpreter (see reader_server.fork).
        self.owner = os.getpid()
        self.process = subprocess.Popen(
            [str(READER_PYTHON), str(READER_SERVER)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env=environment, cwd=ROOT)
        self.futures: dict[int, Future] = {}
        self.numbers = itertools.count()
        self.lock = threading.Lock()  # the futures (never held while writing or reading)
        self.writing = threading.Lock()  # the requests' pipe
        threading.Thread(target=self._read, name="reader-server", daemon=True).start()

    def submit(self, folder: str, environment: dict[str, str], timeout: float) -> Future:
        """``(returncode, stdout, stderr, new_interpreter)`` of ``folder/example.py``, in a
        future."""
        future: Future = Future()
        with self.lock:
            number = next(self.numbers)
            self.futures[number] = future
        data = pickle.dumps((number, folder, environment, timeout), protocol=4)
        try:
            with self.writing:
                self.process.stdin.write(reader_server.HEADER.pack(len(data)) + data)
                self.process.stdin.flush()
        except (OSError, ValueError) as error:  # the server is gone
            with self.lock:
                self.futures.pop(number, None)
            future.set_exception(self._gone(error))
        return future

    def _read(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                header = stream.read(reader_server.HEADER.size)
                if len(header) < reader_server.HEADER.size:
                    raise EOFError("end of the answers")
                number, *result = pickle.loads(stream.read(reader_server.HEADER.unpack(header)[0]))
                with self.lock:
                    future = self.futures.pop(number)
                future.set_result(tuple(result))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as error:
            with self.lock:
                pending, self.futures = self.futures, {}
            for future in pending.values():
                future.set_exception(self._gone(error))

    def _gone(self, error: BaseException) -> RuntimeError:
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            code = None
        return RuntimeError(f"{READER_SERVER.name}, the reader's fork server, ended before "
                            f"answering (exit code {code}, {error!r}); see its messages on "
                            "stderr")

    def running(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def close(self) -> None:
        if self.owner != os.getpid():
            return  # a fork of the process that started it: not ours to stop
        if self.process.poll() is None:
            self.process.stdin.close()  # the server kills the programs still running, exits
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()


shared_server = ReaderServer()  # run()'s


class Runner:
    """Runs each distinct (program, database) once, in the background, one at a time (the
    visits hand programs over as they copy them, and the browser keeps the other core).
    Without the reader's environment it runs nothing (the tests that need it skip)."""

    def __init__(self, workers: int = 1) -> None:
        self.enabled = reader_python() is not None
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="copied")
        self.server = ReaderServer()  # its own: close() stops it, and nobody else's
        self.runs: dict[tuple[str, str], Future] = {}
        self.lock = threading.Lock()

    def submit(self, program: str, database: str) -> Future | None:
        if not self.enabled:
            return None
        key = (program, database)
        with self.lock:  # the visits submit from their own thread
            if key not in self.runs:
                self.runs[key] = self.pool.submit(self.server.run, program, database)
            return self.runs[key]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.server.close()


@dataclass
class Output:
    printed: list[str]  # stdout lines that are not SQLAlchemy's log
    sql: list[str]  # the Engine log's messages, normalized as the page shows them, by line
    matched: bool  # split consistently with the page (else by the look of the lines)


def split_output(stdout: str, want_printed: list[str], want_sql: list[str]) -> Output:
    """Separate the program's own lines from SQLAlchemy's log records in ``stdout``.

    A line after a log record may be the record's next line or a printed one; the split
    chosen is one that gives the page's lines (``want_*``), if there is any, else one by the
    look of the lines (for the failure message).
    """
    lines = stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    records = [_LOG_RECORD.match(line) for line in lines]
    found = _split_like_the_page(lines, records, want_printed, want_sql)
    if found is not None:
        return Output(*found, matched=True)
    return Output(*_split_by_look(lines, records), matched=False)


def _record_lines(first: str | None, rest: list[str]) -> list[str]:
    return normalize("\n".join([first or "", *rest])).split("\n")


def _split_like_the_page(lines, records, want_printed, want_sql):
    """A depth-first search over (line, SQL lines matched, printed lines matched)."""
    n = len(lines)
    parent: dict[tuple[int, int, int], tuple] = {(0, 0, 0): None}
    stack = [(0, 0, 0)]
    while stack:
        state = stack.pop()
        i, a, b = state
        if i == n:
            if a == len(want_sql) and b == len(want_printed):
                return _rebuild(parent, state)
            continue
        moves = []
        record = records[i]
        if record and (record.group(1) == _ENGINE_LOGGER
                       or record.group(1).startswith(_ENGINE_LOGGER + ".")):
            end = next((j for j in range(i + 1, n) if records[j]), n)
            for k in range(end - i):  # k lines after the first belong to the record
                message = _record_lines(record.group(2), lines[i + 1: i + 1 + k])
                if want_sql[a: a + len(message)] == message:
                    moves.append(((i + 1 + k, a + len(message), b), ("sql", message)))
        elif record:  # another SQLAlchemy logger (the pool's, say): not an SQL statement
            moves.append(((i + 1, a, b), ("log", [])))
        elif b < len(want_printed) and lines[i] == want_printed[b]:
            moves.append(((i + 1, a, b + 1), ("out", [lines[i]])))
        for target, how in moves:
            if target not in parent:
                parent[target] = (state, how)
                stack.append(target)
    return None


def _rebuild(parent, state):
    printed: list[str] = []
    sql: list[str] = []
    steps = []
    while parent[state] is not None:
        state, how = parent[state]
        steps.append(how)
    for kind, text in reversed(steps):
        (sql if kind == "sql" else printed if kind == "out" else []).extend(text)
    return printed, sql


def _split_by_look(lines, records):
    printed: list[str] = []
    sql: list[str] = []
    i = 0
    while i < len(lines):
        record = records[i]
        if not record:
            printed.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not records[j] and _LOOKS_LIKE_SQL.match(lines[j]):
            j += 1
        if record.group(1).startswith(_ENGINE_LOGGER):
            sql.extend(_record_lines(record.group(2), lines[i + 1: j]))
        i = j
    return printed, sql
