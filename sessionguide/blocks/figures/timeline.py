"""The timeline diagram: one change's steps left to right, the SQL logged at each, and who
sees the row; drawn from the first ``StateTable`` an executed example printed."""

from __future__ import annotations

from html import escape

from sessionguide.blocks import deferred
from sessionguide.blocks.figures import figure
from sessionguide.blocks.figures.svg import svg
from sessionguide.i18n.labels import label
from sessionguide.run.runner import Run
from sessionguide.run.state_table import Table


@figure("timeline")
def _drawn(snippet: str | None, lang: str, where: str) -> str:
    if not snippet:
        raise ValueError('diagram("timeline", "<page>/<example>.py"): which example to draw')
    return deferred.placeholder("timeline", snippet, lang, where)


@deferred.later("timeline")
def _filled(run: Run, lang: str, where: str) -> str:
    tables = [e.value for e in run.events if isinstance(e.value, Table)]
    if run.failure or not tables:
        raise deferred.ExampleError(
            f"timeline: snippets/{run.snippet} failed or printed no StateTable ({where})")
    return timeline_svg(tables[0], lang)


def timeline_svg(table: Table, lang: str) -> str:
    """Steps left to right; the transaction drawn as a band from BEGIN to COMMIT/ROLLBACK."""
    col = {c: i for i, c in enumerate(table.columns)}
    step_w, left, top = 150, 170, 30
    width = left + step_w * len(table.rows) + 10
    lanes = [("sql", 70), ("this_transaction", 130), ("other_connection", 175)]
    lanes = [(key, y) for key, y in lanes if key in col]
    parts = [f'<text class="sg-lane" x="10" y="{y}">{escape(label(key, lang))}</text>'
             for key, y in lanes]
    open_at = None
    for i, row in enumerate(table.rows):
        x = left + i * step_w
        sql = row[col["sql"]]
        if "BEGIN" in sql and open_at is None:
            open_at = x
        if open_at is not None and ("COMMIT" in sql or "ROLLBACK" in sql):
            parts.insert(0, _band(open_at, x + step_w / 2, lang))
            open_at = None
        parts.append(f'<line class="sg-tick" x1="{x + step_w / 2}" y1="{top + 8}" '
                     f'x2="{x + step_w / 2}" y2="190"/>')
        parts.append(f'<text class="sg-step" x="{x + step_w / 2}" y="{top}" '
                     f'text-anchor="middle">{escape(row[col["step"]])}</text>')
        for key, y in lanes:
            for k, line in enumerate(row[col[key]].split("\n")):
                parts.append(f'<text class="sg-cell" x="{x + step_w / 2}" y="{y + 14 * k}" '
                             f'text-anchor="middle">{escape(line)}</text>')
    if open_at is not None:
        parts.insert(0, _band(open_at, width - 5, lang))
    return svg("timeline", lang, width, 200, "".join(parts))


def _band(x1: float, x2: float, lang: str) -> str:
    return (f'<rect class="sg-band" x="{x1}" y="48" width="{x2 - x1}" height="100" rx="6"/>'
            f'<text class="sg-band-label" x="{x1 + 6}" y="144">'
            f'{escape(label("transaction", lang))}</text>')
