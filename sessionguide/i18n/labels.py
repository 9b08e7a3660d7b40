"""The words the generated parts of a page and the theme show, per language (``i18n/<lang>.yml``).

``label()``: the generated parts (``labels:``). ``theme_word()`` / ``theme_words()``: the
theme's own words (``theme:``, keyed like Material's translations, plus the site's own keys
``404.title``, ``404.text``, ``footer.generator`` and ``toc.permalink``). English is the fallback
for a label a language's file does not have yet; for the theme, Material's own translation of
the language comes before it (see sessionguide/build/ui_strings.py).
"""

from __future__ import annotations

from sessionguide.i18n.languages import DEFAULT_LANGUAGE, data


def label(key: str, lang: str):
    return data(lang).get("labels", {}).get(key) or data(DEFAULT_LANGUAGE)["labels"][key]


def theme_words(lang: str) -> dict[str, str]:
    return dict(data(lang).get("theme") or {})


def theme_word(key: str, lang: str) -> str | None:
    return theme_words(lang).get(key) or theme_words(DEFAULT_LANGUAGE).get(key)
