"""The timeline: one change's steps in order, the SQL each logged, and who sees the rows;
drawn from the state table an example declares (``sessionguide.run.table``).

It is HTML, not a drawing, so that it fits any width: the steps side by side on a wide screen,
one under the other on a narrow one, the steps inside the transaction on a tinted band.
"""

from __future__ import annotations

from html import escape

from sessionguide.blocks import deferred
from sessionguide.blocks.figures import figure
from sessionguide.blocks.state_table import cells
from sessionguide.i18n.labels import label
from sessionguide.run.examples import DeclarationError, example
from sessionguide.run.model import Run
from sessionguide.run.table import rows

LANES = ("sql", "this_transaction", "other_connection")


@figure("timeline")
def _drawn(snippet: str | None, lang: str, where: str) -> str:
    if not snippet:
        raise ValueError('diagram("timeline", "<page>/<example>.py"): which example to draw')
    return deferred.placeholder("timeline", snippet, lang, where)


@deferred.later("timeline")
def _filled(run: Run, lang: str, where: str) -> str:
    spec = example(run.snippet).table
    if run.failure or spec is None:
        raise deferred.ExampleError(
            f"timeline: snippets/{run.snippet} failed or declares no table "
            f"(snippets/{run.snippet.removesuffix('.py')}.yml) ({where})")
    try:
        table_rows = rows(run, spec, where)
    except DeclarationError as error:
        raise deferred.ExampleError(str(error)) from None
    return timeline(table_rows, lang)


def timeline(table_rows, lang: str) -> str:
    title = escape(label("timeline_title", lang))
    steps, inside = [], False
    for row in table_rows:
        text = cells(row, lang)
        begins = "BEGIN" in row.sql and not inside
        inside = inside or begins
        classes = ("sg-tl-step" + (" sg-tl-in" if inside else "")
                   + (" sg-tl-begin" if begins else ""))
        band = (f'<span class="sg-tl-band">{escape(label("transaction", lang))}</span>'
                if begins else "")
        lanes = "".join(f"<dt>{escape(label(lane, lang))}</dt><dd>{_lines(text[lane])}</dd>"
                        for lane in LANES)
        steps.append(f'<li class="{classes}">{band}<code>{escape(text["step"])}</code>'
                     f"<dl>{lanes}</dl></li>")
        if inside and ("COMMIT" in row.sql or "ROLLBACK" in row.sql):
            inside = False
    return (f'<figure class="sg-timeline" data-search-exclude><ol>{"".join(steps)}</ol>'
            f"<figcaption>{title}</figcaption></figure>")


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))
