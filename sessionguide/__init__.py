"""Tooling of the SQLAlchemy Session guide, one job per module.

- ``sql_capture``: SQLAlchemy's echo log as stable lines (no timings).
- ``state_table``: ``StateTable``, the per-step table of where data lives.
- ``runner``: run one snippet in isolation and record its prints and SQL.
- ``render``: ``show()``, which pages call to put an executed snippet on the page.
- ``pages``, ``hooks``: which page is being built, for messages and labels.
- ``labels``: the words generated parts use, per language.
"""

from sessionguide.render import show
from sessionguide.state_table import StateTable

__all__ = ["StateTable", "show"]
