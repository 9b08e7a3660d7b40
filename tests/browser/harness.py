"""What the browser tests share: the built site, a static server for it, Chromium, page visits.

A *visit* loads one page of the built site in a fresh browser context (so a first load, with
an empty cache and no stored palette) and records what a reader's browser did and showed:
every request, failed requests, console errors, axe-core's WCAG 2.1 A/AA violations, the
page's links (logo, language switcher, edit link), its generated figures, the programs its
copy buttons put on the clipboard, its layout on a 375 px wide screen, and where the
language switcher leads. Tests assert on these records. Visits run two at a time: axe-core's
colour-contrast check takes seconds on a page full of highlighted code, and while it runs in
one page the next page loads.
"""

from __future__ import annotations

import functools
import gzip
import json
import mimetypes
import os
import re
import shutil
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LANGUAGE = "en"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A safety net: no host name resolves, so a request a page makes to another host fails
    # here (and is reported by the tests) instead of leaving the machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
DESKTOP = {"width": 1280, "height": 800}
PHONE_WIDTH = 375
# Visits in flight at once: one loads while another runs axe-core (the machine has 2 cores).
CONCURRENCY = 2


# --- Chromium --------------------------------------------------------------------------------


def find_chromium() -> str | None:
    """Debian's Chromium, or $CHROMIUM if set (Playwright's own browser download is not used)."""
    if os.environ.get("CHROMIUM"):
        candidates = [os.environ["CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_chromium() -> str:
    """Skip the calling test module, with one reason for all of them, if there is no Chromium."""
    chromium = find_chromium()
    if chromium is None:
        looked_for = os.environ.get("CHROMIUM") or "/usr/bin/chromium or `chromium` on PATH"
        pytest.skip(
            f"browser tests: no Chromium ({looked_for}); install Debian's: apt-get install "
            "chromium",
            allow_module_level=True,
        )
    return chromium


# --- the built site --------------------------------------------------------------------------


@functools.cache
def other_languages(site: Path) -> list[str]:
    """Languages built into <site>/<lang>/, each with its own 404 page."""
    return sorted(d.name for d in site.iterdir() if (d / "404.html").is_file())


def language_of(path: str, site: Path) -> str:
    first = path.split("/", 1)[0]
    return first if first in other_languages(site) else DEFAULT_LANGUAGE


def language_root(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def counterpart(path: str, language: str, site: Path) -> str:
    """The same page in another language: "async/" <-> "es/async/"."""
    own = language_root(language_of(path, site))
    return language_root(language) + path[len(own):]


def site_pages(site: Path) -> list[str]:
    """Every page of every language, as URL paths relative to the site root ("" is home)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if html.name == "404.html":
            continue
        paths.append(rel.removesuffix("index.html"))
    return paths


def pages_with_examples(site: Path) -> list[str]:
    """The pages that show an example (a code block titled with its snippet's path)."""
    return [path for path in site_pages(site)
            if '<span class="filename">' in (site / path / "index.html").read_text("utf-8")]


def base_path(site: Path) -> str:
    """The path the site is built for (site_url's), e.g. "/" or "/sqlalchemy-session-guide/".

    The 404 page links its assets from there, so the server serves the site at that path.
    """
    text = (site / "404.html").read_text(encoding="utf-8")
    start = text.index('<script id="__config" type="application/json">')
    config = text[text.index(">", start) + 1 : text.index("</script>", start)]
    base = json.loads(config)["base"]
    return base.rstrip("/") + "/"


def site_origin(site: Path) -> str:
    """The origin the site is built for (site_url's), as its sitemap lists pages."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    loc = text[text.index("<loc>") + 5 : text.index("</loc>")]
    parts = urlsplit(loc.strip())
    return f"{parts.scheme}://{parts.netloc}"


def source_of(path: str, site: Path) -> str:
    """The Markdown file a page is built from: docs/<name>.<lang>.md, or the English fallback."""
    language = language_of(path, site)
    name = path[len(language_root(language)) :].rstrip("/") or "index"
    if language != DEFAULT_LANGUAGE and (ROOT / "docs" / f"{name}.{language}.md").is_file():
        return f"{name}.{language}.md"
    return f"{name}.md"


# --- the static server -----------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a page closed before its response was sent
        super().handle_error(request, client_address)


class SiteServer:
    """The built site on 127.0.0.1 and a free port, as a static host serves it.

    A missing URL gets the nearest 404 page (``<lang>/404.html`` under a language's folder),
    with status 404.
    """

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self.prefix = base_path(site)
        self.built_for = site_origin(site)
        self.languages = other_languages(site)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.respond(self, body=True)

            def do_HEAD(self) -> None:
                server.respond(self, body=False)

            def log_message(self, *args) -> None:
                pass

        self.httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        self.url = self.origin + self.prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def respond(self, handler: BaseHTTPRequestHandler, body: bool) -> None:
        url_path = unquote(urlsplit(handler.path).path)
        file = self.file_for(url_path)
        if file is not None and file.is_dir():
            handler.send_response(301)
            handler.send_header("Location", url_path + "/")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        status = 200
        if file is None:
            status, file = 404, self.not_found_page(url_path)
        data = file.read_bytes()
        if file.name == "sitemap.xml":
            # The sitemaps list absolute URLs on the site's own host, which Material compares
            # with the page's address to send the language switcher to the same page: here,
            # the site is on this server, so list it there.
            data = data.replace(self.built_for.encode(), self.origin.encode())
        handler.send_response(status)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if body:
            handler.wfile.write(data)

    def file_for(self, url_path: str) -> Path | None:
        if not url_path.startswith(self.prefix):
            return None
        target = (self.site / url_path[len(self.prefix) :]).resolve()
        if target != self.site and self.site not in target.parents:
            return None
        if target.is_dir():
            if not url_path.endswith("/"):
                return target  # redirected to the folder's URL
            target = target / "index.html"
        return target if target.is_file() else None

    def not_found_page(self, url_path: str) -> Path:
        first = url_path[len(self.prefix) :].split("/", 1)[0]
        if url_path.startswith(self.prefix) and first in self.languages:
            return self.site / first / "404.html"
        return self.site / "404.html"


# --- what a page shows, read in the page -----------------------------------------------------

PAGE_FACTS = """() => {
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0
      && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  const size = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  return {
    htmlLang: document.documentElement.getAttribute("lang"),
    scheme: document.body.getAttribute("data-md-color-scheme"),
    logo: document.querySelector("a.md-logo")?.href ?? null,
    edit: document.querySelector('a.md-content__button[rel="edit"]')?.href ?? null,
    alternates: Object.fromEntries([...document.querySelectorAll(".md-select__link[hreflang]")]
      .map(a => [a.getAttribute("hreflang"), a.href])),
    diagrams: [...document.querySelectorAll("figure.sg-diagram svg")].map(svg => {
      const box = svg.getBBox();
      return {
        name: svg.querySelector("title")?.textContent ?? "",
        size: size(svg), drawn: [box.width, box.height], shown: shown(svg),
        texts: [...svg.querySelectorAll("text")].filter(t => t.textContent.trim()).length,
        shapes: svg.querySelectorAll("rect, path, line").length,
      };
    }),
    tables: [...document.querySelectorAll(".sg-state table")].map(table => ({
      size: size(table), shown: shown(table),
      headers: table.querySelectorAll("thead th").length,
      rows: table.tBodies[0]?.rows.length ?? 0,
      text: table.innerText.trim().length,
    })),
  };
}"""

# Contrast of the diagrams' own drawing, which axe-core does not check in SVG: text against
# what is painted behind it (4.5:1), lines and box outlines against the page (3:1, WCAG 1.4.11).
SVG_CONTRAST = """() => {
  const parse = value => {
    const m = /rgba?\\(([^)]*)\\)/.exec(value || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const paint = (el, prop) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[prop]);
    if (!c) return null;
    const own = Number(cs[prop === "fill" ? "fillOpacity" : "strokeOpacity"]);
    const opacity = own * Number(cs.opacity);
    return [c[0], c[1], c[2], c[3] * opacity];
  };
  const pageBackground = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((bg, c) => over(c, bg), [255, 255, 255, 1]);
  };
  const hex = c => "#" + c.slice(0, 3)
    .map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
  const problems = [];
  for (const svg of document.querySelectorAll("figure.sg-diagram svg")) {
    const name = svg.querySelector("title")?.textContent ?? "diagram";
    const page = pageBackground(svg);
    const rects = [...svg.querySelectorAll("rect")];
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      const b = text.getBBox();
      const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
      let bg = page;
      for (const rect of rects) {
        if (!(rect.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const r = rect.getBBox();
        const fill = paint(rect, "fill");
        if (fill && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) {
          bg = over(fill, bg);
        }
      }
      const fg = over(paint(text, "fill"), bg);
      const cr = ratio(fg, bg);
      if (cr < 4.5) {
        problems.push(`${name}: text "${text.textContent.trim()}" ` +
                      `(.${text.getAttribute("class")}) ${hex(fg)} on ${hex(bg)} ` +
                      `is ${cr.toFixed(2)}:1, under 4.5:1`);
      }
    }
    const lines = [[".sg-edge", "stroke"], [".sg-box", "stroke"], [".sg-arrowhead", "fill"]];
    for (const [selector, prop] of lines) {
      for (const el of svg.querySelectorAll(selector)) {
        const fg = over(paint(el, prop), page);
        const cr = ratio(fg, page);
        if (cr < 3) {
          problems.push(`${name}: ${selector} ${prop} ${hex(fg)} on ${hex(page)} ` +
                        `is ${cr.toFixed(2)}:1, under 3:1`);
          break;
        }
      }
    }
  }
  return problems;
}"""

# The example code blocks (titled with their snippet's path) and the output shown after them.
EXAMPLES = """() => [...document.querySelectorAll(".md-content div.highlight")]
  .filter(block => block.querySelector(":scope > .filename")
                   || block.nextElementSibling?.matches("figure.sg-run"))
  .map((block, index) => {
    block.setAttribute("data-example", String(index));
    const next = block.nextElementSibling;
    const figure = next?.matches("figure.sg-run") ? next : null;
    const lines = figure ? [...figure.querySelectorAll(".sg-out, .sg-sql")]
      .flatMap(el => el.innerText.split("\\n")) : [];
    return {
      index,
      file: block.querySelector(":scope > .filename")?.textContent.trim() ?? "",
      code: block.querySelector("pre > code")?.textContent ?? "",
      caption: figure?.querySelector("figcaption")?.textContent.trim() ?? "",
      output: lines.map(line => line.trim()).filter(Boolean),
    };
  })"""

# At a phone's width: the document must not scroll sideways; what is wider than the screen
# (tables, code, traces, diagrams) scrolls inside a box of its own that fits the screen.
PHONE_LAYOUT = """() => {
  const width = window.innerWidth;
  const fits = el => {
    const r = el.getBoundingClientRect();
    return r.left >= -1 && r.right <= width + 1;
  };
  const scrollsInABoxThatFits = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(e).overflowX) && fits(e)) return true;
    }
    return false;
  };
  const describe = el => {
    const cls = el.getAttribute("class");
    const title = el.closest("div.highlight")?.querySelector(".filename")?.textContent;
    const r = el.getBoundingClientRect();
    return el.tagName.toLowerCase() + (cls ? "." + cls.trim().split(/\\s+/).join(".") : "") +
      (title ? ` (${title})` : "") + ` spans ${Math.round(r.left)}..${Math.round(r.right)} px`;
  };
  const problems = [];
  let scrolling = 0;
  for (const el of document.querySelectorAll(
      ".md-content table, .md-content pre, .md-content figure.sg-diagram svg")) {
    if (!el.checkVisibility() || fits(el)) continue;
    if (scrollsInABoxThatFits(el)) scrolling += 1;
    else problems.push(describe(el));
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, problems, scrolling};
}"""

# Starts axe-core and returns at once (axe.run() itself works for seconds before it returns its
# promise); window.__axeResult holds the violations when it is done.
AXE_START = """options => {
  window.__axeResult = null;
  setTimeout(() => axe.run(document, options).then(
    r => { window.__axeResult = {violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}))}; },
    e => { window.__axeResult = {error: String(e)}; }), 0);
}"""


# --- visits ----------------------------------------------------------------------------------


@dataclass
class Visit:
    path: str
    scheme: str
    url: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    svg_problems: list[str] = field(default_factory=list)
    violations: list[dict] | None = None
    weight: tuple[int, int, int] | None = None  # gzip bytes, raw bytes, responses
    examples: list[dict] = field(default_factory=list)
    phone: dict | None = None
    switched: dict | None = None
    error: str | None = None
    closing: bool = False  # what a page does while its context closes is not recorded


def watch(page, visit: Visit, responses: list | None = None) -> None:
    """Record a page's requests, failed requests and console errors into visit."""
    def record(into: list, text: str) -> None:
        if not visit.closing:
            into.append(text)

    def on_response(response) -> None:
        if response.status >= 400:
            record(visit.failures, f"HTTP {response.status} {response.url}")
        elif responses is not None and not visit.closing:
            responses.append(response)

    def on_console(message) -> None:
        if message.type == "error":
            record(visit.console_errors, f"{message.text} ({message.location.get('url', '')})")

    page.on("request", lambda request: record(visit.requests, request.url))
    page.on("requestfailed", lambda request: record(
        visit.failures, f"{request.failure} {request.url}"))
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: record(visit.console_errors, f"uncaught: {error}"))


