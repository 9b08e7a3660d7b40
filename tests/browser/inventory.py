"""What the built site holds: its pages, their languages, counterparts and source files.

Pages are URL paths relative to the site's root: "" is the English home, "es/" the Spanish
one, "es/merge/" a Spanish page. Everything here is read from the built files, not from a
browser.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LANGUAGE = "en"
# The page visits are made in this many batches, one per pytest-xdist worker of `make test`.
VISIT_BATCHES = 2
_PAGE_ID = re.compile(r"[\[-]([A-Za-z_-]+):/((?:[^\]]*/)?)")  # "en:/async/" in a test's id
_LISTING = re.compile(r'<figure\b[^>]*\bclass="(?:[^"]*\s)?sg-listing[\s"]')
_OPEN_STEPPER = re.compile(r'<div\b[^>]*\bclass="(?:[^"]*\s)?sg-stepper[\s"][^>]*\sdata-open\b')


class Inventory:
    def __init__(self, site: Path) -> None:
        self.site = site

    # --- languages ---------------------------------------------------------------------------

    @functools.cached_property
    def other_languages(self) -> list[str]:
        """Languages built into <site>/<lang>/, each with its own 404 page."""
        return sorted(d.name for d in self.site.iterdir() if (d / "404.html").is_file())

    @property
    def languages(self) -> list[str]:
        return [DEFAULT_LANGUAGE, *self.other_languages]

    def language_of(self, path: str) -> str:
        first = path.split("/", 1)[0]
        return first if first in self.other_languages else DEFAULT_LANGUAGE

    @staticmethod
    def language_root(language: str) -> str:
        return "" if language == DEFAULT_LANGUAGE else f"{language}/"

    def counterpart(self, path: str, language: str) -> str:
        """The same page in another language: "async/" <-> "es/async/"."""
        own = self.language_root(self.language_of(path))
        return self.language_root(language) + path[len(own):]

    # --- pages -------------------------------------------------------------------------------

    @functools.cached_property
    def pages(self) -> list[str]:
        """Every page of every language (not the 404 pages)."""
        return [html.relative_to(self.site).as_posix().removesuffix("index.html")
                for html in sorted(self.site.rglob("*.html")) if html.name != "404.html"]

    def html(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")

    @functools.cached_property
    def pages_with_examples(self) -> list[str]:
        """The pages that show at least one example (a ``figure.sg-listing``)."""
        return [path for path in self.pages if _LISTING.search(self.html(path))]

    def opens_a_stepper(self, path: str) -> bool:
        return bool(_OPEN_STEPPER.search(self.html(path)))

    def homes(self) -> list[str]:
        return [self.language_root(language) for language in self.languages]

    def size(self, path: str) -> int:
        return (self.site / path / "index.html").stat().st_size

    def source_of(self, path: str) -> str:
        """The Markdown file a page is built from, relative to docs/ (the English file when a
        page is not translated yet)."""
        language = self.language_of(path)
        name = path[len(self.language_root(language)):].rstrip("/") or "index"
        if language != DEFAULT_LANGUAGE and (ROOT / "docs" / f"{name}.{language}.md").is_file():
            return f"{name}.{language}.md"
        return f"{name}.md"

    # --- where the site is built for ---------------------------------------------------------

    @functools.cached_property
    def base_path(self) -> str:
        """The path the site is built for (site_url's), e.g. "/" or "/session-guide/": the 404
        pages link their assets from there, so the test server serves the site there."""
        text = (self.site / "404.html").read_text(encoding="utf-8")
        start = text.index('<script id="__config" type="application/json">')
        config = text[text.index(">", start) + 1: text.index("</script>", start)]
        return json.loads(config)["base"].rstrip("/") + "/"

    @functools.cached_property
    def origin(self) -> str:
        """The origin the site is built for (site_url's), as its sitemap lists pages."""
        text = (self.site / "sitemap.xml").read_text(encoding="utf-8")
        parts = urlsplit(text[text.index("<loc>") + 5: text.index("</loc>")].strip())
        return f"{parts.scheme}://{parts.netloc}"

    def url_as_built(self, path: str) -> str:
        """The page's address on the host the site is built for (`make serve`'s, by default)."""
        return self.origin + self.base_path + path

    def describe(self, path: str) -> str:
        """How failure messages name a page: its source file and its address."""
        return f"docs/{self.source_of(path)} ({self.url_as_built(path)})"

    def page_id(self, path: str) -> str:
        return f"{self.language_of(path)}:/{path}"

    @staticmethod
    def page_in(nodeid: str) -> str | None:
        """The page a test's id names: "es/async/" in "...[es:/es/async/-dark-chromium]"."""
        found = _PAGE_ID.search(nodeid)
        return found.group(2) if found else None

    @functools.cached_property
    def visit_batches(self) -> dict[str, int]:
        """Each page's batch of visits (0 to VISIT_BATCHES - 1). A page's languages share one
        (their copy buttons give the same programs, run once per batch); the pages are dealt
        largest first to the lightest batch, by the size of their HTML, which is what a visit's
        time follows."""
        languages: dict[str, list[str]] = {}
        for path in self.pages:
            languages.setdefault(self.counterpart(path, DEFAULT_LANGUAGE), []).append(path)
        loads = [0] * VISIT_BATCHES
        batches: dict[str, int] = {}
        weighed = sorted(((sum(map(self.size, paths)), page, paths)
                          for page, paths in languages.items()), key=lambda x: (-x[0], x[1]))
        for size, _, paths in weighed:
            batch = loads.index(min(loads))
            loads[batch] += size
            batches.update(dict.fromkeys(paths, batch))
        return batches
