"""Every example runs again under the last SQLAlchemy 2.0; the differences must be listed.

`make test` creates .venv-sqlalchemy20 and passes its interpreter in SQLALCHEMY20_PYTHON.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import sqlalchemy

from sessionguide.run.runner import run_snippet, snippet_names
from sessionguide.run.transcript import (
    DIFFERS_LIST,
    difference,
    listed_differences,
    transcript,
)


def test_examples_that_differ_under_sqlalchemy20_are_listed() -> None:
    if sqlalchemy.__version__.startswith("2.0."):
        pytest.skip(f"this is the SQLAlchemy {sqlalchemy.__version__} stack: the list is checked "
                    "by make test with SQLAlchemy 2.1, which runs every example under both")
    python = os.environ.get("SQLALCHEMY20_PYTHON")
    if not python:
        pytest.skip("SQLALCHEMY20_PYTHON is not set: run `make test`, which creates that venv")
    version = subprocess.run(
        [python, "-c", "import sqlalchemy; print(sqlalchemy.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert version.startswith("2.0."), f"{python} has SQLAlchemy {version}"
    output = subprocess.run(
        [python, "-m", "sessionguide", "transcripts"], capture_output=True, text=True, check=True
    ).stdout
    under_20 = json.loads(output)
    found = {}
    for name in snippet_names():
        kind = difference(under_20[name], transcript(run_snippet(name)))
        if kind:
            found[name] = kind
    listed = listed_differences()
    if found != listed:
        lines = "\n".join(f"{name} {kind}" for name, kind in sorted(found.items()))
        pytest.fail(
            f"{DIFFERS_LIST.relative_to(DIFFERS_LIST.parent.parent)} is out of date. "
            f"Under SQLAlchemy {version.strip()} these examples differ; list exactly:\n{lines}",
            pytrace=False,
        )
