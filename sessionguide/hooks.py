"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.plugins import event_priority

from sessionguide import pages
from sessionguide.labels import label


def on_page_markdown(markdown, page, config, files):
    pages.set_current(page.file.src_uri)
    building = config.theme["language"]
    written_in = pages.language_of(page.file.src_uri)
    if building != written_in:
        # mkdocs-static-i18n falls back to the English page silently; say so on the page.
        notice = label("untranslated", building)
        return f'!!! warning "{notice[0]}"\n\n    {notice[1]}\n\n{markdown}'
    return markdown


def on_page_content(html, page, config, files):
    pages.set_current(None)
    return html


# mkdocs-static-i18n builds every language into the same site_dir, so the last language's
# 404.html and sitemap.xml overwrite the default one's. Keep each language's own copy.
_per_language: dict[tuple[str, str], str] = {}


def on_post_template(output, template_name, config):
    if template_name in ("404.html", "sitemap.xml"):
        _per_language[(config.theme["language"], template_name)] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    for (language, name), output in _per_language.items():
        # Material fetches sitemap.xml beside each language's root to map pages across languages.
        folder = site if language == i18n.default_language else site / language
        (folder / name).write_text(output, encoding="utf-8")
        if name == "sitemap.xml":
            with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as gz:
                gz.write(output.encode("utf-8"))
