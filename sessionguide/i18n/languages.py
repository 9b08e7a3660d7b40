"""The languages the site is built in, and what the project knows about each.

The list comes from mkdocs.yml (the i18n plugin's ``languages``); what the tooling needs to
know about a language (its labels, its Hunspell dictionary, its inflection classes) comes from
``i18n/<lang>.yml``. A new language is a configuration entry, that file and its pages.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

import yaml

from sessionguide.paths import I18N, MKDOCS_YML

DEFAULT_LANGUAGE = "en"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name`` tags need no evaluation here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def languages() -> list[str]:
    """The languages mkdocs.yml builds, default first."""
    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            return sorted((e["locale"] for e in entries if e.get("build", True)),
                          key=lambda lang: lang != DEFAULT_LANGUAGE)
    return [DEFAULT_LANGUAGE]


@cache
def data(language: str) -> dict:
    """``i18n/<language>.yml``, or nothing for a language that has no file yet."""
    path = I18N / f"{language}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def language_of(src_uri: str) -> str:
    """``flush-and-commit.es.md`` is Spanish; ``flush-and-commit.md`` is the default language."""
    suffixes = PurePosixPath(src_uri).suffixes
    return suffixes[-2].lstrip(".") if len(suffixes) >= 2 else DEFAULT_LANGUAGE


def english_source(src_uri: str) -> str:
    """``merge.es.md`` -> ``merge.md``."""
    path = PurePosixPath(src_uri)
    if len(path.suffixes) < 2:
        return src_uri
    return str(path.with_suffix("").with_suffix(".md"))
