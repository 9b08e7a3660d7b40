"""Watch an example run, as Python Tutor does: from outside the program, by tracing it.

The program is the one a reader copies; nothing in it exists for the guide. ``Observer``
installs a line tracer (``sys.settrace``) on the example's own frames: each time the top of the
program (the module, or a coroutine the event loop runs) moves to its next statement, the
statement before it is complete, and a *snapshot* records the three places data lives:

- the Python objects the program names, found in the frame (mapped instances, and lists of
  them), described from what they hold without loading anything;
- each Session found in the frame (or holding those objects): its transaction, and every
  object in its identity map, ``new``, ``dirty`` and ``deleted``;
- the example's tables as this Session's transaction sees them, through its own connection,
  and as another connection sees them, through a connection of the observer's own.

Reading must not change what the program does. So everything is read below SQLAlchemy, through
the DBAPI (no events, no log lines, no autoflush, no lazy load), and this transaction is read
only once it has run a statement of its own: reading first would start the transaction's
snapshot (PostgreSQL's REPEATABLE READ, SQLite's WAL) or take its lock (SQLite) earlier than
the program would. Where the program's connection cannot be used from here (aiosqlite runs it
in another thread), or PostgreSQL reports a lock, the snapshot says so instead.

Functions the program calls directly run inside the calling statement's step: their prints
and SQL appear under the call. Events from other threads join the step running at the time.
"""

from __future__ import annotations

import ast
import inspect as pyinspect
import re
import sqlite3
import sys
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from types import CodeType, FrameType
from typing import Any

from sqlalchemy import MetaData, Table, event, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from sessionguide.run.model import (
    EXPIRED,
    Event,
    ObjectView,
    Seen,
    SessionView,
    Snapshot,
    Step,
)

try:
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
except ImportError:  # pragma: no cover - sqlalchemy[asyncio] is always installed here
    AsyncConnection = AsyncEngine = AsyncSession = ()

try:
    import psycopg
except ImportError:  # only PostgreSQL runs need it
    psycopg = None

try:
    import greenlet
except ImportError:  # only async examples need it (sqlalchemy[asyncio])
    greenlet = None

MAX_SNAPSHOTS = 400  # steps past this (a long loop) are still shown, without the three places
MAX_OUTPUT_LINES = 2000  # what an example may print and log: more would flood its page
MAX_LISTED = 10  # items of a list of objects shown as name[i]
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_ENDINGS = ("commit", "rollback", "rollback_savepoint", "release_savepoint")
_OBSERVER_SAVEPOINT = "sessionguide_observer"


