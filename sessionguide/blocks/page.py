"""Which page is being rendered, and which pages show which examples.

The build's hooks set the current page before each page is converted; markdown-exec runs the
page's blocks during that conversion, so ``show()`` can name the page that includes a broken
example and generated parts know the page's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sessionguide.i18n.languages import DEFAULT_LANGUAGE, language_of
from sessionguide.paths import DOCS
from sessionguide.run.examples import DeclarationError, example


@dataclass(frozen=True)
class Page:
    src: str  # e.g. "docs/flush-and-commit.es.md"
    lang: str  # the language the page is written in, from its suffix


_current: Page | None = None


def set_current(src_uri: str | None) -> None:
    global _current
    _current = Page(f"docs/{src_uri}", language_of(src_uri)) if src_uri else None


def current() -> Page | None:
    return _current


def current_language() -> str:
    return _current.lang if _current else DEFAULT_LANGUAGE


def where() -> str:
    """Where the block being run is, for messages: ``included by docs/<page>.md``."""
    return f"included by {_current.src}" if _current else "shown outside a page"


SHOW_CALL = re.compile(r"""\bshow\(\s*["']([^"']+)["']""")


def snippets_shown(docs: Path = DOCS) -> list[str]:
    """Every snippet some page shows, in page order."""
    seen: dict[str, None] = {}
    for page in sorted(docs.rglob("*.md")):
        seen.update(dict.fromkeys(SHOW_CALL.findall(page.read_text(encoding="utf-8"))))
    return list(seen)


def runs_shown(docs: Path = DOCS) -> list[tuple[str, str]]:
    """Every (snippet, database) run some page shows (a broken declaration is reported by the
    page that shows it)."""
    runs = []
    for snippet in snippets_shown(docs):
        try:
            declared = example(snippet).databases
        except (DeclarationError, OSError):
            declared = ("sqlite",)
        runs.extend((snippet, database) for database in declared)
    return runs


def pages_including(snippet: str, docs: Path = DOCS) -> list[str]:
    """The pages whose ``show(...)`` blocks include ``snippet``, for messages."""
    return sorted(
        f"docs/{page.relative_to(docs).as_posix()}"
        for page in docs.rglob("*.md")
        if snippet in SHOW_CALL.findall(page.read_text(encoding="utf-8"))
    )
