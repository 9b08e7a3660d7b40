"""Other forms of each word in a language's search index, so that search finds them too.

Material's search (lunr) matches every query word as a prefix of the indexed words and does
not stem it: it appends a trailing wildcard, and lunr skips the pipeline, stemmer included,
for wildcard terms. So on the Spanish site "sesiones" would not find a section that only says
"sesión", nor "sesion" typed without its accent. Turning the stemmer on does not help: the
index would then hold stems ("sesion") that the unstemmed query "sesiones*" cannot match.

So each section of the index gets a field of its own, ``forms``, which lunr searches and
Material never displays: the forms its words take in number and gender (and a verb's
infinitive and participles), and the same words without accents. The forms come from the
language's Hunspell dictionary, the one the spell check uses: the dictionary entries a word
is a form of, expanded with the suffix classes listed in ``INFLECTIONS``. Loading that
dictionary takes most of a second, so a worker process loads it while the pages render.
"""

from __future__ import annotations

import bisect
import html
import multiprocessing
import re
import unicodedata
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache

# Per language, the Hunspell suffix classes that inflect a word without changing what it is
# about. es_ES: S plural, G feminine, D participles. A language not listed gets no forms.
INFLECTIONS = {"es": "SGD"}
FIELD = "forms"

_WORD = re.compile(r"[^\W\d_]{3,}")
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> set[str]:
    """The lowercased words of an index entry's text (HTML), as lunr tokenizes them."""
    return set(_WORD.findall(html.unescape(_TAG.sub(" ", text)).lower()))


_ACCENTS = "\u0301\u0308"  # acute and diaeresis (sesión, pingüino); ñ is a letter of its own


def unaccented(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _ACCENTS))


@cache
def _family(language: str, word: str) -> frozenset[str]:
    from spylls.hunspell.algo.capitalization import Type

    from sessionguide.spelling import dictionary

    hunspell, classes = dictionary(language), set(INFLECTIONS[language])
    forms = set()
    for analysis in hunspell.lookuper.affix_forms(word, captype=Type.NO):
        entry = analysis.in_dictionary
        if entry is None:
            continue
        prefix = analysis.prefix  # con+firmado: the entry is "firmar", the forms "confirm..."
        stems = [entry.stem]
        for flag in entry.flags & classes:
            for suffix in hunspell.aff.SFX.get(flag, []):
                if suffix.cond_regexp.search(entry.stem):
                    kept = entry.stem[: len(entry.stem) - len(suffix.strip)]
                    stems.append(kept + suffix.add)
        for stem in stems:
            if prefix is not None:
                stem = prefix.add + stem[len(prefix.strip):]
            forms.add(stem)
    return frozenset(forms)


def families(language: str, page_words: set[str]) -> dict[str, frozenset[str]]:
    """Each word's other forms (this runs in the worker)."""
    found = {}
    for word in page_words:
        forms = _family(language, word) | {unaccented(word)}
        found[word] = (forms | {unaccented(form) for form in forms}) - {word}
    return found


def _load(language: str) -> None:
    from sessionguide.spelling import dictionary

    dictionary(language)


class Collector:
    """Sends each rendered page's words to a worker that holds the dictionary, and gathers
    the forms for the search index at the end of the build."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._pool: ProcessPoolExecutor | None = None
        self._pending: list[Future[dict[str, frozenset[str]]]] = []
        self._known: dict[str, frozenset[str]] = {}

    def start(self) -> None:
        """Load the dictionary in a worker now, while the pages render."""
        if self._pool is None:
            # spawn, as the example runner does: mkdocs serve runs threads
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_load, initargs=(self.language,))
            self._pool.submit(int)  # starts the worker, and so the loading

    def add_page(self, page_html: str) -> None:
        todo = words(page_html) - self._known.keys()
        if todo:
            self.start()
            self._pending.append(self._pool.submit(families, self.language, todo))

    def add_forms(self, index: dict) -> dict:
        """The index with a ``forms`` field on each entry whose words have other forms."""
        for future in self._pending:
            self._known.update(future.result())
        self._pending.clear()
        if self._pool is not None:  # a rebuild under mkdocs serve starts another
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        docs = [{**doc, FIELD: forms} if (forms := self.forms_of(doc)) else doc
                for doc in index["docs"]]
        fields = {**index["config"]["fields"], FIELD: {"boost": 1.0}}
        return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}

    def forms_of(self, doc: dict) -> str:
        present = words(doc["title"] + " " + doc["text"])
        forms = set()
        for word in present:
            forms |= self._known.get(word, frozenset())
        return " ".join(_not_found_already(forms - present, present))


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
