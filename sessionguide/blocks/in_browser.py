"""An example run in the reader's browser: which examples can be, and the run itself.

The build asks ``unavailable()`` whether a listing offers Run, and says why not where it does
not (``attributes()`` on the listing, ``controls()`` after the example). An example runs in the
browser when its program needs only what the browser's Python has (Pyodide, with the standard
library and the wheels of requirements-browser.lock.json: SQLAlchemy and typing_extensions),
on SQLite, in one thread: this is decided from the program itself (its imports, the installed
packages it asks about, async code, the database it runs on), before anything runs.

The browser (docs/javascripts/run-in-page.js, through the worker of run-example-worker.js)
calls ``run()`` with the reader's edited program. It runs it with the build's own
``run.runner.run_source`` (isolation, the observer, the SQL capture) and returns, as JSON data,
what the page draws the way the build draws its own run: the program as shown, the output
under each shown line (``program.output_by_line``) and the steps of the step-through view
(``stepper.steps``), in the page's language. So this module, and what it imports, use only the
standard library, SQLAlchemy and this package's pure-Python modules: no Markdown, Pygments or
YAML in the browser (the labels come with the page: ``i18n.languages.provide``).
"""

from __future__ import annotations

import ast
import functools
import json
import sys
from html import escape

from sessionguide.blocks import stepper
from sessionguide.blocks.program import output_by_line, program
from sessionguide.i18n.labels import label
from sessionguide.i18n.languages import DEFAULT_LANGUAGE, data, provide
from sessionguide.run.model import Run
from sessionguide.run.observe import MAX_OUTPUT_LINES
from sessionguide.run.runner import run_source

# What the browser's Python has besides its standard library (requirements-browser.lock.json).
SHIPPED = frozenset({"sqlalchemy", "typing_extensions"})
# Why an example cannot run there, in the order a listing names the first that applies
# (the labels are run_unavailable_<reason>).
REASONS = ("postgresql", "packages", "async", "threads")
# Modules that start threads or processes: a browser's Python has one thread ("can't start new
# thread") and no processes.
_THREADS = frozenset({"threading", "_thread", "concurrent", "multiprocessing", "subprocess"})
# What async SQLAlchemy runs on: aiosqlite runs each connection in a thread of its own.
_ASYNC = frozenset({"asyncio", "aiosqlite", "greenlet"})
_ASYNC_DRIVERS = ("+aiosqlite", "+asyncpg", "+psycopg_async")
# How a reader knows the packages an example imports.
_PACKAGE_NAMES = {"fastapi": "FastAPI", "flask": "Flask", "flask_sqlalchemy": "Flask-SQLAlchemy",
                  "pydantic": "Pydantic", "starlette": "Starlette", "psycopg": "psycopg"}
# importlib.metadata's functions that fail for a package that is not installed.
_METADATA = frozenset({"version", "distribution", "metadata", "requires", "files"})
# The labels ``run()`` formats in the browser, which has no i18n/ files: sent with the page.
_WORD_PREFIXES = ("about_", "place_", "seen_", "transaction_", "run_versions_")
_WORDS = ("expired_value", "with_block_ends", "run_yours", "run_caption", "run_output_limit")


@functools.lru_cache(maxsize=512)  # asked twice per listing, per language and rebuild
def unavailable(source: str, database: str) -> tuple[str, tuple[str, ...]] | None:
    """Why ``source`` cannot run in the browser on ``database``: a reason of ``REASONS`` and
    the packages it needs that are not there (for "packages"); None if it can."""
    if database != "sqlite":
        return "postgresql", ()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None  # the build reports it
    found: set[str] = set()
    packages: dict[str, None] = {}
    asked = _asked_for_by_metadata(tree)
    for node in ast.walk(tree):
        for module in _imported(node):
            if module in _ASYNC:
                found.add("async")
            elif module in _THREADS:
                found.add("threads")
            elif module not in SHIPPED and module not in sys.stdlib_module_names:
                packages[_PACKAGE_NAMES.get(module, module)] = None
        if isinstance(node, (ast.AsyncFunctionDef, ast.Await, ast.AsyncWith, ast.AsyncFor)):
            found.add("async")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and any(driver in node.value for driver in _ASYNC_DRIVERS)):
            found.add("async")
    shipped = {_distribution(name) for name in SHIPPED}
    packages.update(dict.fromkeys(name for name in asked if _distribution(name) not in shipped))
    if packages:
        found.add("packages")
    reason = next((reason for reason in REASONS if reason in found), None)
    if reason is None:
        return None
    return reason, tuple(packages) if reason == "packages" else ()


