"""Shared fixtures: the project root, and the built site."""

from pathlib import Path

import pytest
from sites import built_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site() -> Path:
    """The site `make test` built (SITE_DIR), or one built once for this test session."""
    return built_site()
