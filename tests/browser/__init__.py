"""Browser tests: the built site in Debian's Chromium, through pytest-playwright.

A package, so that its fixtures end with it: Playwright's event loop must not outlive these
tests, or later tests that call asyncio.run() in this process fail (see conftest.py).

    chromium.py    which Chromium, with which flags; the reason for skipping without one
    inventory.py   the built site's pages, languages, counterparts and source files
    server.py      the static server the pages are loaded from
    visits.py      one visit per (page, palette), in stages, two pages at a time
    scripts.py     loads the JavaScript run in pages: js/*.js, one function per file
    axe.py         axe-core in a page
    programs.py    runs a copied program as a reader does, splits its output
    reader_server.py  the fork server programs.py runs them in (the reader's Python, stdlib only)
    checks.py      what the test modules share (a visit's records, naming the page)
    test_*.py      the checks, by concern
"""
