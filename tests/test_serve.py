"""make serve: a busy port said in one line before building; a saved change rebuilds the pages
it affects (sessionguide/build/rebuilds.py), reported in one line per rebuild."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sites import make_project, show_block

from sessionguide.build.rebuilds import EVERY_PAGE, pages_to_rebuild, self_titled
from sessionguide.paths import MKDOCS_YML


@pytest.mark.parametrize(("changed", "rebuilt"), [
    (["docs/merge.es.md"], {"merge.es.md", "translation-status.md", "translation-status.es.md"}),
    (["docs/merge.md"], {"merge.md", "merge.es.md", "translation-status.md",
                         "translation-status.es.md"}),
    (["snippets/merge/merge_returns.yml"], {"merge.md", "merge.es.md", "misconceptions.md",
                                            "misconceptions.es.md"}),
    (["docs/stylesheets/sessionguide.css"], set()),
    (["mkdocs.yml"], EVERY_PAGE),
    (["i18n/es.yml"], EVERY_PAGE),
    (["overrides/main.html"], EVERY_PAGE),
    (["snippets/differs-in-sqlalchemy-2.0.txt"], EVERY_PAGE),
])
def test_a_change_rebuilds_the_pages_that_depend_on_it(changed, rebuilt) -> None:
    assert pages_to_rebuild(changed) == rebuilt


def test_a_page_added_or_removed_rebuilds_every_page() -> None:
    assert pages_to_rebuild(["docs/new.md"], added_or_removed={"docs/new.md"}) is EVERY_PAGE


def test_the_pages_the_navigation_names_by_their_own_title() -> None:
    """Their title is in every page's navigation and footer links: a new one rebuilds every
    page (start(); end to end in test_a_saved_change_rebuilds_its_pages_in_one_line_each)."""
    from mkdocs.config import load_config

    assert self_titled(load_config(str(MKDOCS_YML))["nav"]) == {"contributing.md"}
    nav = [{"A": "a.md"}, {"B": ["b.md", {"C": "c.md"}, "/e.md"]}, "d.md", "./f.md",
           {"S": {"T": ["g.md"]}}, {"Out": "https://example.org/"}, "https://example.org/x"]
    assert self_titled(nav) == {"b.md", "d.md", "e.md", "f.md", "g.md"}


@pytest.mark.parametrize(("before", "after", "retitled"), [
    ("# Title\n\nBody.\n", "# Title\n\nBody, edited.\n", False),
    ("# Title\n\nBody.\n", "# New title\n\nBody.\n", True),
    ("---\ntitle: A\n---\n# Title\n", "---\ntitle: B\n---\n# Title\n", True),
    ("---\ntitle: A\n...\n# Title\n", "---\ntitle: B\n...\n# Title\n", True),
    # counted: any edit to the first block, even where MkDocs takes no title from it
    ("---\n# a comment\n---\n# Title\n", "---\n# a comment\n---\n# New\n", True),
    ("\ufeff# Title\n\nBody.\n", "\ufeff# New\n\nBody.\n", True),
    ("Title\n=====\n\nBody.\n", "New\n===\n\nBody.\n", True),
    ("# Title\n\nBody.\n", "Above.\n\n# Title\n\nBody.\n", True),  # named by its file
])
def test_a_new_title_is_told_from_an_edit_below_it(tmp_path, monkeypatch, before, after,
                                                   retitled) -> None:
    from sessionguide.build import rebuilds

    monkeypatch.setattr(rebuilds, "DOCS", tmp_path)
    page = tmp_path / "page.md"
    page.write_text(before, encoding="utf-8")
    read = rebuilds._title_source("page.md")
    page.write_text(after, encoding="utf-8")
    assert (rebuilds._title_source("page.md") != read) is retitled


def test_a_module_no_page_shows_rebuilds_the_pages_of_its_folder() -> None:
    shown = pages_to_rebuild(["snippets/web-apps/no_page_shows_this.py"])
    assert {"web-apps.md", "web-apps.es.md"} <= shown and "merge.md" not in shown


def _serve(project: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1",
           "SESSIONGUIDE_SEARCH": "false"}
    env.pop("SITE_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "sessionguide", "serve", "--port", str(port)],
                            cwd=project, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_busy_port_is_reported_in_one_line_before_building(tmp_path) -> None:
    project = make_project(tmp_path, {"index.md": "# Home\n"}, {})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        server = _serve(project, port)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 1
    assert output.strip().splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use (another make serve?): stop it, "
        f"or run: make serve PORT={port + 1}"]
    assert time.monotonic() - started < 10, "it was reported after building, not before"


def _primary_nav(html: str) -> str:
    return html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - local server
        return response.read().decode("utf-8")


def _until(condition, what: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {limit:g} s")
        time.sleep(0.1)


SNIPPET = 'print("output-before-the-edit")\n#> output-before-the-edit\n'


def test_a_saved_change_rebuilds_its_pages_in_one_line_each(tmp_path) -> None:
    pages = {"index.md": "# Home\n\nThe home page.\n",
             "other.md": "# Other page\n\n" + show_block("other/example.py"),
             "third.md": "# Third page\n\nUntouched.\n",
             "third.es.md": "# Tercera página\n\nSin tocar.\n"}
    project = make_project(tmp_path, pages, {"other/example.py": SNIPPET})
    port = _free_port()
    server = _serve(project, port)
    base = f"http://127.0.0.1:{port}/"
    lines: list[str] = []

    def served(path: str, text: str) -> bool:
        try:
            return text in _get(base + path)
        except OSError:
            return False

    try:
        _until(lambda: served("third/", "Untouched."), "the first build was not served")
        spanish_nav = _primary_nav(_get(base + "es/other/"))
        (project / "docs" / "index.md").write_text("# Home\n\nThe home page, edited.\n")
        _until(lambda: served("", "The home page, edited."), "the prose change was not served")
        snippet = project / "snippets" / "other" / "example.py"
        snippet.write_text(SNIPPET.replace("before", "after"))
        _until(lambda: served("other/", "output-after-the-edit"),
               "the snippet change was not served")
        home = _get(base)
        rebuilt_spanish_nav = _primary_nav(_get(base + "es/other/"))
        # The navigation names third.md by its title: a new one is in every page's. (The next
        # wait proves this rebuild ended: SIGTERM would cut it short, summary line and all.)
        (project / "docs" / "third.md").write_text("# Third page, renamed\n\nUntouched.\n")
        _until(lambda: served("other/", "Third page, renamed"),
               "a new heading did not reach the other pages' navigation")
        (project / "docs" / "third.es.md").write_text("# Tercera página\n\nEditada.\n")
        _until(lambda: served("es/third/", "Editada."), "the translation's change was not served")
    finally:
        with contextlib.suppress(ProcessLookupError):  # it ended already: its output says why
            os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
        lines = output.splitlines()
    assert "Shutting down..." in output, "SIGTERM did not end the server as Ctrl-C does"
    # A Spanish page rebuilt alone has the navigation the full build gave it.
    assert rebuilt_spanish_nav == spanish_nav
    # The pages left as they were keep their titles in the navigation of those rebuilt.
    assert "Third page" in home and "Other page" in home and ">None<" not in home
    rebuilt = [line for line in lines if "changed: rebuilt" in line]
    # Each page in both languages (index and other have no Spanish page: English is shown).
    assert any("docs/index.md changed: rebuilt 2 pages (/, /es/) in" in line
               for line in rebuilt), lines
    assert any("snippets/other/example.py changed: rebuilt 2 pages (/other/, /es/other/) in"
               in line for line in rebuilt), lines
    # A translation alone: its English page does not show it.
    assert any("docs/third.es.md changed: rebuilt 1 page (/es/third/) in" in line
               for line in rebuilt), lines
    assert any("docs/third.md changed: rebuilt 6 pages (" in line for line in rebuilt), lines
    assert any("built 6 pages in" in line for line in lines), lines
    # One line per rebuild: none of MkDocs' or mkdocs-static-i18n's INFO lines.
    chatter = [line for line in lines if "Building documentation" in line
               or "Documentation built" in line or "mkdocs_static_i18n" in line
               or "Detected file changes" in line]
    assert not chatter, lines


def test_the_serve_log_keeps_warnings_and_its_own_lines_only() -> None:
    from sessionguide.build.serve_log import _filter

    def record(level: int, message: str, **extra) -> logging.LogRecord:
        made = logging.LogRecord("mkdocs.commands.build", level, __file__, 1, message, (), None)
        made.__dict__.update(extra)
        return made

    assert _filter.filter(record(logging.WARNING, "Doc file 'a.md' contains a link ..."))
    assert _filter.filter(record(logging.ERROR, "Error reading page 'a.md'"))
    assert _filter.filter(record(logging.INFO, "[12:00:00] Serving on http://127.0.0.1:8000/"))
    assert _filter.filter(record(logging.INFO, "rebuilt 1 page", sessionguide=True))
    assert not _filter.filter(record(logging.INFO, "Building documentation..."))
    assert not _filter.filter(record(logging.INFO, "mkdocs_static_i18n: Overriding 'es' ..."))
    assert not _filter.filter(record(logging.WARNING, "A 'dirty' build is being performed, ..."))


@pytest.mark.parametrize(("value", "dirty"), [(None, False), ("true", False), ("false", True),
                                              ("False", True), ("off", True)])
def test_only_a_serve_without_the_search_index_rebuilds_pages_alone(monkeypatch, value,
                                                                     dirty) -> None:
    from sessionguide.dev.serve import searching

    if value is None:
        monkeypatch.delenv("SESSIONGUIDE_SEARCH", raising=False)
    else:
        monkeypatch.setenv("SESSIONGUIDE_SEARCH", value)
    assert searching() is not dirty
