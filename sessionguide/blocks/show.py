"""Put an executed snippet on a page: its code, then what it printed and the SQL it sent.

Pages call ``show("<page>/<example>.py")`` from a markdown-exec block with ``html="1"``. The
code is the file as it is, minus the ``#>`` expected-output comments kept for pytest; the
output below it comes from running the file during this build (``run_output``), filled in
once that run is done (``deferred``). The highlighted code is the same in every language, so
it is rendered once per version of the snippet.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from html import escape

from sessionguide.blocks import deferred, page
from sessionguide.blocks.output import emit
from sessionguide.i18n.labels import label
from sessionguide.run.runner import snippet_path
from sessionguide.run.transcript import listed_differences


def show(snippet: str) -> None:
    """Print ``snippets/<snippet>`` and what it does when run into the calling markdown-exec
    block: the code now, the run's output once it is done (``deferred``)."""
    where, lang = page.where(), page.current_language()
    if not snippet_path(snippet).is_file():
        deferred.fail(
            f"snippets/{snippet} does not exist ({where}). Create it or fix the path in show().")
    parts = [code_block(snippet, snippet_path(snippet).read_text(encoding="utf-8")),
             deferred.placeholder("run", snippet, lang, where)]
    kind = listed_differences().get(snippet)
    if kind:
        text = re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(label(f"sqlalchemy20_{kind}", lang)))
        parts.append('<div class="admonition note"><p class="admonition-title">SQLAlchemy 2.0'
                     f"</p><p>{text}</p></div>")
    emit("\n".join(parts))


def display_source(source: str) -> str:
    """The snippet without the expected output pytest-examples keeps beside each print."""
    lines = source.splitlines()
    drop = {i for i, line in enumerate(lines) if line.lstrip().startswith("#>")}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant):
            if isinstance(node.value.value, str) and node.lineno > 1:
                drop.update(range(node.lineno - 1, node.end_lineno))
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).rstrip() + "\n"


@cache
def _markdown():
    """A Markdown converter configured like the site's, for code blocks."""
    from markdown import Markdown
    from markdown_exec import markdown_config

    extensions = markdown_config.exts or ["pymdownx.highlight", "pymdownx.superfences"]
    return Markdown(extensions=extensions, extension_configs=markdown_config.exts_config or {})


@cache
def code_block(snippet: str, source: str) -> str:
    """The highlighted code, with the snippet's path as its title, as the site renders fences."""
    md = _markdown()
    md.reset()
    return md.convert(f'```python title="{snippet}"\n{display_source(source)}```')
