"""The glossary page's list of terms, in the page's language (``glossary()``)."""

from __future__ import annotations

from html import escape

from sessionguide.blocks.output import emit
from sessionguide.blocks.page import current_language
from sessionguide.i18n.glossary import terms
from sessionguide.i18n.languages import DEFAULT_LANGUAGE, languages


def glossary() -> None:
    """Print the glossary into the calling markdown-exec block (``html="1"``).

    Each term is followed by its name in the other languages: on the default language's page,
    every other language's; on another language's page, the default one's.
    """
    lang = current_language()
    others = ([other for other in languages() if other != lang] if lang == DEFAULT_LANGUAGE
              else [DEFAULT_LANGUAGE])
    items = []
    for term in sorted(terms(), key=lambda t: t.get(lang, t["en"]).lower()):
        name = term.get(lang, term["en"])
        glosses = "".join(
            f' <span class="sg-term-other" lang="{other}">({escape(term[other])})</span>'
            for other in others if term.get(other, name) != name
        )
        definition = term["definition"].get(lang, term["definition"]["en"])
        items.append(f'<dt id="{term["id"]}">{escape(name)}{glosses}</dt>'
                     f"<dd>{escape(definition)}</dd>")
    emit(f'<dl class="sg-glossary">{"".join(items)}</dl>')
