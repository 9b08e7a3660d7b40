"""What the page shows under an example's code: what its run printed and the SQL it logged,
grouped under the line that produced them, and the state tables it printed."""

from __future__ import annotations

from html import escape

from sessionguide.blocks import deferred
from sessionguide.i18n.labels import label
from sessionguide.run.runner import Run
from sessionguide.run.state_table import Table
from sessionguide.run.transcript import listed_differences


@deferred.later("run")
def _shown(run: Run, lang: str, where: str) -> str:
    message = failure_message(run, where)
    if message:
        raise deferred.ExampleError(message)
    return run_output(run, lang)


def failure_message(run: Run, where: str) -> str | None:
    """Why the run cannot be shown, if it failed (and was not expected to)."""
    if not run.failure or _fails_only_under_20(run.snippet):
        return None
    return (f"snippets/{run.snippet}:{run.failure.line}: {run.failure.message} ({where}).\n"
            f"Reproduce with: python snippets/{run.snippet}\n{run.failure.traceback}")


def _fails_only_under_20(snippet: str) -> bool:
    """In the SQLAlchemy 2.0 stack, an example listed as differing in behaviour may fail
    (merge_all() is new in 2.1): the page shows the failure and the 2.0 note."""
    import sqlalchemy

    return (sqlalchemy.__version__.startswith("2.0.")
            and listed_differences().get(snippet) == "behaviour")


def run_output(run: Run, lang: str) -> str:
    """What the page shows under the code: the run's output and SQL (and, only in the
    SQLAlchemy 2.0 stack, the error an example new in 2.1 raises there)."""
    parts = []
    if run.events:
        parts.append(_render_output(run, lang))
    if run.failure:
        parts.append('<figure class="sg-run" data-search-exclude><pre class="sg-trace" '
                     f'tabindex="0"><samp>{escape(run.failure.message)}</samp></pre></figure>')
    return "\n".join(parts)


def _render_output(run: Run, lang: str) -> str:
    """What the run printed and logged, grouped under the line that produced it."""
    source_lines = run.source.splitlines()
    # Generated output stays out of the search index: it would match every page.
    caption = escape(label("caption", lang))
    html = [f'<figure class="sg-run" data-search-exclude><figcaption>{caption}</figcaption>']
    groups: list[tuple[str, str, list[str]]] = []  # (css class, attributes, lines) of a <pre>
    previous_line = None

    def flush_groups() -> None:
        if groups:
            newline = "\n"  # (no backslash inside an f-string before Python 3.12)
            spans = (f'<span class="{css}"{attrs}>{newline.join(lines)}</span>'
                     for css, attrs, lines in groups)
            # tabindex: a box that scrolls must be reachable with the keyboard (WCAG 2.1.1).
            html.append('<pre class="sg-trace" tabindex="0"><samp>' + "\n".join(spans)
                        + "</samp></pre>")
            groups.clear()

    for event in run.events:
        if isinstance(event.value, Table):
            flush_groups()
            html.append(render_table(event.value, lang))
            previous_line = None
            continue
        if event.line != previous_line:
            code = source_lines[event.line - 1].strip() if event.line else ""
            title = f' title="{escape(label("line", lang))} {event.line}"'
            groups.append(("sg-src", title, [escape(code)]))
            previous_line = event.line
        css = "sg-sql" if event.kind == "sql" else "sg-out"
        if groups[-1][0] != css:
            groups.append((css, "", []))
        groups[-1][2].extend(escape(line) for line in str(event.value).split("\n"))
    flush_groups()
    html.append("</figure>")
    return "\n".join(html)


def render_table(table: Table, lang: str) -> str:
    head = "".join(f'<th scope="col">{escape(label(c, lang))}</th>' for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    return (f'<div class="sg-state" tabindex="0"><table class="sg-table">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))
