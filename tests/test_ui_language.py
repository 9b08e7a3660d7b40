"""A translated site speaks its language everywhere a reader looks or listens.

Not only the pages' prose: the theme's buttons, tooltips and labels for screen readers, the
search box and the strings Material's JavaScript shows, the footer, the 404 page, the generated
tables, notices and figures. The check (sessionguide/i18n/ui_text.py) reads every page of the
built site; the only English it lets through is code, elements marked as English (lang="en"),
and the words the language's edition uses on purpose (its word list, the glossary's kept terms,
and english_words in i18n/<lang>.yml).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from sessionguide.build.ui_strings import localize_permalinks
from sessionguide.i18n.labels import theme_words
from sessionguide.i18n.languages import languages
from sessionguide.i18n.ui_text import check_page
from sessionguide.paths import ROOT

TRANSLATIONS = languages()[1:]


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_translated_site_shows_no_english(site: Path, language: str) -> None:
    root = site / language
    pages = sorted(root.rglob("*.html"))
    assert pages, f"no built pages in {root}"
    findings = [f for page in pages
                for f in check_page(page.read_text(encoding="utf-8"), language,
                                    page.relative_to(root).as_posix())]
    listing = "\n".join(
        f"  {language}/{f.page}: {f.where}: {', '.join(f.words)} in «{f.text[:120]}»"
        for f in findings
    )
    assert not findings, (
        f"English words a reader of the {language} site sees or hears:\n{listing}\n"
        f"Translate them where they come from: the page (docs/*.{language}.md), the theme's "
        f"words (theme: in i18n/{language}.yml), the generated parts (labels: there), the "
        f"navigation (nav_translations in mkdocs.yml). Mark a quoted English title with "
        f'lang="en"; a proper or API name that must stay goes to english_words in '
        f"i18n/{language}.yml, code goes in code format."
    )


ENGLISH_PAGE = """<!doctype html><html lang="es"><head>
<title>Merge - The SQLAlchemy Session, executed</title>
<meta name="description" content="SQLAlchemy's Session explained with examples">
</head><body>
<nav aria-label="Table of contents"></nav>
<a class="headerlink" href="#x" title="Permanent link">¶</a>
<input placeholder="Search">
<img src="x.png" alt="A diagram of the states">
<button data-md-tooltip="Copy to clipboard"></button>
<svg><title>The states of an object</title><text x="1" y="1">another connection sees</text></svg>
<table><tr><td>persistent (identity map)</td></tr></table>
<div class="md-copyright">Made with</div>
<h1>404 - Not found</h1>
<script id="__config" type="application/json">{"translations": {"search.result.none":
"No matching documents"}}</script>
<script type="application/json">{"labels": {"step_next": "Next step"}}</script>
</body></html>"""
EXPECTED = {
    "<meta name=description>", "text in <title>", "aria-label of <nav>", "title of <a>",
    "placeholder of <input>", "alt of <img>", "data-md-tooltip of <button>",
    "text in <title> of an <svg>", "text in <text> of an <svg>", "text in <td>", "text in <div>",
    "text in <h1>",
    "__config translations: search.result.none", "labels of a script's data: step_next",
}


def test_the_check_finds_english_wherever_a_reader_meets_it() -> None:
    found = {f.where: f.words for f in check_page(ENGLISH_PAGE, "es", "example.html")}
    missing = EXPECTED - set(found)
    assert not missing, f"English the check did not find: {sorted(missing)}; found {found}"
    assert "Merge" not in found["text in <title>"]  # a term the glossary keeps in English


ALLOWED_PAGE = """<!doctype html><html lang="es"><body>
<p>El flush envía el <code>INSERT</code> de <code>user</code>: <code>session.flush()</code>.</p>
<pre><code>print("Made with love")</code></pre>
<p>La documentación lo llama <i lang="en">commit as you go</i>.</p>
<a href="https://docs.sqlalchemy.org" hreflang="en" lang="en">Session Basics</a>
<ul><li><a href="../../" hreflang="en" lang="en">English</a></li></ul>
<td>user = User(id=1, name='ana')</td><td>persistent (mapa de identidad)</td>
<a href="merge.md">autoflush/query_flushes_first.py</a>
<p>Hecho con <a lang="en">Material for MkDocs</a>, en SQLite y con Python.</p>
</body></html>"""


def test_code_marked_languages_and_reviewed_names_are_not_english_text() -> None:
    findings = check_page(ALLOWED_PAGE, "es", "example.html")
    assert not findings, findings


def test_a_page_shown_in_english_on_purpose_is_checked_outside_its_article() -> None:
    page = ("<html lang=\"es\"><body><nav aria-label=\"Navegación\"></nav>"
            "<article><h1>Web apps</h1>"
            "<div class=\"admonition warning\"><p>Aún sin traducir</p></div>"
            "<p>This page is in English.</p></article>"
            "<span>Web apps</span><footer>Made with</footer></body></html>")
    found = [f.text for f in check_page(page, "es", "web-apps/index.html")]
    assert found == ["Made with"], found


MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates/partials/languages"
# Material's keys that are settings, not words.
_SETTINGS = re.compile(r"^(language|direction|search\.config\..*)$")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_word_of_the_theme_is_decided_in_the_languages_data(language: str) -> None:
    """Each of Material's words has a reviewed translation in i18n/<lang>.yml (theme:), in the
    site's register, instead of whatever Material's translation says."""
    english = (MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    keys = {k for k in re.findall(r'^\s*"([^"]+)":', english, re.M) if not _SETTINGS.match(k)}
    own = set(theme_words("en"))  # the site's own keys: 404 page, footer, permalinks
    missing = sorted((keys | own) - set(theme_words(language)))
    assert not missing, f"i18n/{language}.yml: give these theme: words: {missing}"


def test_the_site_own_theme_words_have_an_english_fallback() -> None:
    templates = " ".join(p.read_text(encoding="utf-8")
                         for p in (ROOT / "overrides").rglob("*.html"))
    used = set(re.findall(r'lang\.t\("([^"]+)"\)', templates))
    material = (MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    own = {key for key in used if f'"{key}"' not in material}
    assert own <= set(theme_words("en")), f"i18n/en.yml: add {sorted(own - set(theme_words('en')))}"


def test_permalinks_get_the_pages_language() -> None:
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>'
    spanish = localize_permalinks(html, "es", "Permanent link")
    assert 'title="Enlace permanente"' in spanish and "Permanent" not in spanish
    assert localize_permalinks(html, "en", "Permanent link") == html
