"""Shared fixtures: the project root, and the built site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """`make test` builds the site first and passes its directory in SITE_DIR; run alone,
    the tests build it into a temporary directory."""
    if os.environ.get("SITE_DIR") and Path(os.environ["SITE_DIR"], "index.html").is_file():
        return Path(os.environ["SITE_DIR"])
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    return out
