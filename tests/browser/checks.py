"""What the test modules share: getting a visit's records, and naming the page in a message."""

from __future__ import annotations

import pytest

from .visits import StageFailed, Visit


def visited(visits, path: str, scheme: str, *stages: str) -> Visit:
    """The visit of (path, scheme); the test fails, naming the page, if one of ``stages`` (or
    the load) did not complete."""
    visit = visits.get(path, scheme)
    try:
        visit.need(*stages)
    except StageFailed as failed:
        problem = str(failed)
    else:
        return visit
    pytest.fail(f"{where(visits, path, scheme)}: {problem}", pytrace=False)


def where(visits, path: str, scheme: str | None = None) -> str:
    """"docs/merge.es.md (http://127.0.0.1:8000/es/merge/), dark palette"."""
    text = visits.inventory.describe(path)
    return f"{text}, {scheme} palette" if scheme else text


def bullet(lines, limit: int = 12) -> str:
    lines = list(lines)
    shown = [f"  - {line}" for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"  ... and {len(lines) - limit} more")
    return "\n".join(shown)
