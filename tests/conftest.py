"""Shared fixtures: the project root, and the built site; the browser tests' summary."""

import ast
import functools
import os
from pathlib import Path

import pytest
from browser.inventory import Inventory
from sites import built_site, given_site

ROOT = Path(__file__).resolve().parent.parent
# The browser's Python, which every build copies into its site: where `make
# vendor-browser-runtime` put it (the Makefile sets this too), also for a plain `pytest` run
# and the fixture projects' builds (a build without it fails, saying to run that target).
os.environ.setdefault("SESSIONGUIDE_BROWSER_RUNTIME", str(ROOT / "build" / "pyodide"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist with --dist loadgroup (make test), the browser tests that read the
    page visits of one batch (tests/browser/visits.py: the visits of a batch's pages are made
    together) go to one worker together; every other test file goes wherever there is room.
    (Not with xdist_group marks: pytest-xdist 3.8 marks a group by rewriting
    ``item._nodeid``, which pytest 9.2's nodes no longer read.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class VisitsTogether(LoadGroupScheduling):
        # The other tests by file, so that a module's fixture (a fixture project's build, a
        # server) is made in one worker, not in both.
        def _split_scope(self, nodeid: str) -> str:
            if _reads_visits(nodeid):
                return f"page-visits-{_visit_batches().get(Inventory.page_in(nodeid), 0)}"
            return nodeid.split("::", 1)[0]

    return VisitsTogether(config, log)


@functools.cache
def _visit_batches() -> dict[str, int]:
    """Each page's batch of visits, from the site make test built (SITE_DIR). Without it, one
    group: the workers build a site each, and the controller does not build a third."""
    given = given_site()  # the workers' built_site() is this one
    return Inventory(given).visit_batches if given is not None else {}


def _reads_visits(nodeid: str) -> bool:
    path, _, rest = nodeid.partition("::")
    return (path, rest.split("[", 1)[0]) in _visit_readers()


@functools.cache
def _visit_readers() -> set[tuple[str, str]]:
    """(file, test) for every browser test that takes the ``visits`` or ``runner`` fixture."""
    found = set()
    for path in sorted((ROOT / "tests" / "browser").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and {
                    "visits", "runner"} & {arg.arg for arg in node.args.args}:
                found.add((path.relative_to(ROOT).as_posix(), node.name))
    return found


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site() -> Path:
    """The site `make test` built (SITE_DIR), or one built once for this test session."""
    return built_site()


# The browser tests' summary (tests/browser/conftest.py), from the pytest-xdist worker that
# made the page visits: the controller collects no tests, so it never loads that conftest.
_browser_summary: list[tuple[str, str]] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    _browser_summary.extend(getattr(node, "workeroutput", {}).get("browser_summary", []))


def pytest_terminal_summary(terminalreporter) -> None:
    print_summary(terminalreporter, _browser_summary)


def print_summary(terminalreporter, entries: list[tuple[str, str]]) -> None:
    for kind, text in entries:
        if kind == "sep":
            terminalreporter.write_sep("=", text)
        else:
            terminalreporter.write_line(text)
