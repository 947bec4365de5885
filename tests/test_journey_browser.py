"""The form's journey in real Chromium, walked as a person walks it, with the keyboard: Start now
lands on the hub with its sections in view, "Continue" leads to the first section not completed,
a Change link of Check your answers leads back to the row changed, and on a phone the floating
"Back to top" never covers the step indicator.

Every test starts from a fresh browser context (empty localStorage) on the real built site, opened
from disk (file://), so the way back from a Change link works without a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, FloatRect, Locator, Page, ViewportSize, expect

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import answer, go_to_hub

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def errors() -> list[str]:
    return []


def new_page(browser: Browser, viewport: ViewportSize, errors: list[str]) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    yield page
    context.close()


@pytest.fixture
def desktop(browser: Browser, errors: list[str]) -> Iterator[Page]:
    yield from new_page(browser, DESKTOP, errors)


@pytest.fixture
def phone(browser: Browser, errors: list[str]) -> Iterator[Page]:
    yield from new_page(browser, PHONE, errors)


def started(page: Page) -> None:
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def press(page: Page, control: Locator, key: str = "Enter") -> None:
    """Move the keyboard's focus to a control and press a key on it, as a keyboard user does."""
    control.focus()
    expect(control).to_be_focused()
    page.keyboard.press(key)


def in_window(page: Page, element: Locator) -> None:
    """The element is wholly inside the window, below the site's header (what a person sees first)."""
    box = element.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header is not None
    height = page.viewport_size["height"] if page.viewport_size else 0
    assert box["y"] >= header["y"] + header["height"] - 1, f"{element} is under the header"
    assert box["y"] + box["height"] <= height, f"{element} is below the window ({box['y'] + box['height']:.0f} px)"


def start_now(page: Page, site: Path) -> None:
    """From the home page, "Start now", pressed with the keyboard; the hub starts."""
    page.goto((site / "index.html").as_uri())
    press(page, page.locator(".md-content").get_by_role("link", name="Start now"))
    started(page)
    assert page.url.split("#")[0].endswith("/assess/index.html")


def sections_in_view(page: Page, first_link: str) -> Locator:
    """The hub leads with its sections: their heading, the way on and the first section are in the
    window as the page opens, with nothing scrolled. Returns the way on (the primary link)."""
    assert page.evaluate("window.scrollY") == 0
    way_on = page.locator("[data-module='cif-continue']").get_by_role("link").first
    expect(way_on).to_have_text(first_link)
    for part in [page.get_by_role("heading", name="Sections", level=2), way_on, page.locator(".cif-tasks > li").first]:
        in_window(page, part)
    return way_on


