"""What a page shows of an example's run, filled in once the run is done.

``show()`` and the timeline diagram need an example's result. Waiting for it while the page is
converted would make the build wait for the examples page after page; instead they write a
placeholder (an HTML comment), the page renders on, and the hooks fill the placeholder in:
when the page is written if every result it needs is ready, otherwise at the end of the
build, once the worker processes are done. So pages render on one core while the examples
run on the others. The parts filled in are generated output that stays out of the search
index anyway (``data-search-exclude``), so the index is the same either way.

An example that fails is logged as an error (which fails a strict build, after every other
problem has been reported too) and shown on the page in place of its output, for
``mkdocs serve``.
"""

from __future__ import annotations

import logging
import re
from html import escape, unescape
from pathlib import Path

from sessionguide.labels import label
from sessionguide.runner import is_ready, run_cached

log = logging.getLogger("mkdocs.plugins.sessionguide")

_PLACEHOLDER = re.compile(r'<!--sessionguide-later (\w+) "([^"]+)" (\w+) "([^"]+)"-->')


class ExampleError(Exception):
    """An example could not be shown; the message says where and what to do."""


def fail(message: str) -> None:
    log.error(message)  # the build log names the file; markdown-exec's own warning does not
    raise ExampleError(message)


def placeholder(kind: str, snippet: str, lang: str, where: str) -> str:
    """``kind``: "run" (what the run printed and sent) or "timeline" (the diagram)."""
    return f'<!--sessionguide-later {kind} "{escape(snippet)}" {lang} "{escape(where)}"-->'


def pending(html: str) -> list[str]:
    """The snippets whose results the page's placeholders need."""
    return [match.group(2) for match in _PLACEHOLDER.finditer(html)]


def ready(html: str) -> bool:
    """Whether filling the page in now would not wait for a worker process."""
    return all(is_ready(snippet) for snippet in pending(html))


def fill(html: str) -> str:
    """The page with its placeholders filled in (waiting for results if need be)."""
    from sessionguide.diagrams import timeline_figure
    from sessionguide.render import failure_message, run_output

    def replace(match: re.Match[str]) -> str:
        kind, snippet, lang, where = (unescape(group) for group in match.groups())
        run = run_cached(snippet)
        try:
            if kind == "timeline":
                return timeline_figure(run, lang)
            message = failure_message(run, where)
            if not message:
                return run_output(run, lang)
        except ValueError as error:
            message = f"{error} ({where})"
        log.error(message)
        return (f'<div class="admonition failure"><p class="admonition-title">'
                f'{escape(label("example_failed", lang))}</p>'
                f"<pre><code>{escape(message)}</code></pre></div>")

    return _PLACEHOLDER.sub(replace, html)


def fill_files(paths: list[Path]) -> None:
    """Fill in the pages that were written with placeholders."""
    for path in paths:
        path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
