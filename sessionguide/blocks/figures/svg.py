"""The frame every diagram shares: an inline SVG with its title, and a caption.

A drawing made for a wide column would shrink on a phone until its labels are unreadable, so a
diagram also gives the same content as HTML (``narrow``), which the stylesheet shows instead
of the drawing on narrow screens.
"""

from __future__ import annotations

from html import escape

from sessionguide.i18n.labels import label


def svg(kind: str, lang: str, width: float, height: float, body: str, narrow: str) -> str:
    title = escape(label(f"{kind}_title", lang))
    return (
        f'<figure class="sg-diagram" tabindex="0" data-search-exclude>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="sg-{kind}-title" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title id="sg-{kind}-title">{title}</title>'
        f'<defs><marker id="sg-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'class="sg-arrowhead"/></marker></defs>'
        f'{body}</svg><div class="sg-narrow">{narrow}</div>'
        f"<figcaption>{title}</figcaption></figure>"
    )
