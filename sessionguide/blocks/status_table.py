"""The translation status page's table (``translation_status()``)."""

from __future__ import annotations

from sessionguide.blocks.output import emit
from sessionguide.blocks.page import current_language
from sessionguide.i18n.labels import label
from sessionguide.i18n.languages import languages
from sessionguide.i18n.translations import status
from sessionguide.paths import DOCS


def translation_status() -> None:
    """Print the translation status of every page into the calling markdown-exec block."""
    lang = current_language()
    rows = [f"| {label('status_page', lang)} | {label('status_language', lang)} | "
            f"{label('status_state', lang)} |", "|---|---|---|"]
    for language in languages()[1:]:
        for item in status(language):
            name = item.page.relative_to(DOCS).as_posix()
            rows.append(f"| [{name}]({name}) | {language} | {label(item.state, lang)} |")
    emit("\n".join(rows))
