"""Put an executed example on a page: ``show("<page>/<example>.py")``.

Pages call it from a markdown-exec block with ``html="1"``. For each database the example runs
on (its declaration, ``sessionguide.run.examples``), the page gets the listing (the program,
with under each statement what it printed and the SQL it logged), the state table if one is
declared, and the step-through view; with two databases, side by side as tabs (SQLite,
PostgreSQL) linked across the page, with a note that says whether they print the same and
marks what differs. All of it comes from this build's run, filled in once that run is done
(``deferred``).
"""

from __future__ import annotations

import re
from html import escape

from sessionguide.blocks import deferred, in_browser, listing, page, stepper
from sessionguide.blocks import state_table as state_tables
from sessionguide.blocks.output import emit
from sessionguide.i18n.labels import label
from sessionguide.run import cache
from sessionguide.run.examples import DeclarationError, example
from sessionguide.run.model import Run
from sessionguide.run.runner import snippet_path
from sessionguide.run.table import rows
from sessionguide.run.transcript import listed_differences

_DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def show(snippet: str, *, step_through: bool = False) -> None:
    """Print ``snippets/<snippet>`` and what it does when run into the calling markdown-exec
    block; ``step_through=True`` opens the step-through view from the start."""
    where, lang = page.where(), page.current_language()
    if not snippet_path(snippet).is_file():
        deferred.fail(
            f"snippets/{snippet} does not exist ({where}). Create it or fix the path in show().")
    try:
        declared = example(snippet)
    except DeclarationError as error:
        deferred.fail(f"{error} ({where})")
    kind = "run-open" if step_through else "run"
    runs = [deferred.placeholder(kind, snippet, lang, where, database)
            for database in declared.databases]
    parts = [runs[0] if len(runs) == 1 else _tabs(snippet, declared.databases, runs)]
    if len(runs) > 1:
        parts.append(deferred.placeholder("compared", snippet, lang, where))
    listed = listed_differences()
    difference = listed.get(snippet) or listed.get(f"{snippet}@postgresql")
    if difference:
        text = _code(escape(label(f"sqlalchemy20_{difference}", lang)))
        parts.append('<div class="admonition note"><p class="admonition-title">SQLAlchemy 2.0'
                     f"</p><p>{text}</p></div>")
    emit("\n".join(parts))


def _code(text: str) -> str:
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def _tabs(snippet: str, databases: tuple[str, ...], contents: list[str]) -> str:
    """pymdownx.tabbed's markup (alternate style), which Material styles and links by label
    across the page (``content.tabs.link``)."""
    name = listing.anchor_of(snippet, "tabs")
    inputs = "".join(
        f'<input id="{name}-{i}" name="{name}" type="radio"{" checked" if i == 1 else ""}>'
        for i in range(1, len(databases) + 1))
    labels = "".join(f'<label for="{name}-{i}">{_DATABASE_NAMES[db]}</label>'
                     for i, db in enumerate(databases, 1))
    blocks = "".join(f'<div class="tabbed-block">{content}</div>' for content in contents)
    return (f'<div class="tabbed-set tabbed-alternate sg-databases" data-tabs="1:{len(databases)}">'
            f'{inputs}<div class="tabbed-labels">{labels}</div>'
            f'<div class="tabbed-content">{blocks}</div></div>')


@deferred.later("run")
def _shown(run: Run, lang: str, where: str) -> str:
    return shown(run, lang, where, open_=False)


@deferred.later("run-open")
def _shown_open(run: Run, lang: str, where: str) -> str:
    return shown(run, lang, where, open_=True)


def shown(run: Run, lang: str, where: str, *, open_: bool) -> str:
    """The listing, state table and step-through view of one run."""
    message = failure_message(run, where)
    if message:
        raise deferred.ExampleError(message)
    declared = example(run.snippet)
    anchor = listing.anchor_of(run.snippet, run.database)
    differs: set[tuple[int, int]] = set()
    if len(declared.databases) > 1:
        other = next(db for db in declared.databases if db != run.database)
        differs = listing.differing_prints(run, cache.run_cached(run.snippet, other))
    parts = [listing.render(run, lang, anchor, differs)]
    first_step = 0
    if declared.table is not None:
        try:
            parts.append(state_tables.render(run, declared.table, lang, where))
            first_step = rows(run, declared.table, where)[0].step
        except (DeclarationError, IndexError) as error:
            raise deferred.ExampleError(f"{error} ({where})") from None
    parts.append(stepper.render(run, lang, anchor, open_=open_, first_step=first_step))
    parts.append(in_browser.controls(run, lang, anchor))  # Run, or why not
    return "\n".join(parts)


@deferred.later("compared")
def _compared(run: Run, lang: str, where: str) -> str:
    """Whether the databases printed the same, checked against what the declaration says."""
    declared = example(run.snippet)
    other = cache.run_cached(run.snippet, declared.databases[1])
    same = not listing.differing_prints(run, other) and not listing.differing_prints(other, run)
    if same != (declared.outputs == "same"):
        found = "the same" if same else "differently"
        raise deferred.ExampleError(
            f"snippets/{run.snippet} prints {found} on SQLite and PostgreSQL, but "
            f"snippets/{run.snippet.removesuffix('.py')}.yml says "
            f"`outputs: {declared.outputs}` ({where}). Fix the declaration, or the example.")
    text = _code(escape(label("outputs_same" if same else "outputs_differ", lang)))
    return f'<p class="sg-compared">{text}</p>'


def failure_message(run: Run, where: str) -> str | None:
    """Why the run cannot be shown, if it failed (and was not expected to)."""
    if not run.failure or _fails_only_under_20(run.snippet):
        return None
    return (f"snippets/{run.snippet}:{run.failure.line}: {run.failure.message} ({where}).\n"
            f"Reproduce with: python -m sessionguide run {run.snippet}"
            f"{' --database postgresql' if run.database == 'postgresql' else ''}\n"
            f"{run.failure.traceback}")


def _fails_only_under_20(snippet: str) -> bool:
    """In the SQLAlchemy 2.0 stack, an example listed as differing in behaviour may fail
    (merge_all() is new in 2.1): the page shows the failure and the 2.0 note."""
    import sqlalchemy

    return (sqlalchemy.__version__.startswith("2.0.")
            and listed_differences().get(snippet) == "behaviour")
