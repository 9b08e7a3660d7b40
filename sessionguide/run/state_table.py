"""The guide's state table: where the data lives after each step, taken from the running program.

One row per ``step()``: the Python objects as they are in memory, their state in the Session
(``sqlalchemy.inspect``, identity map, ``new`` / ``dirty`` / ``deleted``), the SQL sent since the
previous step, the rows this Session's transaction sees and the rows a separate connection sees.

Reading that state must not change it, so nothing here loads an expired attribute, begins a
transaction or logs SQL into the example's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from sessionguide.i18n.labels import label
from sessionguide.run.sql_capture import sql_logging_paused

# Column keys, translated by labels.py: a page shows its own language, print() English.
COLUMNS = ("step", "object", "session", "sql", "this_transaction", "other_connection")
EXPIRED = "‹expired›"
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}


@dataclass(frozen=True)
class Table:
    """A finished table: plain data, so a page can render it in any language."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class StateTable:
    """Record the three places data lives, one row per step of an example.

    ``StateTable(session, User)`` shows the rows of ``User``'s table; ``watch(user=user)``
    adds a Python object to follow; ``step("session.flush()")`` records a row;
    ``print(table)`` shows the table.
    """

    def __init__(self, session: Session, entity: Any) -> None:
        self.session = session
        self.table_ = inspect(entity).local_table
        self.objects: dict[str, Any] = {}
        self.rows: list[tuple[str, ...]] = []
        self._sql: list[str] = []
        self._quiet = False
        engine = session.get_bind()
        for name in ("begin", "commit", "rollback"):
            event.listen(engine, name, self._on(name.upper()))
        for name in ("savepoint", "rollback_savepoint", "release_savepoint"):
            event.listen(engine, name, self._on(name.replace("_", " ").upper()))
        event.listen(engine, "before_cursor_execute", self._on_statement)
        url = engine.url
        file_db = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        self._observer: Engine | None = (
            create_engine(url, poolclass=NullPool) if file_db else None
        )

    def _on(self, word: str):
        def listener(*args: Any) -> None:
            if not self._quiet:
                self._sql.append(word)

        return listener

    def _on_statement(self, conn, cursor, statement: str, *args: Any) -> None:
        word = statement.split(None, 1)[0].upper()
        # BEGIN / SAVEPOINT / RELEASE sent as statements (SQLite's recipe, savepoints) are
        # already counted by the transaction events above.
        if not self._quiet and word not in _TRANSACTION_CONTROL:
            self._sql.append(word)

    def watch(self, **objects: Any) -> StateTable:
        self.objects.update(objects)
        return self

    def step(self, label: str) -> None:
        cells = {
            "step": label,
            "object": "\n".join(f"{n} = {_describe(o)}" for n, o in self.objects.items()),
            "session": "\n".join(self._session_state(o) for o in self.objects.values()),
            "sql": ", ".join(self._sql) or "–",
            "this_transaction": self._rows_in_transaction(),
            "other_connection": self._rows_elsewhere(),
        }
        self._sql = []
        self.rows.append(tuple(cells[c] for c in COLUMNS))

    def table(self) -> Table:
        keep = [i for i, c in enumerate(COLUMNS) if c != "other_connection" or self._observer]
        return Table(
            tuple(COLUMNS[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in self.rows),
        )

    def __str__(self) -> str:
        table = self.table()
        return format_grid([label(c, "en") for c in table.columns], table.rows)

    # --- reading state without changing it -------------------------------------------------

    def _session_state(self, obj: Any) -> str:
        state = inspect(obj)
        where = [
            name
            for name, members in (
                ("new", self.session.new),
                ("dirty", self.session.dirty),
                ("deleted", self.session.deleted),
            )
            if obj in members
        ]
        if state.key is not None and self.session.identity_map.get(state.key) is obj:
            where.insert(0, "identity map")
        return state_name(obj) + (f" ({', '.join(where)})" if where else "")

    def _query(self):
        pk = list(self.table_.primary_key.columns)
        return select(self.table_).order_by(*pk)

    def _rows_in_transaction(self) -> str:
        transaction = self.session.get_nested_transaction() or self.session.get_transaction()
        # Only a connection the Session already holds: asking for one would begin a transaction.
        connections = getattr(transaction, "_connections", {}) if transaction else {}
        if not connections:
            return "–"
        connection = next(iter(connections.values()))[0]
        return self._fetch(connection.execute)

    def _rows_elsewhere(self) -> str:
        if self._observer is None:
            return "–"
        with self._observer.connect() as connection:
            return self._fetch(connection.execute)

    def _fetch(self, execute) -> str:
        self._quiet = True
        try:
            with sql_logging_paused():
                rows = execute(self._query()).all()
        finally:
            self._quiet = False
        return "\n".join(repr(tuple(r)) for r in rows) or "[]"


def state_name(obj: Any) -> str:
    state = inspect(obj)
    for name in ("transient", "pending", "persistent", "deleted", "detached"):
        if getattr(state, name):
            return name
    return "?"


def _describe(obj: Any) -> str:
    """``User(id=1, name='ana')`` from what is loaded, without triggering a load."""
    state = inspect(obj)
    loaded = state.dict
    parts = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in loaded:
            parts.append(f"{key}={loaded[key]!r}")
        else:  # never set on a new object; expired (or not yet loaded) on a persistent one
            parts.append(f"{key}={EXPIRED if state.key is not None else None}")
    return f"{type(obj).__name__}({', '.join(parts)})"


def format_grid(headers: list[str], rows) -> str:
    """A plain-text table, for running an example on its own and for ``#>`` comments."""
    cells = [[h.split("\n") for h in headers]] + [[c.split("\n") for c in r] for r in rows]
    widths = [max(len(line) for row in cells for line in row[i]) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        height = max(len(c) for c in row)
        for k in range(height):
            out.append(" | ".join(
                (c[k] if k < len(c) else "").ljust(w) for c, w in zip(row, widths, strict=True)
            ).rstrip())
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)
