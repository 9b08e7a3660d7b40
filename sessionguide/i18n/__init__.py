"""Code that reads the per-language data in the project's ``i18n/`` folder.

- ``languages``: which languages mkdocs.yml builds, each one's data file (``i18n/<lang>.yml``),
  and which language a page file is written in.
- ``labels``: the words of the generated parts of a page and of the theme, per language.
- ``glossary``: the terminology (``i18n/glossary.yml``), the variants it rejects and its usage
  patterns (how Spanish says each verb, and the constructions it rejects).
- ``spelling``: the spell check of each language's prose.
- ``translations``: which translations are up to date, outdated or missing.
- ``ui_text``: the words a built page shows or reads out in another language than its own.

Nothing here knows about MkDocs' build or about running examples.
"""
