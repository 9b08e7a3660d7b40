"""The browser's Python in the site: the vendored runtime, the modules of this package it runs,
and what each page whose examples run in the browser needs to know.

``make vendor-browser-runtime`` (``python -m sessionguide vendor-browser-runtime``, see
sessionguide/dev/pyodide_vendor.py) writes the runtime and wheels pinned with their hashes in
requirements-browser.lock.json into build/pyodide/ (``$SESSIONGUIDE_BROWSER_RUNTIME`` to put it
elsewhere). The build copies that folder into the site's ``pyodide/``, once (in the first
language's build: every language's pages load the same files), with the modules of this
package that ``sessionguide.blocks.in_browser`` needs (``shipped_modules()``), under
``pyodide/sessionguide/`` (``runtime_files``): the reader's run is observed by the same code
as the build's.

Each page whose examples run in the browser gets its configuration for
docs/javascripts/run-in-page.js (``add_to_page``): where ``pyodide/`` is from the page, the
modules to fetch, how much a first run downloads (gzip-compressed, as a static host sends it,
computed here from the files) and the labels in the page's language.
"""

from __future__ import annotations

import ast
import json
import os
import posixpath
import tempfile
import zlib
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sessionguide.blocks import deferred
from sessionguide.blocks.in_browser import page_words
from sessionguide.blocks.stepper import UI as STEPPER_LABELS
from sessionguide.i18n.labels import label
from sessionguide.paths import DOCS, ROOT

SITE_FOLDER = "pyodide"  # in the site, beside the language folders
ENTRY = "sessionguide.blocks.in_browser"  # what the browser imports (and what it imports)
# What a first run fetches besides the runtime's folder: the runner and its worker (the page
# itself loads only run-in-page.js).
SCRIPTS = ("javascripts/run-example.js", "javascripts/run-example-worker.js")
# Without these the runtime cannot start (the rest of the folder is what its lock lists).
REQUIRED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
            "pyodide-lock.json")
TIMEOUT_SECONDS = 30  # a reader's run that takes longer is stopped, saying so
# What run-in-page.js shows as it is, in the page's language: its own words, and the controls
# of the step-through view it draws for the reader's run (as stepper.py gives them).
SCRIPT_LABELS = ("run", "run_stop", "run_edit", "run_reset", "run_editor", "run_note",
                 "run_note_loaded", "run_loading", "run_running", "run_done", "run_stopped",
                 "run_timeout", "run_failed", "run_broken", *STEPPER_LABELS)
_CONTAINER = 'class="sg-run"'  # in_browser.controls(): an example that runs in the browser
_SIZES = ".gzip-sizes.json"  # in the runtime's folder: not copied (a dotfile)
GZIP_LEVEL = 6  # what static hosts and the bench's server use


class RuntimeMissing(PluginError):
    pass


def runtime_dir() -> Path:
    """Where ``make vendor-browser-runtime`` puts the runtime."""
    given = os.environ.get("SESSIONGUIDE_BROWSER_RUNTIME")
    return Path(given) if given else ROOT / "build" / "pyodide"


def _vendored() -> list[Path]:
    folder = runtime_dir()
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise RuntimeMissing(
            f"The browser's Python is not in {folder} (missing: {', '.join(missing)}), so the "
            "examples' Run buttons would not work. Run `make vendor-browser-runtime` (it "
            "downloads the files pinned in requirements-browser.lock.json the first time, then "
            "reuses them), or point SESSIONGUIDE_BROWSER_RUNTIME at a folder it filled.")
    return sorted(path for path in folder.iterdir()
                  if path.is_file() and not path.name.startswith("."))


@cache  # the running build's own modules (a change to them needs a new process anyway)
def shipped_modules() -> tuple[str, ...]:
    """The files of this package the browser imports: ``ENTRY`` and every module it imports
    when imported (imports inside functions run only when called: the browser calls none of
    those that matter), with their packages' ``__init__.py``; as paths from the project root."""
    found: set[Path] = set()
    todo = [ENTRY]
    while todo:
        module = todo.pop()
        path = _module_path(module)
        if path is None or path in found:
            continue
        found.add(path)
        parts = module.split(".")
        todo.extend(".".join(parts[:n]) for n in range(1, len(parts)))  # its packages
        todo.extend(_imports_at_import_time(path))
    return tuple(sorted(path.relative_to(ROOT).as_posix() for path in found))


