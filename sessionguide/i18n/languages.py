"""The languages the site is built in, and what the project knows about each.

The list comes from mkdocs.yml (the i18n plugin's ``languages``); what the tooling needs to
know about a language (its labels, its Hunspell dictionary, its inflection classes) comes from
``i18n/<lang>.yml``. A new language is a configuration entry, that file and its pages.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from sessionguide.paths import I18N, MKDOCS_YML

DEFAULT_LANGUAGE = "en"


@cache
def _loader():
    import yaml

    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name`` tags need no evaluation."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Loader


def languages() -> list[str]:
    """The languages mkdocs.yml builds, default first."""
    stat = MKDOCS_YML.stat()
    return list(_languages(stat.st_mtime_ns, stat.st_size))


@cache  # by mkdocs.yml's modification time: parsing it is 30 ms, and each build asks thrice
def _languages(mtime_ns: int, size: int) -> tuple[str, ...]:
    import yaml

    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_loader())
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            return tuple(sorted((e["locale"] for e in entries if e.get("build", True)),
                                key=lambda lang: lang != DEFAULT_LANGUAGE))
    return (DEFAULT_LANGUAGE,)


_given: dict[str, dict] = {}


def provide(language: str, given: dict) -> None:
    """Use ``given`` as the language's data: where there are no files (the browser, which gets
    the page's labels with the page)."""
    _given[language] = given
    data.cache_clear()


@cache
def data(language: str) -> dict:
    """``i18n/<language>.yml``, or nothing for a language that has no file yet."""
    if language in _given:
        return _given[language]
    import yaml  # here: the browser has the data, but no yaml

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
