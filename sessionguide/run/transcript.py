"""Which examples print something different under SQLAlchemy 2.0.

Pages target SQLAlchemy 2.1. tests/test_sqlalchemy20.py runs every example under both versions
(``python -m sessionguide transcripts`` prints each example's transcript as JSON, see
``sessionguide.blocks.transcript``) and checks that
``snippets/differs-in-sqlalchemy-2.0.txt`` lists exactly the examples whose transcripts differ,
each with the kind of difference; ``show()`` puts a note under those examples.

Kinds: ``labels`` when the only difference is in the labels of ORM SELECT columns
(``users.id AS users_id``), ``behaviour`` for anything else. SQLAlchemy's version number, where
an example prints it and in the links of its error messages (``sqlalche.me/e/20/...``), is not
a difference.
"""

from __future__ import annotations

import re

from sessionguide.paths import SNIPPETS

DIFFERS_LIST = SNIPPETS / "differs-in-sqlalchemy-2.0.txt"


_LABEL = re.compile(r"\b(\w+)\.(\w+) AS \1_\2\b")
_VERSION = [
    (re.compile(r"sqlalche\.me/e/\d+/"), "sqlalche.me/e/VERSION/"),
    (re.compile(r"__version__='2\.\d+\.\d+'"), "__version__='VERSION'"),
]


def listed_differences() -> dict[str, str]:
    """``{snippet: kind}`` as listed in differs-in-sqlalchemy-2.0.txt."""
    lines = DIFFERS_LIST.read_text(encoding="utf-8").splitlines()
    entries = (line.split() for line in lines if line.strip() and not line.startswith("#"))
    return {snippet: kind for snippet, kind in entries}


def without_version(text: str) -> str:
    """``text`` with SQLAlchemy's version number, which is not a difference, left out."""
    for pattern, replacement in _VERSION:
        text = pattern.sub(replacement, text)
    return text


def difference(under_20: str, under_21: str) -> str | None:
    under_20, under_21 = without_version(under_20), without_version(under_21)
    if under_20 == under_21:
        return None
    same_but_labels = _LABEL.sub(r"\1.\2", under_20) == _LABEL.sub(r"\1.\2", under_21)
    return "labels" if same_but_labels else "behaviour"