class Observer:
    """``with Observer(code) as observer: exec(code, ...)``; then ``observer.steps`` and
    ``observer.events``. ``record(kind, value)`` adds an event to the step running now."""

    def __init__(self, code: CodeType, source: str) -> None:
        self.code = code
        self.filename = code.co_filename
        self.steps: list[Step] = []
        self.events: list[Event] = []
        self._with_ends = _with_blocks(source)
        self._starts = _statement_starts(source)
        # Each traced frame (the module, each coroutine) has its own step open: coroutines
        # run interleaved, and each statement's output belongs to its own frame's step.
        self._open: dict[int, tuple[int, FrameType]] = {}  # frame id -> (step index, frame)
        self._last_opened: int | None = None
        self._last_line: dict[int, int] = {}  # per frame: its previous line
        self._lock = threading.RLock()
        self.output_lines = 0
        self._world = _World()
        self.configuration: dict[str, str] = {}  # see Run.configuration

    # --- recording ------------------------------------------------------------------------

    def record(self, kind: str, value: str) -> None:
        with self._lock:
            self.output_lines += value.count("\n") + 1
            if self.output_lines > MAX_OUTPUT_LINES:
                return  # the run fails with a message (runner); the page shows none of it
            self.events.append(Event(kind, self._current_index(), visible(value)))

    def _current_index(self) -> int:
        """The step of the coroutine the event comes from (found on the calling stack,
        through the greenlets SQLAlchemy's asyncio layer runs code in), else the step opened
        last: the module's own, a coroutine's that the stack does not lead back to (an
        ``async with`` exit), or any step for an event from another thread (a test client's).
        """
        frame = sys._getframe(2)
        current = greenlet.getcurrent() if greenlet else None
        while True:
            while frame is not None:
                if (frame.f_code is not self.code and id(frame) in self._open
                        and self._open[id(frame)][1] is frame):
                    return self._open[id(frame)][0]
                frame = frame.f_back
            current = current.parent if current is not None else None
            if current is None:
                break
            frame = current.gr_frame
        if self._last_opened is not None:
            return self._last_opened
        return max(len(self.steps) - 1, 0)

    def __enter__(self) -> Observer:
        sys.settrace(self._trace)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(None)
        with self._lock:
            for index, frame in list(self._open.values()):
                self._take(index, frame)
            self._open.clear()
        self.configuration = self._world.configuration()
        self._world.close()

    # --- tracing -----------------------------------------------------------------------------

    def _steppable(self, code: CodeType) -> bool:
        return code.co_filename == self.filename and (
            code is self.code or bool(code.co_flags & pyinspect.CO_COROUTINE))

    def _trace(self, frame: FrameType, event_: str, arg: Any) -> Callable | None:
        return self._local if self._steppable(frame.f_code) else None

    def _local(self, frame: FrameType, event_: str, arg: Any) -> Callable | None:
        if event_ == "line":
            self._on_line(frame)
        elif event_ == "return" and id(frame) in self._open:
            # A coroutine suspends (await) or ends: the places as they are now, in case no
            # later line of it comes to close the step.
            with self._lock:
                self._take(*self._open[id(frame)])
        return self._local

    def _on_line(self, frame: FrameType) -> None:
        line = frame.f_lineno
        previous = self._last_line.get(id(frame))
        self._last_line[id(frame)] = line
        end = self._with_ends.get(line)
        if end is not None and previous == line and id(frame) in self._open:
            # Python 3.10 reports a `with` line again for each context manager it exits
            # (`with a, b:`): one exit of the block, the step already open.
            current = self.steps[self._open[id(frame)][0]]
            if current.exits and current.line == line:
                return
        exits = end is not None and previous is not None and line < previous <= end
        start = self._starts.get(line, line)
        # Another line of the statement that is running (one that spans lines): the same step.
        # Twice its first line is the statement again (a loop's one-line body), a new step.
        if (not exits and previous is not None and id(frame) in self._open
                and self._starts.get(previous, previous) == start
                and not (line == start and previous == start)):
            return
        line = start
        with self._lock:
            if id(frame) in self._open:
                self._take(*self._open[id(frame)])
            index = len(self.steps)
            self.steps.append(Step(line, end if exits else line, exits, None))
            self._open[id(frame)] = (index, frame)
            self._last_opened = index

    def _take(self, index: int, frame: FrameType) -> None:
        """Record the places data lives in the step at ``index``, as they are now."""
        if index < MAX_SNAPSHOTS:
            self.steps[index] = replace(self.steps[index],
                                        snapshot=self._world.snapshot(frame, self.code))


# Characters that would act on a terminal or reorder text (ANSI escapes, bidirectional
# overrides) instead of being read: shown as their escape sequence.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    return _INVISIBLE.sub(lambda match: match.group(0).encode("unicode_escape").decode(), text)


def _sqlite_mode(levels: set[object], sends_begin: bool) -> str:
    if levels != {None}:
        return "legacy"  # the driver's own transaction control: no BEGIN before a SELECT
    return "program" if sends_begin else "autocommit"


def _statement_starts(source: str) -> dict[int, int]:
    """Each line of a statement spanning several lines (a simple statement, or a compound
    statement's header), with the statement's first line."""
    starts = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.stmt):
            body = getattr(node, "body", None)
            last = body[0].lineno - 1 if body and isinstance(body, list) else node.end_lineno
            for line in range(node.lineno + 1, (last or node.lineno) + 1):
                starts.setdefault(line, node.lineno)
    return starts


def _with_blocks(source: str) -> dict[int, int]:
    """The first line of each ``with`` statement, and the last line of its block."""
    ends = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            ends[node.lineno] = node.end_lineno
    return ends


