"""Search: each language searches its own pages, and Spanish forms of a word."""

from __future__ import annotations

import json

import pytest

from .scripts import script
from .visits import Visit, watch


def search(page, server, language: str, query: str) -> tuple[list[str], Visit]:
    """Type a query into Material's search on the language's home: the result links."""
    home = "" if language == "en" else f"{language}/"
    visit = Visit(home, "light", server.url + home)
    watch(page, visit)
    page.goto(home)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0",
        polling=100, timeout=15_000)
    links: list[str] = []
    while True:
        now = page.evaluate(script("search_results"))
        if len(now) == len(links):
            break
        links = now
        page.wait_for_timeout(150)
    return links, visit


def page_of(link: str, server) -> str:
    """The page a result links to ("es/async/"), without Material's ?h= highlight or #part."""
    return link.removeprefix(server.url).split("#", 1)[0].split("?", 1)[0]


@pytest.mark.parametrize("language, query", [("en", "flush"), ("es", "flush"),
                                             ("en", "session"), ("es", "sesión")])
def test_results_are_in_the_searched_language_only(page, server, language, query):
    links, visit = search(page, server, language, query)
    assert links, f"no result for {query!r} on the {language} site"
    pages = {page_of(link, server) for link in links}
    if language == "en":
        assert not [p for p in pages if p.startswith("es/")], f"Spanish results: {sorted(pages)}"
    else:
        assert all(p.startswith(f"{language}/") for p in pages), f"other results: {sorted(pages)}"
    home = "" if language == "en" else f"{language}/"
    assert server.url + home + "search/search_index.json" in visit.requests
    assert not visit.failures and not visit.console_errors, visit.failures + visit.console_errors
    assert all(server.local(url) for url in visit.requests)


def spanish_pages_saying(site) -> dict[str, str]:
    """The text the Spanish search index holds for each page, lowercased."""
    index = json.loads((site / "es" / "search" / "search_index.json").read_text("utf-8"))
    text: dict[str, str] = {}
    for doc in index["docs"]:
        found = "es/" + doc["location"].split("#", 1)[0]
        text[found] = text.get(found, "") + " " + (doc["title"] + " " + doc["text"]).lower()
    return text


def test_spanish_plural_finds_pages_about_the_singular(page, server, site):
    """"sesiones" finds Spanish pages that say "sesión", and only Spanish pages."""
    text = spanish_pages_saying(site)
    links, _ = search(page, server, "es", "sesiones")
    pages = {page_of(link, server) for link in links}
    assert pages and all(p.startswith("es/") for p in pages), sorted(pages)
    assert [p for p in pages if "sesión" in text.get(p, "")], sorted(pages)


@pytest.mark.parametrize("query, written", [("sesiones", "sesión"), ("sesion", "sesión")])
def test_spanish_form_finds_pages_with_only_another(page, server, site, query, written):
    """Stemming proper: "sesiones" (or "sesion", unaccented) finds a page that says "sesión"
    but never the query itself (sessionguide/build/search_forms.py)."""
    text = spanish_pages_saying(site)
    only_other = {p for p, t in text.items() if written in t and query not in t}
    assert only_other, f"no Spanish page says only {written!r}: this test needs a new example"
    links, visit = search(page, server, "es", query)
    pages = {page_of(link, server) for link in links}
    assert pages & only_other, (
        f"{query!r} did not find any of {sorted(only_other)} (found {sorted(pages)})"
    )
    assert not visit.console_errors
