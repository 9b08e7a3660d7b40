"""The prose of every page: spelled right in its language, with the glossary's terminology."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessionguide.glossary import rejected_uses
from sessionguide.pages import DOCS, language_of
from sessionguide.spelling import prose_lines, unknown_words

PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_spelling(page: Path) -> None:
    language = language_of(page.name)
    unknown = unknown_words(page.read_text(encoding="utf-8"), language)
    listing = "\n".join(f"  docs/{page.name}:{line}: {word}" for line, word in unknown)
    assert not unknown, (
        f"words the {language} dictionary does not know:\n{listing}\n"
        f"Fix the typos; add words that are right to i18n/words.{language}.txt"
    )


@pytest.mark.parametrize(
    "page", [p for p in PAGES if language_of(p.name) == "es"], ids=lambda p: p.name
)
def test_spanish_pages_use_the_glossary_terms(page: Path) -> None:
    prose = "\n".join(text for _, text in prose_lines(page.read_text(encoding="utf-8")))
    found = rejected_uses(prose)
    listing = "\n".join(
        f"  docs/{page.name}:{n}: «{used}» → use «{term}»" for n, used, term in found
    )
    assert not found, f"terms the glossary (i18n/glossary.yml) rejects:\n{listing}"
