"""Running an example in the reader's browser (docs/javascripts/run-in-page.js, run-example.js,
sessionguide/blocks/in_browser.py), in both languages.

A page loads nothing of the runtime before Run, and says how much the first Run downloads (the
figure is what the site's files weigh, gzip-compressed). Run shows the reader's run the way the
build shows its own, in an area of its own, and keeps the build's output as it was: the same
output under the same lines for the unedited program; for an edited one, what the same code
prints under the build's runner (``run.runner.run_source``, here). The reader's step-through
view works, and the words are the page's language's. No third-party request, no console
error, no axe-core violation in either palette with the reader's run shown. Stop ends a
program that never ends, saying so, and a later Run works again.

Each test opens its page in a fresh browser context (an empty cache: the first Run downloads
the runtime again).
"""

from __future__ import annotations

import gzip
import json
import re
from html import unescape
from pathlib import Path

import pytest
import sqlalchemy

from sessionguide.blocks.program import output_by_line
from sessionguide.i18n.labels import label
from sessionguide.i18n.ui_text import check_page
from sessionguide.run.runner import run_source
from sessionguide.run.transcript import listed_differences

from . import axe
from .checks import bullet

PAGE = "flush-and-commit/"  # its first example, add_flush_commit.py, has a state table too
LANGUAGES = ("en", "es")
RUN_TIMEOUT_MS = 180_000  # the first Run loads the runtime: seconds, more on a busy machine
KINDS = {"sql": "sg-sql", "out": "sg-out", "err": "sg-err", "exit": "sg-exit"}
FIRST = ".sg-run[data-listing]"  # the first example that runs in the browser

# The output under each line of a listing, as the page shows it: {line: [[class, text]]}.
OUTPUTS = """(id) => {
  const figure = document.getElementById(id);
  if (!figure) return null;
  return Object.fromEntries([...figure.querySelectorAll(".sg-output")].map((box) =>
    [box.dataset.line, [...box.children].map((part) => [part.className, part.textContent])]));
}"""


def path_of(language: str) -> str:
    return ("" if language == "en" else f"{language}/") + PAGE


class Opened:
    """A page in a fresh context, with what it requested and the errors it reported."""

    def __init__(self, browser, context_args: dict, server, path: str) -> None:
        self.server = server
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.page.on("worker", lambda worker: worker.on("console", self._console))
        self.page.goto(server.url + path, wait_until="networkidle")
        self.config = json.loads(self.page.text_content("#sg-run-config"))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def run(self, container: str = FIRST) -> str:
        """Click Run and wait for its outcome."""
        done = int(self.page.get_attribute(container, "data-runs")) + 1
        self.page.click(f"{container} .sg-run-button")
        self.page.wait_for_function(
            f"document.querySelector('{container}').dataset.runs === '{done}'",
            timeout=RUN_TIMEOUT_MS)
        return self.page.get_attribute(container, "data-outcome")

    def outputs(self, listing_id: str) -> dict | None:
        return self.page.evaluate(OUTPUTS, listing_id)

    def foreign(self) -> list[str]:
        return [url for url in self.requests if not self.server.local(url)]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser, browser_context_args, server):
    pages = []

    def open_(path: str) -> Opened:
        pages.append(Opened(browser, browser_context_args, server, path))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


def expected_outputs(snippet: str, source: str, lang: str) -> dict:
    """What the build's runner shows under each line of ``source``, as the page draws it: one
    part per group of events of the same kind (sessionguide/blocks/listing.py)."""
    run = run_source(snippet, source, "sqlite", filename=snippet)
    shown = {}
    for line, events in output_by_line(run).items():
        parts: list[list[str]] = []
        for kind, text in events:
            text = label("with_block_ends", lang) if kind == "exit" else text
            if parts and parts[-1][0] == KINDS[kind]:
                parts[-1][1] += "\n" + text
            else:
                parts.append([KINDS[kind], text])
        shown[str(line)] = parts
    return shown


def differences(want: dict, got: dict | None) -> list[str]:
    got = got or {}
    return [f"line {line}: expected {want.get(line)!r}, shown {got.get(line)!r}"
            for line in sorted(set(want) | set(got), key=int) if want.get(line) != got.get(line)]


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


