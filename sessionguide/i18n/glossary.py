"""The glossary's terminology, kept as data in ``i18n/glossary.yml``.

``terms()`` are the entries; ``term_forms()`` finds each term's uses in a page's prose (the
build links the first one to the glossary); ``rejected_uses()`` finds the variants the glossary
rejects (tests/test_language.py).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from sessionguide.paths import I18N

GLOSSARY = I18N / "glossary.yml"


@cache
def terms() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))


def word_pattern(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, the longest first."""
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])",
                      flags)


@cache
def term_forms(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every form of every term, and which term each form belongs to."""
    owner = {}
    for term in terms():
        for form in term["forms"].get(lang, term["forms"]["en"]):
            owner.setdefault(form.lower(), term["id"])
    return word_pattern(list(owner)), owner


def rejected_uses(text: str) -> list[tuple[int, str, str]]:
    """(line, variant, the term to use instead) for each rejected Spanish variant in ``text``."""
    found = []
    for term in terms():
        if not term.get("reject"):
            continue
        pattern = word_pattern(term["reject"])
        for number, line in enumerate(text.splitlines(), 1):
            for match in pattern.finditer(line):
                found.append((number, match.group(0), term["es"]))
    return found
