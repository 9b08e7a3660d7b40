"""``make bench``: how long building and serving take, as medians of several runs, with targets.

(a) the full strict build of both languages, from an empty cache
(b) the same build with every example's result already computed: a fresh process that loads
    the results an earlier run computed, so that a - b is what executing the examples costs
(c) the English-only build, from an empty cache
(d) every snippet run once as plain Python (``python snippets/<page>/<example>.py``)
(e) under ``mkdocs serve`` as ``make serve`` runs it: from saving a one-line prose change in a
    Spanish page to the rebuilt page being served

Every build runs in a fresh process, so nothing is cached unless the measurement says so. The
figures are for this machine only; the targets are ratios between them.

Then, running an example in the reader's browser (``browser()``, alone with ``--browser-only``):
a built site served on 127.0.0.1 by a server that gzips like a static host, loaded in
headless Chromium, each time in a fresh browser context (an empty cache), at least 5 times:

(f) what a page with examples loads of the runner before Run: only run-in-page.js, nothing of
    the runtime
(g) what the first Run transfers (gzip), the runtime included
(h) from the click on Run to the reader's run shown (median)
(i) the second Run of the same example, once the runtime is loaded (median)
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sessionguide.paths import MKDOCS_YML, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _build(site_dir: str, *, english_only: bool = False) -> float:
    """One strict build in this process; the seconds build() took."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(MKDOCS_YML), site_dir=site_dir, strict=True)
    if english_only:
        for language in config.plugins["i18n"].config.languages:
            language.build = language.default
    config.plugins.on_startup(command="build", dirty=False)
    try:
        start = time.perf_counter()
        build(config)
        return time.perf_counter() - start
    finally:
        config.plugins.on_shutdown()


def _measure_in_child(kind: str, *args: str) -> tuple[float, float]:
    """Run one measurement in a fresh interpreter (empty caches): its seconds, and the
    CPU-seconds the build process itself used (examples run in other processes)."""
    result = subprocess.run(
        [sys.executable, "-m", "sessionguide", "bench", "--child", kind, *args],
        cwd=ROOT, env=ENV, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: the {kind} build failed:\n{result.stderr[-3000:]}")
    seconds, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(cpu)


def child(kind: str, results: str | None = None) -> None:
    """One measurement, in the fresh process ``_measure_in_child`` started."""
    from sessionguide.run import cache, runner

    before = _main_cpu()
    with tempfile.TemporaryDirectory() as site:
        if kind == "full":
            seconds = _build(site)
        elif kind == "results":  # compute every result, for "cached"
            cache.start_running(runner.snippet_names())
            for name in runner.snippet_names():
                cache.run_cached(name)
            Path(results).write_bytes(pickle.dumps(cache._results))
            seconds = 0.0
        elif kind == "cached":
            cache._results.update(pickle.loads(Path(results).read_bytes()))
            seconds = _build(site)
        elif kind == "english":
            seconds = _build(site, english_only=True)
        else:
            raise SystemExit(f"unknown measurement {kind}")
    print(seconds, _main_cpu() - before)


def _main_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _snippets_as_plain_python() -> float:
    from sessionguide.run.runner import snippet_names, snippet_path

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cwd:
        for name in snippet_names():
            subprocess.run([sys.executable, str(snippet_path(name))], cwd=cwd, env=ENV,
                           check=True, capture_output=True)
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local server
        return response.read().decode("utf-8")


def _serve_latencies(runs: int, page: str = "flush-and-commit") -> list[float]:
    """Seconds from saving a Spanish page to ``mkdocs serve`` serving the change."""
    source = ROOT / "docs" / f"{page}.es.md"
    original = source.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/es/{page}/"
    server = subprocess.Popen(  # as make serve runs it
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**ENV, "SESSIONGUIDE_SEARCH": "false"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    latencies = []
    try:
        deadline = time.monotonic() + 180
        while True:  # the first build, which runs every example
            try:
                _get(url)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("bench: mkdocs serve did not start") from None
                time.sleep(0.2)
        for n in range(runs):
            marker = f"Marca de prueba de velocidad número {n} {time.time_ns()}."
            time.sleep(1.5)  # let the watcher settle after the previous rebuild
            start = time.perf_counter()
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while marker not in _get(url):
                if time.perf_counter() - start > 60:
                    raise SystemExit("bench: the change never appeared")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - start)
    finally:
        source.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return latencies


def main(runs: int = 3) -> None:
    """Every measurement, as the median of ``runs``, with the targets."""

    def median(measure) -> float:
        return statistics.median(measure() for _ in range(runs))

    def median_wall_cpu(*child) -> tuple[float, float]:
        runs_ = [_measure_in_child(*child) for _ in range(runs)]
        return statistics.median(r[0] for r in runs_), statistics.median(r[1] for r in runs_)

    print(f"make bench: medians of {runs} runs on this machine ({os.cpu_count()} cores)")
    a, a_cpu = median_wall_cpu("full")
    with tempfile.TemporaryDirectory() as scratch:
        results = str(Path(scratch) / "results.pickle")
        _measure_in_child("results", results)
        b, _ = median_wall_cpu("cached", results)
    c, c_cpu = median_wall_cpu("english")
    d = median(_snippets_as_plain_python)
    e = statistics.median(_serve_latencies(max(runs, 5)))
    rows = [
        ("(a) full strict build, both languages", a, ""),
        ("(b) same, example results already computed", b, ""),
        ("(c) English-only build", c, ""),
        ("(d) every snippet once as plain Python", d, ""),
        ("(e) Spanish prose change -> page served", e, "target <= 1.5 s"),
    ]
    for label, seconds, target in rows:
        print(f"{label:48} {seconds:7.2f} s  {target}")
    checks = [
        ("(a) <= 1.25 x (c)", a / c, 1.25),
        ("(a) <= 1.3 x (b)", a / b, 1.3),
        ("(e) <= 1.5 s", e, 1.5),
    ]
    met = True
    for label, value, limit in checks:
        ok = value <= limit
        met &= ok
        print(f"{label:48} {value:7.2f}    {'met' if ok else 'NOT MET'}")
    # What no scheduling of the examples can take away: MkDocs renders one page after another
    # in one process, and the second language's pages add their own rendering to it.
    print(f"CPU time of the build process, which renders the pages: (a) {a_cpu:.2f} s, "
          f"(c) {c_cpu:.2f} s; the Spanish pages add {a_cpu - c_cpu:.2f} s to it")
    print(json.dumps({"a": a, "b": b, "c": c, "d": d, "e": e, "a_cpu": a_cpu, "c_cpu": c_cpu,
                      "targets_met": met}))
    browser(runs)



# --- running an example in the reader's browser ---------------------------------------------

BROWSER_PAGE = "flush-and-commit/"  # its first example runs in the browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 # no host but the local server resolves: a third-party request fails, counted
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
          ".json": "application/json", ".html": "text/html; charset=utf-8",
          ".css": "text/css", ".py": "text/x-python; charset=utf-8", ".svg": "image/svg+xml"}


