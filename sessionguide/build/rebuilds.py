"""Under ``make serve`` (``mkdocs serve --dirty``): which pages a saved change rebuilds.

MkDocs' dirty build rebuilds a page when its own file is newer than its output. This site's
pages depend on more than their own file, so here each page is told whether it is modified,
from what changed since the last build started:

- an English page: that page in every language (a translation shows whether its English
  changed); a translation: only itself; either, the translation status pages;
- an edit to the title (front matter ``title:`` or first block) of a page the navigation names
  by its own title (a nav entry with no title, contributing.md): every page, whose navigation
  and footer links show it;
- a snippet (or its ``.yml``): the pages that show it; a file no page shows (a module the
  examples import): every page that shows an example of its folder;
- an asset under docs/ (stylesheet, script): no page; MkDocs copies it when it is newer;
- a file directly in snippets/ (``differs-in-sqlalchemy-2.0.txt``), mkdocs.yml, or a page
  added or removed (the navigation changes): every page.

The changes are counted from the last build that succeeded: after a failed one, the next save
rebuilds what the failed build should have too. (i18n/, overrides/ and sessionguide/ are read
once per server: a change to them needs a restart.)

``mkdocs build`` and ``make test`` never get here: they always build every page.
"""

from __future__ import annotations

import time
from pathlib import PurePosixPath

from mkdocs.utils.meta import get_data

from sessionguide.blocks.page import pages_including
from sessionguide.i18n.languages import DEFAULT_LANGUAGE, english_source, languages
from sessionguide.paths import DOCS, MKDOCS_YML, ROOT, SNIPPETS

WATCHED = (DOCS, SNIPPETS)
STATUS_PAGE = "translation-status.md"
EVERY_PAGE = None  # what pages_to_rebuild returns when the whole site must be rebuilt

_serving = False  # under mkdocs serve: a summary line per rebuild
_dirty = False  # under mkdocs serve --dirty: only the pages a change affects
_snapshot: dict[str, int] = {}  # path -> mtime, when the last successful build started
_next_snapshot: dict[str, int] = {}  # the same for the build under way
_pages: set[str] | None = EVERY_PAGE  # the docs/-relative pages this build rebuilds
_changed: list[str] = []
_started = 0.0
_first = True
_built: list[str] = []  # the URLs rebuilt, in the languages' builds so far
_titles: dict[str, str] = {}  # dest_uri -> title, from the last build of each page
# page the nav names by its own title -> _title_source(page): at the last successful build,
# and at the one under way (or the last, if it failed)
_title_sources: dict[str, tuple[str, str]] = {}
_next_title_sources: dict[str, tuple[str, str]] = {}


def serving(dirty: bool) -> None:
    """From on_startup, under ``mkdocs serve``."""
    global _serving, _dirty
    _serving, _dirty = True, dirty


def is_serving() -> bool:
    return _serving


def _files() -> dict[str, int]:
    found = {}
    for folder in WATCHED:
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found[path.relative_to(ROOT).as_posix()] = path.stat().st_mtime_ns
    found["mkdocs.yml"] = MKDOCS_YML.stat().st_mtime_ns
    return found


def start(nav: list | None) -> None:
    """Before the first language's build: what changed since the last successful build.
    ``nav``: mkdocs.yml's, as MkDocs' config holds it (None without one)."""
    global _next_snapshot, _next_title_sources, _pages, _changed, _started, _first
    _started = time.perf_counter()
    _built.clear()
    _next_snapshot = now = _files()
    _first = not _snapshot
    _changed = sorted(p for p in now.keys() | _snapshot.keys() if now.get(p) != _snapshot.get(p))
    added_or_removed = {p for p in _changed if (p in now) != (p in _snapshot)}
    named = self_titled(nav)
    # Against the last successful build, and the last one: a failed build may have written
    # pages with a title since changed back.
    attempted, _next_title_sources = _next_title_sources, {
        page: _title_source(page) for page in _next_snapshot_pages()
        if english_source(page) in named}
    retitled = any(title != _title_sources.get(page) or title != attempted.get(page)
                   for page, title in _next_title_sources.items())
    _pages = (EVERY_PAGE if _first or retitled
              else pages_to_rebuild(_changed, added_or_removed))


def succeeded() -> None:
    """After both languages' builds: the next rebuild counts its changes from this one."""
    global _snapshot, _title_sources
    _snapshot, _title_sources = _next_snapshot, _next_title_sources


