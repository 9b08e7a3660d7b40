"""Copied examples run for a reader: on every page with examples, in both languages, each
listing's copy button copies exactly the program shown (without line numbers or output, and
without the guide's own tooling), and that program, run in a reader's environment
(``.venv-reader``: what ``requirements-reader.lock`` installs, nothing of the project), exits 0
and prints and logs what the page shows under the listing."""

from __future__ import annotations

import ast
import difflib
import re
from collections import defaultdict

import pytest

from . import programs
from .checks import bullet, visited, where

_VERSION = re.compile(r"SQLAlchemy (\d+\.\d+\.\d+)")
_WORDS = re.compile(r"\w\w")


def listing_name(listing: dict) -> str:
    snippet = programs.snippets_by_listing().get(listing["id"])
    tab = listing["tab"] or "SQLite"
    return f"#{listing['id']} ({tab}" + (f", snippets/{snippet})" if snippet else ")")


def imports_sessionguide(program: str) -> bool:
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return "sessionguide" in program
    for node in ast.walk(tree):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(name == "sessionguide" or name.startswith("sessionguide.") for name in names):
            return True
    return False


def copy_problems(listing: dict, copied: dict | None) -> list[str]:
    if copied is None:
        return ["its copy button was not clicked (the listing was not shown in its tab)"]
    if copied["problem"]:
        return [copied["problem"]]
    text, problems = copied["text"], []
    if listing["copy"] is None:
        problems.append("its div.highlight has no data-copy attribute: Material then copies the "
                        "code's text, line numbers and output included")
    elif text != listing["copy"]:
        diff = difflib.unified_diff(listing["copy"].splitlines(), text.splitlines(),
                                    "data-copy", "clipboard", lineterm="", n=1)
        problems.append("the clipboard holds something else than its data-copy:\n      "
                        + "\n      ".join(list(diff)[:12]))
    shown = "\n".join(listing["shown"])
    if text.rstrip("\n") != shown.rstrip("\n"):
        diff = difflib.unified_diff(shown.splitlines(), text.splitlines(), "shown", "copied",
                                    lineterm="", n=1)
        problems.append("the copied program is not the program shown (without its line "
                        "numbers):\n      " + "\n      ".join(list(diff)[:12]))
    if imports_sessionguide(text):
        problems.append("the copied program imports sessionguide, which a reader does not have")
    lines = text.splitlines()
    numbered = [n for n, line in enumerate(lines, 1) if re.match(rf"{n}(?!\d)", line)]
    if len(numbered) >= min(3, len(lines)):
        problems.append(f"lines {numbered[:5]} start with their line number")
    code_lines = {line.strip() for line in lines}
    shown_under = [text for block in listing["outputs"] for _, part in block["parts"]
                   for text in part.split("\n")]
    leaked = sorted({line.strip() for line in shown_under + [listing["caption"]]
                     if line.strip() in code_lines and _WORDS.search(line)})
    if leaked:
        problems.append(f"output shown under the listing is in the copy: {leaked[:5]}")
    if "#>" in text:
        problems.append("the copy holds expected-output comments (#>)")
    try:
        compile(text, "example.py", "exec")
    except SyntaxError as error:
        problems.append(f"the copy does not compile: {error}")
    return problems


def test_copy_button_copies_the_program(visits, example_page):
    """Each listing's copy button puts exactly its data-copy on the clipboard, which is the
    program shown line by line, without line numbers, output or a sessionguide import."""
    visit = visited(visits, example_page, "light", "listings", "copy")
    assert visit.listings, f"{where(visits, example_page)}: no listing found in the browser"
    wrong = []
    for listing in visit.listings:
        problems = copy_problems(listing, visit.copies.get(listing["id"]))
        if problems:
            wrong.append(f"{listing_name(listing)}: " + "\n    ".join(problems))
    assert not wrong, (
        f"{where(visits, example_page)}: copying these examples does not give the reader the "
        "program shown (sessionguide/blocks/listing.py writes data-copy; Material's copy "
        "button copies the closest [data-copy]):\n" + bullet(wrong, 20))


def lines_of(parts, kinds=("out",)) -> list[str]:
    return [line for kind, text in parts if kind in kinds for line in text.split("\n")]


def by_line_from_listing(listing: dict) -> dict[int, list]:
    shown: dict[int, list] = defaultdict(list)
    for block in listing["outputs"]:
        for kind, text in block["parts"]:
            if kind in ("sql", "out", "err"):
                shown[block["line"]] += [(kind, line) for line in text.split("\n")]
    return dict(shown)


