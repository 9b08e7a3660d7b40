"""Page visits: each (page, palette) is loaded once, and everything the tests check about it is
measured during that one load.

A visit loads the page in a fresh browser context (a first load: empty cache, no stored
palette or tab choice) with the system palette light or dark, at 1280x800, and records what a
reader's browser did and showed, in stages; a stage that raises is recorded as failed and the
tests that need it fail with its traceback, the others still run.

Light visit (the SQLite tabs shown):
  load (waits for the search index and sitemaps: the whole first load is weighed), facts
  (page_facts.js, svg_contrast.js), listings (listings.js), interact (the first step-through
  view, with real clicks and key presses; it stays open), walk (stepper_walk.js: every view
  with its own controls), desktop (layout_desktop.js), axe (axe_start.js), weight, copy
  (every copy button, the SQLite tabs and then the PostgreSQL ones; each copied program is
  handed to the runner), phone (375x740, layout_phone.js), switch (the language switcher:
  where it leads).
Dark visit (the PostgreSQL tabs shown, so that axe and the layout checks cover them):
  load, facts, tabs, interact (the first view opened with a click), desktop, axe (the colour
  rules on the whole page, the others on what the light visit did not show: AXE_STRUCTURE),
  phone.

Two pages are visited at a time, by two workers on one event loop (Playwright's async API, in
a thread of its own: the test thread's event loop belongs to pytest-playwright's sync API).
While axe-core works for seconds in one page, the other page loads and is measured. Only the
copy stage waits for the other page: the clipboard is the browser's, not the page's.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import threading
import time
import traceback
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import axe
from .inventory import Inventory
from .scripts import script
from .server import SiteServer

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
CONCURRENCY = 2  # pages visited at once by each batch's worker
TAB_SHOWN = {"light": "SQLite", "dark": "PostgreSQL"}
# Where axe-core's rules that do not compare colours apply (the colour rules check the whole
# page in both palettes): the whole light visit; in the dark one, only what it shows that the
# light one did not: the PostgreSQL tabs, the step-through views (opened at another step), the
# palette toggle (its other label).
AXE_STRUCTURE = {"light": None,
                 "dark": ".tabbed-block, .sg-stepper, [data-md-component=palette]"}
STEP_BUTTONS = {"first": 0, "previous": 1, "next": 2, "last": 3}


class StageFailed(Exception):
    pass


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
    listings: list[dict] = field(default_factory=list)
    walk: dict | None = None
    interaction: dict | None = None
    desktop: dict | None = None
    violations: list[dict] | None = None
    weight: tuple[int, int, int] | None = None  # gzip bytes, raw bytes, responses
    copies: dict[str, dict] = field(default_factory=dict)  # listing id -> what was copied
    phone: dict | None = None
    switched: dict | None = None
    tab_shown: str = "SQLite"
    errors: dict[str, str] = field(default_factory=dict)  # stage -> traceback
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    seconds: float = 0.0
    closing: bool = False  # what a page does after the visit ends is not recorded

    async def stage(self, name: str, function, *args):
        """``await function(*args)``, or None and the traceback recorded if it raises."""
        if "load" in self.errors:
            self.errors.setdefault(name, "not measured: the page did not load")
            return None
        started = time.monotonic()
        try:
            return await function(*args)
        except Exception:
            self.errors[name] = traceback.format_exc()
            return None
        finally:
            self.timings[name] = self.timings.get(name, 0) + time.monotonic() - started

    def need(self, *stages: str) -> None:
        """Raise StageFailed naming the first of ``stages`` that did not complete."""
        for name in ("load", *stages):
            if name in self.errors:
                raise StageFailed(f"visiting {self.url} ({self.scheme} palette), stage "
                                  f"{name!r} failed:\n{self.errors[name]}")


def watch(page, visit: Visit, responses: list | None = None) -> set:
    """Record a page's requests, failed requests and console errors into ``visit``; returns
    the set of the requests still under way. (For the sync and the async API alike.)"""
    pending: set = set()

    def record(into: list, text: str) -> None:
        if not visit.closing:
            into.append(text)

    def on_request(request) -> None:
        pending.add(request)
        record(visit.requests, request.url)

    def on_failed(request) -> None:
        pending.discard(request)
        record(visit.failures, f"{request.failure} {request.url}")

    def on_response(response) -> None:
        if response.status >= 400:
            record(visit.failures, f"HTTP {response.status} {response.url}")
        elif responses is not None and not visit.closing:
            responses.append(response)

    def on_console(message) -> None:
        if message.type == "error":
            record(visit.console_errors, f"{message.text} ({message.location.get('url', '')})")

    page.on("request", on_request)
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: record(visit.console_errors, f"uncaught: {error}"))
    return pending


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class Visits:
    """Visits of (page, scheme), made for a whole batch the first time a test asks for one
    of its pages."""

    def __init__(self, launch_args: dict, context_args: dict, server: SiteServer,
                 inventory: Inventory, runner, wanted: set[tuple[str, str]]) -> None:
        self.launch_args = launch_args
        self.context_args = context_args
        self.server = server
        self.inventory = inventory
        self.runner = runner
        self.wanted = wanted
        self.done: dict[tuple[str, str], Visit] = {}
        self.seconds = 0.0

    def get(self, path: str, scheme: str) -> Visit:
        """The visit of (path, scheme), made with every other one wanted from its batch
        (``Inventory.visit_batches``): make test's scheduler sends each batch's tests to one
        worker (tests/conftest.py), so each worker visits its own pages only."""
        key = (path, scheme)
        if key not in self.done:
            started = time.monotonic()
            batch = self.inventory.visit_batches.get(path)
            self.run({key} | {k for k in self.wanted - self.done.keys()
                              if self.inventory.visit_batches.get(k[0]) == batch})
            self.seconds += time.monotonic() - started
        return self.done[key]

    def run(self, keys: set[tuple[str, str]]) -> None:
        failure: list[BaseException] = []

        def batch() -> None:
            try:
                asyncio.run(self.batch(keys))
            except BaseException as error:  # noqa: BLE001 - raised in the test thread
                failure.append(error)

        thread = threading.Thread(target=batch, name="page-visits")
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    async def batch(self, keys: set[tuple[str, str]]) -> None:
        from playwright.async_api import async_playwright

        # The biggest pages first, so that they do not end the batch alone.
        queue = sorted(keys, key=lambda k: (-self.inventory.size(k[0]), k))
        self.clipboard = asyncio.Lock()
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**self.launch_args)

            async def worker() -> None:
                while queue:
                    await self.visit(browser, *queue.pop(0))

            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            await browser.close()

    # --- a visit's stages ------------------------------------------------------------------

    async def visit(self, browser, path: str, scheme: str) -> None:
        visit = Visit(path, scheme, self.server.url + path, tab_shown=TAB_SHOWN[scheme])
        self.done[(path, scheme)] = visit
        started = time.monotonic()
        responses: list = []
        context = None
        try:
            context = await browser.new_context(**self.context_args, color_scheme=scheme)
            if scheme == "light":
                await context.grant_permissions(["clipboard-read", "clipboard-write"],
                                                origin=self.server.origin)
            page = await context.new_page()
            await visit.stage("load", self.load, page, visit, responses)
            visit.facts = await visit.stage("facts", page.evaluate, script("page_facts")) or {}
            visit.svg_problems = await visit.stage("facts", page.evaluate,
                                                   script("svg_contrast")) or []
            if scheme == "light":
                visit.listings = await visit.stage("listings", page.evaluate,
                                                   script("listings")) or []
                visit.interaction = await visit.stage("interact", step_through_for_real, page)
                opened = (visit.interaction or {}).get("listing")
                visit.walk = await visit.stage("walk", walk_steppers, page, self.inventory,
                                               path, opened)
            else:
                await visit.stage("tabs", show_tab, page, TAB_SHOWN[scheme])
                visit.interaction = await visit.stage("interact", open_first_stepper, page)
            visit.desktop = await visit.stage("desktop", page.evaluate, script("layout_desktop"))
            visit.violations = await visit.stage("axe", axe.run_async, page, AXE_STRUCTURE[scheme])
            if scheme == "light":
                visit.weight = await visit.stage("weight", weigh, responses, self.server)
                visit.copies = await visit.stage("copy", self.copy_examples, page, visit) or {}
            visit.phone = await visit.stage("phone", phone_layout, page)
            if scheme == "light":
                visit.switched = await visit.stage("switch", switch_language, page, visit,
                                                   self.inventory)
        except Exception:  # the context itself: every stage fails with it
            visit.errors.setdefault("load", traceback.format_exc())
        finally:
            visit.closing = True
            if context is not None:
                await context.close()
            visit.seconds = time.monotonic() - started

    async def load(self, page, visit: Visit, responses: list) -> None:
        pending = watch(page, visit, responses)
        await page.goto(visit.url, wait_until="load")
        if visit.scheme == "light":
            # Material fetches the search index and the sitemaps after the load event: wait
            # for them, to weigh the whole first load. (In the dark visit they load meanwhile,
            # and are recorded all the same.) Quicker than Playwright's "networkidle", which
            # waits for 500 ms of quiet.
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                if (not pending
                        and any(u.endswith("/search/search_index.json") for u in visit.requests)
                        and any(u.endswith("/sitemap.xml") for u in visit.requests)):
                    break
                await asyncio.sleep(0.025)

    async def copy_examples(self, page, visit: Visit) -> dict[str, dict]:
        """Click each listing's copy button; what the clipboard then holds. The first one with
        the mouse, the others with button.click() (the same handler, 20 times faster); the
        SQLite tabs, then the PostgreSQL ones. The programs go to the runner at once, to run
        while the other pages are visited."""
        copied: dict[str, dict] = {}
        if not visit.listings:
            return copied
        tabs = sorted({listing["tab"] for listing in visit.listings if listing["tab"]},
                      key=lambda tab: tab != TAB_SHOWN["light"])
        async with self.clipboard:  # one page at a time: the clipboard is the browser's
            await page.bring_to_front()
            for tab in [None, *tabs]:
                if tab is not None:
                    await show_tab(page, tab)
                shown = [listing for listing in await page.evaluate(script("shown_listings"))
                         if listing not in copied]
                if shown and not copied:
                    first = shown.pop(0)
                    copied[first] = await copy_with_the_mouse(page, first)
                copied.update(await page.evaluate(script("copy_listings"), shown))
        if tabs:
            await show_tab(page, TAB_SHOWN["light"])
        for listing in visit.listings:
            text = copied.get(listing["id"], {}).get("text")
            if text:
                database = "PostgreSQL" if listing["tab"] == "PostgreSQL" else "SQLite"
                self.runner.submit(text, database)
        return copied


async def walk_steppers(page, inventory: Inventory, path: str, opened: str | None) -> dict:
    from sessionguide.i18n.labels import label

    language = inventory.language_of(path)
    keys = ("step_through", "step_first", "step_previous", "step_next", "step_last", "step_of",
            "line")
    return await page.evaluate(f"(args) => ({script('stepper_walk')})(args.labels, args.opened)",
                               {"labels": {key: label(key, language) for key in keys},
                                "opened": opened})


async def show_tab(page, tab: str) -> None:
    """Select the database tab ``tab`` in every set of the page (select_tab.js)."""
    await page.evaluate(script("select_tab"), tab)
    await page.evaluate(script("next_frames"))


async def copy_with_the_mouse(page, listing_id: str) -> dict:
    sentinel = f"(nothing copied from {listing_id})"
    await page.evaluate(script("clipboard"), sentinel)
    button = page.locator(f'[id="{listing_id}"] button[data-md-type="copy"]')
    if await button.count() == 0:
        return {"text": None, "problem": "no copy button (button[data-md-type=copy])"}
    # force: the button shows on hover; the click is still a real click at its place
    await button.first.click(force=True, no_wait_after=True)
    deadline = time.monotonic() + 10  # a loaded machine (four pages at once) is slow to copy
    text = sentinel
    while text == sentinel and time.monotonic() < deadline:
        text = await page.evaluate(script("clipboard"), None)
        if text == sentinel:
            await asyncio.sleep(0.02)
    if text == sentinel:
        return {"text": None, "problem": "clicking the copy button put nothing on the clipboard"}
    return {"text": text, "problem": None}


async def first_shown_stepper(page):
    roots = page.locator(".sg-stepper")
    for index in range(await roots.count()):
        root = roots.nth(index)
        toggle = root.locator(":scope > button.sg-step-toggle")
        if await toggle.count() and await toggle.is_visible():
            return root
    return None


async def open_first_stepper(page) -> dict | None:
    """Open the first shown step-through view (for the layout and axe-core), with a click."""
    chosen = await first_shown_stepper(page)
    if chosen is None:
        return None
    listing = await chosen.get_attribute("data-listing")
    if await chosen.get_attribute("data-open") is None:
        await chosen.locator(":scope > button.sg-step-toggle").click()
    await page.evaluate(script("next_frames"))
    return {"listing": listing, "observed": [
        {"how": "opened", "state": await page.evaluate(script("stepper_state"), listing)}]}


async def step_through_for_real(page) -> dict | None:
    """The first shown step-through view, driven as a reader does: a click on its toggle (unless
    the page opened it), a click on Next, then the keyboard (ArrowLeft, ArrowRight, End, Home)
    with the focus where the click left it. Left open, at step 1, for the layout and axe-core.
    Returns, after each action, the step expected and the view's state (stepper_state.js)."""
    chosen = await first_shown_stepper(page)
    if chosen is None:
        return None
    listing = await chosen.get_attribute("data-listing")
    data = await page.evaluate(script("stepper_data"), listing)
    steps = [step["line"] for step in data["steps"]]
    start, last = data.get("start", 0), len(steps) - 1
    observed = []

    async def observe(how: str, expected: int, settle: bool = False) -> None:
        # A rendering update: where the HTML standard moves the focus off a button just
        # disabled (its focus fixup; Chromium 150 does it at once), so a lost focus shows.
        if settle:
            await page.evaluate(script("next_frames"))
        observed.append({"how": how, "expected": expected,
                         "state": await page.evaluate(script("stepper_state"), listing)})

    declared_open = await chosen.get_attribute("data-open") is not None
    if not declared_open:
        await chosen.locator(":scope > button.sg-step-toggle").click()
    await observe("opened" if not declared_open else "as the page opened it", start)
    buttons = chosen.locator("button.sg-step-button")
    if start < last:
        await buttons.nth(STEP_BUTTONS["next"]).click()
        await observe("after a click on Next", start + 1)
        await page.keyboard.press("ArrowLeft")
        await observe("after the ArrowLeft key", start)
        await page.keyboard.press("ArrowRight")
        await observe("after the ArrowRight key", start + 1)
    elif last > 0:
        await buttons.nth(STEP_BUTTONS["previous"]).click()
        await observe("after a click on Previous", start - 1)
    await page.keyboard.press("End")
    await observe("after the End key", last, settle=True)
    await page.keyboard.press("Home")
    await observe("after the Home key", 0, settle=True)
    return {"listing": listing, "steps": steps, "start": start, "declared_open": declared_open,
            "observed": observed}


