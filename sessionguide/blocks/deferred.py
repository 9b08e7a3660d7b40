"""What a page shows of an example's run, filled in once the run is done.

Parts of a page that need an example's result (its output, a diagram drawn from it) would
make the build wait for the examples page after page. Instead they write a placeholder (an
HTML comment), the page renders on, and the build's hooks fill the placeholder in: when the
page is written if every result it needs is ready, otherwise at the end of the build, once
the worker processes are done. So pages render on one core while the examples run on the
others. The parts filled in are generated output that stays out of the search index anyway
(``data-search-exclude``), so the index is the same either way.

Each kind of part registers the function that renders it from a run (``@later("kind")``).
An example that fails, or a part that cannot be drawn, is logged as an error (which fails a
strict build, after every other problem has been reported too) and shown on the page in
place of the part, for ``mkdocs serve``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path

from sessionguide.i18n.labels import label
from sessionguide.run.cache import is_ready, run_cached
from sessionguide.run.runner import Run

log = logging.getLogger("mkdocs.plugins.sessionguide")

_PLACEHOLDER = re.compile(r'<!--sessionguide-later ([\w-]+) "([^"]+)" ([\w-]+) "([^"]+)"-->')


class ExampleError(Exception):
    """An example, or a part drawn from it, cannot be shown; the message says where and what
    to do."""


Renderer = Callable[[Run, str, str], str]  # (run, language, where) -> HTML
_renderers: dict[str, Renderer] = {}


def later(kind: str) -> Callable[[Renderer], Renderer]:
    """Register the function that renders placeholders of ``kind``; it raises
    ``ExampleError`` when the run cannot be shown."""

    def register(render: Renderer) -> Renderer:
        _renderers[kind] = render
        return render

    return register


def fail(message: str) -> None:
    log.error(message)  # the build log names the file; markdown-exec's own warning does not
    raise ExampleError(message)


def placeholder(kind: str, snippet: str, lang: str, where: str, database: str = "sqlite") -> str:
    """A part of ``kind`` (a registered renderer) drawn from ``snippet``'s run on
    ``database``."""
    if kind not in _renderers:
        raise ValueError(f"no renderer for placeholders of kind {kind!r}: register one with "
                         f"@later({kind!r})")
    target = snippet if database == "sqlite" else f"{snippet}@{database}"
    text = f'<!--sessionguide-later {kind} "{escape(target)}" {lang} "{escape(where)}"-->'
    assert _PLACEHOLDER.fullmatch(text), text  # what fill() finds again
    return text


def _run_of(target: str) -> tuple[str, str]:
    snippet, _, database = target.partition("@")
    return snippet, database or "sqlite"


def pending(html: str) -> list[tuple[str, str]]:
    """The (snippet, database) runs the page's placeholders need."""
    return [_run_of(unescape(match.group(2))) for match in _PLACEHOLDER.finditer(html)]


def ready(html: str) -> bool:
    """Whether filling the page in now would not wait for a worker process."""
    return all(is_ready(snippet, database) for snippet, database in pending(html))


def fill(html: str) -> str:
    """The page with its placeholders filled in (waiting for results if need be)."""

    def replace(match: re.Match[str]) -> str:
        kind, target, lang, where = (unescape(group) for group in match.groups())
        try:
            return _renderers[kind](run_cached(*_run_of(target)), lang, where)
        except ExampleError as error:
            message = str(error)
        log.error(message)
        return (f'<div class="admonition failure"><p class="admonition-title">'
                f'{escape(label("example_failed", lang))}</p>'
                f"<pre><code>{escape(message)}</code></pre></div>")

    return _PLACEHOLDER.sub(replace, html)


def fill_files(paths: list[Path]) -> None:
    """Fill in the pages that were written with placeholders."""
    for path in paths:
        path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
        check_filled(path.read_text(encoding="utf-8"), str(path))


def check_filled(html: str, page: str) -> None:
    """A placeholder left in a written page (something changed its text after it was written)
    would publish the page without its output: that is an error."""
    if _MARKER in html:
        log.error(f"{page}: the output of an example was not filled in (a placeholder "
                  f"<!--{_MARKER} ...--> is left in the page, changed after show() wrote it). "
                  "Report this as a bug of sessionguide/blocks/deferred.py.")


_MARKER = "sessionguide-later"
