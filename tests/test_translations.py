"""The editions stay in step: every page translated, same examples, same anchors, fresh.

An outdated translation is a warning here, not a failure: the English page may change before a
translator gets to it. The page itself tells readers meanwhile.
"""

from __future__ import annotations

import os
import re
import subprocess
import warnings
from pathlib import Path

import pytest
from sites import build, make_project

from sessionguide.dev.translations import english_diff
from sessionguide.i18n.languages import languages
from sessionguide.i18n.translations import (
    MISSING,
    OUTDATED,
    english_pages,
    mark,
    status,
    translation_of,
)

TRANSLATIONS = languages()[1:]
PAGES = [p.name for p in english_pages()]
DOCS = english_pages()[0].parent

GENERATED = re.compile(r'^```python exec="1".*?\n(.*?)^```', re.S | re.M)
HEADING = re.compile(r"^(#{1,6}) (.*)$", re.M)
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}\s*$")


def _without_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_page_is_translated_or_listed(language: str) -> None:
    missing = [s.page.name for s in status(language) if s.state == MISSING]
    assert not missing, (
        f"no {language} translation of: {', '.join(missing)}. Translate them "
        f"(docs/<page>.{language}.md) or list them in i18n/not-translated.txt"
    )


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_outdated_translations_are_reported(language: str) -> None:
    outdated = [s for s in status(language) if s.state == OUTDATED]
    if outdated:
        names = ", ".join(f"docs/{translation_of(s.page, language).name}" for s in outdated)
        warnings.warn(f"outdated {language} translations (run `make translations`): {names}",
                      stacklevel=1)


@pytest.mark.parametrize("language", TRANSLATIONS)
@pytest.mark.parametrize("page", PAGES)
def test_translation_shows_the_same_examples_in_the_same_order(page: str, language: str) -> None:
    translated = translation_of(DOCS / page, language)
    if not translated.exists():
        pytest.skip(f"{translated.name} does not exist (see test_every_page_is_translated)")
    english = GENERATED.findall((DOCS / page).read_text(encoding="utf-8"))
    assert GENERATED.findall(translated.read_text(encoding="utf-8")) == english, (
        f"docs/{translated.name} must show the same generated blocks as docs/{page}, in order"
    )


@pytest.mark.parametrize("page", PAGES)
def test_headings_have_the_same_stable_anchors_in_every_language(page: str) -> None:
    def anchors(path: Path) -> list[str]:
        headings = HEADING.findall(_without_code(path.read_text(encoding="utf-8")))
        missing = [text for level, text in headings if len(level) > 1 and not ANCHOR.search(text)]
        assert not missing, f"{path.name}: give these headings an anchor {{ #id }}: {missing}"
        return [ANCHOR.search(text).group(1) for _, text in headings if ANCHOR.search(text)]

    english = anchors(DOCS / page)
    for language in TRANSLATIONS:
        translated = translation_of(DOCS / page, language)
        if translated.exists():
            assert anchors(translated) == english, (
                f"docs/{translated.name} must keep the anchors of docs/{page}, in order"
            )


def test_changing_an_english_page_outdates_its_translation_and_shows_a_notice(tmp_path) -> None:
    project = make_project(
        tmp_path,
        pages={
            "index.md": "# Home\n",
            "guide.md": "# Guide\n\nFlush sends SQL.\n",
            "index.es.md": "# Inicio\n",
            "guide.es.md": "# Guía\n\nFlush envía SQL.\n",
            "extra.md": "# Extra page\n\nNot translated yet.\n",
        },
        snippets={},
    )
    docs = project / "docs"
    for page in ("index.es.md", "guide.es.md"):
        mark(docs / page)
    assert {s.page.name: s.state for s in status("es", docs)} == {
        "index.md": "up to date", "guide.md": "up to date", "extra.md": MISSING
    }
    assert build(project).returncode == 0
    notice = "Esta traducción puede estar desactualizada"
    assert notice not in (project / "site/es/guide/index.html").read_text(encoding="utf-8")

    english = docs / "guide.md"
    english.write_text(english.read_text() + "\nCommit makes it permanent.\n")
    assert {s.page.name: s.state for s in status("es", docs)}["guide.md"] == OUTDATED
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/es/guide/index.html").read_text(encoding="utf-8")
    assert notice in html
    assert '<a href="../../guide/" hreflang="en">lee la página en inglés</a>' in html
    # The notice goes under the heading, which stays the page's title: in the navigation
    # (which names the page by it) and the window's title.
    assert "<title>Guía" in html
    home = (project / "site/es/index.html").read_text(encoding="utf-8")
    assert re.search(r">\s*Guía\s*<", home) and 'aria-label="Siguiente: Guía"' in home
    assert html.index("<h1") < html.index(notice)
    # The same for the notice an untranslated page gets, shown in English.
    extra = (project / "site/es/extra/index.html").read_text(encoding="utf-8")
    assert "<title>Extra page" in extra and extra.index("<h1") < extra.index("Aún sin traducir")


