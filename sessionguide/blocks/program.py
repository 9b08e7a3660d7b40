"""The program as a page shows it, where each line of the file appears in it, and what a run
printed and logged under each shown line.

The file keeps, for the tests, the expected output beside each print (``#>`` comments, and
triple-quoted strings standing alone); the reader's program has neither. Only the standard
library here: the browser runs this module too (``in_browser``), to show a reader's run the way
the build shows its own.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache

from sessionguide.run.model import Run


@dataclass(frozen=True)
class Program:
    """The program as shown: its text, and where each line of the file appears in it."""

    text: str
    shown_as: dict[int, int]  # file line -> shown line, both 1-based (dropped lines: absent)


@cache
def program(source: str) -> Program:
    """``source`` without the expected output pytest-examples keeps beside each print (``#>``
    comments, and triple-quoted strings standing alone after the first line)."""
    lines = source.splitlines()
    drop = {i for i, line in enumerate(lines) if line.lstrip().startswith("#>")}
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str) and node.lineno > 1):
            drop.update(range(node.lineno - 1, node.end_lineno))
    kept = [i for i in range(len(lines)) if i not in drop]
    while kept and not lines[kept[-1]].strip():
        kept.pop()
    return Program("\n".join(lines[i] for i in kept) + "\n",
                   {i + 1: n for n, i in enumerate(kept, 1)})


def shown_line(file_line: int, shown_as: dict[int, int]) -> int:
    """A dropped line's output goes under the last line shown before it."""
    while file_line > 0 and file_line not in shown_as:
        file_line -= 1
    return shown_as.get(file_line, 1)


def output_by_line(run: Run) -> dict[int, list[tuple[str, str]]]:
    """Shown line -> [(kind, text)] of the events of the steps shown under it, in order. What
    the end of a with block did (its ``__exit__``) comes after an ("exit", "") marker."""
    shown_as = program(run.source).shown_as
    under: dict[int, list[tuple[str, str]]] = {}
    marked: set[int] = set()
    for event in run.events:
        step = run.steps[event.step] if event.step < len(run.steps) else None
        file_line = step.display_line if step else max(shown_as, default=1)
        shown = shown_line(file_line, shown_as)
        if step is not None and step.exits and event.step not in marked:
            marked.add(event.step)
            under.setdefault(shown, []).append(("exit", ""))
        under.setdefault(shown, []).append((event.kind, event.value))
    return under
