"""What a page's markdown-exec blocks call, and how those parts are rendered.

    ```python exec="1" html="1"
    from sessionguide.blocks import show
    show("flush-and-commit/add_flush_commit.py")
    ```

- ``show`` (``example``): an example as the build ran it: ``listing`` (the program, and under each
  statement what it printed and logged), ``state_table``, ``stepper`` (the step-through
  view), in the page's language (``words``); on two databases, side by side.
- ``diagram``: a figure; one module per kind in ``figures/``.
- ``glossary`` (``glossary_list``), ``translation_status`` (``status_table``): the glossary
  page's list, the status page's table.
- ``deferred``: parts drawn from a run are placeholders, filled in once the run is done.
- ``page``: which page is being rendered (set by the build's hooks); ``output``: how a helper
  prints into its block.
"""

import importlib

# What pages import, from the module that defines each. Imported when first asked for (PEP 562),
# so that a module of this package can be used without the others: the browser runs
# ``stepper`` without the Markdown and Pygments that ``show`` needs.
# (No module has the name of what it exports: once imported, a submodule would hide it.)
_EXPORTS = {"diagram": "figures", "glossary": "glossary_list", "show": "example",
            "translation_status": "status_table"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
