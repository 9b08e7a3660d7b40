"""The state table of an example: the steps its declaration selects, one row each.

The rows come from the run's steps (``observe``): each statement from ``from`` to ``to`` (see
``examples``), as the program ran it, with the SQL it logged and the three places data lives
after it. A statement the declaration names that the program never ran is an error that names
the declaration's file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from sessionguide.run.examples import DeclarationError, TableSpec
from sessionguide.run.model import ObjectView, Run, Seen, Step

# Statements that only define things: no row of their own, and the step-through view skips them.
_DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# Statements whose own line does nothing a row could show (TryStar: Python 3.11 and newer).
_NO_EFFECT = (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))


@dataclass(frozen=True)
class Row:
    step: int  # index into run.steps
    statement: str  # the statement's first line, as written
    sql: tuple[str, ...]  # the first word of each statement it logged (BEGIN, INSERT, ...)
    objects: tuple[ObjectView, ...]  # the followed objects
    this_transaction: Seen
    other_connection: Seen


def statement_lines(source: str) -> dict[int, str]:
    """Each line that starts a statement that does something, and that statement's first line
    of text. Not a ``try:`` (it runs nothing itself) and not an ``except`` clause (not a
    statement): the tracer stops at both, but a row for them would repeat the one above."""
    lines = source.splitlines()
    return {node.lineno: lines[node.lineno - 1].strip() for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.stmt) and not isinstance(node, _NO_EFFECT)}


def definition_lines(source: str) -> set[int]:
    """Lines of imports and of def/class statements, decorators included."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, _DEFINITIONS):
            found.update(range(node.lineno, (node.body[0].lineno if hasattr(node, "body")
                                             else node.end_lineno + 1)))
            found.update(d.lineno for d in getattr(node, "decorator_list", ()))
    return found


def sql_words(run: Run, step: int) -> tuple[str, ...]:
    """What a step logged, one word per statement: "BEGIN (implicit)" and the recipe's own
    BEGIN right after it count once, as BEGIN; parameter lines ("[generated] ...") none."""
    words: list[str] = []
    for event in run.events:
        if event.step != step or event.kind != "sql" or event.value.startswith("["):
            continue
        word = event.value.split(None, 1)[0].upper() if event.value.strip() else ""
        if word == "BEGIN" and words and words[-1] == "BEGIN" and "(implicit)" not in event.value:
            continue
        words.append(word)
    return tuple(words)


def rows(run: Run, spec: TableSpec, where: str) -> list[Row]:
    statements = statement_lines(run.source)
    skipped = definition_lines(run.source)
    chosen = [i for i, step in enumerate(run.steps)
              if step.line in statements and step.line not in skipped
              and step.snapshot is not None and not step.exits]
    result = []
    for index in _selected(chosen, run, statements, spec, where):
        step: Step = run.steps[index]
        snapshot = step.snapshot
        objects = tuple(o for o in snapshot.objects
                        if spec.objects is None or o.name in spec.objects)
        this = _followed_session(snapshot, objects)
        result.append(Row(index, statements.get(step.line, ""), sql_words(run, index), objects,
                          this, snapshot.other_connection))
    return result


def _followed_session(snapshot, objects) -> Seen:
    """What the transaction of the followed objects' Session sees (of the first Session, when
    none of them is in one)."""
    owners = [o.session for o in objects if o.session]
    for session in snapshot.sessions:
        if not owners or session.name == owners[0]:
            return session.this_transaction
    return Seen("none")


def _selected(chosen: list[int], run: Run, statements: dict[int, str], spec: TableSpec,
              where: str) -> list[int]:
    """From each run of the ``from`` statement to the last run of ``to`` before the next run of
    ``from`` (a loop that runs them twice shows both ranges)."""
    def at(position: int, text: str | None) -> bool:
        return statements.get(run.steps[chosen[position]].line) == text.strip()

    for text in (spec.first, spec.last):
        if text is not None and not any(at(p, text) for p in range(len(chosen))):
            raise DeclarationError(
                f"{where}: the table's statement {text!r} is not one the program ran "
                "(statements are matched by their first line, as written)")
    starts = ([p for p in range(len(chosen)) if at(p, spec.first)] if spec.first is not None
              else [0] if chosen else [])
    selected = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(chosen)
        ends = [p for p in range(start, stop) if spec.last is None or at(p, spec.last)]
        if ends:
            selected.extend(chosen[start:ends[-1] + 1])
    return selected