class _World:
    """What the program's frames hold: its objects, Sessions, engines and tables."""

    def __init__(self) -> None:
        self.names: dict[str, None] = {}  # names of objects, in order of first sight
        self.metadata: list[MetaData] = []
        self.tables: list[Table] = []
        self.engines: weakref.WeakSet[Engine] = weakref.WeakSet()
        self.last_engine: Engine | None = None
        # Per DBAPI connection: the transaction that last ran a statement of its own on it.
        self.used: dict[int, Any] = {}
        self._others: dict[str, _OtherConnection] = {}  # by database URL
        # How SQLite connections were set up: the driver's transaction control, and whether
        # the program sends BEGIN itself (SQLAlchemy's recipe for real transactions).
        # Per SQLite engine: the driver's isolation_level values seen, and whether BEGIN is sent.
        self.sqlite_engines: dict[int, tuple[set[object], list[bool]]] = {}
        self.server_version: str | None = None
        # What a connection sees changes only with a statement: between two, reuse the reads.
        self._statements = 0
        self._seen: dict[tuple, tuple[tuple, Seen]] = {}
        # On the Engine class: every engine's statements, also those of an engine the program
        # never names (one a library creates, as Flask-SQLAlchemy's db.engine).
        event.listen(Engine, "before_cursor_execute", self._on_statement)
        for name in _ENDINGS:
            event.listen(Engine, name, self._on_ending)

    def _reading(self, key: tuple, read: Callable[[], Seen]) -> Seen:
        stamp = (self._statements, len(self.engines), len(self._tables()))
        if key in self._seen and self._seen[key][0] == stamp:
            return self._seen[key][1]
        seen = read()
        self._seen[key] = (stamp, seen)
        return seen

    def close(self) -> None:
        for other in self._others.values():
            other.close()
        event.remove(Engine, "before_cursor_execute", self._on_statement)
        for name in _ENDINGS:
            event.remove(Engine, name, self._on_ending)

    # --- finding things in the frame -------------------------------------------------------

    def snapshot(self, frame: FrameType, code: CodeType) -> Snapshot:
        variables = dict(frame.f_locals)
        if frame.f_code is not code:  # a coroutine: the module's names count too
            variables = {**frame.f_globals, **variables}
        objects: dict[str, Any] = {}
        sessions: dict[str, Session] = {}
        for name, value in variables.items():
            if name.startswith("__"):
                continue
            self._note(value)
            if _is_mapped_instance(value):
                objects[name] = value
            elif isinstance(value, (list, tuple)) and value and len(value) <= 1000:
                listed = [v for v in value[:MAX_LISTED] if _is_mapped_instance(v)]
                if len(listed) == min(len(value), MAX_LISTED):
                    objects.update((f"{name}[{i}]", v) for i, v in enumerate(listed))
            session = _session_of(value)
            if session is not None:
                sessions.setdefault(name, session)
        for obj in objects.values():
            owner = sa_inspect(obj).session
            if owner is not None and owner not in sessions.values():
                sessions[f"({type(owner).__name__})"] = owner
        self.names.update(dict.fromkeys(objects))
        names_by_id = {id(obj): name for name, obj in objects.items()}
        session_names = {id(s): name for name, s in sessions.items()}
        for session in sessions.values():
            self._note(session.bind)
        return Snapshot(
            objects=tuple(_view(objects[n], n, session_names) for n in self.names if n in objects),
            sessions=tuple(self._session_view(name, session, names_by_id)
                           for name, session in sessions.items()),
            other_connection=self._other_connection(sessions),
        )

    def _note(self, value: Any) -> None:
        """Remember the engines and table definitions the program has made."""
        if isinstance(value, AsyncEngine):
            value = value.sync_engine
        elif isinstance(value, (Connection, AsyncConnection)):
            value = value.engine
            value = getattr(value, "sync_engine", value)
        if isinstance(value, Engine):
            if value not in self.engines:
                self.engines.add(value)
                self.last_engine = value
            return
        metadata = None
        if isinstance(value, MetaData):
            metadata = value
        elif isinstance(value, Table):
            metadata = value.metadata
        elif isinstance(value, type) and isinstance(getattr(value, "metadata", None), MetaData):
            metadata = value.metadata
        if metadata is not None and all(metadata is not m for m in self.metadata):
            self.metadata.append(metadata)

    def _on_ending(self, *args: Any) -> None:
        """A COMMIT or ROLLBACK (a DBAPI call, not a statement) changes what others see."""
        self._statements += 1

    def _on_statement(self, conn, cursor, statement: str, *args: Any) -> None:
        word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
        dbapi = conn.connection.dbapi_connection
        self._statements += 1
        if word not in _TRANSACTION_CONTROL:
            self.used[id(dbapi)] = conn.get_transaction()
        if conn.dialect.name == "sqlite":
            levels, begins = self.sqlite_engines.setdefault(id(conn.engine), (set(), [False]))
            levels.add(getattr(dbapi, "isolation_level", "?"))
            begins[0] |= word == "BEGIN"
        elif self.server_version is None and conn.dialect.server_version_info:
            self.server_version = ".".join(map(str, conn.dialect.server_version_info[:2]))

    def configuration(self) -> dict[str, str]:
        """What the output depends on besides the program: versions, SQLite's transactions."""
        import sqlalchemy

        found = {"python": sys.version.split()[0], "sqlalchemy": sqlalchemy.__version__,
                 "sqlite": sqlite3.sqlite_version}
        # A program whose statements are all the driver's own (no before_cursor_execute) still
        # connected: its engine knows the server.
        for engine in list(self.engines):
            if self.server_version is None and engine.dialect.name == "postgresql":
                version = getattr(engine.dialect, "server_version_info", None)
                if version:
                    self.server_version = ".".join(map(str, version[:2]))
        if self.server_version:
            found["postgresql"] = self.server_version
        modes = {_sqlite_mode(levels, begins[0]) for levels, begins in self.sqlite_engines.values()}
        if modes:
            found["sqlite_transactions"] = modes.pop() if len(modes) == 1 else "mixed"
        return found

    def _tables(self) -> list[Table]:
        seen: dict[str, Table] = {}
        for metadata in self.metadata:
            for table in metadata.sorted_tables:
                seen.setdefault(table.fullname, table)
        return list(seen.values())

    # --- the Session --------------------------------------------------------------------------

    def _session_view(self, name: str, session: Session,
                      names_by_id: dict[int, str]) -> SessionView:
        # In an order that is the same on every run: the Session's own collections are
        # ordered by where objects happen to sit in memory.
        held: dict[int, Any] = {}
        for obj in [*sorted(session.identity_map.values(), key=_by_identity),
                    *sorted(session.new, key=lambda o: sa_inspect(o).insert_order or 0),
                    *sorted(session.deleted, key=_by_identity)]:
            held.setdefault(id(obj), obj)
        session_names = {id(session): name}
        members = tuple(_view(obj, names_by_id.get(id(obj), ""), session_names)
                        for obj in held.values())
        transaction = session.get_transaction()
        if transaction is None:
            state = "none"
        elif not transaction.is_active:
            state = "inactive"
        else:
            state = "nested" if session.get_nested_transaction() is not None else "active"
        return SessionView(name, state, members, self._this_transaction(session))

    def _this_transaction(self, session: Session) -> Seen:
        transaction = session.get_transaction()
        connections = getattr(transaction, "_connections", None) if transaction else None
        if not connections:
            return Seen("none")
        connection = next(iter(connections.values()))[0]
        if connection.closed or connection.invalidated:
            return Seen("none")
        dbapi = connection.connection.dbapi_connection
        if self.used.get(id(dbapi)) is not connection.get_transaction():
            return Seen("unobservable")  # nothing read or written yet: reading would start it
        return self._reading(("this", id(dbapi), id(connection.get_transaction())),
                             lambda: _read_through(dbapi, self._tables(), connection.dialect))

    # --- another connection ---------------------------------------------------------------------

    def _other_connection(self, sessions: dict[str, Session]) -> Seen:
        """Through the database of the first Session found, else of the engine made last."""
        engine = None
        for session in sessions.values():
            bind = session.bind
            engine = bind.engine if isinstance(bind, Connection) else bind
            if engine is not None:
                break
        if engine is None:
            engine = self.last_engine
        if engine is None or engine.url.get_backend_name() not in ("sqlite", "postgresql"):
            return Seen("none")
        key = str(engine.url)
        if key not in self._others:
            self._others[key] = _OtherConnection(engine)
        return self._reading(("other", key), lambda: self._others[key].read(self._tables()))


