"""The step-through view of every example (docs/javascripts/stepper.js), on every page with
examples in both languages: there is one for every listing, it opens at its declared first
step, Next, Previous, First, Last and the arrow, Home and End keys move the highlighted line
and the status, its words are the page's language's, and axe-core finds nothing wrong with it
open. The home page opens one with the page, without scrolling."""

from __future__ import annotations

import re

import pytest

from .checks import bullet, visited, where

STEPPER_JS = "docs/javascripts/stepper.js"
UI_KEYS = ("step_through", "step_first", "step_previous", "step_next", "step_last", "step_of",
           "line")


def labels(language: str) -> dict[str, str]:
    from sessionguide.i18n.labels import label

    return {key: label(key, language) for key in UI_KEYS}


def status_text(words: dict[str, str], index: int, total: int, line: int) -> str:
    step = words["step_of"].replace("{n}", str(index + 1)).replace("{total}", str(total))
    return f"{step} · {words['line']} {line}"


def test_every_listing_has_a_step_through_view(visits, example_page):
    visit = visited(visits, example_page, "light", "listings", "walk")
    page = where(visits, example_page)
    assert not visit.walk["without"], (
        f"{page}: these listings have no step-through view (div.sg-stepper[data-listing]), "
        "which sessionguide/blocks/show.py adds beside every listing:\n"
        + bullet(visit.walk["without"]))
    untoggled = [listing["id"] for listing in visit.listings if not listing["toggle"]]
    assert not untoggled, (
        f"{page}: these listings have no 'step through' button (button.sg-step-toggle): "
        f"{STEPPER_JS} did not set their view up (no steps in its data, or a script error):\n"
        + bullet(untoggled))


def test_step_through_views_move_with_their_controls(visits, example_page):
    """Every view of the page, with its own buttons and keys (stepper_walk.js): opens at its
    declared first step; Next/Previous, ArrowRight/ArrowLeft, End/Home, Last/First move the
    highlight (sg-current) to that step's line and update the status; Next and Last are
    disabled at the last step, First and Previous at the first; closing removes the highlight."""
    visit = visited(visits, example_page, "light", "walk")
    results = visit.walk["results"]
    assert results, f"{where(visits, example_page)}: no step-through view was found"
    broken = [f"#{r['listing']} ({r['steps']} steps, starts at {r['start'] + 1}): "
              + "; ".join(r["problems"][:2])
              + (f" (and {len(r['problems']) - 2} more)" if len(r["problems"]) > 2 else "")
              for r in results if r["problems"]]
    assert not broken, (
        f"{where(visits, example_page)}: these step-through views misbehave ({STEPPER_JS}, or "
        "the step data of sessionguide/blocks/stepper.py):\n" + bullet(broken, 20))


def test_step_through_responds_to_clicks_and_keys(visits, inventory, example_page):
    """The first view shown on the page, driven with the mouse and the keyboard: a click on its
    toggle opens it at its declared first step, a click on Next moves on, and with the focus
    left on that button ArrowLeft, ArrowRight, End and Home move through the steps."""
    visit = visited(visits, example_page, "light", "interact")
    done = visit.interaction
    page = where(visits, example_page)
    assert done is not None, f"{page}: no step-through view is shown on the page"
    words = labels(inventory.language_of(example_page))
    steps, listing = done["steps"], done["listing"]
    wrong = []
    for seen in done["observed"]:
        state, index = seen["state"], seen["expected"]
        want = status_text(words, index, len(steps), steps[index])
        problems = []
        if state["panel"]["hidden"] or not state["panel"]["shown"]:
            problems.append("the panel is not shown")
        if state["status"] != want:
            problems.append(f'the status says "{state["status"]}", not "{want}"')
        lines = [c["line"] for c in state["current"] if "line" in c]
        if lines != [str(steps[index])]:
            problems.append(f"the highlighted line is {lines or 'none'}, not {steps[index]}")
        disabled = [b["disabled"] for b in state["buttons"]]
        at_start, at_end = index == 0, index == len(steps) - 1
        if disabled != [at_start, at_start, at_end, at_end]:
            problems.append(f"the disabled buttons (First, Previous, Next, Last) are {disabled}")
        if "key" in seen["how"] and not state["focusInPanel"]:
            problems.append("the focus is not in the panel any more")
        if problems:
            wrong.append(f"{seen['how']} (expected step {index + 1}): " + "; ".join(problems))
    assert not wrong, (
        f"{page}: the step-through view of #{listing} ({len(steps)} steps) does not follow the "
        f"reader's clicks and keys ({STEPPER_JS}):\n" + bullet(wrong))


