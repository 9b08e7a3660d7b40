"""The words a built page shows or reads out that are in another language than the page's.

A reader sees or hears more than the prose: the theme's buttons and tooltips, the search box, the
footer, the 404 page, the generated tables and notices, the SVG figures, and the strings
Material's JavaScript shows (``translations`` in each page's ``__config``) or the site's own
scripts show (the ``labels`` of their JSON data). ``visible_strings()`` collects them from a
page's HTML: every text node and every attribute that is read out (``title``, ``aria-label``,
``alt``, ``placeholder``, ...), outside code (``<code>``, ``<pre>``, ``<samp>``, ``<kbd>``) and
outside elements marked as written in another language (``lang="en"``: a quoted English title,
a language's own name in the language selector). ``foreign_words()`` finds the English words in
one of those strings.

A word is English when the English dictionary knows it and the page language's does not, and
it is not one of the words that language's edition uses on purpose: the English terms the
glossary keeps (flush, commit, the object states, ...) and the short reviewed list
``english_words`` of ``i18n/<lang>.yml`` (proper names, the example's people, a few established
loanwords). Code-like tokens (file names,
calls, ``name=``, string literals, SQL keywords) are code even where a page prints them as text.

Used by tests/test_ui_language.py and ``python -m sessionguide check-language``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from sessionguide.i18n.glossary import terms
from sessionguide.i18n.languages import DEFAULT_LANGUAGE, data
from sessionguide.i18n.spelling import dictionary

# Attributes whose value a reader sees (a tooltip, a placeholder) or hears (a screen reader).
READ_ATTRIBUTES = frozenset({
    "title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription",
    "aria-valuetext", "aria-placeholder",
})
# Material's data-md-* attributes that are identifiers for its JavaScript, never shown; any other
# data-md-* attribute (a tooltip) is checked like a title.
IDENTIFIER_ATTRIBUTES = frozenset({
    "data-md-component", "data-md-toggle", "data-md-type", "data-md-state", "data-md-scrollfix",
    "data-md-color-media", "data-md-color-scheme", "data-md-color-primary",
    "data-md-color-accent", "data-md-color-switching", "data-md-level",
})
CODE = frozenset({"code", "pre", "samp", "kbd"})
_UNSHOWN = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr", "path", "circle", "rect", "line", "polyline",
                   "polygon", "ellipse", "use", "stop"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Shown:
    where: str  # e.g. "text in <td>", "title of <a>", "__config translations: search.result.none"
    text: str
    in_heading: bool = False


@dataclass
class _Element:
    tag: str
    language: str
    hidden_text: bool  # inside code or a script: its text is not checked


class _Collector(HTMLParser):
    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[_Element] = []
        self.found: list[Shown] = []
        self.headings: list[str] = []  # the text of each heading, code included
        self._heading: list[str] | None = None
        self._script: tuple[dict, list[str]] | None = None

    def _current(self) -> _Element:
        return self.stack[-1] if self.stack else _Element("", self.language, False)

    def _foreign(self, language: str) -> bool:
        return language.split("-")[0].lower() != self.language

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = {name: value or "" for name, value in attrs}
        parent = self._current()
        language = attributes.get("lang") or parent.language
        if tag == "html":
            language = self.language
        hidden = parent.hidden_text or tag in CODE or tag in _UNSHOWN
        if not parent.hidden_text and not self._foreign(language):
            for name, value in attributes.items():
                read = name in READ_ATTRIBUTES or (
                    name.startswith("data-md-") and name not in IDENTIFIER_ATTRIBUTES)
                if read and value.strip():
                    self.found.append(Shown(f"{name} of <{tag}>", value))
            if tag == "meta" and attributes.get("name") == "description":
                self.found.append(Shown("<meta name=description>", attributes.get("content", "")))
        if tag == "script":
            self._script = (attributes, [])
        if tag in _HEADINGS and self._heading is None:
            self._heading = []
        if tag not in _VOID:
            self.stack.append(_Element(tag, language, hidden))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._read_script(*self._script)
            self._script = None
        if tag in _HEADINGS and self._heading is not None:
            self.headings.append(_normal(" ".join(self._heading).replace("¶", "")))
            self._heading = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, text: str) -> None:
        if self._script is not None:
            self._script[1].append(text)
            return
        current = self._current()
        if self._heading is not None and current.tag not in _UNSHOWN:
            self._heading.append(text)
        if current.hidden_text or self._foreign(current.language) or not text.strip():
            return
        where = f"text in <{current.tag or 'document'}>"
        if current.tag != "svg" and any(e.tag == "svg" for e in self.stack):
            where += " of an <svg>"
        self.found.append(Shown(where, text, self._heading is not None))

    def _read_script(self, attributes: dict, parts: list[str]) -> None:
        if attributes.get("type") != "application/json":
            return
        try:
            value = json.loads("".join(parts))
        except ValueError:
            return
        if attributes.get("id") == "__config":  # Material's: what its JavaScript shows
            for key, text in (value.get("translations") or {}).items():
                self.found.append(Shown(f"__config translations: {key}", str(text)))
        elif isinstance(value, dict) and isinstance(value.get("labels"), dict):
            for key, text in value["labels"].items():
                if isinstance(text, str):
                    self.found.append(Shown(f"labels of a script's data: {key}", text))


def _normal(text: str) -> str:
    return " ".join(text.split())


def _collect(html: str, language: str) -> _Collector:
    collector = _Collector(language)
    collector.feed(html)
    collector.close()
    return collector


def visible_strings(html: str, language: str) -> list[Shown]:
    """What a page in ``language`` shows or reads out, outside code and other languages.

    A string that repeats a heading of the page (the table of contents, the labels Material
    gives its parts) is left out: the heading itself is checked, with its code marked as code.
    """
    collector = _collect(html, language)
    headings = set(collector.headings)
    return [s for s in collector.found if s.in_heading or _normal(s.text) not in headings]


# Tokens that are code even where a page prints them as text (a table cell, a file's name).
_CODE_LIKE = [
    re.compile(r"[\w./-]*\w\.(?:md|py|yml|yaml|txt|json|html|js|css|db)\b"),  # file names
    re.compile(r"\w+://\S*"),  # URLs, sqlite://
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\""),  # string literals
    re.compile(r"[A-Za-z_][\w.]*\("),  # calls: session.get(
    re.compile(r"\b\w+(?:\.\w+)+"),  # dotted names: session.dirty
    re.compile(r"\b\w*_\w*"),  # snake_case names
    re.compile(r"\b\w+\s*=(?!=)"),  # keyword arguments and assignments: name=, user =
    re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b"),  # CamelCase names: AsyncSession
    re.compile(r"\b[A-Z0-9]{2,}\b"),  # SQL keywords and acronyms
    re.compile(r"\b(?:True|False|None)\b"),
]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def allowed_english(language: str) -> frozenset[str]:
    """The English words a page in ``language`` may show as text: the terms the glossary keeps
    in English, and ``english_words`` in ``i18n/<language>.yml``."""
    kept = {word for term in terms() if term.get("keep") for word in term["en"].split()}
    listed = data(language).get("english_words") or []
    return frozenset(word.lower() for word in [*kept, *listed])


def _allowed_word(word: str, allowed: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in allowed or (lower.endswith("s") and lower[:-1] in allowed)  # plurals


@cache
def _is_english(word: str, language: str) -> bool:
    english, own = dictionary(DEFAULT_LANGUAGE), dictionary(language)
    return bool(english.lookup(word)) and not own.lookup(word) and not own.lookup(word.lower())


def foreign_words(text: str, language: str) -> list[str]:
    """The English words in ``text``, shown on a page in ``language`` (never for English)."""
    if language == DEFAULT_LANGUAGE:
        return []
    for pattern in _CODE_LIKE:
        text = pattern.sub(" ", text)
    allowed = allowed_english(language)
    return [word for word in _WORD.findall(text)
            if len(word) > 1 and not _allowed_word(word, allowed) and _is_english(word, language)]


@dataclass(frozen=True)
class Finding:
    page: str
    where: str
    text: str
    words: tuple[str, ...]


def untranslated_notice(language: str) -> str:
    from sessionguide.i18n.labels import label

    return label("untranslated", language)[0]


def check_page(html: str, language: str, page: str) -> list[Finding]:
    """The strings of a built page that show English words to a reader of ``language``.

    A page shown in English on purpose (not translated yet, with the notice that says so) is
    checked outside its article only.
    """
    english_headings: list[str] = []
    if untranslated_notice(language) in html:
        start, end = html.find("<article"), html.rfind("</article>")
        if start != -1 and end != -1:
            english_headings = sorted(_collect(html[start:end], language).headings, key=len,
                                      reverse=True)  # also in the title and the contents
            html = html[:start] + html[end:]
    findings = []
    for shown in visible_strings(html, language):
        text = _normal(shown.text)
        for heading in english_headings:
            text = text.replace(heading, " ")
        words = foreign_words(text, language)
        if words:
            findings.append(Finding(page, shown.where, _normal(shown.text), tuple(words)))
    return findings
