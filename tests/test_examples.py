"""Every snippet, checked as pytest-examples checks examples.

What a snippet prints must match the ``#>`` comments beside each ``print``;
``make update-examples`` (``pytest --update-examples``) rewrites them. The SQL an example logs
is not in those comments: the page shows it from the build's own run, and the ``StateTable``
that a snippet prints records which statements each step sent. Test ids are the snippet paths:
``test_example[flush-and-commit/add_flush_commit.py]``.
"""

from __future__ import annotations

import pytest
import pytest_examples.run_code as run_code
import sqlalchemy
from pytest_examples import CodeExample, EvalExample

from sessionguide.blocks.page import pages_including
from sessionguide.paths import SNIPPETS
from sessionguide.run.runner import collect_leftovers, run_snippet
from sessionguide.run.sql_capture import capture_sql
from sessionguide.run.transcript import listed_differences, without_version

SNIPPET_NAMES = sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))
# The #> comments record SQLAlchemy 2.1's output. In the SQLAlchemy 2.0 stack (Python 3.10, or
# make test SQLALCHEMY=2.0) compare without version numbers, and leave out the examples listed
# as behaving differently (tests/test_sqlalchemy20.py checks that list, from the 2.1 stack).
SQLALCHEMY_20 = sqlalchemy.__version__.startswith("2.0.")


# pytest-examples writes each print's output under its line, assuming prints run top to bottom
# and each line's output is one block. Loops and with-blocks break both assumptions; these two
# replacements make it group every line's output, in print order, under that line.
_insert_print_statements = run_code.InsertPrintStatements._insert_print_statements


def _insert_in_line_order(self, example):
    self.print_func.statements.sort(key=lambda statement: statement.line_no)
    return _insert_print_statements(self, example)


def _insert_without_version(self, example):
    return without_version(_insert_in_line_order(self, example))


def _remove_all_old_output(lines: list[str], line_index: int) -> None:
    while line_index + 1 < len(lines):
        following = lines[line_index + 1]
        if run_code.comment_prefix_re.search(following):
            del lines[line_index + 1]
        elif run_code.triple_quotes_prefix_re.search(following):
            end = next(
                i for i in range(line_index + 2, len(lines))
                if run_code.triple_quotes_prefix_re.search(lines[i])
            )
            del lines[line_index + 1 : end + 1]
        else:
            return


def _where(snippet: str) -> str:
    pages = pages_including(snippet)
    return f"included by {', '.join(pages)}" if pages else "not included by any page"


@pytest.mark.parametrize("snippet", SNIPPET_NAMES)
def test_example(snippet: str, eval_example: EvalExample, tmp_path, monkeypatch) -> None:
    path = SNIPPETS / snippet
    source = path.read_text(encoding="utf-8")
    compare_to_21 = SQLALCHEMY_20 and not eval_example.update_examples
    if compare_to_21:
        if listed_differences().get(snippet) == "behaviour":
            pytest.skip("prints differently under SQLAlchemy 2.0 (differs-in-sqlalchemy-2.0.txt)")
        source = without_version(source)
    example = CodeExample.create(source, path=path)
    eval_example.set_config(line_length=88, target_version="py311")
    eval_example.lint_ruff(example)  # from the project root, so ruff reads pyproject.toml
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        run_code.InsertPrintStatements, "_insert_print_statements",
        _insert_without_version if compare_to_21 else _insert_in_line_order,
    )
    monkeypatch.setattr(run_code, "remove_old_print", _remove_all_old_output)

    problem = raised = None
    collect_leftovers()
    try:
        # echo=True would otherwise leave SQLAlchemy's stdout handler behind for later tests.
        with capture_sql(lambda text: None):
            if eval_example.update_examples:
                eval_example.run_print_update(example)
            else:
                eval_example.run_print_check(example)
    except pytest.fail.Exception as mismatch:
        problem = (
            f"snippets/{snippet}: what it prints no longer matches its #> comments "
            f"({_where(snippet)}). If the change is intended, run `make update-examples`.\n"
            f"{mismatch.msg}"
        )
    except Exception as error:  # noqa: BLE001
        raised = f"{type(error).__name__}: {error}"
    if raised:
        # pytest-examples gives the exception a traceback of fake frames, which crashes
        # pytest's traceback handling on Python 3.11 (INTERNALERROR). Report a clean run of
        # the snippet instead, started outside the except block so that no exception chains
        # to the fake traceback.
        failure = run_snippet(snippet).failure
        problem = (
            f"snippets/{snippet}:{failure.line}: {failure.message} ({_where(snippet)})\n\n"
            f"{failure.traceback}"
            if failure
            else f"snippets/{snippet} raised under pytest-examples only: {raised}"
        )
    if problem:
        pytest.fail(problem, pytrace=False)
