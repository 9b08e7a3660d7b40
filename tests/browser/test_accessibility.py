"""axe-core's WCAG 2.1 A and AA rules, and the contrast of the SVG drawings, on every page of
both languages in both palettes; on a page with examples, with a step-through view open."""

from __future__ import annotations

import pytest

from . import axe
from .checks import bullet, visited, where
from .visits import SCHEMES


def test_no_accessibility_violations(visits, page_path, scheme):
    """No WCAG 2.1 A or AA violation, in the light and in the dark palette. The light visit
    shows the SQLite tabs, the dark one the PostgreSQL tabs; on pages with examples the first
    step-through view is open (at its first step, the current line highlighted). The rules
    that compare colours check the whole page in both palettes; the others check the whole
    light visit, and in the dark one what it shows besides (visits.AXE_STRUCTURE)."""
    visit = visited(visits, page_path, scheme, "facts", "axe")
    page = where(visits, page_path, scheme)
    assert visit.facts["scheme"] == SCHEMES[scheme], (
        f"{page}: the palette is {visit.facts['scheme']!r}: it did not follow the system's")
    opened = (f" with the step-through view of #{visit.interaction['listing']} open"
              if visit.interaction else "")
    assert visit.violations == [], (
        f"{page}{opened}, {visit.tab_shown} tabs shown: {axe.TAGS} violations (fix the markup "
        "or docs/stylesheets/; axe's help names the rule):\n" + axe.report(visit.violations))


def test_diagram_colours_contrast(visits, page_path, scheme):
    """The diagrams' text and lines (SVG, which axe-core does not check for contrast)."""
    visit = visited(visits, page_path, scheme, "facts")
    assert not visit.svg_problems, (
        f"{where(visits, page_path, scheme)}: the diagram's colours do not contrast enough "
        "(docs/stylesheets/sessionguide.css, the .sg-* SVG classes):\n"
        + bullet(visit.svg_problems))


_FAINT = " ".join('<span style="color:#bbb">faint</span>' for _ in range(50))
_HARD_TO_TELL = 'style="color:#555;text-decoration:none"'  # a link, in #333 text
_FLAWED = f"""<!doctype html><html lang="en"><head><title>t</title></head><body><main>
<p style="color:#333"><a href="#c" {_HARD_TO_TELL}>a link on its own</a></p>
<p style="color:#333">Text, and <a href="#a" {_HARD_TO_TELL}>a link hardly told from the
  text</a>, and <a href="#b" {_HARD_TO_TELL}>another one</a>, in a paragraph with more words
  around them than in them, as axe-core requires before it calls them links in a block of
  text.</p>
<p>{_FAINT}</p>
<p><span style="color:#555">readable</span> <span style="color:#555;background:#888">the
  same span on grey</span></p>
<div class="tabbed-block"><button></button></div>
<nav><button></button></nav>
</main></body></html>"""


@pytest.mark.parametrize(("structure", "expected"), [
    (None, {"button-name": 2}),
    (".tabbed-block", {"button-name": 1}),
    ("", {}),
])
def test_axe_finds_each_kind_of_violation_where_it_is_told_to_look(page, structure, expected):
    """axe.run's two runs (js/axe_start.js): color-contrast on one element of each group that
    looks the same (its backdrop included), reporting the others as alike; link-in-text-block
    on every link; the other rules only on ``structure``."""
    page.set_content(_FLAWED)
    violations = axe.run(page, structure)
    found = {v["id"]: v["nodes"] for v in violations}
    assert {rule: len(nodes) for rule, nodes in found.items()
            if rule not in ("color-contrast", "link-in-text-block")} == expected, (
        axe.report(violations))
    contrast = found.get("color-contrast", [])
    assert sorted(node["alike"] for node in contrast) == [0, 49], (
        "the 50 faint spans are one group (one checked, 49 alike), and the span on grey one "
        "of its own\n" + axe.report(violations))
    links = found.get("link-in-text-block", [])
    assert sorted(node["target"] for node in links) == ['a[href="#a"]', 'a[href="#b"]'], (
        "both links in the sentence (the one on its own is not in a block of text)\n"
        + axe.report(violations))
