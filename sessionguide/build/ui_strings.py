"""The theme's words in each language, from data: ``theme:`` in ``i18n/<lang>.yml``.

Material takes every word it shows (buttons, tooltips, ``aria-label``s, the search box and the
strings its JavaScript shows, which it reads from each page's ``__config``) from its own
per-language templates, some of them in another register than the site's, and writes a few in
English whatever the language: the 404 page's heading, the footer's "Made with". The templates
in ``overrides/`` (Material's ``custom_dir``) look every word up in the language's data first
(``theme_words``, put in the Jinja environment here), then in Material's translation, then in
English, so that a language's file decides what its readers see and a new language adds a file,
not code.

One word is not the theme's: the title of each heading's permalink, which the ``toc`` Markdown
extension writes with one setting for every language (``permalink_title``, "Permanent link" by
default). ``localize_permalinks`` gives each language's pages its own (``toc.permalink``).
"""

from __future__ import annotations

import re
from html import escape

from sessionguide.i18n.labels import theme_word, theme_words

_DEFAULT_PERMALINK_TITLE = "Permanent link"  # the toc extension's default


def add_to_env(env, language: str) -> None:
    """Give the templates of ``overrides/`` the language's words, and the English fallback."""
    env.globals["theme_words"] = {"own": theme_words(language), "english": theme_words("en")}


def permalink_title(config) -> str:
    """The permalink title the Markdown build writes, whatever the page's language."""
    toc = (getattr(config, "mdx_configs", None) or {}).get("toc") or {}
    return toc.get("permalink_title", _DEFAULT_PERMALINK_TITLE)


def localize_permalinks(html: str, language: str, written: str) -> str:
    """Replace the title ``written`` of every heading's permalink by the language's own."""
    title = theme_word("toc.permalink", language)
    if not title or title == written:
        return html
    pattern = re.compile(r'(<a class="headerlink" href="[^"]*" title=")'
                         + re.escape(escape(written)) + '"')
    return pattern.sub(lambda m: m.group(1) + escape(title) + '"', html)
