"""What the build refuses to publish: a page whose front matter is broken or unknown, and files
in docs/ that are not part of the site (an example's database left there, say).

Each problem is logged as an error naming the file and what to do, which fails a strict build.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.sessionguide")

# What a page's front matter may hold: the English version a translation follows (written by
# `python -m sessionguide translations mark`), and MkDocs' own title and description.
FRONT_MATTER_KEYS = {"translated_from", "title", "description"}
_BLOB_ID = re.compile(r"[0-9a-f]{40}")
# What docs/ may hold besides pages: the site's own stylesheets, scripts and images.
ASSET_SUFFIXES = {".md", ".css", ".js", ".png", ".svg", ".ico", ".webp"}


def front_matter(markdown: str, meta: dict, src: str) -> None:
    """MkDocs turns front matter that is not valid YAML into text at the top of the page."""
    if markdown.startswith("---\n") or markdown.startswith("---\r\n"):
        log.error(f"docs/{src}: its front matter (between the --- lines at the top) is not valid "
                  "YAML, so it would be published as text. Fix the YAML, or remove the block.")
        return
    unknown = sorted(set(meta) - FRONT_MATTER_KEYS)
    if unknown:
        log.error(f"docs/{src}: unknown front matter {unknown}; a page may have "
                  f"{sorted(FRONT_MATTER_KEYS)}. Remove the others.")
    recorded = meta.get("translated_from")
    if recorded is not None and not _BLOB_ID.fullmatch(str(recorded)):
        log.error(f"docs/{src}: translated_from is {recorded!r}, not a version of the English "
                  "page; record it with `python -m sessionguide translations mark "
                  f"docs/{src}`")


def stray_files(files, docs: Path) -> None:
    for file in files:
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or docs.resolve() not in source.resolve().parents:
            continue  # the theme's files
        if source.suffix not in ASSET_SUFFIXES:
            log.error(f"docs/{file.src_uri} is not a page, stylesheet, script or image, and "
                      "would be published: remove it (an example may have written it).")
