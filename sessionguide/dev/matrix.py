"""``make matrix``: ``make test`` under every supported Python, with each SQLAlchemy stack.

SQLAlchemy 2.1 (requirements.lock) on Python 3.11, 3.12 and 3.13, where make test also reruns
every example under SQLAlchemy 2.0; SQLAlchemy 2.0 (requirements-sqlalchemy20.lock) on
Python 3.10 to 3.13. Each run has environments and a site directory of its own. Interpreters
are found on PATH or in pyenv; a missing one is reported, not skipped silently.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
from pathlib import Path

from sessionguide.paths import ROOT

STACKS = {"2.1": ["3.11", "3.12", "3.13"], "2.0": ["3.10", "3.11", "3.12", "3.13"]}


def find_python(version: str) -> str | None:
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}"))
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    return None


def make(*args: str) -> tuple[bool, float]:
    start = time.perf_counter()
    result = subprocess.run(["make", *args], cwd=ROOT)
    return result.returncode == 0, time.perf_counter() - start


def main() -> int:
    results = []
    for sqlalchemy, versions in STACKS.items():
        for version in versions:
            label = f"Python {version}, SQLAlchemy {sqlalchemy}: make test"
            python = find_python(version)
            if python is None:
                results.append((label, None, 0.0))
                continue
            tag = f"py{version}"
            ok, seconds = make("test", f"PYTHON={python}", f"SQLALCHEMY={sqlalchemy}",
                               f"VENV=.venv-{tag}-sqlalchemy{sqlalchemy.replace('.', '')}",
                               f"VENV20=.venv-{tag}-sqlalchemy20",
                               f"SITE_DIR=build/site-{tag}-sqlalchemy{sqlalchemy}")
            results.append((label, ok, seconds))
    print("\nmake matrix:")
    for label, ok, seconds in results:
        state = "not found" if ok is None else ("passed" if ok else "FAILED")
        print(f"  {label:55} {state:9} {seconds:6.0f} s")
    return 0 if all(ok for _, ok, _ in results) else 1