def _module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports_at_import_time(path: Path) -> list[str]:
    found = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import):
                found.extend(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append(child.module)
                found.extend(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return [name for name in found if name.split(".")[0] == "sessionguide"]


def runtime_files(config) -> list[File]:
    """The runtime and the shipped modules, as files of the site under ``pyodide/``; the build
    fails, saying what to run, if the runtime has not been vendored."""
    found = [File.generated(config, f"{SITE_FOLDER}/{path.name}", abs_src_path=str(path))
             for path in _vendored()]
    found += [File.generated(config, f"{SITE_FOLDER}/{name}", abs_src_path=str(ROOT / name))
              for name in shipped_modules()]
    return found


# --- what a first run downloads -------------------------------------------------------------


def _gzip_size(data: bytes) -> int:
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: the gzip format
    return len(compressor.compress(data)) + len(compressor.flush())


def first_run_bytes() -> int:
    """What a first Run transfers, gzip-compressed: the runtime's folder, the shipped modules
    and the runner's scripts. The runtime's sizes are kept beside it (they take a second to
    compute, and change only when it is vendored again)."""
    paths = [*_vendored(), *(ROOT / name for name in shipped_modules()), *_scripts()]
    stamp = tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in paths)
    if stamp not in _computed:
        _computed.clear()
        _computed[stamp] = _first_run_bytes()
    return _computed[stamp]


_computed: dict[tuple, int] = {}


def _first_run_bytes() -> int:
    folder = runtime_dir()
    cache_file = folder / _SIZES
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    sizes, total = {}, 0
    for path in _vendored():
        stat = path.stat()
        key = [stat.st_size, stat.st_mtime_ns]
        entry = cached.get(path.name)
        if not entry or entry[:2] != key:
            entry = [*key, _gzip_size(path.read_bytes())]
        sizes[path.name] = entry
        total += entry[2]
    if sizes != cached:
        _write(cache_file, json.dumps(sizes, indent=1, sort_keys=True))
    for path in [*(ROOT / name for name in shipped_modules()), *_scripts()]:
        total += _gzip_size(path.read_bytes())
    return total


def _scripts() -> list[Path]:
    """The runner's scripts (a test's fixture project, without docs/javascripts/, has none)."""
    return [DOCS / name for name in SCRIPTS if (DOCS / name).is_file()]


def _write(path: Path, text: str) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:  # a read-only runtime folder: computed again next time
        pass


def megabytes(size: int, lang: str) -> str:
    """``7.9 MB`` (decimal megabytes, in the language's way of writing them)."""
    tenths = round(size / 100_000)
    return label("run_megabytes", lang).format(whole=tenths // 10, tenths=tenths % 10)


# --- the pages ------------------------------------------------------------------------------


def add_to_page(html: str, page_url: str, lang: str) -> str:
    """A page with an example that runs in the browser (or whose examples are still to be
    filled in) gets the configuration of its Run buttons, before ``</body>``."""
    if _CONTAINER not in html and not deferred.pending(html):
        return html
    end = html.rfind("</body>")
    if end == -1:
        return html
    folder = posixpath.dirname(page_url) or "."
    size = first_run_bytes()
    config = {
        "runtime": posixpath.relpath(SITE_FOLDER, folder) + "/",
        "modules": list(shipped_modules()),
        "entry": ENTRY,
        "lang": lang,
        "bytes": size,
        "size": megabytes(size, lang),
        "timeout": TIMEOUT_SECONDS,
        "labels": _script_labels(lang, size=megabytes(size, lang)),
        "words": page_words(lang),
    }
    data = json.dumps(config, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).replace("</", "<\\/")
    script = f'<script type="application/json" id="sg-run-config">{data}</script>'
    return html[:end] + script + html[end:]


def _script_labels(lang: str, size: str) -> dict[str, str]:
    """``SCRIPT_LABELS``, with what the build knows filled in (the page shows them as they are,
    and tests/test_ui_language.py reads them as such)."""
    values = {"size": size, "seconds": TIMEOUT_SECONDS}
    return {key: label(key, lang).format_map(_Keep(values)) for key in SCRIPT_LABELS}


class _Keep(dict):
    """Fills in the values it has; leaves any other ``{name}`` for the script (step_of)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
