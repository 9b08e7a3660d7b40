"""The state table under an example: one row per step its declaration selects, with the
statement and the SQL it logged, the objects it follows, their state in the Session, and what
this transaction and another connection see (``sessionguide.run.table``).

It fits its column at any width: cells wrap, and on a narrow screen each row becomes a card
whose cells carry their column's name (``data-label``, shown by the stylesheet).
"""

from __future__ import annotations

from html import escape

from sessionguide.blocks.words import object_text, seen_text, state_text
from sessionguide.i18n.labels import label
from sessionguide.run.examples import TableSpec
from sessionguide.run.model import Run
from sessionguide.run.table import Row, rows

COLUMNS = ("step", "object", "session", "this_transaction", "other_connection")


def cells(row: Row, lang: str) -> dict[str, str]:
    """Each column's text for ``row`` (lines separated by newlines)."""
    return {
        "step": row.statement,
        "sql": ", ".join(row.sql) or "–",
        "object": "\n".join(f"{o.name} = {object_text(o, lang)}" for o in row.objects),
        "session": "\n".join(state_text(o, lang) for o in row.objects),
        "this_transaction": seen_text(row.this_transaction, lang),
        "other_connection": seen_text(row.other_connection, lang),
    }


def columns_of(table_rows: list[Row]) -> tuple[str, ...]:
    """Another connection has nothing to see of an in-memory database: no column for it."""
    if all(row.other_connection.status == "in_memory" for row in table_rows):
        return COLUMNS[:-1]
    return COLUMNS


def render(run: Run, spec: TableSpec, lang: str, where: str) -> str:
    table_rows = rows(run, spec, where)
    columns = columns_of(table_rows)
    head = "".join(f'<th scope="col">{escape(label(c, lang))}</th>' for c in columns)
    body = []
    for row in table_rows:
        text = cells(row, lang)
        tds = []
        for column in columns:
            content = _lines(text[column])
            if column == "step":
                content = (f"<code>{content}</code><span class=\"sg-step-sql\">"
                           f"{escape(label('sql', lang))}: {escape(text['sql'])}</span>")
            tds.append(f'<td data-label="{escape(label(column, lang))}">{content}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    return (f'<div class="sg-state"><table class="sg-table sg-columns-{len(columns)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))
