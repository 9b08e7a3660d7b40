"""What a page's markdown-exec blocks call, and how those parts are rendered.

    ```python exec="1" html="1"
    from sessionguide.blocks import show
    show("flush-and-commit/add_flush_commit.py")
    ```

- ``show``: an example's code, then its run's output (``run_output``).
- ``diagram``: a figure; one module per kind in ``figures/``.
- ``glossary``, ``translation_status``: the glossary page's list, the status page's table.
- ``deferred``: parts drawn from a run are placeholders, filled in once the run is done.
- ``page``: which page is being rendered (set by the build's hooks); ``output``: how a helper
  prints into its block.
"""

from sessionguide.blocks import run_output as _run_output  # noqa: F401 - registers "run"
from sessionguide.blocks.figures import diagram
from sessionguide.blocks.glossary import glossary
from sessionguide.blocks.show import show
from sessionguide.blocks.translation_status import translation_status

__all__ = ["diagram", "glossary", "show", "translation_status"]
