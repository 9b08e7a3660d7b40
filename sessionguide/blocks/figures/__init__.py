"""Figures drawn at build time, in the page's language: ``diagram(kind, snippet=None)``.

Each module of this package draws one kind and registers it with ``@figure("<kind>")``; every
module here is imported below, so a new kind is one new file (plus its CSS in
``docs/stylesheets/sessionguide.css`` and its title label, ``<kind>_title``, in
``i18n/<lang>.yml``). A kind drawn from an example's run returns a placeholder from
``sessionguide.blocks.deferred`` and registers its renderer there.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from sessionguide.blocks import page
from sessionguide.blocks.output import emit

Draw = Callable[[str | None, str, str], str]  # (snippet, language, where) -> HTML
_kinds: dict[str, Draw] = {}


def figure(kind: str) -> Callable[[Draw], Draw]:
    def register(draw: Draw) -> Draw:
        _kinds[kind] = draw
        return draw

    return register


def diagram(kind: str, snippet: str | None = None) -> None:
    """Print a figure into the calling markdown-exec block (use ``html="1"``):
    ``diagram("lifecycle")``, ``diagram("timeline", "<page>/<example>.py")``."""
    if kind not in _kinds:
        raise ValueError(f"unknown diagram {kind!r}; the kinds are {sorted(_kinds)} "
                         "(one module each in sessionguide/blocks/figures/)")
    emit(_kinds[kind](snippet, page.current_language(), page.where()))


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