class _OtherConnection:
    """A connection of the observer's own to the example's database, outside any transaction
    of the example's, so it sees what is committed (and, on SQLite, waits for no lock)."""

    def __init__(self, engine: Engine) -> None:
        self.url, self.dialect = engine.url, engine.dialect
        self.backend = engine.url.get_backend_name()
        self._connection: Any = None

    def _connect(self):
        if self.backend == "sqlite":
            # timeout=0: a database locked by the example is reported, not waited for.
            return sqlite3.connect(self.url.database, timeout=0, isolation_level=None)
        connection = psycopg.connect(
            host=self.url.host or "localhost", port=self.url.port, user=self.url.username,
            dbname=self.url.database, autocommit=True)
        connection.execute("SET lock_timeout = '100ms'")
        return connection

    def read(self, tables: list[Table]) -> Seen:
        if self.backend == "sqlite" and self.url.database in (None, "", ":memory:"):
            return Seen("in_memory")
        if self._connection is None:
            try:
                self._connection = self._connect()
            except Exception:  # noqa: BLE001 - not there yet (no file, no database)
                return Seen("none")
        return _read(self._connection, tables, self.dialect, savepoint=False)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def _read_through(dbapi: Any, tables: list[Table], dialect) -> Seen:
    """The example's tables as seen by the example's own DBAPI connection."""
    if isinstance(dbapi, sqlite3.Connection):
        return _read(dbapi, tables, dialect, savepoint=False)
    if psycopg is not None and isinstance(dbapi, psycopg.Connection):
        if dbapi.info.transaction_status == psycopg.pq.TransactionStatus.INERROR:
            return Seen("aborted")
        if dbapi.autocommit and dbapi.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            # AUTOCOMMIT: no transaction to protect (nor to hold a savepoint); each statement
            # sees what is committed, as on SQLite's autocommit connection.
            return _read(dbapi, tables, dialect, savepoint=False)
        # A failing read must not abort the example's transaction: read inside a savepoint.
        return _read(dbapi, tables, dialect, savepoint=True)
    return Seen("unobservable")  # e.g. aiosqlite, whose connection lives in another thread


