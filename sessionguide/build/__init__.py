"""The MkDocs side: ``hooks`` (thin, one short function per event) and what they hand over to.

- ``language_sites``: each language's own search index, sitemap and 404 page.
- ``search_forms``: other forms of each word in a language's search index ("sesiones").
- ``glossary_links``: the first use of each glossary term linked to its entry.
- ``notices``: "not translated yet" and "outdated translation" notices.
- ``theme``: compiled templates and the theme's file list, reused across builds.
- ``ui_strings``: the theme's words in each language (``overrides/``, ``theme:`` in
  ``i18n/<lang>.yml``) and each language's permalink titles.
"""
