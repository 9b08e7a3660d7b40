"""Fixtures of the browser tests: pytest-playwright's, set up for Debian's Chromium; the built
site served on 127.0.0.1; the page visits; the runner of copied examples.

Without Chromium, the whole package is skipped here, with one reason, and the rest of the
suite runs.

pytest-playwright's ``browser_type_launch_args`` and ``browser_context_args`` are overridden
(Debian's Chromium, its flags, a 1280x800 viewport and the test server as ``base_url``), and
its ``new_context``, ``context`` and ``page`` fixtures are used as they are by the tests that
open a page of their own (so --tracing, --screenshot and --video work for them). Its
``playwright`` and ``browser`` fixtures are overridden for one reason only, their scope:
Playwright's sync API keeps an asyncio event loop running in this thread while it is started,
and later tests of the session that call ``asyncio.run()`` (in this process or in a fork of
it, as tests/test_examples.py runs every async example) would fail with "asyncio.run() cannot
be called from a running event loop". Here Playwright starts with this package and stops with
it. The page visits (``visits``) launch Chromium with the same ``browser_type_launch_args``
and ``browser_context_args``, through the async API in a thread of their own, to drive two
pages at a time.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _pytest.reports import CollectReport
from sites import built_site

from . import chromium
from .inventory import Inventory
from .programs import Runner
from .server import SiteServer
from .visits import DESKTOP, SCHEMES, Visits

CHROMIUM = chromium.find()
HERE = Path(__file__).parent

WANTED = pytest.StashKey[set]()
VISITS = pytest.StashKey[Visits]()
RUNNER = pytest.StashKey[Runner]()
DURATION = pytest.StashKey[float]()  # seconds the package's tests took
PAGE_PARAMETERS = {
    "page_path": lambda inventory: inventory.pages,
    "example_page": lambda inventory: inventory.pages_with_examples,
    "home_page": lambda inventory: inventory.homes(),
}


# --- without Chromium: one skip, with its reason ---------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_make_collect_report(collector):
    """Without Chromium, this package is collected as skipped, saying why (once: its tests are
    not collected at all). The rest of the suite runs."""
    if CHROMIUM is not None or not isinstance(collector, (pytest.Package, pytest.Module)):
        return None
    if collector.path != HERE and HERE not in collector.path.parents:
        return None
    if _files_named(collector.config):
        return None  # the named tests are skipped instead, by _needs_chromium
    return CollectReport(collector.nodeid, "skipped",
                         (str(collector.path), 0, f"Skipped: {chromium.missing_reason()}"), [])


def _files_named(config) -> bool:
    """Whether the command line names files or tests inside this package."""
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::", 1)[0]).resolve()
        if HERE in path.parents:
            return True
    return False


@pytest.fixture(scope="package", autouse=True)
def _needs_chromium():
    """Without Chromium, the tests named on the command line are skipped, saying why."""
    if CHROMIUM is None:
        pytest.skip(chromium.missing_reason())


# --- which pages, which palettes ------------------------------------------------------------


def pytest_generate_tests(metafunc) -> None:
    if CHROMIUM is None:  # skipped: no need to build the site to list its pages
        for name in PAGE_PARAMETERS:
            if name in metafunc.fixturenames:
                metafunc.parametrize(name, ["(no Chromium)"])
        return
    inventory = Inventory(built_site())
    for name, paths in PAGE_PARAMETERS.items():
        if name in metafunc.fixturenames:
            found = paths(inventory)
            metafunc.parametrize(name, found, ids=[inventory.page_id(p) for p in found])
    # Both palettes, unless the test names its own (@pytest.mark.parametrize("scheme", ...)).
    marks = metafunc.definition.iter_markers("parametrize")
    own = any("scheme" in str(mark.args[0]) for mark in marks)
    if "scheme" in metafunc.fixturenames and not own:
        metafunc.parametrize("scheme", list(SCHEMES))


def pytest_collection_finish(session) -> None:
    """Note which visits the selected tests (after -k and the like) read, to make those of a
    batch together (visits.py, Visits.get)."""
    config = session.config
    wanted = set()
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        path = next((params[name] for name in PAGE_PARAMETERS if name in params), None)
        if "visits" in getattr(item, "fixturenames", ()) and path is not None:
            wanted.add((path, params.get("scheme", "light")))
    config.stash[WANTED] = wanted


# --- pytest-playwright, for Debian's Chromium -----------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": chromium.ARGS}


@pytest.fixture(scope="package")
def browser_context_args(server):
    return {"viewport": DESKTOP, "base_url": server.url}


@pytest.fixture(scope="package")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="package")
def browser(playwright, browser_type_launch_args, browser_name):
    if browser_name != "chromium":
        pytest.skip("the browser tests run Debian's Chromium only")
    launched = playwright.chromium.launch(**browser_type_launch_args)
    yield launched
    launched.close()


# --- the site, its server, the visits -------------------------------------------------------


@pytest.fixture(scope="package")
def inventory(site) -> Inventory:
    return Inventory(site)


@pytest.fixture(scope="package")
def server(inventory):
    served = SiteServer(inventory)
    yield served
    served.close()


@pytest.fixture(scope="package")
def runner(request):
    started = Runner()
    request.config.stash[RUNNER] = started
    yield started
    started.close()


@pytest.fixture(scope="package")
def visits(request, browser_type_launch_args, browser_context_args, browser_name, server,
           inventory, runner):
    """The page visits (visits.py), which drive a browser of their own with the same launch
    arguments, through Playwright's async API, to load two pages at a time."""
    if browser_name != "chromium":
        pytest.skip("the browser tests run Debian's Chromium only")
    made = Visits(browser_type_launch_args, browser_context_args, server, inventory, runner,
                  request.config.stash.get(WANTED, set()))
    request.config.stash[VISITS] = made
    return made