class _GzipServer:
    """The site, gzip-compressed (level 6, as static hosts compress) for a client that accepts
    it, with the bytes of every response body sent, as a static host would send them."""

    def __init__(self, site: Path) -> None:
        import gzip
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.sent: list[tuple[str, int]] = []  # (path, body bytes)
        lock, compressed = threading.Lock(), {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                file = site / path.lstrip("/")
                if file.is_dir():
                    file = file / "index.html"
                if not file.is_file():
                    self.send_error(404)
                    return
                body, encoded = file.read_bytes(), False
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    with lock:
                        key = (file, file.stat().st_mtime_ns)
                        if key not in compressed:
                            compressed[key] = gzip.compress(body, 6, mtime=0)
                        body, encoded = compressed[key], True
                self.send_response(200)
                kind = _TYPES.get(file.suffix, "application/octet-stream")
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if encoded:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                self.wfile.write(body)
                with lock:
                    server.sent.append((path, len(body)))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[tuple[str, int]]:
        sent, self.sent = self.sent, []
        return sent

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# In the page: when Run is clicked, and when the reader's run is shown (data-runs counts them).
_WATCH = """() => {
  window.__clicks = []; window.__shown = [];
  document.addEventListener("click", (event) => {
    if (event.target.closest(".sg-run-button")) window.__clicks.push(performance.now());
  }, true);
  const box = document.querySelector(".sg-run[data-listing]");
  new MutationObserver(() => window.__shown.push([performance.now(), box.dataset.runs,
                                                  box.dataset.outcome]))
    .observe(box, {attributes: true, attributeFilter: ["data-runs"]});
}"""


def _one_browser_visit(browser, server: _GzipServer) -> dict:
    """A first visit in a fresh context: load the page, Run, Run again."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    foreign, errors = [], []
    context.on("request", lambda request: foreign.append(request.url)
               if not request.url.startswith((server.url, "data:", "blob:")) else None)
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        server.take()
        page.goto(server.url + BROWSER_PAGE, wait_until="networkidle")
        before = server.take()
        page.evaluate(_WATCH)
        button = page.locator(".sg-run[data-listing] .sg-run-button").first
        times = []
        for number in (1, 2):
            button.click()
            page.wait_for_function(f"window.__shown.length >= {number}", timeout=180_000)
            clicked, (shown, _, outcome) = page.evaluate(
                f"[window.__clicks[{number - 1}], window.__shown[{number - 1}]]")
            if outcome != "ok":
                raise SystemExit(f"bench: the Run on /{BROWSER_PAGE} ended with {outcome!r}")
            times.append((shown - clicked) / 1000)
            if number == 1:
                first = server.take()
    finally:
        context.close()
    runner_scripts = [(path, size) for path, size in before if "/javascripts/run-" in path]
    runtime_before = [path for path, _ in before
                      if "/pyodide/" in path or "run-example" in path]
    return {"before_bytes": sum(size for _, size in runner_scripts),
            "runtime_before": runtime_before,
            "first_bytes": sum(size for _, size in first), "first_s": times[0],
            "second_s": times[1], "foreign": foreign, "errors": errors}


def browser(runs: int = 5, site: Path | None = None) -> bool:
    """(f) to (i), over ``runs`` fresh browser contexts (at least 5), with their targets; on
    ``site``, or on a site built for the purpose. False if a target is not met."""
    chromium = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    if not os.access(chromium, os.X_OK):
        print(f"(f)-(i) running in the browser: skipped, no Chromium at {chromium} "
              "(apt-get install chromium, or set CHROMIUM)")
        return True
    from playwright.sync_api import sync_playwright

    runs = max(runs, 5)
    with tempfile.TemporaryDirectory() as scratch:
        if site is None:
            site = Path(scratch) / "site"
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                     "--site-dir", str(site)], cwd=ROOT, env=ENV,
                                    capture_output=True, text=True)
            if result.returncode:
                raise SystemExit(f"bench: the build failed:\n{result.stderr[-3000:]}")
        server = _GzipServer(site)
        try:
            with sync_playwright() as playwright:
                launched = playwright.chromium.launch(executable_path=chromium,
                                                      args=CHROMIUM_ARGS)
                visits = [_one_browser_visit(launched, server) for _ in range(runs)]
                launched.close()
        finally:
            server.close()
    before = max(v["before_bytes"] for v in visits)
    early = sorted({path for v in visits for path in v["runtime_before"]})
    first_bytes = max(v["first_bytes"] for v in visits)
    first = statistics.median(v["first_s"] for v in visits)
    second = statistics.median(v["second_s"] for v in visits)
    foreign = sum(len(v["foreign"]) for v in visits)
    errors = sum(len(v["errors"]) for v in visits)
    print(f"running an example in the browser: /{BROWSER_PAGE}, {runs} fresh browser contexts, "
          "served with gzip")
    rows = [
        ("(f) before Run: the runner script only", before / 1024, "KB",
         "no runtime file, <= 10 KB", not early and before <= 10 * 1024),
        ("(g) first Run transferred (gzip)", first_bytes / 1e6, "MB", "<= 9 MB",
         first_bytes <= 9e6),
        ("(h) click -> output, first Run (median)", first, "s", "<= 8 s", first <= 8),
        ("(i) second Run (median)", second, "s", "< 0.5 s", second < 0.5),
        ("third-party requests, console errors", foreign + errors, "", "0",
         foreign + errors == 0),
    ]
    for label, value, unit, target, ok in rows:
        print(f"{label:48} {value:7.2f} {unit:2}  target {target}: "
              f"{'met' if ok else 'NOT MET'}")
    if early:
        print(f"    fetched before Run: {', '.join(early)}")
    print("    first Run, each context (s): "
          + ", ".join(f"{v['first_s']:.2f}" for v in visits)
          + "; second: " + ", ".join(f"{v['second_s']:.2f}" for v in visits))
    met = all(row[-1] for row in rows)
    print(json.dumps({"f_before_bytes": before, "g_first_run_bytes": first_bytes,
                      "h_first_run_s": first, "i_second_run_s": second,
                      "third_party": foreign, "console_errors": errors,
                      "browser_targets_met": met}))
    return met
