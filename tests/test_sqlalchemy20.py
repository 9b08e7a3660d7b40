"""Every example runs again under the last SQLAlchemy 2.0; the differences must be listed.

`make test` creates .venv-sqlalchemy20 and passes its interpreter in SQLALCHEMY20_PYTHON.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import sqlalchemy

from sessionguide.blocks.transcript import transcript
from sessionguide.run.cache import run_cached
from sessionguide.run.databases import server_port
from sessionguide.run.examples import all_runs
from sessionguide.run.isolate import run_isolated
from sessionguide.run.transcript import DIFFERS_LIST, difference, listed_differences


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
    runs = all_runs()
    if any(database == "postgresql" for _, database in runs.values()):
        server_port()  # one server for both stacks: the 2.0 process inherits its port
    output = subprocess.run(
        [python, "-m", "sessionguide", "transcripts"], capture_output=True, text=True,
        env=os.environ.copy(),
    )
    assert output.returncode == 0, f"the SQLAlchemy 2.0 rerun failed:\n{output.stderr[-3000:]}"
    under_20 = json.loads(output.stdout)
    found = {}
    unreproducible = []
    for key, run in runs.items():
        under_21 = transcript(run_cached(*run))  # the build's run, as test_observed reads it
        kind = difference(under_20[key], under_21)
        if kind and transcript(run_isolated(*run)) != under_21:
            unreproducible.append(key)  # not a difference between versions: a varying example
        elif kind:
            found[key] = kind
    assert not unreproducible, (
        f"these examples show different output on every run, so they cannot be compared with "
        f"SQLAlchemy 2.0 (tests/test_examples.py::test_observed says which line varies): "
        f"{unreproducible}")
    listed = listed_differences()
    if found != listed:
        lines = "\n".join(f"{name} {kind}" for name, kind in sorted(found.items()))
        pytest.fail(
            f"{DIFFERS_LIST.relative_to(DIFFERS_LIST.parent.parent)} is out of date. "
            f"Under SQLAlchemy {version.strip()} these examples differ; list exactly:\n{lines}",
            pytrace=False,
        )
