"""Everything fits: the generated figures are drawn, nothing overflows sideways at 1280x800,
and at 375x740 the page never scrolls sideways, state tables become cards, SVG text stays
readable and the timeline fits. Every page of both languages, in both palettes (the light
visit shows the SQLite tabs, the dark one the PostgreSQL tabs; on a page with examples the
first step-through view is open)."""

from __future__ import annotations

from .checks import bullet, visited, where

CSS = "docs/stylesheets/sessionguide.css"


def explain(problem: dict) -> str:
    part = f" ({problem['part']}" + (f" {problem['partElement']}" if problem["partElement"]
                                      else "") + ")" if problem["part"] else ""
    listing = f" of listing #{problem['listing']}" if problem["listing"] else ""
    section = f" under {problem['section']}" if problem["section"] else ""
    text = f' "{problem["text"]}"' if problem["text"] else ""
    return f"{problem['element']}{part}{listing}{section}{text}: {problem['why']}"


def test_generated_figures_render(visits, page_path):
    """Every diagram, timeline and state table is drawn, visible and not empty."""
    visit = visited(visits, page_path, "light", "facts")
    page = where(visits, page_path)
    for diagram in visit.facts["diagrams"]:
        assert diagram["shown"], f"{page}: diagram not visible: {diagram}"
        assert min(diagram["size"]) > 50 and min(diagram["drawn"]) > 50, f"{page}: {diagram}"
        assert diagram["texts"] > 0 and diagram["shapes"] > 0, f"{page}: empty diagram {diagram}"
        assert diagram["name"], f"{page}: a diagram without a <title>"
    for timeline in visit.facts["timelines"]:
        assert timeline["shown"] and timeline["steps"] > 0 and timeline["text"] > 0, (
            f"{page}: the timeline is not drawn: {timeline}")
    for table in visit.facts["tables"]:
        assert table["shown"], f"{page}: state table not visible: {table}"
        if not table["hiddenInTab"]:
            assert min(table["size"]) > 20, f"{page}: state table too small: {table}"
        assert table["headers"] > 0 and table["rows"] > 0 and table["text"] > 0, (
            f"{page}: empty state table: {table}")
        assert table["unlabelled"] == 0, (
            f"{page}: {table['unlabelled']} state table cell(s) without data-label (on a "
            "phone a cell shows its column's name from it)")


def test_nothing_overflows_on_a_desktop(visits, inventory, page_path, scheme):
    """At 1280x800 no element inside .md-content scrolls or clips its content sideways, or
    reaches past its article: state tables, listings, output blocks, figures, the open
    step-through panel, and everything else."""
    visit = visited(visits, page_path, scheme, "desktop")
    desktop = visit.desktop
    page = where(visits, page_path, scheme)
    assert desktop["viewport"] == [1280, 800]
    assert not desktop["problems"], (
        f"{page}, {visit.tab_shown} tabs shown: at 1280 px these do not fit their "
        f"{desktop['article']} px wide article; make them wrap or shrink ({CSS}):\n"
        + bullet(explain(p) for p in desktop["problems"]))
    measured = desktop["measured"]
    if page_path in inventory.pages_with_examples:
        assert measured["listings"] and measured["outputs"], (
            f"{page}: no listing or output block was measured: {measured}")
        assert measured["panels"] == 1, (
            f"{page}: the step-through panel was not open for the measure: {measured}")


def test_no_sideways_scrolling_on_a_phone(visits, page_path, scheme):
    """At 375 px the page does not scroll sideways; what is wider scrolls in its own box."""
    visit = visited(visits, page_path, scheme, "phone")
    phone = visit.phone
    page = where(visits, page_path, scheme)
    assert phone["width"] == 375
    assert phone["scrollWidth"] <= 375 and not phone["tooWide"], (
        f"{page}, {visit.tab_shown} tabs shown: at 375 px the page is {phone['scrollWidth']} px "
        f"wide; these reach past the screen ({CSS}):\n"
        + bullet(explain(p) for p in phone["tooWide"]))


def test_state_tables_are_cards_on_a_phone(visits, inventory, page_path, scheme):
    """At 375 px each row of a state table is a card: the header row visually hidden, each
    cell showing its column's name (data-label)."""
    visit = visited(visits, page_path, scheme, "phone", "facts")
    phone = visit.phone
    page = where(visits, page_path, scheme)
    shown = [t for t in visit.facts["tables"] if not t["hiddenInTab"]]
    if shown:
        assert phone["tables"] > 0, f"{page}: no state table was measured at 375 px"
    assert not phone["cards"], (
        f"{page}: at 375 px these state tables are not shown as cards (the @media "
        f"(max-width: 44.9375em) rules for .sg-table in {CSS}):\n"
        + bullet(explain(p) for p in phone["cards"]))


def test_svg_text_is_readable_on_a_phone(visits, page_path, scheme):
    """At 375 px every SVG text is drawn at 12 CSS px or more (its font size times the scale
    the SVG is drawn at)."""
    visit = visited(visits, page_path, scheme, "phone")
    small = visit.phone["small"]
    assert not small, (
        f"{where(visits, page_path, scheme)}: at 375 px, {len(small)} of "
        f"{visit.phone['texts']} SVG texts are drawn under 12 px. Let the diagram scroll at "
        f"a readable size on narrow screens (a min-width on its svg in {CSS}, the figure "
        "already scrolls), or draw a narrower variant:\n"
        + bullet(f'"{s["text"]}" (.{s["cls"]}) in "{s["svg"]}": {s["size"]} px x scale '
                 f'{s["scale"]} = {s["rendered"]} px' for s in small))


def test_timeline_fits_on_a_phone(visits, page_path, scheme):
    visit = visited(visits, page_path, scheme, "phone")
    for timeline in visit.phone["timelines"]:
        assert not timeline["problems"], (
            f"{where(visits, page_path, scheme)}: at 375 px the timeline "
            f"({timeline['width']} px wide) does not fit ({CSS}, .sg-timeline):\n"
            + bullet(timeline["problems"]))