# --- the summary: page weight, and what took the time ---------------------------------------


@pytest.fixture(scope="package", autouse=True)
def _timed(request):
    """How long this package's tests take, from its first test's set-up to its last teardown."""
    started = time.monotonic()
    yield
    request.config.stash[DURATION] = time.monotonic() - started


# Under pytest-xdist (make test runs two workers) each worker visits its batch of pages and
# sends these lines to the controller, which prints them (tests/conftest.py).
SUMMARY = "browser_summary"


def _summary(config) -> list[tuple[str, str]]:
    """("sep", title) and ("line", text) entries: page weight, and where the time went."""
    visits = config.stash.get(VISITS, None)
    if visits is None:
        return []
    out: list[tuple[str, str]] = []
    worker = getattr(config, "workerinput", {}).get("workerid")  # pytest-xdist's gw0, gw1
    in_worker = f", pages visited in {worker}" if worker else ""
    weighed = [v for v in visits.done.values() if v.weight]
    if weighed:
        out.append(("sep", "page weight: first load, every response gzip-compressed" + in_worker))
        inventory = visits.inventory
        for language in inventory.languages:
            own = [v for v in weighed if inventory.language_of(v.path) == language]
            if not own:
                continue
            home = next((v for v in own if v.path == inventory.language_root(language)), None)
            heaviest = max(own, key=lambda v: v.weight[0])
            for what, visit in (("home", home), ("heaviest", heaviest)):
                if visit is None:
                    continue
                gz, raw, count = visit.weight
                out.append(("line", f"{language} {what:<8} /{visit.path:<32} "
                                    f"{gz / 1024:7.1f} KiB ({raw / 1024:.1f} KiB uncompressed, "
                                    f"{count} responses)"))
    out.append(("sep", "browser suite: where the time went" + in_worker))
    out.append(("line", f"browser: {CHROMIUM}"))
    out.append(("line", f"page visits: {len(visits.done)} (page, palette) loads in "
                        f"{visits.seconds:.0f} s, two pages at a time"))
    stages: dict[str, float] = {}
    for visit in visits.done.values():
        for name, seconds in visit.timings.items():
            stages[name] = stages.get(name, 0) + seconds
    out.append(("line", "stages (summed over visits): " + ", ".join(
        f"{name} {seconds:.1f} s"
        for name, seconds in sorted(stages.items(), key=lambda x: -x[1]))))
    slowest = sorted(visits.done.values(), key=lambda v: -v.seconds)[:3]
    out.append(("line", "slowest visits: " + ", ".join(
        f"/{v.path} {v.scheme} {v.seconds:.1f} s" for v in slowest)))
    runner = config.stash.get(RUNNER, None)
    if runner is not None and runner.runs:
        ran = [f.result() for f in runner.runs.values() if f.done() and not f.exception()]
        # A run in a new interpreter (the environment changed, reader_server.py) is slow.
        slow = (f", {runner.server.new_interpreters} in a new interpreter"
                if runner.server.new_interpreters else "")
        out.append(("line", f"copied examples: {len(runner.runs)} distinct programs run, "
                            f"{sum(r.seconds for r in ran):.0f} s of runs (beside the visits)"
                            f"{slow}"))
    took = config.stash.get(DURATION, None)
    # Not in a pytest-xdist worker: there this package's tests alternate with others', and
    # its fixtures are set up again each time, so no span covers them all.
    if took is not None and worker is None:
        out.append(("line", f"tests/browser: {took:.0f} s from its first test to its last"))
    return out


def pytest_sessionfinish(session) -> None:
    if hasattr(session.config, "workeroutput"):  # an xdist worker: tests/conftest.py prints it
        session.config.workeroutput[SUMMARY] = _summary(session.config)


def pytest_terminal_summary(terminalreporter, config) -> None:
    from conftest import print_summary  # tests/conftest.py, which prints the workers' too

    print_summary(terminalreporter, _summary(config))
