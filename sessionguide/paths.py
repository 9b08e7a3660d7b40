"""Where the project's parts are: the one place that knows the checkout's layout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
I18N = ROOT / "i18n"
MKDOCS_YML = ROOT / "mkdocs.yml"
