"""Which page is being rendered, for error messages and the language of generated labels.

The MkDocs hook sets it before each page is converted; markdown-exec runs the page's blocks
during that conversion, so ``show()`` can name the page that includes a broken example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DEFAULT_LANGUAGE = "en"
DOCS = Path(__file__).resolve().parent.parent / "docs"


@dataclass(frozen=True)
class Page:
    src: str  # e.g. "docs/flush-and-commit.es.md"
    lang: str  # the language the page is written in, from its suffix


_current: Page | None = None


def language_of(src_uri: str) -> str:
    """``flush-and-commit.es.md`` is Spanish; ``flush-and-commit.md`` is the default language."""
    suffixes = PurePosixPath(src_uri).suffixes
    return suffixes[-2].lstrip(".") if len(suffixes) >= 2 else DEFAULT_LANGUAGE


def english_source(src_uri: str) -> str:
    """``merge.es.md`` -> ``merge.md``."""
    path = PurePosixPath(src_uri)
    if len(path.suffixes) < 2:
        return src_uri
    return str(path.with_suffix("").with_suffix(".md"))


def set_current(src_uri: str | None) -> None:
    global _current
    _current = Page(f"docs/{src_uri}", language_of(src_uri)) if src_uri else None


def current() -> Page | None:
    return _current


SHOW_CALL = re.compile(r"""\bshow\(\s*["']([^"']+)["']""")


def snippets_shown(docs: Path = DOCS) -> list[str]:
    """Every snippet some page shows, in page order."""
    seen: dict[str, None] = {}
    for page in sorted(docs.rglob("*.md")):
        seen.update(dict.fromkeys(SHOW_CALL.findall(page.read_text(encoding="utf-8"))))
    return list(seen)


def pages_including(snippet: str, docs: Path = DOCS) -> list[str]:
    """The pages whose ``show(...)`` blocks include ``snippet``, for messages."""
    return sorted(
        f"docs/{page.relative_to(docs).as_posix()}"
        for page in docs.rglob("*.md")
        if snippet in SHOW_CALL.findall(page.read_text(encoding="utf-8"))
    )
