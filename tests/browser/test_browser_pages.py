"""Every page of both languages, in both palettes: requests, console, accessibility."""

from __future__ import annotations

import pytest

from .harness import (
    AXE_TAGS,
    ROOT,
    SCHEMES,
    Visit,
    counterpart,
    language_of,
    language_root,
    local,
    require_chromium,
    run_axe,
    source_of,
    watch,
)

require_chromium()

EDIT_BASE = "https://github.com/example/sqlalchemy-session-guide/edit/main/docs/"


def visited(visits, page_path: str, scheme: str) -> Visit:
    visit = visits.get(page_path, scheme)
    if visit.error:
        pytest.fail(f"visiting {visit.url} ({scheme}) failed:\n{visit.error}")
    return visit


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


def test_only_the_local_server_is_contacted(visits, server, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert visit.requests, "no request recorded"
    third_party = [url for url in visit.requests if not local(url, server)]
    assert not third_party, "requests to other hosts:\n" + "\n".join(third_party)


def test_no_request_fails(visits, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert not visit.failures, "failed requests:\n" + "\n".join(visit.failures)


def test_search_index_and_sitemaps_load(visits, server, site, page_path):
    """Material loads its language's search index and each language's sitemap."""
    visit = visited(visits, page_path, "light")
    root = server.url + language_root(language_of(page_path, site))
    assert root + "search/search_index.json" in visit.requests
    assert any(url.endswith("/sitemap.xml") for url in visit.requests)


def test_no_console_errors(visits, page_path, scheme):
    visit = visited(visits, page_path, scheme)
    assert not visit.console_errors, "console errors:\n" + "\n".join(visit.console_errors)


def test_no_accessibility_violations(visits, page_path, scheme):
    """axe-core: no WCAG 2.1 A or AA violation, in the light and in the dark palette."""
    visit = visited(visits, page_path, scheme)
    assert visit.facts["scheme"] == SCHEMES[scheme], "the palette did not follow the system's"
    assert visit.violations == [], f"{AXE_TAGS} violations:\n" + report(visit.violations)


def test_diagram_colours_contrast(visits, page_path, scheme):
    """The diagrams' text and lines (SVG, which axe-core does not check for contrast)."""
    visit = visited(visits, page_path, scheme)
    assert not visit.svg_problems, "\n".join(visit.svg_problems)


def test_html_lang_logo_and_edit_link(visits, server, site, page_path):
    visit = visited(visits, page_path, "light")
    language = language_of(page_path, site)
    assert visit.facts["htmlLang"] == language
    assert visit.facts["logo"] == server.url + language_root(language), "logo: not this home"
    source = source_of(page_path, site)
    assert (ROOT / "docs" / source).is_file()
    assert visit.facts["edit"] == EDIT_BASE + source, "the edit link is not to the page's source"


def test_language_switcher_leads_to_the_same_page(visits, server, site, page_path):
    visit = visited(visits, page_path, "light")
    switched = visit.switched
    expected = server.url + counterpart(page_path, switched["language"], site)
    assert visit.facts["alternates"][switched["language"]] == expected
    assert switched["url"] == expected, "the switcher led elsewhere"
    assert switched["status"] == 200
    assert switched["htmlLang"] == switched["language"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_palette_toggle_switches_and_is_remembered(browser, server, language):
    """Click the toggle: dark; the choice survives a reload and the next page; axe still passes."""
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        visit = Visit(language_root(language), "light", server.url + language_root(language))
        watch(page, visit)
        page.goto(visit.url, wait_until="networkidle")
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        assert page.evaluate(scheme) == "slate"
        page.reload(wait_until="networkidle")
        assert page.evaluate(scheme) == "slate", "the choice was not remembered"
        violations = run_axe(page)
        assert violations == [], report(violations)
        with page.expect_navigation(wait_until="networkidle"):
            page.locator(".md-footer__link--next").click()
        assert page.evaluate(scheme) == "slate", "the next page forgot the choice"
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        assert page.evaluate(scheme) == "default"
        assert not visit.failures and not visit.console_errors
        assert all(local(url, server) for url in visit.requests)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_missing_page_gets_its_languages_404(browser, server, language):
    context = browser.new_context()
    try:
        page = context.new_page()
        url = server.url + language_root(language) + "no-such-page/at/all/"
        visit = Visit(url, "light", url)
        watch(page, visit)
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        assert response.status == 404
        assert page.evaluate("document.documentElement.getAttribute('lang')") == language
        assert visit.failures == [f"HTTP 404 {url}"], "only the page itself may be missing"
        assert all("404" in error for error in visit.console_errors), visit.console_errors
        assert all(local(u, server) for u in visit.requests)
        # the page is styled: its stylesheets loaded from the site's root, not from here
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")\
            != "static"
        violations = run_axe(page)
        assert violations == [], report(violations)
    finally:
        context.close()