def _next_snapshot_pages() -> list[str]:
    return [path.removeprefix("docs/") for path in _next_snapshot
            if path.startswith("docs/") and path.endswith(".md")]


def _title_source(page: str) -> tuple[str, str]:
    """What MkDocs 1.6 names a page by: its front matter's ``title``, else its first element if
    that is an h1, else "Home" for the home page or its file name. Read as MkDocs reads them
    (its front matter parser) and compared as written: any edit to the title or to the first
    block counts."""
    try:
        markdown, meta = get_data((DOCS / page).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):  # MkDocs' build says what is wrong with it
        return ("", "(unreadable)")
    return repr(meta.get("title")), markdown.lstrip("\n").split("\n\n", 1)[0]


def self_titled(nav: list | None) -> set[str]:
    """The pages a nav lists without a title of their own (``- page.md``, not ``- Title:
    page.md``): the navigation shows the page's own title. Without a nav, every page."""
    if nav is None:
        return {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    found: set[str] = set()

    def walk(item, titled: bool) -> None:
        if isinstance(item, str) and not titled and "://" not in item:
            found.add(PurePosixPath(item.lstrip("/")).as_posix())
        elif isinstance(item, list):
            for entry in item:
                walk(entry, titled=False)
        elif isinstance(item, dict):  # {title: page}, {section: [entries]}
            for value in item.values():
                walk(value, titled=True)

    walk(nav, titled=False)
    return found


def pages_to_rebuild(changed: list[str], added_or_removed: set[str] = frozenset()
                     ) -> set[str] | None:
    """The docs/-relative pages ``changed`` (paths relative to the project) affects, or
    ``EVERY_PAGE``."""
    pages: set[str] = set()
    for path in changed:
        if path.startswith("docs/"):
            if not path.endswith(".md"):
                continue  # an asset
            if path in added_or_removed:
                return EVERY_PAGE
            page = path.removeprefix("docs/")
            english = english_source(page)
            # An English page in every language (a translation shows whether its English
            # changed, and stands in for a missing one); a translation, only itself.
            pages |= _every_language(english) if page == english else {page}
            pages |= _every_language(STATUS_PAGE)
        elif path.startswith("snippets/") and "/" in path.removeprefix("snippets/"):
            pages |= _showing(PurePosixPath(path.removeprefix("snippets/")))
        else:
            return EVERY_PAGE
    return pages


def _every_language(english: str) -> set[str]:
    stem = english.removesuffix(".md")
    return {english} | {f"{stem}.{lang}.md" for lang in languages() if lang != DEFAULT_LANGUAGE}


def _showing(snippet: PurePosixPath) -> set[str]:
    shown = pages_including(snippet.with_suffix(".py").as_posix())
    if not shown:  # not an example itself: every page with an example from its folder
        shown = [page for example in sorted((SNIPPETS / snippet.parent).glob("*.py"))
                 for page in pages_including(f"{snippet.parent.as_posix()}/{example.name}")]
    return {page.removeprefix("docs/") for page in shown}


def is_modified(src_uri: str) -> bool:
    return _pages is EVERY_PAGE or src_uri in _pages


def mark(files) -> None:
    """In each language's on_files: each page is modified exactly when the change affects it."""
    if not _dirty:
        return
    for file in files.documentation_pages():
        modified = is_modified(file.src_uri)
        file.is_modified = (lambda answer: lambda: answer)(modified)
        # A page left as it is is not read, so a nav entry without a title of its own would
        # show "None" in the pages rebuilt around it: the title it had last time.
        if not modified and file.page is not None and file.page.title is None:
            file.page.title = _titles.get(file.dest_uri)


def built(page) -> None:
    if not _serving:
        return
    _built.append(page.url)
    _titles[page.file.dest_uri] = page.title


def _some(items: list[str], shown: int = 3) -> str:
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")


def summary() -> str:
    """One line for the whole rebuild, both languages: what changed, what was rebuilt, how
    long it took."""
    seconds = time.perf_counter() - _started
    pages = f"{len(_built)} page{'s' * (len(_built) != 1)}"
    if _first:
        return f"built {pages} in {seconds:.2f} s"
    urls = f" ({_some(['/' + url for url in _built], 4)})" if _built else ""
    return f"{_some(_changed) or 'nothing'} changed: rebuilt {pages}{urls} in {seconds:.2f} s"
