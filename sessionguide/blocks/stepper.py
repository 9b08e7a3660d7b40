"""The step-through view of an example: its run, one statement at a time.

The build writes each step as data (``<script type="application/json">``) beside the listing:
the statement's line, what it printed and logged, and, after it, the three places data lives
(the Python objects, each Session with what it holds, and what this transaction and another
connection see), all in the page's language. ``docs/javascripts/stepper.js`` (no framework,
nothing loaded from elsewhere) turns it into the view: buttons and arrow keys move through the
steps, the listing highlights the current line.
"""

from __future__ import annotations

import json
from html import escape

from sessionguide.blocks.program import program, shown_line
from sessionguide.blocks.words import object_text, seen_text, state_text, transaction_text
from sessionguide.i18n.labels import label
from sessionguide.run.model import Run
from sessionguide.run.table import definition_lines

# The words the view's controls and headings use, from i18n/<lang>.yml.
UI = ("step_through", "step_first", "step_previous", "step_next", "step_last", "step_of",
      "step_close", "step_keys", "line", "in_python", "in_session", "in_database",
      "this_transaction", "other_connection", "sql", "printed", "nothing", "no_objects",
      "no_sessions")


def steps(run: Run, lang: str) -> list[dict]:
    """The steps the view shows (definitions and imports left out), each with the index of
    the run's step it is (``step``)."""
    shown_as = program(run.source).shown_as
    skipped = definition_lines(run.source)
    found = []
    for index, step in enumerate(run.steps):
        if step.line in skipped or step.line not in shown_as:
            continue
        events = [[e.kind, e.value] for e in run.events if e.step == index]
        item = {"step": index, "line": shown_as[step.line],
                "out": shown_line(step.display_line, shown_as), "events": events}
        snapshot = step.snapshot
        if snapshot is not None:
            item["objects"] = [[o.name, object_text(o, lang), state_text(o, lang)]
                               for o in snapshot.objects]
            item["sessions"] = [
                [s.name, transaction_text(s, lang), seen_text(s.this_transaction, lang),
                 [[object_text(o, lang), state_text(o, lang), o.name] for o in s.members]]
                for s in snapshot.sessions]
            item["other"] = seen_text(snapshot.other_connection, lang)
        found.append(item)
    return found


def render(run: Run, lang: str, anchor: str, *, open_: bool = False,
           first_step: int = 0) -> str:
    """``first_step``: the run's step the view starts at (the first row of the state table)."""
    labels = {key: label(key, lang) for key in UI}
    shown = steps(run, lang)
    start = next((i for i, item in enumerate(shown) if item["step"] >= first_step), 0)
    data = json.dumps({"steps": shown, "start": start, "labels": labels}, ensure_ascii=False,
                      separators=(",", ":")).replace("</", "<\\/")
    state = " data-open" if open_ else ""
    return (f'<div class="sg-stepper" data-listing="{escape(anchor)}"{state} '
            f'data-search-exclude><script type="application/json">{data}</script></div>')

