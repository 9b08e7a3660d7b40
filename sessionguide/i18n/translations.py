"""Translation status: which pages are translated, up to date, outdated or missing.

A translated page records, in its front matter, the version of the English page it translates:
``translated_from: <git blob id of docs/<page>.md>``, which ``mark`` writes. When the English
page changes, its blob id changes and the translation is outdated.

    python -m sessionguide translations            # what needs work, per language
    python -m sessionguide translations --diff     # the same, with the English changes
    python -m sessionguide translations mark docs/merge.es.md   # after translating it
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sessionguide.paths import DOCS, ROOT

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)

UP_TO_DATE, OUTDATED, MISSING, NOT_YET = "up to date", "outdated", "missing", "not translated yet"


def blob_id(path: Path) -> str:
    """What ``git hash-object <path>`` prints, computed without git."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class FrontMatterError(ValueError):
    """A page's front matter is not valid YAML; the message names the file."""


def front_matter(path: Path) -> dict:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise FrontMatterError(f"{path}: its front matter is not valid YAML ({error}). Fix it, "
                               "or remove the block between the --- lines.") from None
    if not isinstance(data, dict):
        raise FrontMatterError(f"{path}: its front matter is not a mapping of keys to values")
    return data


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
