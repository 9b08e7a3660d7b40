"""Other forms of each word in a language's search index, so that search finds them too.

Material's search (lunr) matches every query word as a prefix of the indexed words and does
not stem it: it appends a trailing wildcard, and lunr skips the pipeline, stemmer included,
for wildcard terms. So on the Spanish site "sesiones" would not find a section that only says
"sesión", nor "sesion" typed without its accent. Turning the stemmer on does not help: the
index would then hold stems ("sesion") that the unstemmed query "sesiones*" cannot match.

So each section of the index gets a field of its own, ``forms``, which lunr searches and
Material never displays: the forms its words take in number and gender (and a verb's
infinitive and participles), and the same words without accents. They come from the
language's Hunspell dictionary, the one the spell check uses: each word is traced back to the
dictionary entries it is a form of (one prefix and one suffix at most, as Hunspell does), and
each entry is expanded with the suffix classes the language's ``inflections`` lists
(``i18n/<lang>.yml``). Only the affix rules
and the word list are read, not a whole Hunspell checker, which takes a second to load.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from sessionguide.i18n.languages import data
from sessionguide.i18n.spelling import dictionary_files

FIELD = "forms"


def inflections(language: str) -> str:
    """The Hunspell suffix classes that inflect a word of ``language`` without changing what it
    is about (``i18n/<lang>.yml``); a language without them gets no forms."""
    return data(language).get("inflections") or ""

_WORD = re.compile(r"[^\W\d_]{3,}")
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> set[str]:
    """The lowercased words of an index entry's text (HTML), as lunr tokenizes them."""
    return set(_WORD.findall(html.unescape(_TAG.sub(" ", text)).lower()))


_ACCENTS = "\u0301\u0308"  # acute and diaeresis (sesión, pingüino); ñ is a letter of its own


def unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _ACCENTS))


@dataclass(frozen=True)
class _Rule:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str]
    cross: bool  # may combine with an affix of the other kind


class _Affixes:
    """A Hunspell dictionary's word list and its prefix and suffix rules."""

    def __init__(self, language: str) -> None:
        base = dictionary_files(language)
        aff = base.with_suffix(".aff").read_bytes()
        encoding = re.search(rb"^SET\s+(\S+)", aff, re.M)
        encoding = encoding.group(1).decode() if encoding else "utf-8"
        self.suffixes: dict[str, list[_Rule]] = {}  # by flag
        self.prefixes: list[_Rule] = []
        self.by_ending: dict[str, list[_Rule]] = {}  # suffix rules by what they add
        cross: dict[str, bool] = {}
        for line in aff.decode(encoding).splitlines():
            fields = line.split()
            if len(fields) == 4 and fields[0] in ("PFX", "SFX") and fields[2] in "YN":
                cross[fields[0] + fields[1]] = fields[2] == "Y"
            elif len(fields) >= 5 and fields[0] in ("PFX", "SFX"):
                kind, flag, strip, add, condition = fields[:5]
                add = add.split("/")[0]  # continuation classes: not followed here
                strip, add = ("" if strip == "0" else strip), ("" if add == "0" else add)
                pattern = f"^(?:{condition})" if kind == "PFX" else f"(?:{condition})$"
                rule = _Rule(flag, strip, add, re.compile(pattern), cross[kind + flag])
                if kind == "PFX":
                    self.prefixes.append(rule)
                else:
                    self.suffixes.setdefault(flag, []).append(rule)
                    self.by_ending.setdefault(add, []).append(rule)
        self.longest = max(map(len, self.by_ending))
        self.flags: dict[str, str] = {}
        dic = base.with_suffix(".dic").read_bytes().decode(encoding)
        for word, flags in re.findall(r"^([^/\s]+)/?(\S*)", dic.split("\n", 1)[1], re.M):
            self.flags[word] = self.flags[word] + flags if word in self.flags else flags

    def _unsuffixed(self, word: str):
        """(stem, rule) for each suffix rule that turns a dictionary stem into ``word``."""
        for length in range(min(len(word) - 1, self.longest) + 1):
            ending = word[len(word) - length:] if length else ""
            for rule in self.by_ending.get(ending, ()):
                stem = word[: len(word) - length] + rule.strip
                if rule.flag in self.flags.get(stem, "") and rule.condition.search(stem):
                    yield stem, rule

    def entries(self, word: str):
        """(dictionary stem, prefix rule or None) for each analysis of ``word``."""
        if word in self.flags:
            yield word, None
        for stem, _ in self._unsuffixed(word):
            yield stem, None
        for prefix in self.prefixes:
            if not word.startswith(prefix.add):
                continue
            rest = prefix.strip + word[len(prefix.add):]
            if not prefix.condition.search(rest):
                continue
            if prefix.flag in self.flags.get(rest, ""):
                yield rest, prefix
            for stem, suffix in self._unsuffixed(rest) if prefix.cross else ():
                if suffix.cross and prefix.flag in self.flags.get(stem, ""):
                    yield stem, prefix

    def inflect(self, stem: str, classes: str) -> set[str]:
        forms = {stem}
        for flag in set(self.flags.get(stem, "")) & set(classes):
            for rule in self.suffixes.get(flag, ()):
                if rule.condition.search(stem):
                    forms.add(stem[: len(stem) - len(rule.strip)] + rule.add)
        return forms


@cache
def _affixes(language: str) -> _Affixes:
    return _Affixes(language)


@cache  # per word: kept across languages' pages and mkdocs serve rebuilds
def _family(language: str, word: str) -> frozenset[str]:
    affixes, forms = _affixes(language), set()
    for stem, prefix in affixes.entries(word):
        for form in affixes.inflect(stem, inflections(language)):
            # con+firmado: the entry is "firmar", its forms get the prefix back
            forms.add(prefix.add + form[len(prefix.strip):] if prefix else form)
    return frozenset(forms)


def other_forms(language: str, word: str) -> frozenset[str]:
    """The forms of ``word`` other than itself, accentless spellings included."""
    forms = _family(language, word) | {unaccented(word)}
    return (forms | {unaccented(form) for form in forms}) - {word}


def add_forms(language: str, index: dict) -> dict:
    """The language's index with a ``forms`` field on each entry whose words have other
    forms (the index as it is for a language without inflection classes)."""
    if not inflections(language):
        return index
    docs = [{**doc, FIELD: forms} if (forms := _forms_of(language, doc)) else doc
            for doc in index["docs"]]
    fields = {**index["config"]["fields"], FIELD: {"boost": 1.0}}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def _forms_of(language: str, doc: dict) -> str:
    present = words(doc["title"] + " " + doc["text"])
    forms = set().union(*(other_forms(language, word) for word in present)) - present
    return " ".join(_not_found_already(forms, present))


def _not_found_already(forms: set[str], present: set[str]) -> list[str]:
    """Drop each form that a query already reaches through a longer word: a query matches
    every indexed word it is a prefix of, so "sesiona" adds nothing beside "sesionas"."""
    every = sorted(forms | present)
    kept = []
    for form in sorted(forms):
        after = bisect.bisect_right(every, form)
        if after < len(every) and every[after].startswith(form):
            continue
        kept.append(form)
    return kept
