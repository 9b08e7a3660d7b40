"""``make lock``: pin every dependency, with hashes, after a change to the lists they come from.

Each lock is compiled by uv (installed under build/uv at a pinned version) from its list:
the published stack from pyproject.toml, the SQLAlchemy 2.0 stack from the same list with the
overrides in requirements-sqlalchemy20.in, Zensical's, and what a reader installs to run the
examples. Needs the package index; nothing else does.
"""

from __future__ import annotations

import subprocess
import sys

from sessionguide.paths import ROOT

UV = "uv==0.13.9"
# (lock file, what it is compiled from, the oldest Python it must install on)
LOCKS = [
    ("requirements.lock", ["pyproject.toml"], "3.11.5"),
    ("requirements-sqlalchemy20.lock",
     ["pyproject.toml", "--override", "requirements-sqlalchemy20.in"], "3.10"),
    ("requirements-zensical.lock", ["requirements-zensical.in"], "3.11.5"),
    ("requirements-reader.lock", ["requirements-reader.in"], "3.11"),
]


def main() -> int:
    target = ROOT / "build" / "uv"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--target", str(target), UV], check=True)
    for lock, sources, python in LOCKS:
        subprocess.run([str(target / "bin" / "uv"), "pip", "compile", *sources, "--universal",
                        "--python-version", python, "--generate-hashes", "--no-header",
                        "--output-file", lock], cwd=ROOT, check=True)
    return 0
