"""The form in steps, in real Chromium, used as a person uses it: one dimension per step, a
progress indicator that stays in view, Save and continue, the hub's section status, deep links from
the guidance pages, and Check your answers with its Change links.

Every test starts from a fresh browser context (empty localStorage) on the real built site, opened
from disk (file://).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import answer, go_to_step

HOSTILE = '<img src=x onerror="window.__hacked = 1"> =1+1\nsecond line'


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def open_page(context: BrowserContext, site: Path, address: str) -> Page:
    """Open a page of the form, fail on any script error, and wait for the form to start."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    page.goto((site / address).as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    assert errors == []
    return page


def started(page: Page) -> None:
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def header_bottom(page: Page) -> float:
    box = page.locator(".md-header").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def progress_bottom(page: Page) -> float:
    """The bottom of the step's progress indicator, which stays in view under the header."""
    box = page.locator(".cif-step-progress").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def test_answer_chooses_the_option_by_its_words(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_page(context, built_site, "assess/index.html")
    first, second = framework.dimensions[0].criteria[:2]
    answer(page, first.id, "Developing")
    answer(page, second.id, "Not sure yet")
    expect(page.locator(f"#answer-{first.id}-developing")).to_be_checked()
    expect(page.locator(f"#answer-{second.id}-not-sure")).to_be_checked()


def test_save_and_continue_goes_through_every_step_to_check_your_answers(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_page(context, built_site, "assess/index.html")
    total = framework.criteria_count
    count = len(framework.dimensions)
    first = framework.dimensions[0]
    page.get_by_role("link", name=f"Start with {first.number}. {first.title}").click()
    for position, dimension in enumerate(framework.dimensions, start=1):
        started(page)
        assert page.url.endswith(f"/assess/{dimension.id}.html")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"{dimension.number}. {dimension.title}")
        progress = page.locator(".cif-step-progress")
        expect(progress).to_contain_text(f"Step {position} of {count}")
        expect(progress).to_contain_text(f"{position - 1} of {total} criteria answered")
        expect(page.locator("fieldset[data-criterion]")).to_have_count(len(dimension.criteria))
        answer(page, dimension.criteria[0].id, "Established")
        expect(progress).to_contain_text(f"{position} of {total} criteria answered")
        # Back goes to the step before (or the list of sections from the first).
        back = page.get_by_role("link", name="Back", exact=False).first
        expected_back = f"{framework.dimensions[position - 2].id}.html" if position > 1 else "index.html#sections"
        assert back.get_attribute("href") == expected_back
        expect(page.get_by_role("link", name="Return to the list of sections")).to_have_attribute(
            "href", "index.html#sections"
        )
        page.get_by_role("link", name="Save and continue").click()
    started(page)
    assert page.url.endswith("/assess/check.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.locator(".cif-step-progress")).to_contain_text(f"{count} of {total} criteria answered")
    for dimension in framework.dimensions:
        expect(page.locator(f"[data-check-answer='{dimension.criteria[0].id}']")).to_have_text("Established")
    page.get_by_role("link", name="See your results").click()
    started(page)
    assert page.url.endswith("/assess/index.html#results")
    expect(page.locator("#cif-completeness")).to_contain_text(f"{count} of {total} criteria answered")


def test_score_this_dimension_on_a_guidance_page_opens_its_step(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    dimension = framework.dimensions[4]
    page = context.new_page()
    page.goto((built_site / "framework" / f"{dimension.id}.html").as_uri())
    page.get_by_role("link", name="Score this dimension").click()
    started(page)
    assert page.url.endswith(f"/assess/{dimension.id}.html")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{dimension.number}. {dimension.title}")
    expect(page.locator(".cif-step-progress")).to_contain_text(
        f"Step {framework.dimensions.index(dimension) + 1} of {len(framework.dimensions)}"
    )
    expect(page.get_by_role("group", name=dimension.criteria[0].title)).to_be_visible()


def test_check_your_answers_lists_every_answer_target_and_note_with_change_links(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_page(context, built_site, "assess/index.html")
    one, two = framework.dimensions[:2]
    answer(page, one.criteria[0].id, "Developing")
    answer(page, one.criteria[1].id, "Not applicable")
    answer(page, one.criteria[2].id, "Not sure yet")
    page.get_by_label(f"Target level for {one.title}").select_option(label="4 Embedded")
    page.get_by_label(f"Evidence for your judgement on {one.title}").fill(HOSTILE)
    go_to_step(page, two.id)
    page.get_by_label(f"How children's and families' views informed your judgement on {two.title}").fill(
        "Young people's panel"
    )
    page.goto(page.url.replace(f"{two.id}.html", "check.html"))
    started(page)

    summary = page.locator(".cif-check")
    expect(summary.locator(".cif-summary__row")).to_have_count(framework.criteria_count + 3 * len(framework.dimensions))
    expect(summary.locator("h2")).to_have_count(len(framework.dimensions))
    first_list = summary.locator("dl").first
    rows = first_list.locator(".cif-summary__row")
    expect(rows.nth(0).locator("dt")).to_have_text(f"{one.number}.1 {one.criteria[0].title}")
    expect(rows.nth(0).locator(".cif-summary__value")).to_have_text("Developing")
    expect(rows.nth(1).locator(".cif-summary__value")).to_have_text("Not applicable")
    expect(rows.nth(2).locator(".cif-summary__value")).to_have_text("Not sure yet")
    expect(rows.nth(3).locator(".cif-summary__value")).to_have_text("Not answered")
    expect(first_list.locator(f"[data-check-target='{one.id}']")).to_have_text("4 Embedded")
    # Notes are shown exactly as typed, never run as markup.
    evidence = first_list.locator(f"[data-check-note='evidence'][data-check-for='{one.id}']")
    assert evidence.text_content() == HOSTILE
    expect(first_list.locator(f"[data-check-note='views'][data-check-for='{one.id}']")).to_have_text("Nothing written")
    expect(page.locator(f"[data-check-note='views'][data-check-for='{two.id}']")).to_have_text("Young people's panel")
    missing = len(one.criteria) - 3
    expect(page.locator(f"[data-check-status='{one.id}']")).to_have_text(
        f"{missing} {'criterion' if missing == 1 else 'criteria'} not answered, 1 criterion marked “Not sure yet”"
    )
    assert page.evaluate("window.__hacked") is None
    assert axe_violations(page) == []

    # Change lands on the question, on its step, in view below the header and the progress indicator.
    change = rows.nth(2).get_by_role("link", name=f"Change your answer to {one.number}.3 {one.criteria[2].title}")
    change.click()
    started(page)
    # The address carries the way back to this row of Check your answers (?change=...).
    assert page.url.endswith(
        f"/assess/{one.id}.html?change=criterion-{one.criteria[2].id}#criterion-{one.criteria[2].id}"
    )
    question = page.locator(f"#criterion-{one.criteria[2].id}")
    expect(question).to_be_in_viewport()
    box = question.bounding_box()
    assert box is not None and box["y"] >= progress_bottom(page) - 1, "not under the progress indicator"
    answer(page, one.criteria[2].id, "Leading")
    page.go_back()
    started(page)
    expect(page.locator(f"[data-check-answer='{one.criteria[2].id}']")).to_have_text("Leading")
    page.get_by_role("link", name=f"Change evidence for your judgement on {one.title}").click()
    started(page)
    expect(page.get_by_label(f"Evidence for your judgement on {one.title}")).to_have_value(HOSTILE)


def test_the_progress_indicator_stays_in_view_as_a_step_scrolls(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    dimension = framework.dimensions[1]
    page = open_page(context, built_site, f"assess/{dimension.id}.html")
    answer(page, dimension.criteria[0].id, "Embedded")
    progress = page.locator(".cif-step-progress")
    page.get_by_role("link", name="Save and continue").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 2000, "the step is taller than the screen"
    expect(progress).to_be_in_viewport()
    box = progress.bounding_box()
    assert box is not None and abs(box["y"] - header_bottom(page)) <= 1, "just below the site's header"
    expect(progress).to_contain_text(f"Step 2 of {len(framework.dimensions)}")
    expect(progress).to_contain_text(f"1 of {framework.criteria_count} criteria answered")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_without_javascript_a_step_shows_its_questions_and_points_to_the_worksheet(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    dimension, after = framework.dimensions[2], framework.dimensions[3]
    page.goto((built_site / "assess" / f"{dimension.id}.html").as_uri())
    notice = page.locator("#cif-nojs")
    expect(notice).to_contain_text("Scoring needs JavaScript.")
    expect(notice).to_contain_text("You can still read every question on this page")
    expect(notice.get_by_role("link", name=f"printable worksheet for {dimension.title}")).to_have_attribute(
        "href", f"../worksheets/{dimension.id}.html"
    )
    for item in dimension.criteria:
        expect(page.get_by_role("group", name=item.title)).to_be_visible()
        for descriptor in item.descriptors:
            expect(page.get_by_text(descriptor, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Save and continue")).to_be_hidden()
    expect(page.get_by_role("link", name=f"Next: {after.title}")).to_be_visible()
    expect(page.locator(".cif-step-progress")).to_contain_text("Step 3 of")
    page.goto((built_site / "assess" / "check.html").as_uri())
    expect(page.locator("#cif-nojs")).to_contain_text("Checking your answers needs JavaScript.")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_step_and_check_your_answers_pass_axe_on_a_320_px_screen(
    browser: Browser, built_site: Path, framework: Framework, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)  # type: ignore[arg-type]
    page = open_page(context, built_site, "assess/index.html")
    for dimension in framework.dimensions:
        answer(page, dimension.criteria[0].id, "Developing")
        answer(page, dimension.criteria[-1].id, "Not sure yet")
        if scheme == "dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert axe_violations(page) == [], dimension.id
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, dimension.id
    page.goto(page.url.rsplit("/", 1)[0] + "/check.html")
    started(page)
    assert axe_violations(page) == [], "check your answers"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_a_step_can_be_used_with_the_keyboard_alone(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    dimension = framework.dimensions[0]
    page = open_page(context, built_site, f"assess/{dimension.id}.html")
    page.set_viewport_size({"width": 1280, "height": 700})  # a laptop's window: the step scrolls
    first_radio = page.locator(f"#criterion-{dimension.criteria[0].id} input").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first_radio.evaluate("r => r === document.activeElement"):
            break
    expect(first_radio).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # the second level
    expect(page.locator(f"#answer-{dimension.criteria[0].id}-developing")).to_be_checked()
    expect(page.locator("[data-answered]")).to_have_text(f"1 of {framework.criteria_count} criteria answered")
    # Tab leaves the group (past its Clear answer button) for the next question.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(f"#criterion-{dimension.criteria[1].id} input").first).to_be_focused()
    target = page.get_by_label(f"Target level for {dimension.title}")
    target.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(page.get_by_label(f"Evidence for your judgement on {dimension.title}")).to_be_focused()
    page.keyboard.type("Audit of case files")
    continue_link = page.get_by_role("link", name="Save and continue")
    for _ in range(10):
        page.keyboard.press("Tab")
        if continue_link.evaluate("a => a === document.activeElement"):
            break
    expect(continue_link).to_be_focused()
    box = continue_link.bounding_box()
    assert box is not None and box["y"] >= progress_bottom(page) - 1
    # Walking back through the step from its end, every control comes into view below the progress
    # indicator rather than under it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    continue_link.focus()
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(
            "document.activeElement === document.querySelector('h1') || !!document.activeElement.closest('.cif-back')"
        ):
            break
        focused = page.evaluate(
            "() => { const el = document.activeElement; return el.closest('article') ? "
            "{name: el.id || el.textContent.trim().slice(0, 40), top: el.getBoundingClientRect().top} : null; }"
        )
        if focused is None:
            break
        assert focused["top"] >= progress_bottom(page) - 1, f"{focused['name']} is under the progress indicator"
    continue_link.focus()
    page.keyboard.press("Enter")
    started(page)
    assert page.url.endswith(f"/assess/{framework.dimensions[1].id}.html")
    go_to_step(page, dimension.id)
    expect(page.get_by_label(f"Evidence for your judgement on {dimension.title}")).to_have_value("Audit of case files")
    expect(page.get_by_label(f"Target level for {dimension.title}")).not_to_have_value("")


def test_each_page_of_the_form_stays_within_1000_elements(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    """The one-page form had 2,822 elements; a step holds one dimension's questions."""
    page = open_page(context, built_site, "assess/index.html")
    counts = {"assess/index.html": page.evaluate("document.getElementsByTagName('*').length")}
    for name in [*(f"assess/{d.id}.html" for d in framework.dimensions), "assess/check.html"]:
        page.goto((built_site / name).as_uri())
        started(page)
        counts[name] = page.evaluate("document.getElementsByTagName('*').length")
    assert {name: n for name, n in counts.items() if n > 1000} == {}, counts
