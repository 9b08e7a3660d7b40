"""Put an executed snippet on a page: its code, then what it printed and the SQL it sent.

Pages call ``show("<page>/<example>.py")`` from a markdown-exec block. The code is the file as
it is, minus the ``#>`` expected-output comments kept for pytest; the output below it comes
from running the file during this build.
"""

from __future__ import annotations

import ast
import logging
import sys
from html import escape

from sessionguide import pages
from sessionguide.compat import listed_differences
from sessionguide.labels import label
from sessionguide.runner import Event, Run, run_snippet, snippet_path
from sessionguide.state_table import Table

log = logging.getLogger("mkdocs.plugins.sessionguide")


class ExampleError(Exception):
    """An example could not be shown; the message says where and what to do."""


def show(snippet: str) -> None:
    """Run ``snippets/<snippet>`` and print its Markdown into the calling markdown-exec block."""
    page = pages.current()
    where = f"included by {page.src}" if page else "shown outside a page"
    if not snippet_path(snippet).is_file():
        _fail(f"snippets/{snippet} does not exist ({where}). Create it or fix the path in show().")
    run = run_snippet(snippet)
    if run.failure:
        _fail(
            f"snippets/{snippet}:{run.failure.line}: {run.failure.message} ({where}).\n"
            f"Reproduce with: python snippets/{snippet}\n{run.failure.traceback}"
        )
    # markdown-exec collects output through the `print` it puts in the block's globals.
    block_print = sys._getframe(1).f_globals.get("print", print)
    block_print(render(run, page.lang if page else pages.DEFAULT_LANGUAGE))


def _fail(message: str) -> None:
    log.error(message)  # the build log names the file; markdown-exec's own warning does not
    raise ExampleError(message)


def display_source(source: str) -> str:
    """The snippet without the expected output pytest-examples keeps beside each print."""
    lines = source.splitlines()
    drop = {i for i, line in enumerate(lines) if line.lstrip().startswith("#>")}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant):
            if isinstance(node.value.value, str) and node.lineno > 1:
                drop.update(range(node.lineno - 1, node.end_lineno))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).rstrip() + "\n"


def render(run: Run, lang: str) -> str:
    code = display_source(run.source)
    parts = [f'```python title="{run.snippet}"\n{code}```\n']
    if run.events:
        parts.append(_render_output(run, lang))
    kind = listed_differences().get(run.snippet)
    if kind:
        parts.append(f'!!! note "SQLAlchemy 2.0"\n\n    {label(f"sqlalchemy20_{kind}", lang)}\n')
    return "\n".join(parts)


def _render_output(run: Run, lang: str) -> str:
    source_lines = run.source.splitlines()
    html = [f'<figure class="sg-run" markdown="0"><figcaption>{escape(label("caption", lang))}'
            "</figcaption>"]
    trace: list[str] = []
    previous_line = None

    def flush_trace() -> None:
        if trace:
            html.append('<pre class="sg-trace"><samp>' + "\n".join(trace) + "</samp></pre>")
            trace.clear()

    for event in run.events:
        if isinstance(event.value, Table):
            flush_trace()
            html.append(render_table(event.value, lang))
            previous_line = None
            continue
        if event.line != previous_line:
            code = source_lines[event.line - 1].strip() if event.line else ""
            trace.append(
                f'<span class="sg-src" title="{escape(label("line", lang))} {event.line}">'
                f"{escape(code)}</span>"
            )
            previous_line = event.line
        css = "sg-sql" if event.kind == "sql" else "sg-out"
        for text in str(event.value).split("\n"):
            trace.append(f'<span class="{css}">{escape(text)}</span>')
    flush_trace()
    html.append("</figure>")
    return "\n".join(html) + "\n"


def render_table(table: Table, lang: str) -> str:
    head = "".join(f"<th>{escape(label(c, lang))}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td><code>{_cell(c)}</code></td>" for c in row) + "</tr>"
        for row in table.rows
    )
    return (f'<div class="sg-state"><table class="sg-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


__all__ = ["Event", "ExampleError", "render", "show"]
