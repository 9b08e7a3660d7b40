"""The lifecycle diagram: an object's states and the calls that move it between them.

Nothing is drawn from a hand-written description alone: the diagram draws only the
transitions that ``lifecycle_transitions()`` has just performed on a real Session (the build
fails if SQLAlchemy disagrees).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from html import escape

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sessionguide.blocks.figures import figure
from sessionguide.blocks.figures.svg import svg
from sessionguide.run.observe import state_name

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
                f"{call}, which the diagram does not draw; update {__file__}"
            )
        calls.setdefault((before, after), []).append(call)
    parts, items = [], []
    for (before, after), (path, lx, ly, anchor) in _EDGES.items():
        if (before, after) not in calls:
            continue  # not performed: not drawn
        text = " / ".join(calls[(before, after)])
        items.append(f"<li><code>{before}</code> → <code>{after}</code>: {escape(text)}</li>")
        parts.append(f'<path class="sg-edge" d="{path}" marker-end="url(#sg-arrow-lifecycle)"/>')
        parts.append(f'<text class="sg-call" x="{lx}" y="{ly}" text-anchor="{anchor}">'
                     f"{escape(text)}</text>")
    for name, (x, y) in _BOXES.items():
        parts.append(f'<rect class="sg-box" x="{x}" y="{y}" width="{_W}" height="{_H}" rx="8"/>')
        parts.append(f'<text class="sg-state-name" x="{x + _W / 2}" y="{y + 27}" '
                     f'text-anchor="middle">{name}</text>')
    return svg("lifecycle", lang, 700, 290, "".join(parts),
               f'<ul class="sg-transitions">{"".join(items)}</ul>')


@figure("lifecycle")
def _drawn(snippet: str | None, lang: str, where: str) -> str:
    return lifecycle_svg(lang)
