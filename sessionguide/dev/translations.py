"""``make translations``: which translations need work, with what changed in English since.

A translation records the English version it follows as a git blob id (``translated_from``).
The diff compares that version with the English page as it is on disk, committed or not, so a
translator sees the change before it is committed too. Each side is labelled with the commit
(and its date) where that version of the English page was committed, or "working tree" for a
version not committed yet. When the recorded version is unknown to the repository (a mistyped
id, a clone without that history, no repository at all), the report says so and prints the
whole current English page instead.
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

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


def _git(root: Path, *args: str) -> str | None:
    """What ``git <args>`` prints in ``root``, or None if it fails (or git is missing)."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def blob_text(blob: str, root: Path = ROOT) -> str | None:
    """The text of a version of a page, by its blob id, if the repository has it."""
    return _git(root, "cat-file", "blob", blob)


def committed_in(blob: str, path: str, root: Path = ROOT) -> str | None:
    """"<commit> (<date>)": the last commit that wrote this version of ``path``, if any."""
    log = _git(root, "log", "--format=commit %H %ad", "--date=short", "--raw", "--no-abbrev",
               "--", path)
    commit = None
    for line in (log or "").splitlines():
        if line.startswith("commit "):
            commit = line.split(maxsplit=1)[1]
        elif line.startswith(":") and commit:
            new_blob = line.split()[3]
            if new_blob == blob:  # the log is newest first: the latest commit of that version
                full, date = commit.split()
                return f"{full[:10]} ({date})"
    return None


def version_label(blob: str, path: str, root: Path = ROOT, on_disk: bool = False) -> str:
    """Where a version of ``path`` comes from, for a reader: a commit and its date."""
    committed = committed_in(blob, path, root)
    if committed:
        return f"committed in {committed}"
    return "working tree, not committed yet" if on_disk else f"never committed ({blob[:10]})"


def english_diff(item: Status, root: Path = ROOT) -> str:
    """What changed in the English page since the version the translation records."""
    if not item.recorded:
        return "  (the translation records no English version: run `mark` after checking it)\n"
    path = item.page.relative_to(root).as_posix() if item.page.is_relative_to(root) \
        else item.page.name
    current = item.page.read_text(encoding="utf-8")
    old = blob_text(item.recorded, root)
    if old is None:
        page = "".join(f"  {line}" for line in current.splitlines(keepends=True))
        return (f"  (the translation records English version {item.recorded[:10]}, which this "
                f"repository does not have: compare the translation with the whole current "
                f"English page, {version_label(item.current, path, root, on_disk=True)}:)\n"
                f"{page}\n")
    diff = difflib.unified_diff(
        old.splitlines(keepends=True), current.splitlines(keepends=True),
        fromfile=f"{path}, as translated: {version_label(item.recorded, path, root)}",
        tofile=f"{path}, now: {version_label(item.current, path, root, on_disk=True)}",
    )
    return "".join(diff)


def report(show_diff: bool, root: Path = ROOT) -> int:
    """Print what needs work; return how many pages do."""
    todo = 0
    for language in languages()[1:]:
        items = status(language, root / "docs")
        counts = {s: sum(i.state == s for i in items) for s in (UP_TO_DATE, OUTDATED, MISSING)}
        print(f"{language}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
        for item in items:
            if item.state in (OUTDATED, MISSING):
                todo += 1
                target = f"docs/{translation_of(item.page, language).name}"
                print(f"  {item.state:8} {target}")
                if show_diff and item.state == OUTDATED:
                    print(english_diff(item, root))
    return todo


# The tests a translator's change can break, without the two that build fixture sites.
LANGUAGE_TESTS = ["tests/test_language.py", "tests/test_translations.py",
                  "tests/test_ui_language.py"]
_BUILDING_TESTS = ["outdates_its_translation_and_shows_a_notice", "third_language"]
_SITE_TEST = "the_translated_site_shows_no_english"


def built_site(root: Path = ROOT) -> Path | None:
    """The site ``make build`` wrote (SITE_DIR, by default site/), if there is one."""
    import os

    site = Path(os.environ.get("SITE_DIR") or root / "site")
    return site if (site / "index.html").is_file() else None


def _newest_change(root: Path) -> float:
    sources = [*(root / "docs").rglob("*.md"), *(root / "i18n").iterdir(), root / "mkdocs.yml"]
    return max(p.stat().st_mtime for p in sources if p.is_file())


def check_language(root: Path = ROOT) -> int:
    """``python -m sessionguide check-language``: spelling, the glossary's terms and usage
    patterns, anchors, the same examples in every language, the translation status and, on an
    already built site, the UI words; in seconds, without building anything."""
    import os
    import sys

    deselect = list(_BUILDING_TESTS)
    env = dict(os.environ)
    site = built_site(root)
    if site is None:
        deselect.append(_SITE_TEST)
        note = ("no built site: the theme's and the generated parts' words were not checked "
                "(run `make build`, then this again)")
    else:
        env["SITE_DIR"] = str(site)
        note = f"the theme's and the generated parts' words: checked on {site}"
        if site.joinpath("index.html").stat().st_mtime < _newest_change(root):
            note += (", built before your latest change to docs/, i18n/ or mkdocs.yml: "
                     "run `make build` to check that change's words too")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *LANGUAGE_TESTS,
               "-k", " and ".join(f"not {name}" for name in deselect)]
    code = subprocess.call(command, cwd=root, env=env)
    print()
    report(show_diff=False, root=root)
    print(f"\n{note}")
    return code
