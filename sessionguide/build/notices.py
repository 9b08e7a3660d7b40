"""The notices a page in another language gets: not translated yet, or outdated."""

from __future__ import annotations

import posixpath
from pathlib import Path

from sessionguide.i18n.labels import label
from sessionguide.i18n.translations import blob_id


def below_title(notice: str, markdown: str) -> str:
    """``markdown`` with ``notice`` under its leading ``# `` heading: MkDocs takes a page's title
    from its first element only if that is a heading, and the navigation names some pages by
    their title (a notice above it would name the page by its file name, in English)."""
    first, _, rest = markdown.partition("\n")
    if not first.startswith("# "):
        return notice + markdown
    return f"{first}\n\n{notice}{rest.lstrip(chr(10))}"


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
