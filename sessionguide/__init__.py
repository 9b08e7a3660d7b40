"""Tooling of the SQLAlchemy Session guide, one job per module.

What pages and examples use:
- ``render``: ``show()``, which pages call to put an executed snippet on the page.
- ``runner``: run one snippet in isolation, record its prints and SQL; cache the results.
- ``sql_capture``: SQLAlchemy's echo log as stable lines (no timings).
- ``state_table``: ``StateTable``, the per-step table of where data lives.
- ``diagrams``: the lifecycle and timeline diagrams, drawn from executed code.
- ``glossary``: the glossary page, links to it, and the terminology check.
- ``labels``: the words generated parts use, per language.

What the build and the checks use:
- ``hooks``, ``pages``: MkDocs hooks, and which page is being built.
- ``deferred``: the placeholders for a run's output, filled in once the run is done.
- ``language_sites``: each language's own search index, sitemap and 404 page.
- ``search_forms``: other forms of each word in the Spanish search index ("sesiones").
- ``theme``: compiled templates and the theme's file list, reused across builds.
- ``translations``: translation status, outdated notices, ``make translations``.
- ``spelling``: the spell check of each language's prose.
- ``compat``: which examples print something different under SQLAlchemy 2.0.
- ``bench``, ``matrix``, ``zensical_check``: ``make bench``, ``make matrix``,
  ``make zensical-check``.
"""

from sessionguide.render import show
from sessionguide.state_table import StateTable

__all__ = ["StateTable", "show"]
