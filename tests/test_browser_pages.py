"""What a reader sees in a real browser: dimension pages on a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import Browser

from tests.helpers import REPO

# The shipped framework's dimension with the most criteria: the fullest table to read.
DIMENSION = max(
    yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))["dimensions"],
    key=lambda dimension: len(dimension["criteria"]),
)


def test_criteria_read_as_a_matrix_on_desktop(browser: Browser, built_site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((built_site / "framework" / f"{DIMENSION['id']}.html").as_uri())
    table = page.get_by_role("table", name=f"Criteria for {DIMENSION['title']} at each maturity level")
    assert table.is_visible()
    headers = table.get_by_role("columnheader").all_inner_texts()
    assert headers == ["Criterion", "Emerging", "Developing", "Established", "Embedded", "Leading"]
    page.close()


def test_criteria_stack_readably_on_a_phone(browser: Browser, built_site: Path) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto((built_site / "framework" / f"{DIMENSION['id']}.html").as_uri())
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"page scrolls sideways at 320 px ({scroll_width} px wide)"
    first_cell = page.locator("table.fw-matrix td").first
    # Each descriptor shows its level's name above it, since the column headings are hidden.
    label = page.evaluate("cell => getComputedStyle(cell, '::before').content", first_cell.element_handle())
    assert label == '"Emerging"'
    # Table semantics survive the stacked layout for screen readers.
    assert page.get_by_role("rowheader").count() >= 3
    page.close()
