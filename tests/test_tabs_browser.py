"""Two tabs of one browser (two pages of one context, sharing localStorage) on the form (issue 17,
items 2 and 3): each tab keeps its own open assessment, and edits made in turn in two tabs on the
same assessment are all kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.model import Framework
from tests.helpers import go_to_hub, go_to_step
from tests.test_assessment_browser import STORAGE_KEY, checked, choose, open_form


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def saved(page: Page) -> dict[str, Any]:
    """Every assessment on the device, by id."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    result: dict[str, Any] = json.loads(text)["assessments"]
    return result


def name_field(page: Page) -> Any:
    return page.get_by_label("Assessment name")


def test_two_tabs_keep_their_own_assessments(context: BrowserContext, built_site: Path, framework: Framework) -> None:
    first = framework.dimensions[0].criteria
    # Each tab moves between the form's pages (the hub and a step) and keeps its assessment.
    a = open_form(context, built_site)
    name_field(a).fill("Tab A's review")
    choose(a, first[0].id, "Developing")
    go_to_hub(a)
    b = open_form(context, built_site)
    expect(name_field(b)).to_have_value("Tab A's review")  # a new tab opens the last one used
    b.get_by_role("button", name="Start a new assessment").click()
    name_field(b).fill("Tab B's review")
    choose(b, first[1].id, "Leading")
    expect(b.locator(f"#answer-{first[0].id}-developing")).not_to_be_checked()
    go_to_hub(b)

    # Back in tab A: it still shows its own assessment, and what is typed there goes into it.
    expect(name_field(a)).to_have_value("Tab A's review")
    choose(a, first[2].id, "Embedded")
    expect(a.locator(f"#answer-{first[0].id}-developing")).to_be_checked()
    expect(a.locator(f"#answer-{first[1].id}-leading")).not_to_be_checked()
    go_to_hub(a)
    name_field(a).fill("Tab A's review, edited")
    expect(name_field(b)).to_have_value("Tab B's review")
    # A save is written once the tabs' lock is granted, a moment after the change.
    a.wait_for_function(
        "([key, name]) => Object.values(JSON.parse(localStorage.getItem(key)).assessments).some(r => r.name === name)",
        arg=[STORAGE_KEY, "Tab A's review, edited"],
    )
    by_name = {record["name"]: record for record in saved(a).values()}
    assert set(by_name) == {"Tab A's review, edited", "Tab B's review"}
    assert by_name["Tab A's review, edited"]["answers"] == {first[0].id: "developing", first[2].id: "embedded"}
    assert by_name["Tab B's review"]["answers"] == {first[1].id: "leading"}

    # A reload keeps each tab on its own assessment.
    b.reload()
    expect(name_field(b)).to_have_value("Tab B's review")
    a.reload()
    expect(name_field(a)).to_have_value("Tab A's review, edited")


# A busy tab: it hears of other tabs' saves a moment late, as a tab does whose page is still busy
# (the storage event is queued behind its own work). Edits made in that moment are the ones at risk.
BUSY_TAB = """
const listen = window.addEventListener.bind(window);
window.addEventListener = (type, handler, options) =>
  listen(type, type === 'storage' ? (event) => setTimeout(() => handler(event), 1500) : handler, options);
"""


def open_busy_form(context: BrowserContext, site: Path) -> Page:
    page = context.new_page()
    page.add_init_script(BUSY_TAB)
    page.goto((site / "assess" / "index.html").as_uri())
    expect(page.locator("#cif-results")).to_be_visible()
    return page


@pytest.mark.parametrize("run", [1, 2, 3])
def test_edits_in_turn_in_two_tabs_on_one_assessment_are_all_kept(
    context: BrowserContext, built_site: Path, framework: Framework, run: int
) -> None:
    one, two = framework.dimensions[0], framework.dimensions[1]
    a = open_busy_form(context, built_site)
    name_field(a).fill("Shared review")
    b = open_busy_form(context, built_site)
    expect(name_field(b)).to_have_value("Shared review")
    go_to_step(a, one.id)
    go_to_step(b, two.id)
    evidence_a = a.get_by_label(f"Evidence for your judgement on {one.title}")
    evidence_b = b.get_by_label(f"Evidence for your judgement on {two.title}")
    # Interleaved: each tab edits a different field, in turn, without waiting for the other.
    evidence_a.fill(f"Audit of case files, run {run}")
    evidence_b.fill(f"Survey of families, run {run}")
    choose(a, one.criteria[0].id, "Established")
    choose(b, two.criteria[0].id, "Leading")
    evidence_a.fill(f"Audit of case files and minutes, run {run}")
    choose(b, one.criteria[1].id, "Developing")

    expected_answers = {
        one.criteria[0].id: "established",
        two.criteria[0].id: "leading",
        one.criteria[1].id: "developing",
    }
    for page in (a, b):
        go_to_step(page, one.id)
        expect(page.get_by_label(f"Evidence for your judgement on {one.title}")).to_have_value(
            f"Audit of case files and minutes, run {run}"
        )
        go_to_step(page, two.id)
        expect(page.get_by_label(f"Evidence for your judgement on {two.title}")).to_have_value(
            f"Survey of families, run {run}"
        )
        assert checked(page) == expected_answers
    # The other tab's change is shown, and said visibly, without a reload.
    c = open_form(context, built_site)
    choose(c, two.criteria[1].id, "Emerging")
    expect(a.locator(".cif-save-status").first).to_contain_text("changes made in another tab")
    expect(a.locator(f"#answer-{two.criteria[1].id}-emerging")).to_be_checked()
    assert checked(a)[two.criteria[1].id] == "emerging"
