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


@command("update-examples", "rewrite the #> expected-output comments of every snippet")
def _update_examples(args) -> int:
    return subprocess.call([sys.executable, "-m", "pytest", "tests/test_examples.py",
                            "--update-examples"], cwd=ROOT)


def _translations_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--diff", action="store_true", help="show what changed in English")
    sub = parser.add_subparsers(dest="action")
    marking = sub.add_parser("mark", help="record that translated pages match English now")
    marking.add_argument("pages", nargs="+", type=Path)


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
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("results", nargs="?", help=argparse.SUPPRESS)


@command("bench", "build and rebuild timings, medians of several runs, with their targets",
         _bench_arguments)
def _bench(args) -> None:
    bench = _module("dev.bench")
    if args.child:  # one measurement in a fresh process (bench starts these itself)
        bench.child(args.child, args.results)
    else:
        bench.main(args.runs)


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


@command("lock", "re-pin every dependency, with hashes (needs the package index)")
def _lock(args) -> int:
    return _module("dev.lock").main()


@command("transcripts", "every example's transcript as JSON (for the SQLAlchemy 2.0 rerun)")
def _transcripts(args) -> None:
    runner, transcript = _module("run.runner"), _module("run.transcript")
    json.dump({name: transcript.transcript(runner.run_snippet(name))
               for name in runner.snippet_names()}, sys.stdout)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m sessionguide", description=__doc__.split("\n")[0])
    sub = top.add_subparsers(dest="command", required=True, metavar="<command>")
    for name, (help, arguments, _) in _commands.items():
        arguments(sub.add_parser(name, help=help, description=help))
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return _commands[args.command][2](args) or 0
