"""Link the first use of each glossary term on a page to its entry on the glossary page."""

from __future__ import annotations

import posixpath
import re

from sessionguide.i18n.glossary import term_forms

# Text inside these elements is never linked: code, headings, links, generated output (figure).
_SKIP = {"a", "code", "pre", "samp", "kbd", "script", "style", "svg", "figure", "button",
         "label", "summary", "title", "h1", "h2", "h3", "h4", "h5", "h6", "dt"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_FIGURE_OR_TAG = re.compile(r"(<!--.*?-->|<figure\b.*?</figure>|<pre\b.*?</pre>|<[^>]+>)", re.S)


def link_first_uses(html: str, lang: str, page_url: str, glossary_url: str) -> str:
    """Link the first use of each glossary term in the page's prose to the glossary."""
    href_base = posixpath.relpath(glossary_url.rstrip("/"), page_url.rstrip("/") or ".") + "/"
    pattern, owner = term_forms(lang)
    linked: set[str] = set()
    out, skip = [], 0

    def link(match: re.Match[str]) -> str:
        term_id = owner[match.group(0).lower()]
        if term_id in linked:
            return match.group(0)
        linked.add(term_id)
        return f'<a class="sg-term" href="{href_base}#{term_id}">{match.group(0)}</a>'

    for token in _FIGURE_OR_TAG.split(html):
        # comments (the placeholders of examples' output), output and code: skipped whole
        if token.startswith(("<!--", "<figure", "<pre")):
            out.append(token)
            continue
        tag = _TAG.fullmatch(token)
        if tag:
            if tag.group(2).lower() in _SKIP and not tag.group(3):
                skip += -1 if tag.group(1) else 1
            out.append(token)
        elif skip or not token.strip():
            out.append(token)
        else:
            out.append(pattern.sub(link, token))
    return "".join(out)
