"""Put an executed snippet on a page: its code, then what it printed and the SQL it sent.

Pages call ``show("<page>/<example>.py")`` from a markdown-exec block with ``html="1"``. The
code is the file as it is, minus the ``#>`` expected-output comments kept for pytest; the
output below it comes from running the file during this build, filled in once that run is
done (``deferred``). The highlighted code is the same in every language, so it is rendered
once per version of the snippet.
"""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from html import escape

from sessionguide import deferred, pages
from sessionguide.compat import listed_differences
from sessionguide.labels import label
from sessionguide.runner import Run, snippet_path
from sessionguide.state_table import Table


def show(snippet: str) -> None:
    """Print ``snippets/<snippet>`` and what it does when run into the calling markdown-exec
    block: the code now, the run's output once it is done (``deferred``)."""
    page = pages.current()
    where = f"included by {page.src}" if page else "shown outside a page"
    if not snippet_path(snippet).is_file():
        deferred.fail(
            f"snippets/{snippet} does not exist ({where}). Create it or fix the path in show().")
    lang = page.lang if page else pages.DEFAULT_LANGUAGE
    parts = [code_block(snippet, snippet_path(snippet).read_text(encoding="utf-8")),
             deferred.placeholder("run", snippet, lang, where)]
    kind = listed_differences().get(snippet)
    if kind:
        text = re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(label(f"sqlalchemy20_{kind}", lang)))
        parts.append('<div class="admonition note"><p class="admonition-title">SQLAlchemy 2.0'
                     f"</p><p>{text}</p></div>")
    # markdown-exec collects output through the `print` it puts in the block's globals.
    sys._getframe(1).f_globals.get("print", print)("\n".join(parts))


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


def display_source(source: str) -> str:
    """The snippet without the expected output pytest-examples keeps beside each print."""
    lines = source.splitlines()
    drop = {i for i, line in enumerate(lines) if line.lstrip().startswith("#>")}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant):
            if isinstance(node.value.value, str) and node.lineno > 1:
                drop.update(range(node.lineno - 1, node.end_lineno))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).rstrip() + "\n"


@cache
def _markdown():
    """A Markdown converter configured like the site's, for code blocks."""
    from markdown import Markdown
    from markdown_exec import markdown_config

    extensions = markdown_config.exts or ["pymdownx.highlight", "pymdownx.superfences"]
    return Markdown(extensions=extensions, extension_configs=markdown_config.exts_config or {})


@cache
def code_block(snippet: str, source: str) -> str:
    """The highlighted code, with the snippet's path as its title, as the site renders fences."""
    md = _markdown()
    md.reset()
    return md.convert(f'```python title="{snippet}"\n{display_source(source)}```')


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
