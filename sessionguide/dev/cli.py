"""``python -m sessionguide <command>``: every chore of the project, in one command line.

The Makefile's targets call these commands; ``--help`` lists them. Each command's code lives in
a module of its own, imported only when the command runs, so that ``--help`` is instant and a
command needs only what it uses (``transcripts`` also runs in the SQLAlchemy 2.0 environment).
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sessionguide.paths import ROOT

_commands: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                           Callable[[argparse.Namespace], int | None]]] = {}


def command(name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None]
            = lambda parser: None):
    """Register ``run(args)`` as the command ``name``; ``arguments`` adds its options."""

    def register(run):
        _commands[name] = (help, arguments, run)
        return run

    return register


def _module(name: str):
    return importlib.import_module(f"sessionguide.{name}")


@command("update-examples", "rewrite every example's expected output: its #> comments and "
         "tests/expected/<page>/<example>.<database>.txt")
def _update_examples(args) -> int:
    return subprocess.call([sys.executable, "-m", "pytest", "tests/test_examples.py",
                            "--update-examples"], cwd=ROOT)


def _translations_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--diff", action="store_true", help="show what changed in English")
    sub = parser.add_subparsers(dest="action")
    marking = sub.add_parser("mark", help="record that translated pages match English now")
    marking.add_argument("pages", nargs="+", type=Path)


def _build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="the site directory to write")


@command("build", "the strict build of both languages, written to SITE only if it succeeds",
         _build_arguments)
def _build(args) -> int:
    """Built next to the site directory and moved into place on success: a failed build never
    leaves a site, with its error messages, where it could be published."""
    import shutil

    site = args.site.resolve()
    partial = site.with_name(site.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    result = subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict",
                              "--site-dir", str(partial)], cwd=ROOT)
    if result != 0:
        shutil.rmtree(partial, ignore_errors=True)
        print(f"The build failed: {site} is left as it was (see the errors above).",
              file=sys.stderr)
        return result
    shutil.rmtree(site, ignore_errors=True)
    partial.rename(site)
    return 0


def _port(text: str) -> int:
    try:
        return _module("dev.serve").port_number(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


@command("serve", "mkdocs serve on 127.0.0.1:PORT (default 8000), rebuilding what a saved "
         "change affects, one line per rebuild",
         lambda parser: parser.add_argument("--port", type=_port, default=8000))
def _serve(args) -> int:
    return _module("dev.serve").main(args.port)


@command("translations", "missing and outdated translations (--diff: with the English changes; "
         "mark PAGE...: record that a translation is up to date)", _translations_arguments)
def _translations(args) -> None:
    if args.action == "mark":
        translations = _module("i18n.translations")
        for page in args.pages:
            translations.mark(page)
            print(f"{page}: translated_from {translations.front_matter(page)['translated_from']}")
        return
    _module("dev.translations").report(args.diff)


@command("check-language", "the translator's fast check: spelling, glossary terms and usage "
         "patterns, anchors, same examples, translation status, and the words of an already "
         "built site (SITE_DIR, or site/)")
def _check_language(args) -> int:
    return _module("dev.translations").check_language()


@command("spelling", "the words the spell checker does not know, in the given pages",
         lambda parser: parser.add_argument("pages", nargs="+", type=Path))
def _spelling(args) -> int:
    spelling = _module("i18n.spelling")
    language_of = _module("i18n.languages").language_of
    found = 0
    for path in args.pages:
        for number, word in spelling.unknown_words(path.read_text(encoding="utf-8"),
                                                   language_of(path.name)):
            print(f"{path}:{number}: {word}")
            found += 1
    return 1 if found else 0


def _bench_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--browser-only", action="store_true",
                        help="only (f)-(i), running an example in the browser")
    parser.add_argument("--site", type=Path, help="for --browser-only: a built site to use")
    parser.add_argument("--quick", action="store_true",
                        help="without (r), (m) and (k): the fresh-clone make serve, make "
                             "test and make test ONLY=...")
    parser.add_argument("--child", help=argparse.SUPPRESS)


@command("bench", "build, serve and test timings, medians of several runs, with their targets",
         _bench_arguments)
def _bench(args) -> int | None:
    bench = _module("dev.bench")
    if args.child:  # one measurement in a fresh process (bench starts these itself)
        bench.child(args.child)
    elif args.browser_only:
        return 0 if bench.browser(args.runs, args.site) else 1
    else:
        bench.main(args.runs, quick=args.quick)


@command("matrix", "make test under every supported Python with each SQLAlchemy stack")
def _matrix(args) -> int:
    return _module("dev.matrix").main()


@command("find-python", "the path of python<VERSION> on PATH or in pyenv, or nothing (for CI)",
         lambda parser: parser.add_argument("version"))
def _find_python(args) -> None:
    print(_module("dev.matrix").find_python(args.version) or "")


def _zensical_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("zensical", help="the zensical executable")
    parser.add_argument("site", type=Path, help="the site directory MkDocs built")


@command("zensical-check", "build the English site with Zensical and report what differs "
         "(never fails)", _zensical_arguments)
def _zensical_check(args) -> int:
    return _module("dev.zensical_check").main(args.zensical, args.site)


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("snippet", help="snippets/<page>/<example>.py, or <page>/<example>.py")
    parser.add_argument("--database", default="sqlite", choices=["sqlite", "postgresql"])


@command("run", "run one example as the build does (isolated, observed) and print what its "
         "page shows, as text", _run_arguments)
def _run(args) -> int:
    isolate, transcript = _module("run.isolate"), _module("blocks.transcript")
    run = isolate.run_isolated(args.snippet.removeprefix("snippets/"), args.database)
    print(transcript.transcript(run))
    if run.failure:
        print(run.failure.traceback, file=sys.stderr)
    return 1 if run.failure else 0


def _vendor_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dest", nargs="?", type=Path, help="the folder to fill (default: "
                        "build/pyodide, or $SESSIONGUIDE_BROWSER_RUNTIME, where the build looks)")
    parser.add_argument("--no-slim", action="store_true",
                        help="ship PyPI's SQLAlchemy wheel whole (for comparison)")
    parser.add_argument("--quiet", action="store_true", help="print only if something changed")


@command("vendor-browser-runtime", "the browser's Python (Pyodide) and the examples' wheels, "
         "pinned in requirements-browser.lock.json, checked and written to build/pyodide "
         "(needs the package indexes the first time only)", _vendor_arguments)
def _vendor_browser_runtime(args) -> int:
    vendor = _module("dev.pyodide_vendor")
    return vendor.main(args.dest or vendor.DEFAULT_DEST, slim=not args.no_slim, quiet=args.quiet)


@command("lock", "re-pin every dependency, with hashes (needs the package index)")
def _lock(args) -> int:
    return _module("dev.lock").main()


@command("transcripts", "every example's transcript on each of its databases, as JSON "
         "(for the SQLAlchemy 2.0 rerun)")
def _transcripts(args) -> None:
    isolate, transcript = _module("run.isolate"), _module("blocks.transcript")
    # All submitted first: the fork server keeps its children busy while results are read.
    running = {key: isolate.submit(*run, None)
               for key, run in _module("run.examples").all_runs().items()}
    json.dump({key: transcript.transcript(future.result()) for key, future in running.items()},
              sys.stdout)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m sessionguide", description=__doc__.split("\n")[0])
    sub = top.add_subparsers(dest="command", required=True, metavar="<command>")
    for name, (help, arguments, _) in _commands.items():
        arguments(sub.add_parser(name, help=help, description=help))
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return _commands[args.command][2](args) or 0