def test_start_now_leads_to_the_sections_continue_and_change_lead_back(
    desktop: Page, built_site: Path, framework: Framework, errors: list[str]
) -> None:
    page = desktop
    one, two, three = framework.dimensions[:3]
    start_now(page, built_site)
    way_on = sections_in_view(page, f"Start with {one.number}. {one.title}")
    assert axe_violations(page) == [], "hub, nothing answered, 1280 px"

    # Section 1 answered whole, section 2 in part: Continue leads to section 2, by the list's status.
    for criterion in one.criteria:
        answer(page, criterion.id, "Developing")
    answer(page, two.criteria[0].id, "Emerging")
    go_to_hub(page)
    tasks = page.locator(".cif-tasks > li")
    expect(tasks.nth(0).locator(".cif-tag")).to_have_text("Completed")
    left = len(two.criteria) - 1
    expect(tasks.nth(1).locator(".cif-tag")).to_have_text(
        f"{left} {'criterion' if left == 1 else 'criteria'} not answered"
    )
    expect(tasks.nth(2).locator(".cif-tag")).to_have_text("Not started")
    # A returning visitor opens the hub again: the same, in view, and Continue takes them on.
    page.reload()
    started(page)
    way_on = sections_in_view(page, f"Continue with {two.number}. {two.title}")
    assert axe_violations(page) == [], "hub, part answered, 1280 px"
    press(page, way_on)
    started(page)
    assert page.url.endswith(f"/assess/{two.id}.html")
    # Reached in order, Save and continue goes on to the next step as ever.
    expect(page.locator("#cif-continue")).to_have_attribute("href", f"{three.id}.html")

    # Check your answers, from the hub: Change an answer, change it with the keyboard, Save and continue.
    press(page, page.get_by_role("link", name="Return to the list of sections"))
    started(page)
    press(page, page.get_by_role("link", name="Check your answers", exact=True))
    started(page)
    row = page.locator(f"#row-criterion-{one.criteria[1].id}")
    expect(row.locator(".cif-summary__value")).to_have_text("Developing")
    assert axe_violations(page) == [], "Check your answers, 1280 px"
    press(page, row.get_by_role("link", name=f"Change your answer to {one.number}.2 {one.criteria[1].title}"))
    started(page)
    assert page.url.split("?")[0].endswith(f"/assess/{one.id}.html")
    press(page, page.locator(f"#criterion-{one.criteria[1].id} input:checked"), "ArrowDown")
    expect(page.locator(f"#answer-{one.criteria[1].id}-established")).to_be_checked()
    assert axe_violations(page) == [], "step reached by a Change link, 1280 px"
    press(page, page.get_by_role("link", name="Save and continue"))
    started(page)

    # Back on Check your answers, at the row changed: in view, clear of the step indicator, its
    # Change link focused, showing the new answer.
    assert page.url.split("#")[0].endswith("/assess/check.html")
    row = page.locator(f"#row-criterion-{one.criteria[1].id}")
    expect(row.locator(".cif-summary__value")).to_have_text("Established")
    expect(row.get_by_role("link")).to_be_focused()
    in_window(page, row)
    progress = page.locator(".cif-step-progress").bounding_box()
    box = row.bounding_box()
    assert progress is not None and box is not None and box["y"] >= progress["y"] + progress["height"] - 1
    # Tab goes on to the next row's Change link.
    page.keyboard.press("Tab")
    expect(page.locator(f"#row-criterion-{one.criteria[2].id}").get_by_role("link")).to_be_focused()
    assert errors == []


def overlaps(a: FloatRect | None, b: FloatRect | None) -> bool:
    assert a is not None and b is not None
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_on_a_phone_the_sections_lead_and_back_to_top_never_covers_the_step_indicator(
    phone: Page, built_site: Path, framework: Framework, errors: list[str]
) -> None:
    page = phone
    one = framework.dimensions[0]
    start_now(page, built_site)
    way_on = sections_in_view(page, f"Start with {one.number}. {one.title}")
    press(page, way_on)
    started(page)
    assert page.url.endswith(f"/assess/{one.id}.html")

    # Down the step, then a little way back up: the theme offers "Back to top".
    page.mouse.wheel(0, 2500)
    page.wait_for_function("window.scrollY > 2000")
    page.mouse.wheel(0, -300)
    top = page.locator(".md-top")
    expect(top).to_be_visible()
    expect(top).not_to_have_attribute("hidden", "")
    indicator = page.locator(".cif-step-progress")
    expect(indicator).to_be_in_viewport()
    assert not overlaps(top.bounding_box(), indicator.bounding_box()), "Back to top covers the step indicator"

    # axe at 320 px on every page of the journey that changed.
    page.set_viewport_size({"width": 320, "height": 640})
    assert axe_violations(page) == [], "step, 320 px"
    answer(page, one.criteria[0].id, "Embedded")
    page.goto(page.url.split("?")[0].split("#")[0].replace(f"{one.id}.html", "check.html"))
    started(page)
    assert axe_violations(page) == [], "Check your answers, 320 px"
    go_to_hub(page)
    expect(page.locator("#cif-continue-link")).to_have_text(f"Continue with {one.number}. {one.title}")
    assert axe_violations(page) == [], "hub, 320 px"
    assert errors == []
