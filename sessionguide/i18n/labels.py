"""The words the generated parts of a page show, per language (``i18n/<lang>.yml``).

English is the fallback for a label a language's file does not have yet.
"""

from __future__ import annotations

from sessionguide.i18n.languages import DEFAULT_LANGUAGE, data


def label(key: str, lang: str):
    return data(lang).get("labels", {}).get(key) or data(DEFAULT_LANGUAGE)["labels"][key]