def by_line_from_steps(steps: list[dict]) -> dict[int, list]:
    shown: dict[int, list] = defaultdict(list)
    for step in steps:
        for kind, text in step["events"]:
            shown[step["out"]] += [(kind, line) for line in text.split("\n")]
    return dict(shown)


def compare(listing: dict, ran: programs.Ran) -> list[str]:
    """What differs between the program's run and what the page shows under the listing."""
    problems = []
    if ran.returncode is None:
        problems.append(f"it was still running after {programs.TIMEOUT} s and was stopped")
    elif ran.returncode != 0:
        tail = "\n      ".join(ran.stderr.strip().splitlines()[-8:])
        problems.append(f"it exits {ran.returncode}:\n      {tail}")
    if problems and not ran.stdout.strip():
        return problems + ["it printed and logged nothing"]
    parts = [part for block in listing["outputs"] for part in block["parts"]]
    want_out, want_sql = lines_of(parts, ("out",)), lines_of(parts, ("sql",))
    split = programs.split_output(ran.stdout, want_out, want_sql)
    if split.matched:
        return problems
    # In a loop, the page shows each line's output of every pass together, under that line;
    # the program printed them pass after pass. The step-through data holds the passes in the
    # order they ran: the run must match it, and it must be what the listing shows.
    steps = listing["steps"] or []
    ran_out = [line for step in steps for kind, text in step["events"] if kind == "out"
               for line in text.split("\n")]
    ran_sql = [line for step in steps for kind, text in step["events"] if kind == "sql"
               for line in text.split("\n")]
    if (steps and by_line_from_steps(steps) == by_line_from_listing(listing)
            and programs.split_output(ran.stdout, ran_out, ran_sql).matched):
        return problems
    for what, want, got in (("printed", want_out, split.printed), ("SQL", want_sql, split.sql)):
        if want != got:
            diff = list(difflib.unified_diff(want, got, "the page shows", "the program "
                                             + ("printed" if what == "printed" else "logged"),
                                             lineterm="", n=1))
            shown = "\n      ".join(diff[:30]) + ("\n      ..." if len(diff) > 30 else "")
            problems.append(f"its {what} lines differ from the page's:\n      {shown}")
    if not problems:
        problems.append("its output matches the page's only in another order than the page's")
    return problems


def test_copied_programs_run_as_shown(visits, example_page):
    """Every copied program, run in .venv-reader (a fresh empty folder, PYTHONHASHSEED=0; on
    PostgreSQL with PGPORT of the project's server and an empty schema), exits 0; its printed
    lines are the page's span.sg-out lines, and the SQL it logs (SQLAlchemy's echo, normalized
    as sessionguide/run/sql_capture.py does) the page's span.sg-sql lines."""
    if programs.reader_python() is None:
        pytest.skip(f"no reader's environment ({programs.READER_PYTHON}): create it with "
                    f"`{programs.MAKE_READER_VENV}` to run the copied examples")
    visit = visited(visits, example_page, "light", "listings", "copy")
    versions = programs.reader_versions()
    built = {m.group(1) for listing in visit.listings
             for m in [_VERSION.search(listing["caption"])] if m}
    if built and built != {versions["sqlalchemy"]}:
        pytest.skip(f"{where(visits, example_page)} was built with SQLAlchemy "
                    f"{', '.join(sorted(built))}; the reader's environment has "
                    f"{versions['sqlalchemy']} (requirements-reader.lock): their output "
                    "cannot be compared")
    wrong = []
    for listing in visit.listings:
        text = (visit.copies.get(listing["id"]) or {}).get("text")
        if not text:
            continue  # test_copy_button_copies_the_program says why
        database = "PostgreSQL" if listing["tab"] == "PostgreSQL" else "SQLite"
        ran = visits.runner.submit(text, database).result(timeout=programs.TIMEOUT + 60)
        problems = compare(listing, ran)
        if problems:
            wrong.append(f"{listing_name(listing)}: " + "\n    ".join(problems))
    assert not wrong, (
        f"{where(visits, example_page)}: these examples, copied and run by a reader (Python "
        f"{versions['python']}, SQLAlchemy {versions['sqlalchemy']}, in .venv-reader), do "
        "not do what the page shows. Run the copy as example.py in an empty folder with "
        ".venv-reader/bin/python (for PostgreSQL: PGPORT of the project's server) to see it; "
        "the example must not depend on the build's tooling:\n" + bullet(wrong, 20))
