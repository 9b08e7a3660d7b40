"""Shared fixtures: the project root, and the built site."""

import os
from pathlib import Path

import pytest
from sites import built_site

ROOT = Path(__file__).resolve().parent.parent
# The browser's Python, which every build copies into its site: where `make
# vendor-browser-runtime` put it (the Makefile sets this too), also for a plain `pytest` run
# and the fixture projects' builds (a build without it fails, saying to run that target).
os.environ.setdefault("SESSIONGUIDE_BROWSER_RUNTIME", str(ROOT / "build" / "pyodide"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site() -> Path:
    """The site `make test` built (SITE_DIR), or one built once for this test session."""
    return built_site()
