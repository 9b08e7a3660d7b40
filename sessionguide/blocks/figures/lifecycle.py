"""Diagrams drawn at build time as inline SVG, in the page's language.

Nothing is drawn from a hand-written description alone: the lifecycle diagram draws only the
transitions that ``lifecycle_transitions()`` has just performed on a real Session (the build
fails if SQLAlchemy disagrees), and the timeline is drawn from the ``StateTable`` that an
executed snippet printed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from html import escape

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sessionguide import pages
from sessionguide.labels import label
from sessionguide.state_table import Table, state_name

# --- the lifecycle, performed --------------------------------------------------------------


class _Base(DeclarativeBase):
    pass


class _User(_Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


@cache  # the same in every language
def lifecycle_transitions() -> tuple[tuple[str, str, str], ...]:
    """Perform every transition the diagram draws; return (from, call, to) as observed."""
    seen: list[tuple[str, str, str]] = []
    engine = create_engine("sqlite://")
    _Base.metadata.create_all(engine)

    def do(obj: object, call: str, action: Callable[[], object]) -> None:
        before = state_name(obj)
        action()
        seen.append((before, call, state_name(obj)))

    with Session(engine) as session:
        user = _User(name="ana")
        do(user, "add()", lambda: session.add(user))
        do(user, "rollback()", session.rollback)
        session.add(user)
        do(user, "expunge()", lambda: session.expunge(user))
        session.add(user)
        do(user, "flush()", session.flush)
        session.commit()
        do(user, "delete() + flush()", lambda: (session.delete(user), session.flush()))
        do(user, "rollback()", session.rollback)
        session.delete(user)
        session.flush()
        do(user, "commit()", session.commit)

        other = _User(name="bea")
        session.add(other)
        session.commit()
        do(other, "close()", session.close)
        do(other, "add()", lambda: session.add(other))
        do(other, "expunge()", lambda: session.expunge(other))
    engine.dispose()
    return tuple(seen)


# Where each state sits, and how each transition is drawn: (from, to, path, label x, label y).
_BOXES = {
    "transient": (10, 40),
    "pending": (195, 40),
    "persistent": (380, 40),
    "deleted": (565, 40),
    "detached": (380, 230),
}
_W, _H = 120, 44
_EDGES = {
    ("transient", "pending"): ("M130 54 L193 54", 161, 46, "middle"),
    ("pending", "transient"): ("M195 74 C170 110 155 110 130 74", 162, 120, "middle"),
    ("pending", "persistent"): ("M315 54 L378 54", 346, 46, "middle"),
    ("persistent", "deleted"): ("M500 54 L563 54", 531, 30, "middle"),
    ("deleted", "persistent"): ("M565 74 C540 110 525 110 500 74", 532, 120, "middle"),
    ("deleted", "detached"): ("M615 84 L502 228", 570, 170, "start"),
    ("persistent", "detached"): ("M420 84 L420 228", 414, 160, "end"),
    ("detached", "persistent"): ("M460 228 L460 86", 466, 200, "start"),
}


def lifecycle_svg(lang: str) -> str:
    calls: dict[tuple[str, str], list[str]] = {}
    for before, call, after in lifecycle_transitions():
        if (before, after) not in _EDGES:
            raise RuntimeError(
                f"lifecycle diagram: SQLAlchemy moved an object from {before} to {after} on "
                f"{call}, which the diagram does not draw; update sessionguide/diagrams.py"
            )
        calls.setdefault((before, after), []).append(call)
    parts = []
    for (before, after), (path, lx, ly, anchor) in _EDGES.items():
        if (before, after) not in calls:
            continue  # not performed: not drawn
        text = " / ".join(calls[(before, after)])
        parts.append(f'<path class="sg-edge" d="{path}" marker-end="url(#sg-arrow-lifecycle)"/>')
        parts.append(f'<text class="sg-call" x="{lx}" y="{ly}" text-anchor="{anchor}">'
                     f"{escape(text)}</text>")
    for name, (x, y) in _BOXES.items():
        parts.append(f'<rect class="sg-box" x="{x}" y="{y}" width="{_W}" height="{_H}" rx="8"/>')
        parts.append(f'<text class="sg-state-name" x="{x + _W / 2}" y="{y + 27}" '
                     f'text-anchor="middle">{name}</text>')
    return _svg("lifecycle", lang, 700, 290, "".join(parts))


# --- the timeline, from a StateTable ------------------------------------------------------


def timeline_svg(table: Table, lang: str) -> str:
    """Steps left to right; the transaction drawn as a band from BEGIN to COMMIT/ROLLBACK."""
    col = {c: i for i, c in enumerate(table.columns)}
    step_w, left, top = 150, 170, 30
    width = left + step_w * len(table.rows) + 10
    lanes = [("sql", 70), ("this_transaction", 130), ("other_connection", 175)]
    lanes = [(key, y) for key, y in lanes if key in col]
    parts = [f'<text class="sg-lane" x="10" y="{y}">{escape(label(key, lang))}</text>'
             for key, y in lanes]
    open_at = None
    for i, row in enumerate(table.rows):
        x = left + i * step_w
        sql = row[col["sql"]]
        if "BEGIN" in sql and open_at is None:
            open_at = x
        if open_at is not None and ("COMMIT" in sql or "ROLLBACK" in sql):
            parts.insert(0, _band(open_at, x + step_w / 2, lang))
            open_at = None
        parts.append(f'<line class="sg-tick" x1="{x + step_w / 2}" y1="{top + 8}" '
                     f'x2="{x + step_w / 2}" y2="190"/>')
        parts.append(f'<text class="sg-step" x="{x + step_w / 2}" y="{top}" '
                     f'text-anchor="middle">{escape(row[col["step"]])}</text>')
        for key, y in lanes:
            for k, line in enumerate(row[col[key]].split("\n")):
                parts.append(f'<text class="sg-cell" x="{x + step_w / 2}" y="{y + 14 * k}" '
                             f'text-anchor="middle">{escape(line)}</text>')
    if open_at is not None:
        parts.insert(0, _band(open_at, width - 5, lang))
    return _svg("timeline", lang, width, 200, "".join(parts))


def _band(x1: float, x2: float, lang: str) -> str:
    return (f'<rect class="sg-band" x="{x1}" y="48" width="{x2 - x1}" height="100" rx="6"/>'
            f'<text class="sg-band-label" x="{x1 + 6}" y="144">'
            f'{escape(label("transaction", lang))}</text>')


def _svg(kind: str, lang: str, width: float, height: float, body: str) -> str:
    title = escape(label(f"{kind}_title", lang))
    return (
        f'<figure class="sg-diagram" tabindex="0" data-search-exclude>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="sg-{kind}-title" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title id="sg-{kind}-title">{title}</title>'
        f'<defs><marker id="sg-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'class="sg-arrowhead"/></marker></defs>'
        f"{body}</svg><figcaption>{title}</figcaption></figure>"
    )


# --- what pages call -------------------------------------------------------------------------


def diagram(kind: str, snippet: str | None = None) -> None:
    """Print a diagram into the calling markdown-exec block (use ``html="1"``).

    ``diagram("lifecycle")``; ``diagram("timeline", "<page>/<example>.py")`` draws the first
    StateTable that the example prints (filled in once the example has run: ``deferred``).
    """
    from sessionguide import deferred

    page = pages.current()
    lang = page.lang if page else pages.DEFAULT_LANGUAGE
    if kind == "lifecycle":
        svg = lifecycle_svg(lang)
    elif kind == "timeline" and snippet:
        where = f"included by {page.src}" if page else "shown outside a page"
        svg = deferred.placeholder("timeline", snippet, lang, where)
    else:
        raise ValueError(f"unknown diagram {kind!r} (or timeline without a snippet)")
    sys._getframe(1).f_globals.get("print", print)(svg)


def timeline_figure(run, lang: str) -> str:
    tables = [e.value for e in run.events if isinstance(e.value, Table)]
    if run.failure or not tables:
        raise ValueError(f"timeline: snippets/{run.snippet} failed or printed no StateTable")
    return timeline_svg(tables[0], lang)
