"""A run as plain English text: what its page shows, for the tests and the SQLAlchemy 2.0
comparison. Under each shown line, what it printed and logged; then the state table, if the
example declares one; then the failure, if any."""

from __future__ import annotations

from sessionguide.blocks.program import output_by_line, program
from sessionguide.blocks.state_table import cells, columns_of
from sessionguide.i18n.labels import label
from sessionguide.run.examples import example
from sessionguide.run.model import Run
from sessionguide.run.table import rows

LANGUAGE = "en"


def transcript(run: Run) -> str:
    lines = program(run.source).text.splitlines()
    out = []
    for number, events in sorted(output_by_line(run).items()):
        out.append(f"line {number}: {lines[number - 1].strip() if number <= len(lines) else ''}")
        out.extend(f"  {kind}: {text}" if kind != "exit" else "  (end of the with block)"
                   for kind, text in events)
    spec = example(run.snippet).table
    if spec is not None and not run.failure:
        table_rows = rows(run, spec, f"snippets/{run.snippet}")
        columns = columns_of(table_rows)
        headers = [label(column, LANGUAGE) for column in columns] + [label("sql", LANGUAGE)]
        grid = [[cells(row, LANGUAGE)[c] for c in (*columns, "sql")] for row in table_rows]
        out.append("table:")
        out.append(format_grid(headers, grid))
    if run.failure:
        out.append(f"failure: {run.failure.message}")
    return "\n".join(out)


def format_grid(headers: list[str], rows_) -> str:
    """A plain-text table."""
    cells_ = [[h.split("\n") for h in headers]] + [[c.split("\n") for c in r] for r in rows_]
    widths = [max(len(line) for row in cells_ for line in row[i]) for i in range(len(headers))]
    text = []
    for n, row in enumerate(cells_):
        height = max(len(c) for c in row)
        for k in range(height):
            text.append(" | ".join(
                (c[k] if k < len(c) else "").ljust(w) for c, w in zip(row, widths, strict=True)
            ).rstrip())
        if n == 0:
            text.append("-+-".join("-" * w for w in widths))
    return "\n".join(text)
