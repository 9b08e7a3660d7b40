"""Bad input fails loudly and names the file; examples never see each other's state.

Each test builds a small fixture site (tests/sites.py) with pages and snippets of its own.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from sites import build, make_project, run, run_examples, show_block

from sessionguide.run.runner import run_snippet

RAISES = "x = 1\ny = 0\nprint(x / y)\n"


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory) -> str:
    project = make_project(
        tmp_path_factory.mktemp("broken"),
        pages={
            "index.md": "# Home\n\n[fine](broken.md)\n",
            "broken.md": ("# Broken\n\n" + show_block("broken/raises.py") + "\n"
                          + show_block("broken/gone.py")),
            "links.md": "# Links\n\n[a](nowhere.md) and [b](index.md#no-such-anchor)\n",
        },
        snippets={"broken/raises.py": RAISES},
    )
    result = build(project)
    assert result.returncode != 0, "a strict build with broken pages must fail"
    return result.stdout + result.stderr


def test_raising_example_fails_build_naming_snippet_line_and_page(broken_build: str) -> None:
    assert "snippets/broken/raises.py:3: ZeroDivisionError: division by zero" in broken_build
    assert "(included by docs/broken.md)" in broken_build


def test_missing_snippet_fails_build_naming_page(broken_build: str) -> None:
    assert "snippets/broken/gone.py does not exist (included by docs/broken.md)" in broken_build


def test_broken_link_and_anchor_fail_build(broken_build: str) -> None:
    assert "'links.md' contains a link 'nowhere.md'" in broken_build
    assert "does not contain an anchor '#no-such-anchor'" in broken_build


def test_results_from_worker_processes_are_filled_in_and_failures_named(tmp_path: Path) -> None:
    """Enough examples to run in worker processes: the pages are rendered meanwhile, and
    each example's output is filled in afterwards (sessionguide/deferred.py)."""
    snippets = {f"many/twice_{n}.py": f'print(f"{{{n} * 2=}}")\n' for n in range(9)}
    snippets["many/raises.py"] = RAISES
    page = "# Home\n\n" + "".join(map(show_block, snippets))
    project = make_project(tmp_path, {"index.md": page}, snippets)
    result = build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "snippets/many/raises.py:3: ZeroDivisionError: division by zero" in output
    assert "(included by docs/index.md)" in output
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "sessionguide-later" not in page  # every placeholder filled in
    assert all(f"{n} * 2={n * 2}" in page for n in range(9))
    assert "This example failed" in page  # what mkdocs serve shows in its place


def test_missing_include_fails_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"index.md": '# Home\n\n--8<-- "nope/missing.txt"\n'}, {})
    result = build(project)
    assert result.returncode != 0
    assert "Error reading page 'index.md'" in result.stderr
    assert "Snippet at path 'nope/missing.txt' could not be found" in result.stderr


@pytest.fixture(scope="module")
def harness_run(tmp_path_factory) -> subprocess.CompletedProcess[str]:
    """tests/test_examples.py run on a fixture with a stale and a raising example."""
    stale = 'print(f"{1 + 1=}")\n#> 1 + 1=3\n'
    project = make_project(
        tmp_path_factory.mktemp("harness"),
        pages={"index.md": ("# Home\n\n" + show_block("page/stale.py")
                            + show_block("page/raises.py"))},
        snippets={"page/stale.py": stale, "page/raises.py": RAISES},
    )
    return run(project, "pytest", "tests/test_examples.py::test_example", "-p", "no:cacheprovider")


def test_changed_output_fails_its_test_naming_snippet_and_page(harness_run) -> None:
    out = harness_run.stdout
    assert "snippets/page/stale.py: what it prints no longer matches its #> comments" in out
    assert "(included by docs/index.md)" in out
    assert "+#> 1 + 1=2" in out


def test_raising_example_is_one_ordinary_failure(harness_run) -> None:
    # On Python 3.11, pytest-examples alone turns this into an INTERNALERROR (exit code 3).
    out = harness_run.stdout
    assert harness_run.returncode == 1, out + harness_run.stderr
    assert "INTERNALERROR" not in out + harness_run.stderr
    assert "snippets/page/raises.py:3: ZeroDivisionError: division by zero" in out
    assert re.search(r"\b2 failed\b", out)


