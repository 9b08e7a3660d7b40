"""An example's listing: the program with line numbers, and under each statement what it
printed, the SQL it logged and the error it raised, from this build's run.

The copy button copies the program alone (Material copies an ancestor's ``data-copy``
instead of the code's text), without line numbers or output: the program a reader runs.
The ``#>`` comments kept for the tests are not part of the program shown.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from sessionguide.blocks.in_browser import attributes as run_attributes
from sessionguide.blocks.program import output_by_line, program
from sessionguide.i18n.labels import label
from sessionguide.run.model import Run

_KINDS = {"sql": "sg-sql", "out": "sg-out", "err": "sg-err", "exit": "sg-exit"}


@cache
def highlighted_lines(text: str) -> tuple[str, ...]:
    """Each line of ``text`` as highlighted HTML (Pygments closes a token's span at each line
    end, so every line stands alone), with the class names Material's code colours use."""
    html = highlight(text, PythonLexer(), HtmlFormatter(nowrap=True))
    return tuple(html.rstrip("\n").split("\n"))


def line_id(anchor: str, number: int) -> str:
    return f"{anchor}-L{number}"


def render(run: Run, lang: str, anchor: str, differs: set[tuple[int, int]] = frozenset()) -> str:
    """The listing of ``run``; ``differs``: (shown line, index among its printed lines) of
    the printed lines that differ on the other database, marked as such."""
    shown = program(run.source)
    under = output_by_line(run)
    parts = []
    for number, code in enumerate(highlighted_lines(shown.text), 1):
        parts.append(f'<span class="sg-line" id="{line_id(anchor, number)}">'
                     f'<span class="sg-ln" aria-hidden="true">{number}</span>{code}</span>')
        if number in under:
            parts.append(_output(under[number], number, differs, lang))
    caption = escape(label("listing_caption", lang))
    return (f'<figure class="sg-listing" id="{anchor}"{run_attributes(run)} data-search-exclude>'
            f'<div class="highlight" data-copy="{escape(shown.text.rstrip())}">'
            f'<pre><code>{"".join(parts)}</code></pre></div>'
            f"<figcaption>{caption} {escape(about(run, lang))}</figcaption></figure>")


def _output(events: list[tuple[str, str]], number: int, differs, lang: str) -> str:
    groups: list[tuple[str, list[str]]] = []
    printed = 0
    for kind, text in events:
        if kind == "exit":
            text = label("with_block_ends", lang)
        lines = [escape(line) for line in text.split("\n")]
        if kind in ("out", "err"):
            if (number, printed) in differs:
                title = escape(label("differs_on_other_database", lang))
                lines = [f'<mark class="sg-differs" title="{title}">{line}</mark>'
                         for line in lines]
            printed += 1
        if groups and groups[-1][0] == kind:
            groups[-1][1].extend(lines)
        else:
            groups.append((kind, lines))
    spans = "".join(f'<span class="{_KINDS[kind]}">{chr(10).join(lines)}</span>'
                    for kind, lines in groups)
    return f'<span class="sg-output" data-line="{number}">{spans}</span>'


def about(run: Run, lang: str) -> str:
    """Where the output comes from: the database, how SQLite's transactions ran, versions."""
    found = run.configuration
    if run.database == "postgresql":
        where = label("about_postgresql", lang).format(version=found.get("postgresql", "?"))
    else:
        mode = found.get("sqlite_transactions")
        where = label("about_sqlite", lang).format(version=found.get("sqlite", "?"))
        if mode:
            where += " " + label(f"about_sqlite_{mode}", lang)
    return label("about_versions", lang).format(
        database=where, sqlalchemy=found.get("sqlalchemy", "?"), python=found.get("python", "?"))


def differing_prints(run: Run, other: Run) -> set[tuple[int, int]]:
    """(shown line, index) of the printed lines and errors of ``run`` that ``other`` does not
    print at the same place. SQL is not compared: its dialect always differs."""
    mine, theirs = (_printed(r) for r in (run, other))
    return {(line, i) for line, texts in mine.items() for i, text in enumerate(texts)
            if i >= len(theirs.get(line, [])) or theirs[line][i] != text}


def _printed(run: Run) -> dict[int, list[str]]:
    return {line: [text for kind, text in events if kind in ("out", "err")]
            for line, events in output_by_line(run).items()}


_SLUG = re.compile(r"[^a-z0-9]+")


def anchor_of(snippet: str, database: str) -> str:
    """A page-unique id for an example's listing on one database."""
    return "sg-" + _SLUG.sub("-", f"{snippet.removesuffix('.py')} {database}".lower()).strip("-")
