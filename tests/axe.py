"""axe-core in a real page: WCAG 2.0, 2.1 and 2.2 A and AA checks, from the pinned npm package."""

from __future__ import annotations

import functools
from typing import Any

from playwright.sync_api import Page

from tests.helpers import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Parts the page lets the browser skip drawing until they near the screen (content-visibility:
# auto, on the group page's profiles and rounds) are drawn for the check: axe judges colours by
# what is drawn under each piece of text, and a skipped part has nothing drawn yet.
DRAW_ALL = (
    "(() => { const s = document.createElement('style'); s.id = 'axe-draw-all';"
    " s.textContent = '* { content-visibility: visible !important; }'; document.head.appendChild(s); return true; })()"
)
DRAW_AS_BEFORE = "(() => { document.getElementById('axe-draw-all')?.remove(); return true; })()"


@functools.cache
def axe_source() -> str:
    """axe-core's script, read once per run."""
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does this)."
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[str]:
    """Return one line per WCAG A/AA violation axe-core finds in the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's tooling rather than added as an inline <script>, which the
        # site's Content-Security-Policy rightly blocks.
        page.evaluate(axe_source())
    # Let transitions settle first (the theme fades its header title in on scroll), so colours are
    # judged as a reader sees them, not half-way through a fade.
    page.evaluate(
        "() => Promise.all(document.getAnimations().filter(a => a.playState === 'running')"
        ".map(a => Promise.race([a.finished.catch(() => null), new Promise(r => setTimeout(r, 1000))])))"
    )
    page.evaluate(DRAW_ALL)
    try:
        result: dict[str, Any] = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
    finally:
        page.evaluate(DRAW_AS_BEFORE)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]
