"""The prose of every page: spelled right in its language, with the glossary's terminology."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sessionguide.i18n.glossary import rejected_uses
from sessionguide.i18n.languages import language_of, languages
from sessionguide.i18n.spelling import WORDS, dictionary, prose_lines, unknown_words
from sessionguide.paths import DOCS

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


@pytest.mark.parametrize("language", languages())
def test_word_lists_hold_only_needed_words(language: str) -> None:
    listed = (WORDS / f"words.{language}.txt").read_text(encoding="utf-8").split()
    prose = " ".join(
        text
        for page in PAGES
        if language_of(page.name) == language
        for _, text in prose_lines(page.read_text(encoding="utf-8"))
    ).lower()
    checker = dictionary(language)
    unused = [w for w in listed if not re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", prose)]
    known = [w for w in listed if checker.lookup(w)]
    assert not unused, f"i18n/words.{language}.txt: no page uses {unused}; remove them"
    assert not known, f"i18n/words.{language}.txt: the dictionary knows {known}; remove them"
    assert listed == sorted(listed, key=str.casefold), f"keep i18n/words.{language}.txt sorted"