# --- before Run -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_of_the_runtime_loads_before_run(opened, site, language):
    """The page loads run-in-page.js and no other part of the runner; its note says how much a
    first Run downloads, which is what the site's files weigh, gzip-compressed."""
    path = path_of(language)
    page = opened(path)
    page.page.wait_for_timeout(500)
    early = [url for url in page.requests if "/pyodide/" in url or "run-example" in url]
    assert not early, f"/{path} loaded part of the runtime before Run:\n" + bullet(early)
    workers = [worker.url for worker in page.page.workers if "run-example" in worker.url]
    assert not workers, f"/{path} started the runner's worker before Run: {workers}"
    assert any(url.endswith("/javascripts/run-in-page.js") for url in page.requests)
    config = page.config
    shipped = [site / "pyodide" / name for name in config["modules"]]
    runtime = [path for path in (site / "pyodide").iterdir() if path.is_file()]
    scripts = [site / "javascripts" / name for name in ("run-example.js", "run-example-worker.js")]
    missing = [str(path) for path in shipped + scripts if not path.is_file()]
    assert not missing, "the site lacks what a first Run fetches:\n" + bullet(missing)
    weighed = sum(gzip_size(path) for path in runtime + shipped + scripts)
    assert config["bytes"] == weighed, (
        f"the page promises {config['bytes']} bytes for a first Run; the files it fetches weigh "
        f"{weighed} gzip-compressed (sessionguide/build/browser_runtime.py, first_run_bytes)")
    notes = page.page.locator(".sg-run-note").all_text_contents()
    assert notes and all(note == config["labels"]["run_note"] for note in notes), notes
    assert config["size"] in notes[0], notes[0]
    assert not page.errors, f"/{path}: console errors:\n" + bullet(page.errors)


# --- Run, edit, Run again -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_readers_run_is_shown_as_the_build_shows_its_own(opened, language):
    path = path_of(language)
    page = opened(path)
    container = page.page.locator(FIRST).first
    listing_id = container.get_attribute("data-listing")
    yours = f"{listing_id}-yours"
    snippet = page.page.get_attribute(f"#{listing_id}", "data-run")
    original = page.page.get_attribute(f"#{listing_id} > .highlight", "data-copy")
    built = page.outputs(listing_id)
    assert built, f"/{path}: #{listing_id} shows no output of the build's run"
    if sqlalchemy.__version__.startswith("2.0.") and snippet in listed_differences():
        pytest.skip(f"this site was built with SQLAlchemy {sqlalchemy.__version__}, and "
                    f"{snippet} is listed as printing differently under 2.0; the browser "
                    "runs SQLAlchemy 2.1 (requirements-browser.lock.json): the 2.1 stack "
                    "compares the two")

    # The program as written: the same output under the same lines as the build's.
    assert page.run() == "ok", page.page.text_content(f"{FIRST} .sg-run-status")
    problems = differences(built, page.outputs(yours))
    assert not problems, (f"/{path}: the reader's run of {snippet} does not show what the "
                          "build's does:\n" + bullet(problems))
    assert page.outputs(listing_id) == built, f"/{path}: the build's output changed"

    # Edited: what the build's runner prints for the same code.
    assert '"ana"' in original, f"snippets/{snippet} no longer creates ana: change this test"
    edited = original.replace('"ana"', '"zoe"', 1)
    page.page.click(f"{FIRST} .sg-run-edit")
    page.page.fill(f"{FIRST} textarea", edited)
    assert page.page.is_enabled(f"{FIRST} .sg-run-reset")
    assert page.run() == "ok", page.page.text_content(f"{FIRST} .sg-run-status")
    want = expected_outputs(snippet, edited, language)
    problems = differences(want, page.outputs(yours))
    assert not problems, (f"/{path}: the reader's edited run of {snippet} does not show what "
                          "run_source prints for it:\n" + bullet(problems))
    assert any("zoe" in text for parts in want.values() for _, text in parts)
    assert page.outputs(listing_id) == built, f"/{path}: the build's output changed"
    shown = page.page.locator(f"#{yours} .sg-line").all_text_contents()
    assert [re.sub(r"^\d+", "", line) for line in shown] == edited.rstrip("\n").split("\n")

    # Its own area, named with the versions; the build's are in the caption.
    heading = page.page.text_content(f"#{yours}-title")
    pattern = re.escape(label("run_yours", language)).replace(r"\{python\}", r"[\d.]+")
    assert re.fullmatch(pattern.replace(r"\{sqlite\}", r"[\d.]+"), heading), heading
    caption = page.page.text_content(f"#{yours} figcaption")
    assert caption.startswith(label("run_caption", language)), caption
    versions = json.loads(page.page.get_attribute(f"#{listing_id}", "data-run-built"))
    browser_python = re.search(r"Python ([\d.]+)", heading).group(1)
    if browser_python != versions["python"]:
        assert f"Python {versions['python']}" in caption, caption

    # Reset brings the program back.
    page.page.click(f"{FIRST} .sg-run-reset")
    assert page.page.input_value(f"{FIRST} textarea") == original

    # The reader's step-through view: opens at the first step, Next moves on.
    toggle = page.page.locator(f"{FIRST} .sg-step-toggle")
    assert toggle.text_content() == label("step_through", language)
    toggle.click()
    status = page.page.locator(f"{FIRST} .sg-step-status")
    first = status.text_content()
    assert first.startswith(label("step_of", language).split("{")[0]), first
    page.page.click(f"{FIRST} .sg-step-button[aria-label='{label('step_next', language)}']")
    assert status.text_content() != first
    assert page.page.locator(f"#{yours} .sg-current").count() >= 1

    # The page's words: nothing in English on a translated page.
    html = f'<html lang="{language}"><body>{container.evaluate("e => e.outerHTML")}</body></html>'
    english = check_page(html, language, path)
    assert not english, f"/{path}: English in the reader's run:\n" + bullet(
        f"{finding.where}: {', '.join(finding.words)} in «{finding.text}»" for finding in english)

    # axe-core, both palettes, with the editor and the reader's step-through view open.
    page.page.click(f"{FIRST} .sg-run-edit")
    for scheme in ("default", "slate"):
        page.page.evaluate("(scheme) => document.body.setAttribute('data-md-color-scheme', "
                           "scheme)", scheme)
        violations = axe.run(page.page)
        assert violations == [], f"/{path}, {scheme} palette:\n" + axe.report(violations)

    assert not page.foreign(), f"/{path}: third-party requests:\n" + bullet(page.foreign())
    assert not page.errors, f"/{path}: console errors:\n" + bullet(page.errors)


