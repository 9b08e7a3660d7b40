"""How a block's helpers put text on the page.

markdown-exec collects a block's output through the ``print`` it puts in the block's globals,
so a helper the block calls (``show()``, ``diagram()``, ...) prints with that one.
"""

from __future__ import annotations

import sys


def emit(text: str) -> None:
    """Print ``text`` into the markdown-exec block that called the caller of ``emit``."""
    block_globals = sys._getframe(2).f_globals
    block_globals.get("print", print)(text)
