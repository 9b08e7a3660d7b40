"""The example cache is an optimisation, never a source of truth; builds are reproducible."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from sites import make_project, run

from sessionguide.run.cache import cache_key


def test_cache_key_changes_with_the_example_and_nothing_else() -> None:
    key = cache_key("page/example.py", 'print("a")\n')
    assert cache_key("page/example.py", 'print("a")\n') == key
    assert cache_key("page/example.py", 'print("b")\n') != key
    assert cache_key("page/other.py", 'print("a")\n') != key


CACHED_RUNS = """\
from pathlib import Path
from sessionguide.run import cache

snippet = Path("snippets/page/example.py")
helper = Path("sessionguide/run/observe.py")

def output():
    return [event.value for event in cache.run_cached("page/example.py").events]

print(output())
print(output())  # cached: the same object, no second run
snippet.write_text('print("changed example")\\n')
print(output())
helper.write_text(helper.read_text() + "\\n# a change in the tooling the run uses\\n")
print(output(), len(cache._results))
"""


def test_changing_an_example_or_the_tooling_it_uses_changes_the_result(tmp_path: Path) -> None:
    project = make_project(
        tmp_path, {"index.md": "# Home\n"}, {"page/example.py": 'print("example")\n'}
    )
    (project / "check.py").write_text(CACHED_RUNS)
    result = run(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "['example']",
        "['example']",
        "['changed example']",
        "['changed example'] 3",  # the tooling changed: run again, under a new key
    ]


def _differences(first: Path, second: Path) -> list[str]:
    """Files that differ between two site directories, sitemap dates aside."""
    found = []
    comparison = filecmp.dircmp(first, second)
    found += [f"only in one build: {name}" for name in comparison.left_only + comparison.right_only]
    for name in comparison.diff_files + comparison.funny_files:
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if name == "sitemap.xml":
            a, b = (re.sub(rb"<lastmod>[^<]*</lastmod>", b"", x) for x in (a, b))
        if name == "sitemap.xml.gz" or a != b:
            found.append(str(first / name))
    for sub in comparison.common_dirs:
        found += _differences(first / sub, second / sub)
    return [f for f in found if not f.endswith("sitemap.xml.gz")]


def test_two_builds_of_the_same_sources_are_identical(tmp_path: Path, site: Path) -> None:
    # `site` is the build make test made (or this session's); build once more and compare.
    again = tmp_path / "again"
    result = run(Path(__file__).resolve().parent.parent, "mkdocs", "build", "--strict",
                 "--site-dir", str(again))
    assert result.returncode == 0, result.stderr
    assert not _differences(site, again)


def test_a_key_made_with_the_tooling_digest_given_is_the_same_key() -> None:
    """start_running digests this package's files once for all its keys (cache.py)."""
    from sessionguide.paths import SNIPPETS
    from sessionguide.run import cache

    snippet = "flush-and-commit/add_flush_commit.py"
    source = (SNIPPETS / snippet).read_text(encoding="utf-8")
    key = cache_key(snippet, source, "sqlite")
    assert cache_key(snippet, source, "sqlite", cache._tooling()) == key
    assert cache_key(snippet, source, "sqlite", "other tooling") != key
