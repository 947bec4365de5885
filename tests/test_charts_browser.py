"""The bar charts in Chromium: every score label is whole (with its level's name), beside its own
bar, and never across its target mark or past one that lies after the bar's end.

The charts of the results, the shared results and the group profiles are drawn by js/ui/chart.mjs
(draw), and the progress comparison by js/form/progress/comparison-chart.mjs; both are drawn here
from their ES module sources with the site's own stylesheet, on screen and printed (at the print
width, with the printed text size), for every score and target on the level scale at widths from a
phone to a desktop. The rendered boxes of every label, its bar and every target mark are compared.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.axe import axe_violations
from tests.helpers import REPO

ORIGIN = "http://charts.test"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charts</title>
<link rel="stylesheet" href="/plugins/mkdocs_framework/assets/assess.css"></head>
<body><main class="md-typeset"><h1>Charts</h1><div id="charts" class="cif-compare"></div></main></body></html>"""

DRAW = """
async ({kind, widths, compact}) => {
  // A score's words are whole (its level's name too), beside its own bar (the element drawn just
  // before them): on its line, inside it or starting at most 30px after its end, or on a line of
  // their own just under it from its start; and on the bar's line, never beyond a target mark that
  // lies after the bar's end.
  const besideItsBar = (node, r, marks, levels, where) => {
    const found = [];
    const names = levels.map(level => level.label).join("|");
    if (!new RegExp(`[0-9][.][0-9] (${names})$`).test(node.textContent)) found.push(`${where} has no level`);
    const b = node.previousElementSibling.getBoundingClientRect();
    const onLine = r.top < b.bottom && b.top < r.bottom;
    const inside = r.left >= b.left - 1 && r.right <= b.right + 1;
    const after = r.left >= b.right - 1 && r.left <= b.right + 30;
    const under = r.top >= b.bottom && r.top <= b.bottom + 12 && Math.abs(r.left - b.left) <= 2;
    if (!(onLine ? inside || after : under)) found.push(`${where} is not beside its bar`);
    const beyond = marks.filter(m => m.top < b.bottom && b.top < m.bottom && m.left > b.right + 2 && r.right > m.left);
    if (onLine && beyond.length) found.push(`${where} is past the target mark after its bar`);
    return found;
  };
  const chart = await import("/plugins/mkdocs_framework/js/ui/chart.mjs");
  const comparison = await import("/plugins/mkdocs_framework/js/form/progress/comparison-chart.mjs");
  const levels = ["Emerging", "Developing", "Established", "Embedded", "Leading"].map(label => ({label}));
  const scores = [null, 1, 1.3, 1.5, 2, 2.4, 2.5, 3, 3.3, 3.7, 4, 4.5, 5];
  const text = s => s === null ? "" : `${s.toFixed(1)} ${levels[Math.max(0, Math.round(s) - 1)].label}`;
  const box = document.getElementById("charts");
  const problems = [];
  let labels = 0;
  for (const width of widths) {
    for (let target = 1; target <= 5; target += 1) {
      const rows = scores.map((score, i) => ({
        label: `${i + 1}. Dimension with a title long enough to wrap`,
        score, scoreText: text(score), target, emptyText: "Not scored yet", low: i % 3 === 1,
        thenLow: i % 4 === 1, nowLow: i % 3 === 1,
        then: scores[(i + 3) % scores.length], now: score,
        thenText: "Then: " + (text(scores[(i + 3) % scores.length]) || "no score"),
        nowText: "Now: " + (text(score) || "no score"),
      }));
      box.textContent = "";
      const svg = kind === "bars"
        ? chart.draw(document, {width, levels, label: "Scores", rows})
        : comparison.drawComparison(document, {width, compact, levels, label: "Then and now", rows});
      box.appendChild(svg);
      const marks = [...svg.querySelectorAll(".cif-chart__target")].map(m => m.getBoundingClientRect());
      for (const node of svg.querySelectorAll(".cif-chart__value, .cif-chart__empty")) {
        labels += 1;
        const r = node.getBoundingClientRect();
        const where = `${kind} at ${width}px, target ${target}: "${node.textContent}"`;
        for (const m of marks) {
          const overlap = r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom;
          if (overlap) problems.push(`${where} crosses a target mark`);
        }
        const right = svg.getBoundingClientRect().right;
        if (r.right > right + 1) problems.push(`${where} overflows`);
        if (node.classList.contains("cif-chart__value")) problems.push(...besideItsBar(node, r, marks, levels, where));
      }
    }
  }
  return {problems, labels};
}
"""


@pytest.fixture
def charts(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN).split("?")[0]
        if path == "/":
            route.fulfill(body=PAGE, content_type="text/html")
            return
        file = (REPO / path.lstrip("/")).resolve()
        assert file.is_relative_to(REPO / "plugins" / "mkdocs_framework"), path
        # The modules import the words about results as a JSON module, which needs its own type.
        kind = {".css": "text/css", ".json": "application/json"}.get(file.suffix, "text/javascript")
        route.fulfill(body=file.read_bytes(), content_type=kind)

    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/")
    yield page
    page.close()


WIDTHS = [260, 320, 400, 560, 680, 900]


@pytest.mark.parametrize("media", ["screen", "print"])
def test_no_score_label_crosses_its_target_mark(charts: Page, media: str) -> None:
    """Results, shared results and group profiles (draw), on screen and printed."""
    charts.emulate_media(media=media)  # type: ignore[arg-type]
    result = charts.evaluate(DRAW, {"kind": "bars", "widths": WIDTHS, "compact": False})
    assert result["labels"] > 300
    assert result["problems"] == []


@pytest.mark.parametrize(("media", "compact"), [("screen", False), ("print", True)])
def test_no_label_of_the_progress_comparison_crosses_its_target_mark(charts: Page, media: str, compact: bool) -> None:
    charts.emulate_media(media=media)  # type: ignore[arg-type]
    result = charts.evaluate(DRAW, {"kind": "comparison", "widths": WIDTHS, "compact": compact})
    assert result["labels"] > 600
    assert result["problems"] == []


def test_a_chart_with_labels_moved_clear_of_targets_passes_axe(charts: Page) -> None:
    charts.evaluate(DRAW, {"kind": "bars", "widths": [680], "compact": False})
    assert axe_violations(charts) == []


def test_the_old_placement_would_be_caught(charts: Page) -> None:
    """The check itself: a label written across its mark (as before) is reported."""
    found = charts.evaluate(
        """() => {
          const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
          svg.setAttribute("width", "400");
          svg.setAttribute("height", "60");
          svg.setAttribute("class", "cif-chart__svg");
          svg.innerHTML = '<text class="cif-chart__value" x="100" y="30">2.0 Developing</text>'
            + '<path class="cif-chart__target" d="M150 12V40"/>';
          document.body.appendChild(svg);
          const [t, m] = [svg.querySelector("text"), svg.querySelector("path")].map(n => n.getBoundingClientRect());
          return t.left < m.right && m.left < t.right && t.top < m.bottom && m.top < t.bottom;
        }"""
    )
    assert found is True