def _imported(node: ast.AST) -> list[str]:
    """The top-level modules an import statement names (``concurrent`` for
    ``concurrent.futures``; ``sqlalchemy.ext.asyncio`` counts as ``asyncio``)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        names = [node.module]
    else:
        return []
    return ["asyncio" if name.startswith("sqlalchemy.ext.asyncio") else name.split(".")[0]
            for name in names]


def _asked_for_by_metadata(tree: ast.AST) -> list[str]:
    """The packages the program asks importlib.metadata about by name
    (``version("greenlet")``)."""
    functions = {alias.asname or alias.name for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module == "importlib.metadata"
                 for alias in node.names if alias.name in _METADATA}
    asked = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            continue
        called = node.func
        if ((isinstance(called, ast.Name) and called.id in functions)
                or (isinstance(called, ast.Attribute) and called.attr in _METADATA
                    and "metadata" in ast.unparse(called.value))):
            asked.append(node.args[0].value)
    return asked


def _distribution(name: str) -> str:
    return name.lower().replace("_", "-")


# --- the build: what a listing says about running it ---------------------------------------


def attributes(run: Run) -> str:
    """The listing's data for the page's script: the example to run and the versions the build
    ran it with (``data-run``, ``data-run-built``), or why it does not run
    (``data-run-unavailable``)."""
    found = unavailable(run.source, run.database)
    if found is not None:
        return f' data-run-unavailable="{found[0]}"'
    built = {key: run.configuration[key] for key in ("python", "sqlite", "sqlalchemy")
             if key in run.configuration}
    return (f' data-run="{escape(run.snippet)}"'
            f' data-run-built="{escape(json.dumps(built, sort_keys=True))}"')


def controls(run: Run, lang: str, anchor: str) -> str:
    """After an example: where the page's script puts Run, the editor and the reader's run,
    or the sentence that says why the example does not run in the browser."""
    found = unavailable(run.source, run.database)
    if found is None:
        return f'<div class="sg-run" data-listing="{escape(anchor)}" data-search-exclude></div>'
    reason, packages = found
    names = ", ".join(f"<code>{escape(name)}</code>" for name in packages)
    why = escape(label(f"run_unavailable_{reason}", lang)).replace("{packages}", names)
    return (f'<p class="sg-run-unavailable" data-search-exclude>'
            f'{escape(label("run_unavailable", lang))} {why}</p>')


def page_words(lang: str) -> dict[str, str]:
    """The labels ``run()`` needs in ``lang`` (templates it fills in: the words of the
    step-through view and of the listing, the versions), sent with the page."""
    return {key: label(key, lang) for key in data(DEFAULT_LANGUAGE)["labels"]
            if key.startswith(_WORD_PREFIXES) or key in _WORDS}


# --- the browser: the reader's run -----------------------------------------------------------


def run(source: str, snippet: str, lang: str, words: dict[str, str],
        built: dict[str, str] | None = None) -> dict:
    """Run the reader's ``source`` (``snippet``'s program, edited) as the build runs examples,
    and return what the page shows of it:

    - ``lines``: the program as shown; ``output``: shown line (a string) -> [[kind, text]],
      kinds as in the build's listing ("sql", "out", "err", and "exit" with the words that
      say a with block ends);
    - ``steps``: the step-through view's steps, as ``stepper.steps`` gives them to the build's;
    - ``heading`` and ``caption``: the versions it ran with, and how they differ from the
      build's (``built``: the build's ``python``, ``sqlite`` and ``sqlalchemy``);
    - ``failed``: whether it raised (its error is in ``output``, under the line that raised).
    """
    provide(lang, {"labels": words})
    if lang != DEFAULT_LANGUAGE:  # the words are complete: never look for the English file
        provide(DEFAULT_LANGUAGE, {"labels": words})
    result = run_source(snippet, source, "sqlite", filename=snippet)
    try:
        lines = program(source).text.splitlines()
        output = output_by_line(result)
        steps = stepper.steps(result, lang)
    except SyntaxError:  # it does not parse: as typed, with the error under its line
        lines, output, steps = source.rstrip("\n").split("\n"), {}, []
    if result.failure and not any(kind == "err" for events in output.values()
                                  for kind, _ in events):
        # Not raised by the program: it does not parse, or it printed too much (what the build
        # refuses, the reader is told: under the last line, after what was shown).
        message, line = result.failure.message, result.failure.line
        if line == 0 and _printed_lines(result) >= MAX_OUTPUT_LINES:
            message, line = label("run_output_limit", lang).format(limit=MAX_OUTPUT_LINES), 0
        line = min(line, len(lines)) if line else max(len(lines), 1)
        output.setdefault(max(line, 1), []).append(("err", message))
    found = result.configuration or {}
    return {
        "lines": lines,
        "output": {str(line): [[kind, label("with_block_ends", lang) if kind == "exit" else text]
                               for kind, text in events]
                   for line, events in sorted(output.items())},
        "steps": steps,
        "failed": result.failure is not None,
        "heading": label("run_yours", lang).format(python=found.get("python", "?"),
                                                   sqlite=found.get("sqlite", "?")),
        "caption": _caption(found, built or {}, lang),
    }


def _printed_lines(run: Run) -> int:
    return sum(event.value.count("\n") + 1 for event in run.events)


def _caption(found: dict[str, str], built: dict[str, str], lang: str) -> str:
    """The versions of the reader's run, as the build's caption says its own, and which of them
    are not the build's."""
    versions = label("about_versions", lang).format(
        database=label("about_sqlite", lang).format(version=found.get("sqlite", "?")),
        sqlalchemy=found.get("sqlalchemy", "?"), python=found.get("python", "?"))
    names = {"sqlite": "SQLite", "sqlalchemy": "SQLAlchemy", "python": "Python"}
    differ = [f"{names[key]} {built[key]}" for key in ("python", "sqlite", "sqlalchemy")
              if key in built and built[key] != found.get(key)]
    tail = (label("run_versions_differ", lang).format(versions=", ".join(differ)) if differ
            else label("run_versions_same", lang))
    return f"{label('run_caption', lang)} {versions} {tail}"
