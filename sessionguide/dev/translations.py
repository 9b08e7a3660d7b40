"""``make translations``: which translations need work, with what changed in English since."""

from __future__ import annotations

import subprocess

from sessionguide.i18n.languages import languages
from sessionguide.i18n.translations import (
    MISSING,
    OUTDATED,
    UP_TO_DATE,
    Status,
    status,
    translation_of,
)
from sessionguide.paths import ROOT


def english_diff(item: Status) -> str:
    if not item.recorded:
        return "  (the translation records no English version: run `mark` after checking it)\n"
    result = subprocess.run(
        ["git", "diff", "--no-color", item.recorded, item.current],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        return (f"  (git does not know English version {item.recorded[:10]}: it was never "
                "committed; compare with the English page by hand)\n")
    return result.stdout


def report(show_diff: bool) -> int:
    """Print what needs work; return how many pages do."""
    todo = 0
    for language in languages()[1:]:
        items = status(language)
        counts = {s: sum(i.state == s for i in items) for s in (UP_TO_DATE, OUTDATED, MISSING)}
        print(f"{language}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
        for item in items:
            if item.state in (OUTDATED, MISSING):
                todo += 1
                target = f"docs/{translation_of(item.page, language).name}"
                print(f"  {item.state:8} {target}")
                if show_diff and item.state == OUTDATED:
                    print(english_diff(item))
    return todo
