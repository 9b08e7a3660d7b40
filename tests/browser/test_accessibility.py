"""axe-core's WCAG 2.1 A and AA rules, and the contrast of the SVG drawings, on every page of
both languages in both palettes; on a page with examples, with a step-through view open."""

from __future__ import annotations

from . import axe
from .checks import bullet, visited, where
from .visits import SCHEMES


def test_no_accessibility_violations(visits, page_path, scheme):
    """No WCAG 2.1 A or AA violation, in the light and in the dark palette. The light visit
    shows the SQLite tabs, the dark one the PostgreSQL tabs; on pages with examples the first
    step-through view is open (at its first step, the current line highlighted)."""
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