# --- Stop -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_stop_ends_a_program_that_never_ends(opened, language):
    path = path_of(language)
    page = opened(path)
    labels = page.config["labels"]
    status = f"{FIRST} .sg-run-status"
    page.page.click(f"{FIRST} .sg-run-edit")
    original = page.page.input_value(f"{FIRST} textarea")
    page.page.fill(f"{FIRST} textarea", "while True:\n    pass\n")
    # With the keyboard: Run hides itself as it starts, so the focus must move to Stop (and
    # back to Run once stopped), or the reader's keys go nowhere.
    focused = "selector => document.activeElement === document.querySelector(selector)"
    page.page.focus(f"{FIRST} .sg-run-button")
    page.page.keyboard.press("Enter")
    page.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent === text",
        arg=[status, labels["run_running"]], timeout=RUN_TIMEOUT_MS)
    page.page.wait_for_timeout(1000)  # it loops
    assert page.page.get_attribute(FIRST, "data-state") == "running"
    assert page.page.evaluate(focused, f"{FIRST} .sg-run-stop"), (
        f"/{path}: Run started from the keyboard did not give the focus to Stop")
    page.page.keyboard.press("Enter")
    page.page.wait_for_function(f"document.querySelector('{FIRST}').dataset.runs === '1'",
                                timeout=10_000)
    assert page.page.evaluate(focused, f"{FIRST} .sg-run-button"), (
        f"/{path}: Stop pressed from the keyboard did not give the focus back to Run")
    assert page.page.get_attribute(FIRST, "data-outcome") == "stopped"
    assert page.page.text_content(status) == labels["run_stopped"]
    assert label("run_stopped", language) == labels["run_stopped"]
    assert page.page.is_visible(f"{FIRST} .sg-run-button")
    assert not page.page.is_visible(f"{FIRST} .sg-run-stop")
    # The page is still responsive, and a later Run works (a new worker).
    page.page.fill(f"{FIRST} textarea", original)
    assert page.run() == "ok", page.page.text_content(status)
    assert page.page.text_content(status) == labels["run_done"]
    assert not page.foreign(), f"/{path}: third-party requests:\n" + bullet(page.foreign())
    assert not page.errors, f"/{path}: console errors:\n" + bullet(page.errors)


# --- which examples run -----------------------------------------------------------------------


def test_every_listing_runs_or_says_why_not(inventory):
    """Each listing of the site either offers Run (data-run, and its .sg-run place) or says
    why it does not run in the browser, in its page's language."""
    wrong = []
    for path in inventory.pages_with_examples:
        html = inventory.html(path)
        language = inventory.language_of(path)
        listings = re.findall(r'<figure class="sg-listing" id="([^"]+)"([^>]*)>', html)
        for anchor, attributes in listings:
            if "data-run=" in attributes:
                if f'class="sg-run" data-listing="{anchor}"' not in html:
                    wrong.append(f"/{path} #{anchor}: offers Run, but has no .sg-run place")
                continue
            reason = re.search(r'data-run-unavailable="(\w+)"', attributes)
            if reason is None:
                wrong.append(f"/{path} #{anchor}: neither data-run nor data-run-unavailable")
                continue
            why = label(f"run_unavailable_{reason.group(1)}", language).split("{")[0]
            if why not in unescape(html):
                wrong.append(f"/{path} #{anchor}: does not say why it does not run ({why!r})")
    assert not wrong, bullet(wrong, 30)