_weights: dict[str, tuple[int, int]] = {}


async def weigh(responses: list, server: SiteServer) -> tuple[int, int, int]:
    """The first load's weight: every response's size, gzip-compressed and not (a file of the
    site is weighed once: the same assets load on every page)."""
    sizes = []
    for response in responses:
        url = response.url
        if url not in _weights:
            file = server.file_for(unquote(urlsplit(url).path)) if server.local(url) else None
            if file is not None and file.is_file() and file.name != "sitemap.xml":
                data = file.read_bytes()
            else:
                data = await response.body()
            _weights[url] = (gzip_size(data), len(data))
        sizes.append(_weights[url])
    return sum(gz for gz, _ in sizes), sum(raw for _, raw in sizes), len(sizes)


async def phone_layout(page) -> dict:
    await page.set_viewport_size(PHONE)
    await page.evaluate(script("next_frames"))
    return await page.evaluate(script("layout_phone"))


async def switch_language(page, visit: Visit, inventory: Inventory) -> dict:
    """Pick the other language in Material's language switcher: where it leads. (What the page
    it leads to requests or logs is not this page's: the recording stops here.)"""
    await page.set_viewport_size(DESKTOP)
    language = inventory.language_of(visit.path)
    other = next(lang for lang in inventory.languages if lang != language)
    await page.locator(".md-header__option .md-select > button").hover()
    visit.closing = True
    # Where it leads is known once the response arrives: no need to render that page.
    async with page.expect_navigation(wait_until="commit") as navigation:
        await page.locator(f'.md-select__link[hreflang="{other}"]').click()
    response = await navigation.value
    lang = re.search(r'<html[^>]*\slang="([^"]*)"', await response.text())
    return {"language": other, "url": response.url, "status": response.status,
            "htmlLang": lang and lang.group(1)}