def axe_options() -> dict:
    return {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


@functools.cache
def axe_script() -> str:
    """axe-core, as axe-playwright-python ships it."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now."""
    page.evaluate(axe_script())
    page.evaluate(AXE_START, axe_options())
    page.wait_for_function("() => window.__axeResult !== null", polling=100, timeout=180_000)
    result = page.evaluate("window.__axeResult")
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result["violations"]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class Visits:
    """Visits of (page, scheme), made in batches the first time a test asks for one."""

    def __init__(self, browser, server: SiteServer, site: Path, wanted: set[tuple[str, str]]):
        self.browser = browser
        self.server = server
        self.site = site
        self.wanted = wanted
        self.done: dict[tuple[str, str], Visit] = {}
        self.seconds = 0.0

    def get(self, path: str, scheme: str) -> Visit:
        key = (path, scheme)
        if key not in self.done:
            started = time.monotonic()
            self.run({key} | (self.wanted - self.done.keys()))
            self.seconds += time.monotonic() - started
        return self.done[key]

    def run(self, keys: set[tuple[str, str]]) -> None:
        # The biggest pages first, so that they do not end the batch alone.
        order = sorted(keys, key=lambda k: -self.page_file(k[0]).stat().st_size)
        in_flight: deque = deque()
        for key in order:
            in_flight.append(self.start(*key))
            if len(in_flight) >= CONCURRENCY:
                self.finish(*in_flight.popleft())
        while in_flight:
            self.finish(*in_flight.popleft())

    def page_file(self, path: str) -> Path:
        return self.site / path / "index.html"

    def start(self, path: str, scheme: str):
        visit = Visit(path, scheme, self.server.url + path)
        self.done[(path, scheme)] = visit
        context = page = None
        responses: list = []
        try:
            context = self.browser.new_context(color_scheme=scheme, viewport=DESKTOP)
            if scheme == "light":
                context.grant_permissions(["clipboard-read", "clipboard-write"],
                                          origin=self.server.origin)
            page = context.new_page()
            watch(page, visit, responses)
            page.goto(visit.url, wait_until="load")
            if scheme == "light":
                # Material fetches the search index and the sitemaps after the load event:
                # wait for them, to weigh the whole first load. (In the dark visit they load
                # while axe-core runs, and are recorded all the same.)
                page.wait_for_load_state("networkidle")
            visit.facts = page.evaluate(PAGE_FACTS)
            visit.svg_problems = page.evaluate(SVG_CONTRAST)
            page.evaluate(axe_script())
            page.evaluate(AXE_START, axe_options())  # runs while the next page loads
        except Exception:
            visit.error = traceback.format_exc()
        return visit, context, page, responses

    def finish(self, visit: Visit, context, page, responses: list) -> None:
        try:
            if visit.error is None:
                page.wait_for_function("() => window.__axeResult !== null",
                                       polling=100, timeout=180_000)
                result = page.evaluate("window.__axeResult")
                if "error" in result:
                    raise RuntimeError(f"axe-core failed: {result['error']}")
                visit.violations = result["violations"]
                if visit.scheme == "light":
                    bodies = [r.body() for r in responses]
                    visit.weight = (sum(map(gzip_size, bodies)), sum(map(len, bodies)),
                                    len(bodies))
                    visit.examples = copy_examples(page)
                    visit.switched = switch_language(page, visit, self.site)
                else:
                    page.set_viewport_size({"width": PHONE_WIDTH, "height": 740})
                    page.evaluate("() => new Promise(r => requestAnimationFrame("
                                  "() => requestAnimationFrame(r)))")
                    visit.phone = page.evaluate(PHONE_LAYOUT)
        except Exception:
            visit.error = traceback.format_exc()
        finally:
            visit.closing = True
            if context is not None:
                context.close()


def copy_examples(page) -> list[dict]:
    """Click each example's copy button; what lands on the clipboard, with what was shown."""
    examples = page.evaluate(EXAMPLES)
    for example in examples:
        page.evaluate("() => navigator.clipboard.writeText('')")
        button = page.locator(f'[data-example="{example["index"]}"] button[data-md-type="copy"]')
        # force: the button shows on hover; the click is still a real click at its place
        button.click(force=True, no_wait_after=True)
        example["copied"] = page.evaluate("() => navigator.clipboard.readText()")
    return examples


def switch_language(page, visit: Visit, site: Path) -> dict:
    """Pick the other language in Material's language switcher: where it leads."""
    language = language_of(visit.path, site)
    other = next(lang for lang in [DEFAULT_LANGUAGE, *other_languages(site)] if lang != language)
    page.locator(".md-header__option .md-select > button").hover()
    # Where it leads is known once the response arrives: no need to render that page.
    with page.expect_navigation(wait_until="commit") as navigation:
        page.locator(f'.md-select__link[hreflang="{other}"]').click()
    response = navigation.value
    lang = re.search(r'<html[^>]*\slang="([^"]*)"', response.text())
    return {"language": other, "url": response.url, "status": response.status,
            "htmlLang": lang and lang.group(1)}


def launch(playwright, chromium: str):
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


def local(url: str, server: SiteServer) -> bool:
    return url.startswith(server.origin + "/") or url.startswith(("data:", "blob:", "about:"))
