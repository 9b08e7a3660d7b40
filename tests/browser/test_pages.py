"""Every page of both languages, in both palettes: what it requests, what it logs, where its
links lead; the palette toggle; the 404 pages."""

from __future__ import annotations

import pytest

from . import axe
from .checks import bullet, visited, where
from .inventory import ROOT
from .visits import SCHEMES, Visit, watch

EDIT_BASE = "https://github.com/example/sqlalchemy-session-guide/edit/main/docs/"


def test_only_the_local_server_is_contacted(visits, server, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert visit.requests, f"{where(visits, page_path, scheme)}: no request recorded"
    third_party = [url for url in visit.requests if not server.local(url)]
    assert not third_party, (
        f"{where(visits, page_path, scheme)} requests other hosts (the site must make no "
        f"third-party request: bundle the asset, or turn the feature off):\n"
        + bullet(third_party))


def test_no_request_fails(visits, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert not visit.failures, (
        f"{where(visits, page_path, scheme)}: failed requests (a missing asset, or a link to a "
        "page that is not built):\n" + bullet(visit.failures))


def test_no_console_errors(visits, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert not visit.console_errors, (
        f"{where(visits, page_path, scheme)}: errors in the browser console (a script of "
        "docs/javascripts/ or the theme failed):\n" + bullet(visit.console_errors))


def test_search_index_and_sitemaps_load(visits, server, inventory, page_path):
    """Material loads its language's search index and each language's sitemap."""
    visit = visited(visits, page_path, "light")
    root = server.url + inventory.language_root(inventory.language_of(page_path))
    assert root + "search/search_index.json" in visit.requests, (
        f"{where(visits, page_path)}: its language's search index was not loaded")
    assert any(url.endswith("/sitemap.xml") for url in visit.requests), (
        f"{where(visits, page_path)}: no sitemap was loaded (the language switcher needs it)")


def test_html_lang_logo_and_edit_link(visits, server, inventory, page_path):
    visit = visited(visits, page_path, "light", "facts")
    language = inventory.language_of(page_path)
    facts = visit.facts
    page = where(visits, page_path)
    assert facts["htmlLang"] == language, f"{page}: <html lang={facts['htmlLang']!r}>"
    assert facts["logo"] == server.url + inventory.language_root(language), (
        f"{page}: the logo leads to {facts['logo']}, not to this language's home")
    source = inventory.source_of(page_path)
    assert (ROOT / "docs" / source).is_file()
    assert facts["edit"] == EDIT_BASE + source, (
        f"{page}: the edit link is {facts['edit']}, not to the page's source docs/{source}")


def test_language_switcher_leads_to_the_same_page(visits, server, inventory, page_path):
    visit = visited(visits, page_path, "light", "facts", "switch")
    switched = visit.switched
    expected = server.url + inventory.counterpart(page_path, switched["language"])
    page = where(visits, page_path)
    assert visit.facts["alternates"].get(switched["language"]) == expected, (
        f"{page}: the switcher's {switched['language']} link is "
        f"{visit.facts['alternates'].get(switched['language'])}, not {expected}")
    assert switched["url"] == expected, f"{page}: the switcher led to {switched['url']}"
    assert switched["status"] == 200
    assert switched["htmlLang"] == switched["language"]


def test_no_page_scrolls_by_itself_on_load(visits, page_path, scheme):
    """Opening a page shows its top (a view opened with the page must not scroll it)."""
    visit = visited(visits, page_path, scheme, "facts")
    assert visit.facts["scroll"] == [0, 0], (
        f"{where(visits, page_path, scheme)}: loaded without a #fragment, the page is "
        f"scrolled to {visit.facts['scroll']} (x, y) before anything was clicked. Whatever "
        "scrolls it on load (scrollIntoView, focus()) must not run until the reader acts.")


@pytest.mark.parametrize("language", ["en", "es"])
def test_palette_toggle_switches_and_is_remembered(new_context, server, language):
    """Click the toggle: dark; the choice survives a reload and the next page; axe still passes."""
    context = new_context(color_scheme="light")
    page = context.new_page()
    home = "" if language == "en" else f"{language}/"
    visit = Visit(home, "light", server.url + home)
    watch(page, visit)
    page.goto(home, wait_until="networkidle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == SCHEMES["light"]
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert page.evaluate(scheme) == SCHEMES["dark"]
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == SCHEMES["dark"], "the choice was not remembered"
    violations = axe.run(page)
    assert violations == [], axe.report(violations)
    with page.expect_navigation(wait_until="networkidle"):
        page.locator(".md-footer__link--next").click()
    assert page.evaluate(scheme) == SCHEMES["dark"], "the next page forgot the choice"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert page.evaluate(scheme) == SCHEMES["light"]
    assert not visit.failures and not visit.console_errors, visit.failures + visit.console_errors
    assert all(server.local(url) for url in visit.requests)


@pytest.mark.parametrize("language", ["en", "es"])
def test_missing_page_gets_its_languages_404(page, server, language):
    url = server.url + ("" if language == "en" else f"{language}/") + "no-such-page/at/all/"
    visit = Visit(url, "light", url)
    watch(page, visit)
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert page.evaluate("document.documentElement.getAttribute('lang')") == language
    assert visit.failures == [f"HTTP 404 {url}"], "only the page itself may be missing"
    assert all("404" in error for error in visit.console_errors), visit.console_errors
    assert all(server.local(u) for u in visit.requests)
    # the page is styled: its stylesheets loaded from the site's root, not from here
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        != "static", "the 404 page is not styled: its stylesheets did not load from the site root"
    violations = axe.run(page)
    assert violations == [], axe.report(violations)
