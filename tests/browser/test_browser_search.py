"""Search: each language searches its own pages, and Spanish forms of a word."""

from __future__ import annotations

import json

import pytest

from .harness import Visit, language_root, local, require_chromium, watch

require_chromium()


def search(browser, server, language: str, query: str) -> tuple[list[str], Visit]:
    """Type a query into Material's search on the language's home: the result links."""
    context = browser.new_context()
    try:
        page = context.new_page()
        url = server.url + language_root(language)
        visit = Visit(language_root(language), "light", url)
        watch(page, visit)
        page.goto(url)
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)
        page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 0",
            polling=100, timeout=15_000)
        # Material shows results ten at a time, more as the list scrolls: scroll to the end.
        links: list[str] = []
        while True:
            page.evaluate("() => { const s = document.querySelector('.md-search__scrollwrap');"
                          " s.scrollTop = s.scrollHeight; }")
            page.wait_for_timeout(150)
            now = page.evaluate("() => [...document.querySelectorAll("
                                "'a.md-search-result__link')].map(a => a.href)")
            if len(now) == len(links):
                break
            links = now
        return links, visit
    finally:
        context.close()


def page_of(link: str, server) -> str:
    """The page a result links to ("es/async/"), without Material's ?h= highlight or #part."""
    return link.removeprefix(server.url).split("#", 1)[0].split("?", 1)[0]


@pytest.mark.parametrize("language, query", [("en", "flush"), ("es", "flush"),
                                             ("en", "session"), ("es", "sesión")])
def test_results_are_in_the_searched_language_only(browser, server, language, query):
    links, visit = search(browser, server, language, query)
    assert links, f"no result for {query!r}"
    pages = {page_of(link, server) for link in links}
    if language == "en":
        assert not [p for p in pages if p.startswith("es/")], f"Spanish results: {sorted(pages)}"
    else:
        assert all(p.startswith(f"{language}/") for p in pages), f"other results: {sorted(pages)}"
    assert server.url + language_root(language) + "search/search_index.json" in visit.requests
    assert not visit.failures and not visit.console_errors
    assert all(local(url, server) for url in visit.requests)


def spanish_pages_saying(site) -> dict[str, str]:
    """The text the Spanish search index holds for each page, lowercased."""
    index = json.loads((site / "es" / "search" / "search_index.json").read_text("utf-8"))
    text: dict[str, str] = {}
    for doc in index["docs"]:
        page = "es/" + doc["location"].split("#", 1)[0]
        text[page] = text.get(page, "") + " " + (doc["title"] + " " + doc["text"]).lower()
    return text


def test_spanish_plural_finds_pages_about_the_singular(browser, server, site):
    """"sesiones" finds Spanish pages that say "sesión", and only Spanish pages."""
    text = spanish_pages_saying(site)
    links, _ = search(browser, server, "es", "sesiones")
    pages = {page_of(link, server) for link in links}
    assert pages and all(p.startswith("es/") for p in pages), sorted(pages)
    assert [p for p in pages if "sesión" in text.get(p, "")], sorted(pages)


@pytest.mark.parametrize("query, written", [("sesiones", "sesión"), ("sesion", "sesión")])
def test_spanish_form_finds_pages_with_only_another(browser, server, site, query, written):
    """Stemming proper: "sesiones" (or "sesion", unaccented) finds a page that says "sesión"
    but never the query itself (sessionguide/build/search_forms.py)."""
    text = spanish_pages_saying(site)
    only_other = {p for p, t in text.items() if written in t and query not in t}
    assert only_other, f"no Spanish page says only {written!r}: this test needs a new example"
    links, visit = search(browser, server, "es", query)
    pages = {page_of(link, server) for link in links}
    assert pages & only_other, (
        f"{query!r} did not find any of {sorted(only_other)} (found {sorted(pages)})"
    )
    assert not visit.console_errors
