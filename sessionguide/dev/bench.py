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

