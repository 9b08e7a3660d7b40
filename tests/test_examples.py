"""Every snippet, checked twice.

``test_example``: what a snippet prints must match the ``#>`` comments beside each ``print``,
as pytest-examples checks examples (and ruff lints them).

``test_observed``: everything its page shows, as the build's observer records it (each
statement's prints and SQL, and the state table it declares), on each database it runs on,
must match ``tests/expected/<page>/<example>.<database>.txt``.

``make update-examples`` (``pytest --update-examples``) rewrites both. Test ids are the
snippet paths: ``test_example[flush-and-commit/add_flush_commit.py]``,
``test_observed[flush-and-commit/two_sessions.py-postgresql]``.
"""

from __future__ import annotations

import difflib

import print_check
import pytest
import sqlalchemy
from forked import in_child
from pytest_examples import CodeExample, EvalExample

from sessionguide.blocks.listing import differing_prints
from sessionguide.blocks.page import pages_including
from sessionguide.blocks.transcript import transcript
from sessionguide.paths import ROOT, SNIPPETS
from sessionguide.run.cache import run_cached
from sessionguide.run.examples import DeclarationError
from sessionguide.run.examples import example as declared
from sessionguide.run.isolate import TIMEOUT_ADVICE, run_isolated
from sessionguide.run.transcript import listed_differences, without_version

SNIPPET_NAMES = sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))


def _databases(snippet: str) -> tuple[str, ...]:
    try:
        return declared(snippet).databases
    except DeclarationError:  # the run fails, naming the declaration's file
        return ("sqlite",)


RUNS = [(name, database) for name in SNIPPET_NAMES for database in _databases(name)]
EXPECTED = ROOT / "tests" / "expected"
# The #> comments record SQLAlchemy 2.1's output. In the SQLAlchemy 2.0 stack (Python 3.10, or
# make test SQLALCHEMY=2.0) compare without version numbers, and leave out the examples listed
# as behaving differently (tests/test_sqlalchemy20.py checks that list, from the 2.1 stack).
SQLALCHEMY_20 = sqlalchemy.__version__.startswith("2.0.")


def _where(snippet: str) -> str:
    pages = pages_including(snippet)
    return f"included by {', '.join(pages)}" if pages else "not included by any page"


@pytest.mark.parametrize("snippet", SNIPPET_NAMES)
def test_example(snippet: str, eval_example: EvalExample, tmp_path) -> None:
    path = SNIPPETS / snippet
    source = path.read_text(encoding="utf-8")
    compare_to_21 = SQLALCHEMY_20 and not eval_example.update_examples
    if compare_to_21:
        if listed_differences().get(snippet) == "behaviour":
            pytest.skip("prints differently under SQLAlchemy 2.0 (differs-in-sqlalchemy-2.0.txt)")
        source = without_version(source)
    example = CodeExample.create(source, path=path)
    eval_example.config = print_check.CONFIG
    eval_example.lint_ruff(example)  # from the project root, so ruff reads pyproject.toml
    try:
        mismatch, raised, updated = in_child(
            print_check.check_prints, source, str(path), str(tmp_path),
            eval_example.update_examples, compare_to_21)
    except (TimeoutError, RuntimeError) as error:  # check_prints returns the example's errors
        advice = f" {TIMEOUT_ADVICE}" if isinstance(error, TimeoutError) else ""
        pytest.fail(f"snippets/{snippet} ({_where(snippet)}), under pytest-examples: "
                    f"{error}.{advice}", pytrace=False)
    problem = None
    if updated is not None and updated != source:
        example.source = updated
        eval_example.to_update.append(example)  # written at the end, as pytest-examples does
    if mismatch:
        # A mismatch may be an example that prints something else on every run.
        _fail_unless_reproducible(snippet, "sqlite", transcript(run_isolated(snippet)) + "\n")
        problem = (
            f"snippets/{snippet}: what it prints no longer matches its #> comments "
            f"({_where(snippet)}). If the change is intended, run `make update-examples`.\n"
            f"{mismatch}"
        )
    if raised:
        # pytest-examples gives the exception a traceback of fake frames, which crashes
        # pytest's traceback handling on Python 3.11 (INTERNALERROR). Report a clean run of
        # the snippet instead.
        failure = run_isolated(snippet).failure
        problem = (
            f"snippets/{snippet}:{failure.line}: {failure.message} ({_where(snippet)})\n\n"
            f"{failure.traceback}"
            if failure
            else f"snippets/{snippet} raised under pytest-examples only: {raised}"
        )
    if problem:
        pytest.fail(problem, pytrace=False)


