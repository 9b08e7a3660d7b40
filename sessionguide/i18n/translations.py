"""Translation status: which pages are translated, up to date, outdated or missing.

A translated page records, in its front matter, the version of the English page it translates:
``translated_from: <git blob id of docs/<page>.md>``, which ``mark`` writes. When the English
page changes, its blob id changes and the translation is outdated; ``git diff <old> <new>``
shows what changed in English since, as long as the old version was ever committed.

    python -m sessionguide.translations            # what needs work, per language
    python -m sessionguide.translations --diff     # the same, with the English changes
    python -m sessionguide.translations mark docs/merge.es.md   # after translating it
"""

from __future__ import annotations

import argparse
import hashlib
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from sessionguide import pages
from sessionguide.pages import DEFAULT_LANGUAGE, DOCS

ROOT = DOCS.parent
NOT_TRANSLATED = ROOT / "i18n" / "not-translated.txt"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)

UP_TO_DATE, OUTDATED, MISSING, NOT_YET = "up to date", "outdated", "missing", "not translated yet"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name`` tags need no evaluation here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def languages() -> list[str]:
    """The languages mkdocs.yml builds, default first."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            return sorted((e["locale"] for e in entries if e.get("build", True)),
                          key=lambda lang: lang != DEFAULT_LANGUAGE)
    return [DEFAULT_LANGUAGE]


def blob_id(path: Path) -> str:
    """What ``git hash-object <path>`` prints, computed without git."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def front_matter(path: Path) -> dict:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def english_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if len(p.suffixes) == 1)


def translation_of(page: Path, language: str) -> Path:
    return page.with_suffix(f".{language}.md")


def listed_as_not_translated(root: Path = ROOT) -> set[str]:
    path = root / "i18n" / "not-translated.txt"
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@dataclass(frozen=True)
class Status:
    page: Path  # the English page
    language: str
    state: str
    recorded: str | None = None  # the English version the translation was made from
    current: str | None = None


def status(language: str, docs: Path = DOCS) -> list[Status]:
    skipped = listed_as_not_translated(docs.parent)
    result = []
    for page in english_pages(docs):
        translated = translation_of(page, language)
        rel = page.relative_to(docs).as_posix()
        if not translated.exists():
            state = NOT_YET if f"{language} {rel}" in skipped else MISSING
            result.append(Status(page, language, state))
            continue
        recorded = front_matter(translated).get("translated_from")
        current = blob_id(page)
        state = UP_TO_DATE if recorded == current else OUTDATED
        result.append(Status(page, language, state, recorded, current))
    return result


def mark(translated: Path) -> None:
    """Record that ``translated`` now matches its English page as it is on disk."""
    english = translated.with_suffix("").with_suffix(".md")
    text = translated.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    meta = front_matter(translated)
    meta["translated_from"] = blob_id(english)
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    body = text[match.end():] if match else "\n" + text
    translated.write_text(f"---\n{header}---\n{body}", encoding="utf-8")


def outdated_notice(english: Path, meta: dict, page_url: str, language: str) -> str | None:
    """The Markdown notice a translated page shows while its English page has changed."""
    if meta.get("translated_from") == blob_id(english):
        return None
    from sessionguide.labels import label  # labels is data only; imported late to stay light

    english_url = page_url.removeprefix(f"{language}/")
    href = posixpath.relpath(english_url or ".", page_url.rstrip("/") or ".") + "/"
    title, text, link = label("outdated_notice", language)
    return (f'!!! warning "{title}"\n\n    {text} <a href="{href}" hreflang="en">{link}</a>.\n\n')


def status_table() -> None:
    """Print the translation status of every page into the calling markdown-exec block."""
    from sessionguide.labels import label

    page = pages.current()
    lang = page.lang if page else DEFAULT_LANGUAGE
    rows = [f"| {label('status_page', lang)} | {label('status_language', lang)} | "
            f"{label('status_state', lang)} |", "|---|---|---|"]
    for language in languages()[1:]:
        for item in status(language):
            name = item.page.relative_to(DOCS).as_posix()
            rows.append(f"| [{name}]({name}) | {language} | {label(item.state, lang)} |")
    sys._getframe(1).f_globals.get("print", print)("\n".join(rows))


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sessionguide.translations")
    parser.add_argument("--diff", action="store_true", help="show what changed in English")
    sub = parser.add_subparsers(dest="command")
    marking = sub.add_parser("mark", help="record that translated pages match English now")
    marking.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "mark":
        for page in args.pages:
            mark(page)
            print(f"{page}: translated_from {front_matter(page)['translated_from']}")
        return
    report(args.diff)


if __name__ == "__main__":
    sys.exit(main())