LEAKY = """\
import os
import sqlite3

connection = sqlite3.connect("relative.db")
connection.execute("CREATE TABLE IF NOT EXISTS runs (n INTEGER)")
connection.execute("INSERT INTO runs VALUES (1)")
connection.commit()
runs = connection.execute("SELECT count(*) FROM runs").fetchone()[0]
connection.close()
print(f"{runs=} {__name__=}")
print(f"{'leftover' in globals()=}")
leftover = True
"""


def test_example_sees_nothing_left_by_earlier_runs(tmp_path: Path) -> None:
    project = make_project(
        tmp_path,
        pages={"index.md": "# Home\n\n" + show_block("page/leaky.py")},
        snippets={"page/leaky.py": LEAKY},
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    # The English and the Spanish build ran the example in one process; the second run did
    # not see the first one's database file or globals.
    en = (project / "site/index.html").read_text(encoding="utf-8")
    es = (project / "site/es/index.html").read_text(encoding="utf-8")
    for html in (en, es):
        assert "runs=1 __name__=&#x27;__main__&#x27;" in html
        assert "&#x27;leftover&#x27; in globals()=False" in html
    assert not list(project.rglob("relative.db")), "the example's file was left behind"


def test_run_snippet_twice_in_one_process_prints_the_same() -> None:
    first = run_snippet("flush-and-commit/add_flush_commit.py")
    second = run_snippet("flush-and-commit/add_flush_commit.py")
    assert first.failure is None and first.events
    assert first.events == second.events


SEES_GARBAGE = """\
import gc
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    gc.collect()
print(f"{[str(w.message) for w in caught]=}")
"""

LEAVES_GARBAGE = """\
import gc
import warnings

from sessionguide.run import runner


class Unclosed:  # like an sqlite3 connection nobody closed, on Python 3.13
    def __del__(self):
        warnings.warn("left behind by earlier code", ResourceWarning)


gc.disable()  # only an explicit collection finalizes it, so the test is deterministic
cycle = Unclosed()
cycle.itself = cycle
del cycle
print([event.value for event in runner.run_snippet("page/sees_garbage.py").events])
"""


def test_example_does_not_see_garbage_left_by_earlier_code(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"index.md": "# Home\n"},
                           {"page/sees_garbage.py": SEES_GARBAGE})
    (project / "leaves_garbage.py").write_text(LEAVES_GARBAGE)
    result = run(project, "leaves_garbage")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['[str(w.message) for w in caught]=[]']"


def test_update_examples_places_output_of_loops_under_each_print(tmp_path: Path) -> None:
    loop = 'for n in range(2):\n    print(f"{n=}")\n    print(f"{n * 10=}")\n'
    project = make_project(tmp_path, {"index.md": "# Home\n"}, {"page/loop.py": loop})
    for _ in range(2):  # the second update must find nothing left to change
        run_examples(project, "--update-examples")
    assert (project / "snippets/page/loop.py").read_text() == (
        'for n in range(2):\n    print(f"{n=}")\n    #> n=0\n    #> n=1\n'
        '    print(f"{n * 10=}")\n    #> n * 10=0\n    #> n * 10=10\n'
    )
    check = run_examples(project)
    assert check.returncode == 0, check.stdout


WARNS = """\
import warnings

warnings.warn("shown to the reader", UserWarning)
print("after")
"""


def test_a_warning_the_example_triggers_is_shown_where_it_happened(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"index.md": "# Home\n"}, {"page/warns.py": WARNS})
    (project / "runs_it.py").write_text(
        "from sessionguide.run import runner\n"
        "for event in runner.run_snippet('page/warns.py').events:\n"
        "    print(event.kind, event.step, repr(event.value))\n")
    result = run(project, "runs_it")
    assert result.returncode == 0, result.stderr
    # as `python warns.py` prints it on stderr, under the line that warned, before the print
    assert result.stdout.splitlines() == [
        "err 1 'warns.py:3: UserWarning: shown to the reader\\n"
        "  warnings.warn(\"shown to the reader\", UserWarning)'",
        "out 2 'after'"]
