"""What pages show: copyable examples, generated figures, the layout on a phone."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from .harness import PHONE_WIDTH, Visit, require_chromium

require_chromium()


def visited(visits, page_path: str, scheme: str) -> Visit:
    visit = visits.get(page_path, scheme)
    if visit.error:
        pytest.fail(f"visiting {visit.url} ({scheme}) failed:\n{visit.error}")
    return visit


def test_generated_figures_render(visits, page_path):
    """Every diagram and state table is drawn, visible and not empty."""
    facts = visited(visits, page_path, "light").facts
    for diagram in facts["diagrams"]:
        assert diagram["shown"], f"diagram not visible: {diagram}"
        assert min(diagram["size"]) > 50 and min(diagram["drawn"]) > 50, diagram
        assert diagram["texts"] > 0 and diagram["shapes"] > 0, f"empty diagram: {diagram}"
        assert diagram["name"], "diagram without a title"
    for table in facts["tables"]:
        assert table["shown"], f"state table not visible: {table}"
        assert min(table["size"]) > 20, table
        assert table["headers"] > 0 and table["rows"] > 0 and table["text"] > 0, table


@pytest.mark.parametrize("scheme", ["dark"])  # measured in the dark visit, after axe-core
def test_no_sideways_scrolling_on_a_phone(visits, page_path, scheme):
    """At 375 px the page does not scroll sideways; wide tables and code scroll in their box."""
    phone = visited(visits, page_path, scheme).phone
    assert phone["width"] == PHONE_WIDTH
    assert phone["scrollWidth"] <= PHONE_WIDTH, f"the page is {phone['scrollWidth']} px wide"
    assert not phone["problems"], "wider than the screen:\n" + "\n".join(phone["problems"])


def examples(visits, page_path) -> list[dict]:
    found = visited(visits, page_path, "light").examples
    assert found, "the page shows examples, but none was found in the browser"
    return found


def test_copy_button_copies_the_program_without_its_output(visits, example_page):
    for example in examples(visits, example_page):
        name = example["file"] or f"example {example['index'] + 1}"
        copied = example["copied"]
        assert copied.strip(), f"{name}: the copy button copied nothing"
        assert copied.rstrip() == example["code"].rstrip(), f"{name}: copy differs from the code"
        assert "#>" not in copied, f"{name}: the copy holds expected-output comments"
        if example["caption"]:
            assert example["caption"] not in copied
        # No line the example printed or logged is a line of the copy (code may quote SQL).
        code_lines = {line.strip() for line in copied.splitlines()}
        leaked = [line for line in example["output"] if line in code_lines]
        assert not leaked, f"{name}: output in the copied program: {leaked[:5]}"
        compile(copied, name, "exec")


_ran: dict[str, subprocess.CompletedProcess] = {}


def run_program(text: str, tmp_path_factory) -> subprocess.CompletedProcess:
    """Paste the text into a fresh `python` (this venv's), in an empty folder."""
    if text not in _ran:
        _ran[text] = subprocess.run(
            [sys.executable, "-"], input=text, capture_output=True, text=True, timeout=120,
            cwd=tmp_path_factory.mktemp("pasted"),
        )
    return _ran[text]


def test_copied_examples_run_as_is(visits, example_page, tmp_path_factory):
    """The first two examples of each page, pasted into python, run and exit 0.

    (Every copy equals its code block, above, and tests/test_examples.py runs every snippet;
    this runs what the clipboard really held. The same program in both languages runs once.)
    """
    programs = [e["copied"] for e in examples(visits, example_page)[:2]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda text: run_program(text, tmp_path_factory), programs))
    for example, result in zip(examples(visits, example_page), results, strict=False):
        assert result.returncode == 0, (
            f"{example['file']}: exit {result.returncode}\n{result.stderr[-3000:]}"
        )
