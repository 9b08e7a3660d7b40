"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml)."""

from __future__ import annotations

import shutil
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


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    # Material fetches sitemap.xml beside each language's root to map pages between
    # languages; mkdocs-static-i18n writes only the root one, which lists every language.
    site = Path(config.site_dir)
    for language in i18n.build_languages:
        if language != i18n.default_language:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                shutil.copyfile(site / name, site / language / name)
