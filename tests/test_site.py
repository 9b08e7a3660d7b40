"""Checks on the built site: no third-party requests, no missing files, both languages agree.

The `site` fixture (conftest.py) is the site `make test` built, or one built for the session.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class Resources(HTMLParser):
    """What a page makes the browser load: <script src>, <link href>, <img src>."""

    LOADS = {"script": "src", "img": "src", "link": "href", "source": "src", "iframe": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            return  # links to the site's own pages, not requests
        url = attrs.get(self.LOADS.get(tag, ""))
        if url:
            self.urls.append((tag, url))


def parse(page: Path) -> Resources:
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def is_remote(url: str) -> bool:
    return bool(urlsplit(url).netloc) or url.startswith("//")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    remote = [
        f"{page.relative_to(site)}: <{tag}> {url}"
        for page in pages(site)
        for tag, url in parse(page).urls
        if is_remote(url)
    ]
    for css in site.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if is_remote(url):
                remote.append(f"{css.relative_to(site)}: {url}")
    assert not remote, "third-party requests:\n" + "\n".join(remote)


def test_every_local_resource_exists(site: Path) -> None:
    missing = []
    for page in pages(site):
        for tag, url in parse(page).urls:
            if is_remote(url) or url.startswith("data:"):
                continue
            path = unquote(urlsplit(url).path)
            # 404.html is served at any depth, so its links are absolute from the site root.
            base = site if path.startswith("/") else page.parent
            target = (base / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(site)}: <{tag}> {url}")
    assert not missing, "missing files:\n" + "\n".join(missing)


def test_each_language_root_has_its_sitemap(site: Path) -> None:
    # Material fetches sitemap.xml beside every language's root (the <link rel=alternate>).
    for root in (site, site / "es"):
        assert (root / "404.html").is_file()
        sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
        assert "<loc>None" not in sitemap and "<loc>http" in sitemap


def test_html_lang_matches_the_language(site: Path) -> None:
    for page in pages(site):
        spanish = page.relative_to(site).parts[0] == "es"
        assert parse(page).lang == ("es" if spanish else "en"), page


def _outputs(html: str) -> list[str]:
    """What the examples of a page printed and logged, per listing: the program and the text of
    each output line, without the words the page's language adds (the end of a with block)."""
    listings = re.findall(r'<figure class="sg-listing".*?</figure>', html, flags=re.S)
    found = []
    for listing in listings:
        program = re.search(r'data-copy="([^"]*)"', listing).group(1)
        outputs = re.findall(r'<span class="sg-(?:sql|out|err)">(.*?)</span>', listing, flags=re.S)
        text = (re.sub(r"<[^>]+>", "", output) for output in outputs)  # marks, in any language
        found.append(program + "\n" + "\n".join(text))
    return found


def test_both_languages_show_the_same_outputs(site: Path) -> None:
    compared = 0
    for spanish_md in DOCS.rglob("*.es.md"):
        name = spanish_md.name.removesuffix(".es.md")
        path = "" if name == "index" else f"{name}/"
        en = (site / path / "index.html").read_text(encoding="utf-8")
        es = (site / "es" / path / "index.html").read_text(encoding="utf-8")
        assert _outputs(en) == _outputs(es), f"{name}: English and Spanish outputs differ"
        compared += bool(_outputs(en))
    assert compared, "no translated page with executed examples was compared"


FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)
# show() of a snippet, or one of the generators of sessionguide (diagram, glossary, status).
ALLOWED = re.compile(
    r"from sessionguide\.blocks import show\nshow\(\"[^\"]+\.py\"(, step_through=True)?\)\n"
    r"|from sessionguide\.blocks import \w+\n\w+\([^\n]*\)\n"
)


def test_pages_contain_no_copied_example_code() -> None:
    # Example code lives in snippets/ only; a page runs and shows it with show().
    copied = [
        f"{page.relative_to(ROOT)}: {body.splitlines()[0] if body else '(empty)'}"
        for page in DOCS.rglob("*.md")
        for body in FENCE.findall(page.read_text(encoding="utf-8"))
        if not ALLOWED.fullmatch(body)
    ]
    assert not copied, "Python code in Markdown instead of snippets/:\n" + "\n".join(copied)