def test_step_through_words_are_in_the_page_language(visits, inventory, example_page):
    """The toggle, the buttons' names, the slider's and the status are in the page's language,
    from i18n/<lang>.yml (not English on a Spanish page)."""
    visit = visited(visits, example_page, "light", "interact")
    done = visit.interaction
    assert done is not None, f"{where(visits, example_page)}: no step-through view is shown"
    language = inventory.language_of(example_page)
    words, english = labels(language), labels("en")
    state = done["observed"][-1]["state"]
    shown = {
        "step_through": [state["toggle"]["text"], state["slider"]["label"]],
        "step_first": [state["buttons"][0]["label"]],
        "step_previous": [state["buttons"][1]["label"]],
        "step_next": [state["buttons"][2]["label"]],
        "step_last": [state["buttons"][3]["label"]],
    }
    wrong = [f"{key}: shows {texts}, i18n/{language}.yml says {words[key]!r}"
             for key, texts in shown.items() if any(text != words[key] for text in texts)]
    step_word = re.escape(words["step_of"].split("{", 1)[0].strip())
    if not re.match(step_word, state["status"] or ""):
        wrong.append(f"the status says {state['status']!r}")
    if language != "en":
        untranslated = [key for key in shown if words[key] == english[key]]
        wrong += [f"{key}: {words[key]!r} is the English word: translate it in "
                  f"i18n/{language}.yml (labels:)" for key in untranslated]
    assert not wrong, (
        f"{where(visits, example_page)}: the step-through view of #{done['listing']} is not in "
        "the page's language:\n" + bullet(wrong))


def test_step_through_view_is_accessible(visits, example_page, scheme):
    """axe-core ran with the view open (the rest of the page is test_accessibility's)."""
    visit = visited(visits, example_page, scheme, "interact", "axe")
    done = visit.interaction
    page = where(visits, example_page, scheme)
    assert done is not None and done["observed"][-1]["state"]["panel"]["shown"], (
        f"{page}: no step-through view was open while axe-core ran")
    marks = ("sg-step", "sg-place", "sg-rows", "sg-current", done["listing"])
    found = [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
             for v in visit.violations for node in v["nodes"]
             if any(mark in node["target"] for mark in marks)]
    assert not found, (
        f"{page}: with the step-through view of #{done['listing']} open, axe-core reports "
        f"({STEPPER_JS}, the .sg-step-* rules of docs/stylesheets/sessionguide.css):\n"
        + bullet(found))


def test_home_page_opens_a_step_through_view(visits, inventory, home_page):
    """The home page shows one example stepped through from the start: its view is open when the
    page loads, without a click, and the page is not scrolled to it."""
    visit = visited(visits, home_page, "light", "facts")
    page = where(visits, home_page)
    steppers = visit.facts["steppers"]
    if not inventory.opens_a_stepper(home_page):
        pytest.fail(
            f"{page}: the home page opens no step-through view with the page (no "
            "div.sg-stepper[data-open]). Show its example with "
            'show("<page>/<example>.py", step_through=True) in '
            f"docs/{inventory.source_of(home_page)}.", pytrace=False)
    opened = [s for s in steppers if s["declaredOpen"]]
    shown = [s for s in opened if s["panelShown"] and s["current"]]
    assert shown, (
        f"{page}: the view declared open (data-open) for {[s['listing'] for s in opened]} is "
        f"not shown open, with its current line highlighted, when the page loads: {opened} "
        f"({STEPPER_JS}, open(true, false) at set-up)")
    assert visit.facts["scroll"] == [0, 0], (
        f"{page}: opening the view with the page scrolled it to {visit.facts['scroll']}: "
        f"the view must not scroll the page until the reader moves ({STEPPER_JS})")
