"""Make each language a site of its own: 404 page, sitemap and search index.

mkdocs-static-i18n builds every language into one site_dir, one after the other, so the last
language's 404.html and sitemap.xml overwrite the default one's, and it merges all languages
into one search index, which the pages of every language load. Here each language gets its
own: ``<lang>/404.html``, ``<lang>/sitemap.xml`` (Material fetches it beside each language's
root) and ``<lang>/search/search_index.json`` with only that language's pages and stop words,
and other forms of its words (``search_forms``).
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

_templates: dict[tuple[str, str], str] = {}


def remember_template(language: str, name: str, output: str) -> None:
    if name in ("404.html", "sitemap.xml"):
        _templates[(language, name)] = output


def language_root(site: Path, language: str, default: str) -> Path:
    return site if language == default else site / language


def write_templates(site: Path, default: str, base: str) -> None:
    """``base``: the site's path on its host (``/`` unless site_url has one)."""
    written = list(_templates.items())
    _templates.clear()  # the next build (mkdocs serve) renders them again
    for (language, name), output in written:
        folder = language_root(site, language, default)
        if name == "404.html":
            # Served at any depth, so its links are absolute; the template was rendered with
            # the last page's alternates, which must be the language roots.
            output = _ALTERNATE.sub(
                lambda m: f'<link rel="alternate" href="{base}'
                f'{"" if m.group(1) == default else m.group(1) + "/"}" hreflang="{m.group(1)}">',
                output,
            )
            if language != default:
                output = point_base_at_language_root(output, language)
        (folder / name).write_text(output, encoding="utf-8")
        if name == "sitemap.xml":
            with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as gz:
                gz.write(output.encode("utf-8"))


def split_search_index(site: Path, languages: list[str], default: str,
                       rework: Callable[[str, dict], dict]) -> None:
    """``rework(language, index)``: the language's index as it is to be written."""
    index_file = site / "search" / "search_index.json"
    merged = json.loads(index_file.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    for language in languages:
        prefix = "" if language == default else f"{language}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix):]}
            for doc in merged["docs"]
            if doc["location"].startswith(prefix)
            and (prefix or not any(doc["location"].startswith(f"{o}/") for o in others))
        ]
        index = {**merged, "config": {**merged["config"], "lang": [language]}, "docs": docs}
        index = rework(language, index)
        target = language_root(site, language, default) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_base_at_language_root(html: str, language: str) -> str:
    """Material loads ``<base>/search/search_index.json``: make base the language's root."""

    def rebase(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        base = config["base"]
        if base.startswith("/"):  # 404.html, served at any depth
            config["base"] = base.rstrip("/") + f"/{language}"
        else:  # one level less up: from the page to <language>/, not to the site root
            config["base"] = "/".join(base.split("/")[:-1]) or "."
        return match.group(1) + json.dumps(config) + match.group(3)

    return _CONFIG.sub(rebase, html, count=1)


_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')


def point_alternates_at_language_roots(html: str, page_url: str, default: str) -> str:
    """Make the head's ``<link rel=alternate>`` point at each language's root.

    Material fetches ``sitemap.xml`` beside each of these links and uses it to send the
    language switcher to the same page; mkdocs-static-i18n makes them point at the page
    itself, where there is no sitemap (a 404 on every page). The switcher's own links keep
    pointing at the same page in the other language.
    """
    here = posixpath.dirname(page_url.rstrip("/")) if not page_url.endswith("/") else page_url

    def to_root(match: re.Match[str]) -> str:
        language = match.group(1)
        root = "" if language == default else f"{language}/"
        href = posixpath.relpath(root or ".", here or ".") + "/"
        return f'<link rel="alternate" href="{href}" hreflang="{language}">'

    return _ALTERNATE.sub(to_root, html)