def expected_path(snippet: str, database: str):
    return EXPECTED / f"{snippet.removesuffix('.py')}.{database}.txt"


@pytest.mark.parametrize(("snippet", "database"), RUNS)
def test_observed(snippet: str, database: str, request) -> None:
    if SQLALCHEMY_20:
        pytest.skip("the expected transcripts are SQLAlchemy 2.1's; tests/test_sqlalchemy20.py "
                    "compares 2.0's with them, from the 2.1 stack")
    # From the build's results where they are still valid (the cache's key covers everything
    # a run depends on): `make test`'s build (without ONLY) has just run every example from scratch.
    text = transcript(run_cached(snippet, database)) + "\n"
    path = expected_path(snippet, database)
    updating = request.config.getoption("update_examples")
    if updating or not path.exists() or text != path.read_text(encoding="utf-8"):
        _fail_unless_reproducible(snippet, database, text)
    if updating:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    relative = path.relative_to(ROOT)
    if not path.exists():
        pytest.fail(f"{relative} does not exist: run `make update-examples` to record what "
                    f"snippets/{snippet} shows on {database}", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(),
                                              str(relative), "this run", lineterm=""))
        pytest.fail(f"snippets/{snippet} on {database} no longer shows what {relative} records "
                    f"({_where(snippet)}). If the change is intended, run "
                    f"`make update-examples`.\n{diff}", pytrace=False)


def _fail_unless_reproducible(snippet: str, database: str, first: str) -> None:
    """Run the example again: if it shows something else, no expected output can be recorded,
    and the message says which line varies (before anyone runs `make update-examples`)."""
    second = transcript(run_isolated(snippet, database)) + "\n"
    if second == first:
        return
    a, b = first.splitlines(), second.splitlines()
    n = next(i for i in range(max(len(a), len(b)))
             if i >= len(a) or i >= len(b) or a[i] != b[i])
    pytest.fail(f"snippets/{snippet} is not reproducible on {database}: two runs show different "
                f"output, so its expected output cannot be recorded. The first difference:\n"
                f"  run 1: {a[n] if n < len(a) else '(nothing)'}\n"
                f"  run 2: {b[n] if n < len(b) else '(nothing)'}\n"
                "Print no ids of objects, times, random values or set/dict orders that vary, "
                "and do not depend on threads' timing.", pytrace=False)


def test_no_expected_transcript_is_left_over() -> None:
    wanted = {expected_path(snippet, database) for snippet, database in RUNS}
    extra = sorted(str(p.relative_to(ROOT)) for p in EXPECTED.rglob("*.txt") if p not in wanted)
    assert not extra, f"expected transcripts of no example (delete them): {extra}"


@pytest.mark.parametrize("snippet", [s for s in SNIPPET_NAMES if len(_databases(s)) > 1])
def test_what_the_declaration_says_about_both_databases_is_true(snippet: str) -> None:
    # The build's runs, as test_observed reads them (the cache key covers what a run depends on).
    sqlite, postgresql = (run_cached(snippet, db) for db in ("sqlite", "postgresql"))
    same = not differing_prints(sqlite, postgresql) and not differing_prints(postgresql, sqlite)
    says = declared(snippet).outputs
    assert same == (says == "same"), (
        f"snippets/{snippet} prints {'the same' if same else 'differently'} on SQLite and "
        f"PostgreSQL, but snippets/{snippet.removesuffix('.py')}.yml says `outputs: {says}`")
