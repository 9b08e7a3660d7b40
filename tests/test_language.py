"""The prose of every page: spelled right in its language, with the glossary's terminology and
the Spanish usage patterns of i18n/glossary.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sessionguide.i18n.glossary import rejected_constructions, rejected_uses, terms, usages
from sessionguide.i18n.languages import data, language_of, languages
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
    prose = "\n".join(text for _, text in prose_lines(page.read_text(encoding="utf-8"), "es"))
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
        for _, text in prose_lines(page.read_text(encoding="utf-8"), language)
    ).lower()
    checker = dictionary(language)
    unused = [w for w in listed if not re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", prose)]
    known = [w for w in listed if checker.lookup(w)]
    assert not unused, f"i18n/words.{language}.txt: no page uses {unused}; remove them"
    assert not known, f"i18n/words.{language}.txt: the dictionary knows {known}; remove them"
    assert listed == sorted(listed, key=str.casefold), f"keep i18n/words.{language}.txt sorted"


def _constructions_listing(where: str, found) -> str:
    return "\n".join(
        f"  {where}:{c.line}: «{c.text}»: {c.rejected}\n      say instead: {c.instead}"
        for c in found
    )


@pytest.mark.parametrize(
    "page", [p for p in PAGES if language_of(p.name) == "es"], ids=lambda p: p.name
)
def test_spanish_pages_follow_the_usage_patterns(page: Path) -> None:
    lines = prose_lines(page.read_text(encoding="utf-8"), "es", code="`…`")
    found = rejected_constructions(lines)
    assert not found, (
        "constructions the usage patterns of i18n/glossary.yml reject:\n"
        + _constructions_listing(f"docs/{page.name}", found)
    )


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_spanish_glossary_and_labels_follow_the_usage_patterns() -> None:
    """What the glossary page, the generated parts and the theme say in Spanish, too."""
    texts = {f"i18n/glossary.yml, {t['id']}": t["definition"]["es"] for t in terms()}
    for key, value in {**data("es").get("labels", {}), **data("es").get("theme", {})}.items():
        texts[f"i18n/es.yml, {key}"] = " ".join(_strings(value))
    found = [(where, c) for where, text in texts.items()
             for c in rejected_constructions([(1, text)], page=False)]
    listing = "\n".join(f"  {where}: «{c.text}»: {c.rejected}\n      say instead: {c.instead}"
                         for where, c in found)
    assert not found, f"constructions the usage patterns reject:\n{listing}"


SHOULD_BE_REJECTED = [
    "la sesión envió a Alice con flush",
    "los cambios sin enviar con flush",
    "commit() expira los objetos",
    "`commit()` expira `ana`",
    "como el commit lo ha expirado",
    "el commit ha expirado `user`",
    "salir del bloque deshace.",
    "confirma o deshace si hay una excepción",
    "el bloque cierra, pero no confirma",
    "deja que el final del bloque confirme o deshaga.",
    "el objeto dice `'ana'`",
    "la tabla dice `BEGIN, INSERT`",
    "No hagas refresh para obtener la clave",
    "el objeto queda en *pending*",
    "la Session de SQLAlchemy",
]
SHOULD_PASS = [
    "el flush envía el `INSERT` de `alice`",
    "los cambios pendientes",
    "`commit()` marca como expirados los objetos",
    "después del commit, los objetos quedan expirados",
    "leer un atributo expirado envía un `SELECT`",
    "`rollback()` deshace la transacción",
    "no hay nada que deshacer.",
    "lo que deshace un rollback.",
    "la transacción se confirma si el bloque termina bien",
    "los bloques confirman o deshacen la transacción",
    "confirman la transacción si todo va bien y la\n  deshacen si hay una excepción",
    "el atributo vale `'ana'`",
    "el objeto pasa a `pending`",
    "llama a `refresh()` para recargarlo",
    "la sesión (`Session`)",
]


@pytest.mark.parametrize("text", SHOULD_BE_REJECTED)
def test_the_usage_patterns_reject_the_calques(text: str) -> None:
    lines = prose_lines(text, "es", code="`…`")
    assert rejected_constructions(lines), f"no usage pattern rejects «{text}»"


@pytest.mark.parametrize("text", SHOULD_PASS)
def test_the_usage_patterns_accept_what_they_recommend(text: str) -> None:
    lines = prose_lines(text, "es", code="`…`")
    assert not rejected_constructions(lines), rejected_constructions(lines)


def test_every_rejected_construction_says_what_to_write_instead() -> None:
    for usage in usages():
        for rejected, _ in usage.avoid:
            assert usage.es.strip() and rejected.strip(), usage
