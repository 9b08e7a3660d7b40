"""sessionguide/build/search_forms.py: the Spanish index finds other forms of a word.

The browser suite (tests/browser/test_browser_search.py) proves it with Material's own
search; these tests check the same on the built index, the way lunr matches a query: each
query word as a prefix of an indexed word.
"""

from __future__ import annotations

import json
import re

import pytest

from sessionguide.build import search_forms


def index(site, language: str) -> dict:
    root = site if language == "en" else site / language
    return json.loads((root / "search" / "search_index.json").read_text("utf-8"))


def tokens(doc: dict, separator: str, fields=("title", "text", search_forms.FIELD)) -> set[str]:
    text = " ".join(re.sub(r"<[^>]*>", " ", doc.get(field, "")) for field in fields)
    return {token for token in re.split(separator, text.lower()) if token}


def found(site, language: str, query: str, fields=("title", "text", search_forms.FIELD)):
    """The locations whose entry Material's search finds for a one-word query."""
    data = index(site, language)
    separator = data["config"]["separator"]
    return {doc["location"] for doc in data["docs"]
            if any(token.startswith(query) for token in tokens(doc, separator, fields))}


@pytest.mark.parametrize("query, written", [
    ("sesiones", "sesión"),  # plural: sections that only say the singular
    ("transacciones", "transacción"),
    ("sesion", "sesión"),  # typed without the accent
    ("confirmada", "confirmar"),  # participle: sections that only say the infinitive
])
def test_a_spanish_form_finds_sections_that_say_another(site, query, written):
    before = found(site, "es", query, fields=("title", "text"))
    now = found(site, "es", query)
    saying = found(site, "es", written, fields=("title", "text"))
    assert saying - before, f"every section saying {written!r} already matches {query!r}"
    assert saying - before <= now, (
        f"{query!r} misses sections that say {written!r}: {sorted(saying - before - now)}")


def test_forms_are_only_in_the_spanish_index(site):
    spanish = index(site, "es")
    assert search_forms.FIELD in spanish["config"]["fields"]
    assert sum(search_forms.FIELD in doc for doc in spanish["docs"]) > len(spanish["docs"]) / 2
    english = index(site, "en")
    assert search_forms.FIELD not in english["config"]["fields"]
    assert not [doc for doc in english["docs"] if search_forms.FIELD in doc]


def test_word_families_come_from_the_dictionary():
    words = ("sesión", "sesiones", "confirmado", "datos", "flush")
    forms = {word: search_forms.other_forms("es", word) for word in words}
    assert {"sesiones", "sesion"} <= forms["sesión"]
    assert "sesión" in forms["sesiones"]
    assert {"confirmar", "confirmada"} <= forms["confirmado"]  # con+firmado: keeps the prefix
    assert "dato" in forms["datos"]
    assert forms["flush"] == frozenset()  # not Spanish: nothing added


def test_a_form_a_longer_word_already_reaches_is_dropped():
    kept = search_forms._not_found_already({"sesiona", "sesionas", "dato"}, {"datos"})
    assert kept == ["sesionas"]
