"""``make zensical-check``: build the English site with Zensical and report what differs.

Material for MkDocs reaches end of life in May 2027; Zensical reads mkdocs.yml. This check is
non-blocking: it prints what Zensical builds differently from MkDocs (pages, executed
examples, diagrams, headings) and which parts of the configuration it does not run, so the day
to switch is a decision, not a surprise. It exits 0 unless Zensical cannot be run at all.

    python -m sessionguide zensical-check <zensical executable> <MkDocs site directory>
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sessionguide.i18n.translations import english_pages
from sessionguide.paths import DOCS, MKDOCS_YML, ROOT

# What a page of this site is made of, counted in both builds.
PARTS = {
    "executed examples": r'<figure class="sg-listing"',
    "state tables": r'<table class="sg-table\b',
    "diagrams": r'<figure class="sg-(?:diagram|timeline)"',
    "links to the glossary": r'class="sg-term"',
    "translation notices": r'class="admonition warning"',
}
HEADING_ID = re.compile(r'<h[2-6] id="([^"]+)"')


def _url(page: Path) -> str:
    name = page.relative_to(DOCS).with_suffix("").as_posix()
    return "index.html" if name == "index" else f"{name}/index.html"


def _counts(html: str) -> dict[str, int]:
    return {part: len(re.findall(pattern, html)) for part, pattern in PARTS.items()}


def main(zensical: str, mkdocs_site: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(MKDOCS_YML, project)
        # What mkdocs.yml names besides docs/: the theme's overrides, the snippets the pages
        # include, the hooks (and the i18n data they read), linked, not copied.
        for name in ("overrides", "snippets", "sessionguide", "i18n"):
            (project / name).symlink_to(ROOT / name, target_is_directory=True)
        shutil.copytree(DOCS, project / "docs",
                        ignore=lambda _, names: [n for n in names if n.count(".") > 1])
        result = subprocess.run([zensical, "build", "-f", "mkdocs.yml"], cwd=project,
                                capture_output=True, text=True)
        print("Zensical build:", "succeeded" if result.returncode == 0 else "FAILED")
        print("\n".join("  " + line for line in (result.stdout + result.stderr).splitlines()))
        if result.returncode != 0:
            return 0
        site = project / "site"
        differences = []
        for page in english_pages():
            ours = mkdocs_site / _url(page)
            theirs = site / _url(page)
            if not theirs.exists():
                differences.append(f"{page.name}: not built")
                continue
            a, b = ours.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
            for part, (n_mkdocs, n_zensical) in {
                p: (_counts(a)[p], _counts(b)[p]) for p in PARTS
            }.items():
                if n_mkdocs != n_zensical:
                    differences.append(f"{page.name}: {part}: MkDocs {n_mkdocs}, "
                                       f"Zensical {n_zensical}")
            if HEADING_ID.findall(a) != HEADING_ID.findall(b):
                differences.append(f"{page.name}: heading anchors differ")
        print("\nDifferences from the MkDocs build (English pages):")
        print("\n".join("  " + d for d in differences) or "  none")
        print("\nNot run by Zensical, as checked in its output:")
        home = (site / "index.html").read_text(encoding="utf-8")
        checks = {
            "mkdocs-static-i18n: the Spanish site": not (site / "es").exists(),
            "MkDocs hooks (sessionguide/build/hooks.py): examples' output and the timeline "
            "(filled in by the hooks: sessionguide/blocks/deferred.py), glossary links, notices, "
            "per-language search, sitemaps and 404 pages": "sg-term" not in home,
        }
        for feature, missing in checks.items():
            print(f"  {feature}: {'not run' if missing else 'run'}")
    return 0

