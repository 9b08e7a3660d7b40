"""``make matrix``: the suite under every supported Python, with SQLAlchemy 2.1 and 2.0.

For Python 3.11, 3.12 and 3.13: ``make test`` in environments of their own, which builds the
site and runs every test with SQLAlchemy 2.1 and reruns every example with SQLAlchemy 2.0.
For Python 3.10, which SQLAlchemy 2.1, Material 9.8 and markdown-exec 1.12 do not support:
every example with SQLAlchemy 2.0 (tests/test_sqlalchemy20.py, run from the 3.11 environment).
Interpreters are found on PATH or in pyenv; a missing one is reported, not skipped silently.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL = ["3.11", "3.12", "3.13"]
EXAMPLES_ONLY = ["3.10"]


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
    for version in FULL:
        python = find_python(version)
        if python is None:
            results.append((f"Python {version}: make test", None, 0.0))
            continue
        tag = f"py{version}"
        ok, seconds = make("test", f"PYTHON={python}", f"VENV=.venv-{tag}",
                           f"VENV20=.venv-{tag}-sqlalchemy20", f"SITE_DIR=build/site-{tag}")
        results.append((f"Python {version}: make test (SQLAlchemy 2.1 and 2.0)", ok, seconds))
    for version in EXAMPLES_ONLY:
        python = find_python(version)
        if python is None:
            results.append((f"Python {version}: examples under SQLAlchemy 2.0", None, 0.0))
            continue
        tag = f"py{version}"
        ok, seconds = make("test-sqlalchemy20", f"PYTHON20={python}",
                           f"VENV20=.venv-{tag}-sqlalchemy20")
        results.append((f"Python {version}: examples under SQLAlchemy 2.0", ok, seconds))
    print("\nmake matrix:")
    for label, ok, seconds in results:
        state = "not found" if ok is None else ("passed" if ok else "FAILED")
        print(f"  {label:55} {state:9} {seconds:6.0f} s")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--find"]:  # for .ci/run: the path of python3.X, or nothing
        print(find_python(sys.argv[2]) or "")
        sys.exit(0)
    sys.exit(main())
