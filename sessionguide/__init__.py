"""Tooling of the SQLAlchemy Session guide, in layers that import one way.

From the bottom up (a module imports only from its own layer and the ones above it in this
list; ``tests/test_layers.py`` fails otherwise, or on an import cycle):

- ``paths``: where the project's parts are.
- ``i18n/``: code that reads the per-language data in the project's ``i18n/`` folder:
  languages, labels, glossary, spelling, translation status.
- ``run/``: run one example in isolation and record what it did; the result cache.
- ``blocks/``: what a page's markdown-exec blocks call (``show()``, ``diagram()``, ...) and how
  those parts are rendered; one module per figure kind in ``blocks/figures/``.
- ``build/``: the MkDocs hooks (``build/hooks.py``, listed in mkdocs.yml) and what they do
  around the pages: per-language sites, search forms, glossary links, notices.
- ``dev/``: the developer commands, ``python -m sessionguide <command>``.

Where to add things is in the contributor guide (docs/contributing.md).
"""