def _read(connection: Any, tables: list[Table], dialect, *, savepoint: bool) -> Seen:
    rows: list[str] = []
    read_any = False
    for table in tables:
        try:
            found = _fetch(connection, _select_sql(table, dialect), savepoint)
        except _Locked:
            return Seen("locked")
        except Exception:  # noqa: BLE001 - the table does not exist (yet, or any more)
            continue
        read_any = True
        prefix = f"{table.name}: " if len(tables) > 1 else ""
        rows.extend(f"{prefix}{row!r}" for row in found)
        if not found and len(tables) > 1:
            rows.append(f"{prefix}[]")
    if not read_any:
        return Seen("none")
    return Seen("rows", tuple(rows) or ("[]",))


class _Locked(Exception):
    pass


def _fetch(connection: Any, sql: str, savepoint: bool) -> list[tuple]:
    if isinstance(connection, sqlite3.Connection):
        try:
            return [tuple(row) for row in connection.execute(sql).fetchall()]
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise _Locked from error
            raise
    cursor = connection.cursor()
    try:
        if savepoint:
            cursor.execute(f"SAVEPOINT {_OBSERVER_SAVEPOINT}")
        try:
            cursor.execute(sql)
            return [tuple(row) for row in cursor.fetchall()]
        except psycopg.errors.LockNotAvailable as error:
            raise _Locked from error
        finally:
            if savepoint:
                if connection.info.transaction_status == psycopg.pq.TransactionStatus.INERROR:
                    cursor.execute(f"ROLLBACK TO SAVEPOINT {_OBSERVER_SAVEPOINT}")
                cursor.execute(f"RELEASE SAVEPOINT {_OBSERVER_SAVEPOINT}")
    finally:
        cursor.close()


_SELECTS: dict[tuple[int, str], str] = {}


def _select_sql(table: Table, dialect) -> str:
    key = (id(table), dialect.name)
    if key not in _SELECTS:
        order = list(table.primary_key.columns) or list(table.columns)
        _SELECTS[key] = str(select(table).order_by(*order).compile(dialect=dialect))
    return _SELECTS[key]


# --- objects --------------------------------------------------------------------------------


def _is_mapped_instance(value: Any) -> bool:
    # The class, not the instance, is asked: an instance's attributes may do anything.
    manager = getattr(type(value), "_sa_class_manager", None)
    return manager is not None and not isinstance(value, type)


def _by_identity(obj: Any) -> tuple:
    """Class name, then primary key (numbers in numeric order)."""
    key = sa_inspect(obj).key
    values = key[1] if key else ()
    return type(obj).__name__, tuple((0, v, "") if isinstance(v, (int, float)) else (1, 0, str(v))
                                     for v in values)


def _session_of(value: Any) -> Session | None:
    if isinstance(value, Session):
        return value
    if isinstance(value, AsyncSession):
        return value.sync_session
    return None


def state_name(obj: Any) -> str:
    state = sa_inspect(obj)
    for name in ("transient", "pending", "persistent", "deleted", "detached"):
        if getattr(state, name):
            return name
    return "?"


def _view(obj: Any, name: str, session_names: dict[int, str]) -> ObjectView:
    state = sa_inspect(obj)
    attrs = []
    for attr in state.mapper.column_attrs:
        if attr.key in state.dict:
            attrs.append((attr.key, repr(state.dict[attr.key])))
        else:  # never set on a new object; expired (or not loaded yet) on a persistent one
            attrs.append((attr.key, EXPIRED if state.key is not None else "None"))
    session = state.session
    return ObjectView(name, type(obj).__name__, tuple(attrs), state_name(obj),
                      _places(obj, state, session),
                      session_names.get(id(session), "") if session is not None else "")


def _places(obj: Any, state, session: Session | None) -> tuple[str, ...]:
    if session is None:
        return ()
    places = []
    if state.key is not None and session.identity_map.get(state.key) is obj:
        places.append("identity_map")
    for place, members in (("new", session.new), ("dirty", session.dirty),
                           ("deleted", session.deleted)):
        if obj in members:
            places.append(place)
    return tuple(places)
