"""pytest-examples' print check of one snippet, as a function a fresh child process calls.

``check_prints`` runs the snippet with ``print`` mocked, as ``EvalExample.run_print_check`` and
``run_print_update`` do (but without pytest's assertion rewriting, which needs the pytest
session: the snippets hold no ``assert``, and a failing one is reported from a clean run
anyway), and returns what those would report: the mismatch, the error, the updated source. It
is a module-level function of plain arguments (no pytest request), so that ``forked.in_child``
can send it to a child of the fork server; each child imports this module.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_examples.run_code as run_code
from pytest_examples import CodeExample
from pytest_examples.config import ExamplesConfig

from sessionguide.run.sql_capture import capture_sql
from sessionguide.run.transcript import without_version

# How test_example lints and runs every snippet.
CONFIG = ExamplesConfig(line_length=88, target_version="py311")

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


def check_prints(source: str, path: str, directory: str, update: bool,
                 compare_without_version: bool) -> tuple[str | None, str | None, str | None]:
    """(mismatch, error, updated source) of running ``source`` (the snippet at ``path``) in
    ``directory``: the source with its ``#>`` comments rewritten when ``update``, else a
    mismatch if they differ from what it prints (ignoring version numbers when
    ``compare_without_version``). Changes this process for good: call it in a child."""
    example = CodeExample.create(source, path=Path(path))
    run_code.InsertPrintStatements._insert_print_statements = (
        _insert_without_version if compare_without_version else _insert_in_line_order)
    run_code.remove_old_print = _remove_all_old_output
    os.chdir(directory)  # where the snippet's files (app.db) go
    python_file = Path(directory) / f"{example.module_name}.py"
    python_file.write_text(source, encoding="utf-8")
    try:
        # echo=True would otherwise leave SQLAlchemy's stdout handler behind.
        with capture_sql(lambda text: None):
            insert_print, _ = run_code.run_code(
                example=example, python_file=python_file, loader=None, config=CONFIG,
                enable_print_mock=True, print_callback=None, include_print=None,
                module_globals=None, call=None)
        if update:
            return None, None, insert_print.updated_print_statements(example) or source
        insert_print.check_print_statements(example)
    except pytest.fail.Exception as mismatch:
        return mismatch.msg, None, None
    except Exception as error:  # noqa: BLE001 - reported by the test, from a clean run
        return None, f"{type(error).__name__}: {error}", None
    return None, None, source
