"""Code that reads the per-language data in the project's ``i18n/`` folder.

- ``languages``: which languages mkdocs.yml builds, each one's data file (``i18n/<lang>.yml``),
  and which language a page file is written in.
- ``labels``: the words of the generated parts of a page, per language.
- ``glossary``: the terminology (``i18n/glossary.yml``) and the variants it rejects.
- ``spelling``: the spell check of each language's prose.
- ``translations``: which translations are up to date, outdated or missing.

Nothing here knows about MkDocs' build or about running examples.
"""
