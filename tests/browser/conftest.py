"""Fixtures of the browser tests: the built site served on 127.0.0.1, one Chromium, visits.

Each test module starts with ``require_chromium()``: without Chromium they are skipped, with
one reason, and the rest of the suite runs.
"""

from __future__ import annotations

import pytest
from sites import built_site

from .harness import (
    SCHEMES,
    SiteServer,
    Visits,
    find_chromium,
    language_of,
    launch,
    pages_with_examples,
    site_pages,
)

WANTED = pytest.StashKey[set]()
VISITS = pytest.StashKey[Visits]()


def page_id(path: str) -> str:
    return f"{language_of(path, built_site())}:/{path}"


def pytest_generate_tests(metafunc) -> None:
    if "page_path" in metafunc.fixturenames:
        paths = site_pages(built_site())
        metafunc.parametrize("page_path", paths, ids=[page_id(p) for p in paths])
    if "example_page" in metafunc.fixturenames:
        paths = pages_with_examples(built_site())
        metafunc.parametrize("example_page", paths, ids=[page_id(p) for p in paths])
    # Both palettes, unless the test names its own (@pytest.mark.parametrize("scheme", ...)).
    marks = metafunc.definition.iter_markers("parametrize")
    own = any("scheme" in str(mark.args[0]) for mark in marks)
    if "scheme" in metafunc.fixturenames and not own:
        metafunc.parametrize("scheme", list(SCHEMES))


def pytest_collection_modifyitems(config, items) -> None:
    """Note which visits the selected tests read, to make them all in one batch."""
    wanted = set()
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        path = params.get("page_path", params.get("example_page"))
        if "visits" in getattr(item, "fixturenames", ()) and path is not None:
            wanted.add((path, params.get("scheme", "light")))
    config.stash[WANTED] = wanted


@pytest.fixture(scope="package")
def site():
    return built_site()


@pytest.fixture(scope="package")
def server(site):
    server = SiteServer(site)
    yield server
    server.close()


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright, find_chromium())
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def visits(request, browser, server, site):
    visits = Visits(browser, server, site, request.config.stash.get(WANTED, set()))
    request.config.stash[VISITS] = visits
    return visits


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Page weight: the home page and the heaviest page of each language, first load."""
    visits = config.stash.get(VISITS, None)
    if visits is None:
        return
    weighed = [v for v in visits.done.values() if v.weight]
    if not weighed:
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "page weight: first load, every response gzip-compressed")
    languages = sorted({language_of(v.path, visits.site) for v in weighed},
                       key=lambda lang: (lang != "en", lang))
    for language in languages:
        own = [v for v in weighed if language_of(v.path, visits.site) == language]
        home = next((v for v in own if v.path in ("", f"{language}/")), None)
        heaviest = max(own, key=lambda v: v.weight[0])
        for what, visit in (("home", home), ("heaviest", heaviest)):
            if visit is None:
                continue
            gz, raw, count = visit.weight
            write(f"{language} {what:<8} /{visit.path:<32} {gz / 1024:7.1f} KiB "
                  f"({raw / 1024:.1f} KiB uncompressed, {count} responses)")
    write(f"(browser visits: {len(visits.done)} page loads in {visits.seconds:.0f} s)")
