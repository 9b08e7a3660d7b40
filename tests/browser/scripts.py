"""The JavaScript the tests run in pages: one file per script in ``js/``.

Each file holds one function expression, run with ``page.evaluate(script(name), arg)``.
``describe.js`` holds the helpers that name elements in failure messages; the scripts that
use it are given it first.
"""

from __future__ import annotations

import functools
from pathlib import Path

JS = Path(__file__).parent / "js"
_NEEDS_DESCRIBE = {"layout_desktop", "layout_phone"}


@functools.cache
def script(name: str) -> str:
    text = (JS / f"{name}.js").read_text(encoding="utf-8")
    if name in _NEEDS_DESCRIBE:
        helpers = (JS / "describe.js").read_text(encoding="utf-8")
        # an expression that evaluates to the function, which Playwright then calls
        return f"(() => {{\n{helpers}\nreturn (\n{text}\n);\n}})()"
    return text
