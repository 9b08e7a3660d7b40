"""Fixture projects: the project's configuration and tooling, with a test's own pages."""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent


def make_project(
    tmp: Path,
    pages: dict[str, str],
    snippets: dict[str, str],
    edit_config: Callable[[str], str] = lambda config: config,
) -> Path:
    """A copy of the project's configuration and tooling with only the given pages."""
    for folder in ("sessionguide", "tests", "i18n", "docs/stylesheets", "overrides"):
        # (not the project's expected transcripts: the fixture's examples are its own)
        shutil.copytree(ROOT / folder, tmp / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "expected"))
    shutil.copy(ROOT / "pyproject.toml", tmp)
    english = [name for name in pages if len(PurePath(name).suffixes) == 1]
    nav = "nav:\n" + "".join(f"  - {name}\n" for name in english)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^nav:\n(  - .*\n(      - .*\n)*)+", nav, config)
    (tmp / "mkdocs.yml").write_text(edit_config(config))
    for name, text in pages.items():
        (tmp / "docs" / name).write_text(text, encoding="utf-8")
    (tmp / "snippets").mkdir()
    shutil.copy(ROOT / "snippets" / "differs-in-sqlalchemy-2.0.txt", tmp / "snippets")
    for name, text in snippets.items():
        (tmp / "snippets" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "snippets" / name).write_text(text, encoding="utf-8")
    return tmp


def show_block(snippet: str) -> str:
    """The block a page includes an example with (``snippet``: ``<page>/<example>.py``)."""
    return ('```python exec="1" html="1"\nfrom sessionguide.blocks import show\n'
            f'show("{snippet}")\n```\n')


def run(project: Path, *args: str,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m <args>`` in the fixture project (``env``: variables to add)."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("SITE_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, env=env, capture_output=True, text=True
    )


def run_examples(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(project, "pytest", "tests/test_examples.py", "-p", "no:cacheprovider", *args)


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return run(project, "mkdocs", "build", "--strict", "--site-dir", str(project / "site"))




@functools.cache
def given_site() -> Path | None:
    """SITE_DIR if it holds a built site, as `make test` passes it."""
    given = os.environ.get("SITE_DIR")
    return Path(given) if given and Path(given, "index.html").is_file() else None


def built_site() -> Path:
    """SITE_DIR if it holds a built site (as `make test` passes it), else a fresh build."""
    given = given_site()
    if given is not None:
        return given
    out = Path(tempfile.mkdtemp(prefix="site-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    return out
