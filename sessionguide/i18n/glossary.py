"""The glossary's terminology and usage patterns, kept as data in ``i18n/glossary.yml``.

``terms()`` are the entries; ``term_forms()`` finds each term's uses in a page's prose (the
build links the first one to the glossary); ``rejected_uses()`` finds the variants the glossary
rejects, and ``rejected_constructions()`` the constructions its usage patterns reject
(tests/test_language.py runs both over every Spanish page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from sessionguide.paths import I18N

GLOSSARY = I18N / "glossary.yml"


@cache
def _data() -> dict:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def terms() -> tuple[dict, ...]:
    return tuple(_data()["terms"])


@dataclass(frozen=True)
class Usage:
    """How the Spanish edition says one English construction (``usage:`` in glossary.yml)."""

    term: str | None  # the term's id, or None for a usage that belongs to no single term
    en: str
    es: str
    avoid: tuple[tuple[str, re.Pattern[str]], ...]  # (the rejected construction, its pattern)
    pages_only: frozenset[str] = frozenset()  # constructions wrong only where code format exists


@cache
def usages() -> tuple[Usage, ...]:
    owned = [(term["id"], item) for term in terms() for item in term.get("usage", [])]
    general = [(None, item) for item in _data().get("usage", [])]
    return tuple(
        Usage(owner, item["en"], item["es"],
              tuple((a["rejected"], re.compile(a["pattern"])) for a in item.get("avoid", [])),
              frozenset(a["rejected"] for a in item.get("avoid", []) if a.get("pages_only")))
        for owner, item in owned + general
    )


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


@dataclass(frozen=True)
class Construction:
    line: int
    text: str  # what the page says
    rejected: str  # the construction the glossary rejects
    instead: str  # how the glossary says it


def rejected_constructions(lines: list[tuple[int, str]], page: bool = True) -> list[Construction]:
    """The constructions the usage patterns reject, in ``(line number, prose)`` lines.

    The prose is what ``spelling.prose_lines(markdown, language, code="`…`")`` gives: inline
    code reads as a backquoted ellipsis, which patterns may match. Patterns see the lines
    joined, so that a construction split across two lines is found too. ``page=False`` for
    plain text (the glossary's definitions, labels), which cannot format code.
    """
    text, starts = "", []
    for number, line in lines:  # without indentation and runs of spaces, which patterns
        starts.append((len(text), number))  # would have to allow for everywhere
        text += re.sub(r"[ \t]+", " ", line.strip()) + "\n"

    def line_of(offset: int) -> int:
        return next(number for start, number in reversed(starts) if start <= offset)

    found = []
    for usage in usages():
        for rejected, pattern in usage.avoid:
            if not page and rejected in usage.pages_only:
                continue
            for match in pattern.finditer(text):
                found.append(Construction(line_of(match.start()), " ".join(match.group(0).split()),
                                          rejected, usage.es))
    return sorted(found, key=lambda c: c.line)
