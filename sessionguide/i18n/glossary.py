"""The glossary: terminology kept as data (i18n/glossary.yml), shown and used on every page.

- ``glossary()`` prints the glossary page's list in the page's language.
- ``link_first_uses()`` links the first use of each term on a page to its entry.
- ``rejected_uses()`` finds the Spanish variants the glossary rejects (tests/test_language.py).
"""

from __future__ import annotations

import posixpath
import re
import sys
from functools import cache
from html import escape

import yaml

from sessionguide import pages

GLOSSARY = pages.DOCS.parent / "i18n" / "glossary.yml"


@cache
def terms() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))


def _pattern(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])",
                      flags)


def glossary() -> None:
    """Print the glossary into the calling markdown-exec block (``html="1"``)."""
    page = pages.current()
    lang = page.lang if page else pages.DEFAULT_LANGUAGE
    other = "en" if lang != "en" else "es"
    items = []
    for term in sorted(terms(), key=lambda t: t.get(lang, t["en"]).lower()):
        name = term.get(lang, term["en"])
        gloss = f' <span class="sg-term-other" lang="{other}">({escape(term[other])})</span>'
        definition = term["definition"].get(lang, term["definition"]["en"])
        items.append(f'<dt id="{term["id"]}">{escape(name)}'
                     f'{gloss if term[other] != name else ""}</dt>'
                     f"<dd>{escape(definition)}</dd>")
    sys._getframe(1).f_globals.get("print", print)(
        f'<dl class="sg-glossary">{"".join(items)}</dl>'
    )


# Text inside these elements is never linked: code, headings, links, generated output (figure).
_SKIP = {"a", "code", "pre", "samp", "kbd", "script", "style", "svg", "figure", "button",
         "label", "summary", "title", "h1", "h2", "h3", "h4", "h5", "h6", "dt"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_FIGURE_OR_TAG = re.compile(r"(<figure\b.*?</figure>|<pre\b.*?</pre>|<[^>]+>)", re.S)


@cache
def _forms(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every form of every term, and which term each form belongs to."""
    owner = {}
    for term in terms():
        for form in term["forms"].get(lang, term["forms"]["en"]):
            owner.setdefault(form.lower(), term["id"])
    return _pattern(list(owner)), owner


def link_first_uses(html: str, lang: str, page_url: str, glossary_url: str) -> str:
    """Link the first use of each glossary term in the page's prose to the glossary."""
    href_base = posixpath.relpath(glossary_url.rstrip("/"), page_url.rstrip("/") or ".") + "/"
    pattern, owner = _forms(lang)
    linked: set[str] = set()
    out, skip = [], 0

    def link(match: re.Match[str]) -> str:
        term_id = owner[match.group(0).lower()]
        if term_id in linked:
            return match.group(0)
        linked.add(term_id)
        return f'<a class="sg-term" href="{href_base}#{term_id}">{match.group(0)}</a>'

    for token in _FIGURE_OR_TAG.split(html):
        if token.startswith(("<figure", "<pre")):  # output and code, skipped whole: most tags
            out.append(token)
            continue
        tag = _TAG.fullmatch(token)
        if tag:
            if tag.group(2).lower() in _SKIP and not tag.group(3):
                skip += -1 if tag.group(1) else 1
            out.append(token)
        elif skip or not token.strip():
            out.append(token)
        else:
            out.append(pattern.sub(link, token))
    return "".join(out)


def rejected_uses(text: str) -> list[tuple[int, str, str]]:
    """(line, variant, the term to use instead) for each rejected Spanish variant in ``text``."""
    found = []
    for term in terms():
        if not term.get("reject"):
            continue
        pattern = _pattern(term["reject"])
        for number, line in enumerate(text.splitlines(), 1):
            for match in pattern.finditer(line):
                found.append((number, match.group(0), term["es"]))
    return found
