"""The notices a page in another language gets: not translated yet, or outdated."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sessionguide.i18n.labels import label
from sessionguide.i18n.translations import blob_id

# A leading h1 as Python-Markdown reads one: "# Title" (or "#Title"), or a setext "Title\n====="
_H1 = re.compile(r"#(?!#)[^\n]*|[^\n]+\n=+[ \t]*(?=\n|$)")


def below_title(notice: str, markdown: str) -> str:
    """``markdown`` with ``notice`` under its leading h1: MkDocs takes a page's title from its
    first element only if that is an h1, and the navigation names some pages by their title (a
    notice above it would name the page by its file name, in English)."""
    markdown = markdown.lstrip("\n")
    heading = _H1.match(markdown)
    if heading is None:
        return notice + markdown
    rest = markdown[heading.end():].lstrip("\n")
    # An indented block right after the notice would be read as part of it: a comment ends it.
    end = "<!-- -->\n\n" if rest.startswith(("    ", "\t")) else ""
    return f"{heading.group()}\n\n{notice}{end}{rest}"


def untranslated_notice(language: str) -> str:
    """mkdocs-static-i18n falls back to the English page silently; this says so on the page."""
    title, text = label("untranslated", language)
    return f'!!! warning "{title}"\n\n    {text}\n\n'


def outdated_notice(english: Path, meta: dict, page_url: str, language: str) -> str | None:
    """The Markdown notice a translated page shows while its English page has changed."""
    if meta.get("translated_from") == blob_id(english):
        return None
    english_url = page_url.removeprefix(f"{language}/")
    href = posixpath.relpath(english_url or ".", page_url.rstrip("/") or ".") + "/"
    title, text, link = label("outdated_notice", language)
    return (f'!!! warning "{title}"\n\n    {text} <a href="{href}" hreflang="en">{link}</a>.\n\n')
