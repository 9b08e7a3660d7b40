"""axe-core in a page: its WCAG 2.1 A and AA violations (js/axe_start.js says how it runs)."""

from __future__ import annotations

import functools

from .scripts import script

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
TIMEOUT_MS = 180_000


@functools.cache
def axe_core() -> str:
    """axe-core, as axe-playwright-python ships it."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def run(page, structure: str | None = None) -> list[dict]:
    """The violations on ``page`` as it is now (Playwright's sync API). ``structure``: where
    the rules that do not compare colours apply (a CSS selector, "" for nowhere; None: the
    whole page); the colour rules check the whole page in any case (js/axe_start.js)."""
    page.evaluate(axe_core())
    page.evaluate(script("axe_start"), {"options": OPTIONS, "structure": structure})
    page.wait_for_function(script("axe_done"), polling=100, timeout=TIMEOUT_MS)
    return _violations(page.evaluate("window.__axeResult"))


async def run_async(page, structure: str | None = None) -> list[dict]:
    """The same with the async API: the event loop serves other pages while axe works."""
    await page.evaluate(axe_core())
    await page.evaluate(script("axe_start"), {"options": OPTIONS, "structure": structure})
    await page.wait_for_function(script("axe_done"), polling=100, timeout=TIMEOUT_MS)
    return _violations(await page.evaluate("window.__axeResult"))


def _violations(outcome: dict) -> list[dict]:
    if "error" in outcome:
        raise RuntimeError(f"axe-core failed: {outcome['error']}")
    return outcome["violations"]


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            alike = node.get("alike") or 0
            also = f" (and {alike} more text elements that look the same)" if alike else ""
            lines.append(f"    {node['target']}{also}: {summary[:300]}")
    return "\n".join(lines)