@pytest.mark.parametrize(("markdown", "expected"), [
    ("# T\n\nBody.", "# T\n\nN\n\nBody."),
    ("# T { #t }\nBody.", "# T { #t }\n\nN\n\nBody."),
    ("#T\n\nBody.", "#T\n\nN\n\nBody."),
    ("T\n===\n\nBody.", "T\n===\n\nN\n\nBody."),
    ("## Section\n\nBody.", "N\n\n## Section\n\nBody."),  # no h1: no title to keep
    ("Body.", "N\n\nBody."),
    ("\n\n# T\n\nBody.", "# T\n\nN\n\nBody."),
    # an indented block would be read as part of the notice: a comment ends the notice first
    ("# T\n\n    code", "# T\n\nN\n\n<!-- -->\n\n    code"),
])
def test_a_notice_goes_under_the_title_it_must_not_hide(markdown, expected) -> None:
    from sessionguide.build.notices import below_title

    assert below_title("N\n\n", markdown) == expected


def test_a_third_language_is_a_configuration_entry_plus_its_pages(tmp_path) -> None:
    french = (
        "        - locale: fr\n"
        "          name: Français\n"
        "          build: true\n"
        "          site_name: La Session de SQLAlchemy, exécutée\n"
    )
    project = make_project(
        tmp_path,
        pages={"index.md": "# Home\n\nThe Session.\n", "index.fr.md": "# Accueil\n\nLa session.\n"},
        snippets={},
        edit_config=lambda config: config.replace(
            "        - locale: es\n", french + "        - locale: es\n"
        ),
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "fr/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page and "Accueil" in page
    assert (site / "fr/sitemap.xml").is_file() and (site / "fr/404.html").is_file()
    index = (site / "fr/search/search_index.json").read_text(encoding="utf-8")
    assert '"lang":["fr"]' in index and "Accueil" in index and "Inicio" not in index


def _git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-03-04T12:00:00", "GIT_COMMITTER_DATE":
           "2025-03-04T12:00:00", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def _outdated(project: Path):
    return next(s for s in status("es", project / "docs") if s.state == OUTDATED)


def test_the_english_changes_show_before_and_after_they_are_committed(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Guide\n\nFlush sends SQL.\n")
    (docs / "guide.es.md").write_text("# Guía\n\nFlush envía SQL.\n")
    mark(docs / "guide.es.md")
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "--quiet", "-m", "first")
    first = subprocess.run(["git", "log", "-1", "--format=%H"], cwd=tmp_path,
                           capture_output=True, text=True).stdout[:10]

    # Changed on disk, not committed yet: git alone would not know the new version.
    (docs / "guide.md").write_text("# Guide\n\nFlush sends SQL.\n\nCommit makes it permanent.\n")
    diff = english_diff(_outdated(tmp_path), tmp_path)
    assert "+Commit makes it permanent." in diff, diff
    assert f"as translated: committed in {first} (2025-03-04)" in diff, diff
    assert "now: working tree, not committed yet" in diff, diff
    assert "never committed" not in diff

    _git(tmp_path, "commit", "--quiet", "-am", "second")
    second = subprocess.run(["git", "log", "-1", "--format=%H"], cwd=tmp_path,
                            capture_output=True, text=True).stdout[:10]
    diff = english_diff(_outdated(tmp_path), tmp_path)
    assert "+Commit makes it permanent." in diff
    assert f"now: committed in {second} (2025-03-04)" in diff, diff


def test_an_unknown_english_version_is_said_and_the_whole_page_shown(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Guide\n\nFlush sends SQL.\n")
    (docs / "guide.es.md").write_text("---\ntranslated_from: " + "ab" * 20 + "\n---\n# Guía\n")
    for repository in (False, True):  # no repository at all, then one without that version
        if repository:
            _git(tmp_path, "init", "--quiet")
        diff = english_diff(_outdated(tmp_path), tmp_path)
        assert "abababababab"[:10] in diff and "does not have" in diff, diff
        assert "  Flush sends SQL." in diff, diff
