"""The examples, and what is declared about each beside it.

An example is ``snippets/<page>/<example>.py``, a complete program. What the guide needs to
know about it that the program must not say (it is the program a reader copies) is declared
in ``snippets/<page>/<example>.yml``, all keys optional:

    databases: [sqlite, postgresql]   # run it on both (default: sqlite only)
    outputs: same                     # with two databases: do they print the same? same/differ
    table:                            # the state table under it
      objects: [user]                 #   the named objects it follows (default: all)
      from: "user = User(name='ana')" #   the first statement it shows (default: the first one)
      to: "print(f'{user.name=}')"    #   the last one (default: the last one)

A declaration that is not valid fails the build and the tests with a message naming its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sessionguide.paths import SNIPPETS

DATABASES = ("sqlite", "postgresql")
_KEYS = {"databases", "outputs", "table"}
_TABLE_KEYS = {"objects", "from", "to"}


class DeclarationError(ValueError):
    """A declaration beside an example is not valid; the message names the file."""


@dataclass(frozen=True)
class TableSpec:
    objects: tuple[str, ...] | None  # None: every named object
    first: str | None  # the first statement shown, as written (stripped)
    last: str | None


@dataclass(frozen=True)
class Example:
    name: str  # "<page>/<example>.py"
    databases: tuple[str, ...]
    outputs: str | None  # "same" or "differ" with two databases
    table: TableSpec | None

    @property
    def path(self) -> Path:
        return SNIPPETS / self.name

    @property
    def declaration(self) -> Path:
        return self.path.with_suffix(".yml")


def names() -> list[str]:
    """Every example, as ``<page>/<example>.py``."""
    return sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))


def all_runs() -> dict[str, tuple[str, str]]:
    """Every (example, database) run, by its key: ``<page>/<example>.py`` on SQLite,
    ``<page>/<example>.py@postgresql`` on PostgreSQL. An invalid declaration counts as
    SQLite only (running it reports the error)."""
    runs = {}
    for name in names():
        try:
            databases = example(name).databases
        except DeclarationError:
            databases = ("sqlite",)
        runs.update({name if db == "sqlite" else f"{name}@{db}": (name, db) for db in databases})
    return runs


def example(name: str) -> Example:
    declaration = (SNIPPETS / name).with_suffix(".yml")
    stamp = declaration.stat().st_mtime_ns if declaration.exists() else None
    return _read(name, stamp)


@cache  # per declaration version: read again when the file changes
def _read(name: str, stamp: int | None) -> Example:
    path = (SNIPPETS / name).with_suffix(".yml")
    where = f"snippets/{name.removesuffix('.py')}.yml"
    data = {}
    if stamp is not None:
        import yaml  # here: the browser, which runs this package without yaml, has no file

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise DeclarationError(f"{where}: not valid YAML: {error}") from None
        if not isinstance(data, dict) or set(data) - _KEYS:
            raise DeclarationError(f"{where}: unknown keys {sorted(set(data) - _KEYS)}; the "
                                   f"keys are {sorted(_KEYS)} (see sessionguide/run/examples.py)")
    databases = tuple(data.get("databases", ["sqlite"]))
    if not databases or set(databases) - set(DATABASES) or databases[0] != "sqlite":
        raise DeclarationError(f"{where}: databases must be [sqlite] or [sqlite, postgresql], "
                               f"not {list(databases)}")
    outputs = data.get("outputs")
    if len(databases) > 1 and outputs not in ("same", "differ"):
        raise DeclarationError(f"{where}: say whether the databases print the same: "
                               "add `outputs: same` or `outputs: differ`")
    if len(databases) == 1 and outputs is not None:
        raise DeclarationError(f"{where}: `outputs` compares two databases; this example runs "
                               "on one")
    return Example(name, databases, outputs, _table(data.get("table"), where))


def _table(data, where: str) -> TableSpec | None:
    if data is None:
        return None
    if data is True:
        data = {}
    if not isinstance(data, dict) or set(data) - _TABLE_KEYS:
        raise DeclarationError(f"{where}: `table` takes {sorted(_TABLE_KEYS)}")
    objects = data.get("objects")
    return TableSpec(tuple(objects) if objects is not None else None,
                     data.get("from"), data.get("to"))
