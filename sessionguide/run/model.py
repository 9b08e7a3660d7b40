"""What a run of an example produced, as plain data that any language can render.

A run is a list of *steps*, one per statement executed at the top of the program (the module,
or an ``async def`` the event loop runs), each with what it printed and logged (*events*) and
what the three places data lives looked like once it was done (a *snapshot*): the Python
objects the program names, each Session and what it holds, and the rows as this transaction
and as another connection see them. Words that a page translates are codes here (``EXPIRED``,
``Seen.status``, ``ObjectView.places``); ``sessionguide.blocks`` renders them per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXPIRED = "@expired"  # an attribute value the Session no longer holds (expired or not loaded)

# Where a Session holds an object (ObjectView.places), in the order they are shown.
PLACES = ("identity_map", "new", "dirty", "deleted")


@dataclass(frozen=True)
class Event:
    kind: str  # "out" (a print), "sql" (a statement or log line of echo) or "err" (a failure)
    step: int  # index of the step that produced it
    value: str


@dataclass(frozen=True)
class ObjectView:
    """A mapped object as the program sees it, read without loading anything."""

    name: str  # the program's name for it ("user", "users[1]"), or "" when it has none
    cls: str
    attrs: tuple[tuple[str, str], ...]  # (attribute, repr of its value or EXPIRED)
    state: str  # transient, pending, persistent, deleted or detached
    places: tuple[str, ...]  # where its Session holds it, among PLACES
    session: str  # the name of its Session in the program, or ""

    def text(self) -> str:
        return f"{self.cls}({', '.join(f'{key}={value}' for key, value in self.attrs)})"


@dataclass(frozen=True)
class Seen:
    """What one connection sees of the example's tables."""

    status: str  # "rows"; or why there are none: "none" (no transaction / no connection),
    #              "unobservable" (reading would change what happens), "locked", "in_memory"
    rows: tuple[str, ...] = ()  # one line per row: "(1, 'ana')", prefixed "users: " if several


@dataclass(frozen=True)
class SessionView:
    name: str  # the program's name for the Session
    transaction: str  # "none", "active", "nested" (a SAVEPOINT is open) or "inactive"
    members: tuple[ObjectView, ...]  # every object it holds: identity map, new, deleted
    this_transaction: Seen


@dataclass(frozen=True)
class Snapshot:
    objects: tuple[ObjectView, ...]  # the objects the program names, in order of first sight
    sessions: tuple[SessionView, ...]
    other_connection: Seen


@dataclass(frozen=True)
class Step:
    line: int  # the statement's first line, 1-based
    display_line: int  # the line its output is shown under (a with block's exit: its end)
    exits: bool  # the end of a with block (its __exit__: close, commit, rollback)
    snapshot: Snapshot | None  # None past the step limit (see observe.MAX_SNAPSHOTS)


@dataclass
class Failure:
    line: int
    message: str  # "ExceptionType: text"
    traceback: str


@dataclass
class Run:
    snippet: str  # path relative to snippets/, e.g. "flush-and-commit/add_flush_commit.py"
    database: str  # "sqlite" or "postgresql"
    source: str  # the program as it ran (on PostgreSQL: with the PostgreSQL URL)
    steps: list[Step] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failure: Failure | None = None
    # Versions (python, sqlalchemy, sqlite, postgresql) and, where SQLite ran, how its
    # transactions were controlled: "legacy" (the sqlite3 driver's default: no BEGIN before a
    # SELECT), "program" (isolation_level=None and the program sends BEGIN), "autocommit", or
    # "mixed" (connections set up in different ways, as the program shows).
    configuration: dict[str, str] = field(default_factory=dict)

    def lines_of(self, kind: str) -> list[str]:
        return [event.value for event in self.events if event.kind == kind]
