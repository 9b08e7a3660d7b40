"""A run's observations in a page's language: objects, Session states, what a connection sees.

The run records codes (``sessionguide.run.model``); these functions turn them into the words
of ``i18n/<lang>.yml``. State names (``pending``, ``detached``, ...) are SQLAlchemy's API
names and stay as they are in every language.
"""

from __future__ import annotations

from sessionguide.i18n.labels import label
from sessionguide.run.model import EXPIRED, PLACES, ObjectView, Seen, SessionView


def object_text(view: ObjectView, lang: str) -> str:
    """``User(id=1, name='ana')``, with the page's word for an expired value."""
    expired = label("expired_value", lang)
    attrs = ", ".join(f"{key}={expired if value == EXPIRED else value}"
                      for key, value in view.attrs)
    return f"{view.cls}({attrs})"


def state_text(view: ObjectView, lang: str) -> str:
    """``persistent (identity map, dirty)``: the state, and where its Session holds it."""
    places = [label(f"place_{place}", lang) for place in PLACES if place in view.places]
    return view.state + (f" ({', '.join(places)})" if places else "")


def seen_text(seen: Seen, lang: str) -> str:
    """The rows, one per line, or why there are none."""
    if seen.status == "rows":
        return "\n".join(seen.rows)
    return label(f"seen_{seen.status}", lang)


def transaction_text(view: SessionView, lang: str) -> str:
    return label(f"transaction_{view.transaction}", lang)
