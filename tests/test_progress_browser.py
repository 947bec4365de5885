"""Several assessments on one device, progress over time and the action plan, in real Chromium.

Each test starts from a fresh browser context (empty localStorage) on the real built site opened
from disk (file://), and acts as a person would: by labels, roles and visible text.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Locator, Page, expect
from pypdf import PdfReader

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import REPO, answer, go_to_hub, go_to_step, saved_answers, seed_storage

STORAGE_KEY = "cif:childrens-information-framework:assessments"
SETTINGS_KEY = "cif:childrens-information-framework:settings"
HOSTILE = '=HYPERLINK("http://example.com") "quoted", <b>not bold</b>'


def open_form(context: BrowserContext, site: Path) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto((site / "assess" / "index.html").as_uri())
    expect(page.locator("#cif-results")).to_be_visible()
    assert errors == []
    return page


@pytest.fixture
def form(context: BrowserContext, built_site: Path) -> Page:
    return open_form(context, built_site)


def choose(page: Page, criterion_id: str, option: str) -> None:
    """Choose an answer on the step of the form that asks it (going there when needed)."""
    answer(page, criterion_id, option)


def checked(page: Page) -> dict[str, str]:
    """The answers of the assessment open in the tab, as saved on the device."""
    return saved_answers(page)


def none_answered(page: Page, framework: Framework) -> None:
    """The hub shows an assessment with nothing answered (a new one is saved only once used)."""
    expect(page.locator("#cif-progress")).to_contain_text(f"0 of {framework.criteria_count} criteria answered")


def stored(page: Page) -> dict[str, Any]:
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert text, "nothing saved"
    data: dict[str, Any] = json.loads(text)
    return data


def library(page: Page) -> Locator:
    return page.locator("#cif-library-list > li")


def banner(page: Page) -> Locator:
    return page.locator("#cif-banner")


def name_assessment(page: Page, name: str, date: str) -> None:
    page.get_by_label("Assessment name").fill(name)
    page.get_by_label("Date of the assessment").fill(date)


def baseline(page: Page, framework: Framework) -> None:
    """A baseline: the first three dimensions answered, with targets for the first two."""
    first, second, third = framework.dimensions[:3]
    name_assessment(page, "Baseline, autumn 2026", "2026-10-01")
    page.get_by_label("Local authority (optional)").fill("Anyshire")
    for item in first.criteria:
        choose(page, item.id, "Developing")
    choose(page, first.criteria[0].id, "Emerging")
    for item in second.criteria:
        choose(page, item.id, "Established")
    for item in third.criteria:
        choose(page, item.id, "Embedded")
    go_to_step(page, first.id)
    page.get_by_label(f"Target level for {first.title}").select_option(label="4 Embedded")
    go_to_step(page, second.id)
    page.get_by_label(f"Target level for {second.title}").select_option(label="4 Embedded")
    go_to_hub(page)


def copy_for_review(page: Page, framework: Framework) -> None:
    """Copy the baseline and change it into a review a year later: one up, one down, one the same."""
    page.get_by_role("button", name="Copy this assessment to start a review").click()
    expect(banner(page)).to_contain_text("Copy made")
    first, second = framework.dimensions[:2]
    name_assessment(page, "Review, autumn 2027", "2027-10-01")
    choose(page, first.criteria[0].id, "Embedded")  # Emerging -> Embedded
    choose(page, second.criteria[0].id, "Developing")  # Established -> Developing
    go_to_hub(page)


def download(page: Page, button: Locator) -> tuple[str, bytes]:
    with page.expect_download() as info:
        button.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def json_file(name: str, data: bytes) -> FilePayload:
    return FilePayload(name=name, mimeType="application/json", buffer=data)


def pdf_text(page: Page, keep_as: str) -> tuple[int, str]:
    """Print to A4 PDF, keep the file in test-artifacts/ for a person to look at, and read it."""
    data = page.pdf(format="A4")
    (REPO / "test-artifacts").mkdir(exist_ok=True)
    (REPO / "test-artifacts" / keep_as).write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(p.extract_text() for p in reader.pages)


# --- Several assessments on one device -----------------------------------------------------------


def test_answers_saved_by_the_earlier_single_assessment_form_are_carried_over(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    """Storage exactly as assess-storage.js wrote it before several assessments: one assessment,
    no action plan, and the settings key pointing at it."""
    first = framework.dimensions[0]
    answers = {first.criteria[0].id: "developing", first.criteria[1].id: "embedded"}
    earlier = {
        "id": "a-earlier-1",
        "frameworkId": framework.id,
        "frameworkVersion": framework.version,
        "name": "Baseline from the old form",
        "authority": "Anyshire",
        "date": "2026-03-01",
        "created": "2026-03-01T09:00:00.000Z",
        "updated": "2026-03-02T09:00:00.000Z",
        "answers": answers,
        "targets": {first.id: "leading"},
        "notes": {first.id: {"evidence": "Audit of 20 cases", "views": ""}},
    }
    seed = {
        STORAGE_KEY: json.dumps({"schemaVersion": 1, "assessments": {"a-earlier-1": earlier}}),
        SETTINGS_KEY: json.dumps({"schemaVersion": 1, "currentAssessment": "a-earlier-1"}),
    }
    page = open_form(context, built_site)
    seed_storage(page, seed)
    expect(page.locator("#cif-results")).to_be_visible()
    assert checked(page) == answers
    expect(page.get_by_label("Assessment name")).to_have_value("Baseline from the old form")
    expect(library(page)).to_have_count(1)
    expect(library(page).first).to_contain_text("Baseline from the old form")
    expect(library(page).first).to_contain_text("Dated 1 March 2026")
    expect(library(page).first).to_contain_text(f"2 of {framework.criteria_count} criteria answered")
    # The old assessment's plan works from its answers and target.
    expect(page.locator("#cif-plan")).to_contain_text(first.criteria[0].descriptors[2])

    # A second assessment is kept beside it, and the first is untouched.
    page.get_by_role("button", name="Start a new assessment").click()
    none_answered(page, framework)
    name_assessment(page, "Second", "2026-11-01")
    expect(library(page)).to_have_count(2)
    page.reload()
    expect(page.locator("#cif-results")).to_be_visible()
    expect(page.get_by_label("Assessment name")).to_have_value("Second")
    library(page).filter(has_text="Baseline from the old form").get_by_role("button", name="Open").click()
    assert checked(page) == answers
    kept = stored(page)["assessments"]["a-earlier-1"]
    assert kept["answers"] == answers and kept["notes"] == earlier["notes"] and kept["targets"] == earlier["targets"]
    assert stored(page)["schemaVersion"] == 1
    # Its questions show its answers and notes.
    go_to_step(page, first.id)
    expect(page.get_by_label(f"Evidence for your judgement on {first.title}")).to_have_value("Audit of 20 cases")
    expect(page.locator(f"#answer-{first.criteria[1].id}-embedded")).to_be_checked()


def test_with_no_assessment_marked_open_the_latest_one_opens(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    item = framework.dimensions[0].criteria[0].id
    records = {
        "a-old": {"id": "a-old", "name": "Older", "updated": "2026-01-01T00:00:00.000Z", "answers": {item: "emerging"}},
        "a-new": {"id": "a-new", "name": "Newer", "updated": "2026-06-01T00:00:00.000Z", "answers": {item: "leading"}},
    }
    page = open_form(context, built_site)
    seed_storage(page, {STORAGE_KEY: json.dumps({"schemaVersion": 1, "assessments": records})})
    expect(page.get_by_label("Assessment name")).to_have_value("Newer")
    expect(library(page)).to_have_count(2)
    # A step opens the same one.
    go_to_step(page, framework.dimensions[0].id)
    expect(page.locator(f"#answer-{item}-leading")).to_be_checked()


def test_create_rename_copy_switch_and_keep_assessments_apart(form: Page, framework: Framework) -> None:
    baseline(form, framework)
    before = checked(form)
    current = library(form).first
    expect(current).to_contain_text("Baseline, autumn 2026")
    expect(current).to_contain_text("Open now")
    # Rename: the list's link takes you to the name field, and the list follows what you type.
    current.get_by_role("link", name="Rename Baseline, autumn 2026").click()
    expect(form.get_by_label("Assessment name")).to_be_focused()
    form.get_by_label("Assessment name").fill("Baseline, 2026")
    expect(current).to_contain_text("Baseline, 2026")

    copy_for_review(form, framework)
    expect(library(form)).to_have_count(2)
    review = library(form).filter(has_text="Review, autumn 2027")
    expect(review).to_contain_text("Open now")
    expect(review).to_have_attribute("aria-current", "true")
    after = checked(form)
    assert after != before and len(after) == len(before)

    # Switching shows each one's own answers, and the name of the one that opened.
    form.get_by_role("button", name="Open Baseline, 2026").click()
    expect(banner(form)).to_contain_text("\u201cBaseline, 2026\u201d is open")
    expect(banner(form)).to_be_focused()
    assert checked(form) == before
    form.reload()
    expect(form.locator("#cif-results")).to_be_visible()
    assert checked(form) == before, "the open assessment is remembered"
    assert len(stored(form)["assessments"]) == 2

    # A new blank assessment.
    form.get_by_role("button", name="Start a new assessment").click()
    expect(banner(form)).to_contain_text("New assessment started")
    none_answered(form, framework)
    expect(library(form)).to_have_count(3)
    expect(library(form).first).to_contain_text("Untitled assessment")


def test_delete_asks_first_offers_export_and_opens_another(form: Page, framework: Framework) -> None:
    baseline(form, framework)
    before = checked(form)
    copy_for_review(form, framework)
    delete = form.get_by_role("button", name="Delete this assessment")
    delete.click()
    dialog = form.get_by_role("dialog", name="Delete \u201cReview, autumn 2027\u201d?")
    expect(dialog).to_be_visible()
    name, body = download(form, dialog.get_by_role("button", name="Export it first"))
    assert name == "review-autumn-2027-2027-10-01.json"
    assert json.loads(body)["assessment"]["name"] == "Review, autumn 2027"
    form.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(delete).to_be_focused()
    expect(library(form)).to_have_count(2)

    delete.click()
    dialog.get_by_role("button", name="Cancel").click()
    expect(delete).to_be_focused()
    expect(library(form)).to_have_count(2)

    delete.click()
    dialog.get_by_role("button", name="Delete assessment").click()
    expect(banner(form)).to_contain_text("\u201cReview, autumn 2027\u201d has been deleted")
    expect(banner(form)).to_contain_text("\u201cBaseline, autumn 2026\u201d is now open")
    expect(library(form)).to_have_count(1)
    assert checked(form) == before
    assert [a["name"] for a in stored(form)["assessments"].values()] == ["Baseline, autumn 2026"]

    # Deleting the last one leaves a blank form and nothing stored.
    delete.click()
    form.get_by_role("dialog").get_by_role("button", name="Delete assessment").click()
    expect(banner(form)).to_contain_text("There are no other assessments on this device")
    none_answered(form, framework)
    assert form.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None


def test_the_assessment_list_works_from_the_keyboard_alone(form: Page, framework: Framework) -> None:
    baseline(form, framework)
    form.get_by_role("button", name="Copy this assessment to start a review").focus()
    form.keyboard.press("Enter")
    expect(banner(form)).to_be_focused()
    expect(library(form)).to_have_count(2)
    # The banner sits at the top of the hub, above its sections, results and plan; its link leads
    # straight back to the list, and Tab goes on from there to the other assessment's Open button.
    form.keyboard.press("Tab")
    back = form.get_by_role("link", name="Go to your assessments on this device")
    expect(back).to_be_focused()
    form.keyboard.press("Enter")
    open_button = form.get_by_role("button", name="Open Baseline, autumn 2026")
    for _ in range(6):
        form.keyboard.press("Tab")
        if open_button.evaluate("b => b === document.activeElement"):
            break
    expect(open_button).to_be_focused()
    style = open_button.evaluate("b => getComputedStyle(b).outlineStyle")
    assert style != "none"
    form.keyboard.press("Enter")
    expect(banner(form)).to_contain_text("\u201cBaseline, autumn 2026\u201d is open")
    current = form.locator("#cif-library-list > li[aria-current=true]")
    expect(current).to_contain_text("Baseline, autumn 2026")
    expect(current).not_to_contain_text("(copy)")
    expect(form.get_by_role("button", name="Open Baseline, autumn 2026 (copy)")).to_be_visible()


# --- Progress over time --------------------------------------------------------------------------


def test_progress_between_two_assessments_on_this_device(form: Page, framework: Framework) -> None:
    baseline(form, framework)
    copy_for_review(form, framework)
    first, second, third = framework.dimensions[:3]
    form.get_by_label("Compare with").select_option(label="Baseline, autumn 2026 (1 October 2026)")
    form.get_by_role("button", name="Compare", exact=True).click()
    results = form.get_by_role("region", name="Progress from")
    expect(results).to_be_focused()
    expect(results.get_by_role("heading", level=3)).to_have_text(
        "Progress from \u201cBaseline, autumn 2026\u201d (1 October 2026)"
        " to \u201cReview, autumn 2027\u201d (1 October 2027)"
    )
    unscored = len(framework.dimensions) - 3
    expect(form.locator("#cif-compare-summary")).to_have_text(
        "1 dimension moved up a level, 1 down, 1 stayed at the same level, on the criteria answered in both "
        f"assessments. {unscored} dimensions have no criterion answered with a level in both, so they are not compared."
    )
    table = form.get_by_role("table", name="Level of each dimension then and now")
    rows = table.locator("tbody tr")
    n1, n2 = len(first.criteria), len(second.criteria)

    def score(total: int, count: int) -> float:  # the page's rule: a mean rounded to one decimal
        return math.floor(total * 10 / count + 0.5) / 10

    def level(value: float) -> str:  # the whole level, in words with its number (never the score)
        return f"{framework.levels[math.floor(value) - 1].label} (level {math.floor(value)} of {len(framework.levels)})"

    # Each change is said with the two levels it comes from, on the criteria answered both times,
    # so a change is never printed beside levels that do not show it.
    first_then, first_now = score(1 + 2 * (n1 - 1), n1), score(1 + 2 * (n1 - 1) + 3, n1)
    second_then, second_now = score(3 * n2, n2), score(3 * n2 - 1, n2)
    expect(rows.nth(0)).to_contain_text(
        f"Up 1 level. On the {n1} criteria answered both times: {level(first_then)} \u2192 {level(first_now)}"
    )
    expect(rows.nth(0)).to_contain_text("Embedded")  # the target
    expect(rows.nth(1)).to_contain_text(
        f"Down 1 level. On the {n2} criteria answered both times: {level(second_then)} \u2192 {level(second_now)}"
    )
    expect(rows.nth(2)).to_contain_text("No change in level")
    expect(rows.nth(3)).to_contain_text("Not compared")
    expect(rows.nth(3)).to_contain_text("Not set")
    moved = form.locator("#cif-moved-table tbody tr")
    expect(moved).to_have_count(2)
    expect(moved.nth(0)).to_contain_text(f"{first.number}.1 {first.criteria[0].title}")
    expect(moved.nth(0)).to_contain_text("Emerging")
    expect(moved.nth(0)).to_contain_text("Up 3 levels")
    expect(moved.nth(1)).to_contain_text("Down 1 level")
    # The chart is an image with a name, and says "then" and "now" in words, not only by colour.
    chart = form.locator("#cif-compare-chart svg")
    expect(chart).to_have_attribute("role", "img")
    assert "then and now" in (chart.get_attribute("aria-label") or "")
    labels = chart.locator("text").all_text_contents()
    assert any(t.startswith("Then: ") for t in labels)
    assert any(t.startswith("Now: ") for t in labels)
    assert axe_violations(form) == [], "comparison shown"

    # Changing an answer (on its step, here in another tab) keeps the comparison up to date; a score
    # that drifts within its level is not counted as a dimension that moved.
    other = form.context.new_page()
    other.goto(form.url)
    choose(other, third.criteria[0].id, "Leading")
    n3 = len(third.criteria)
    expect(rows.nth(2)).to_contain_text(
        f"No change in level. On the {n3} criteria answered both times: "
        f"{level(4.0)} \u2192 {level(score(4 * n3 + 1, n3))}"
    )
    expect(form.locator("#cif-compare-summary")).to_contain_text("1 dimension moved up a level, 1 down, 1 stayed")


def test_compare_says_what_to_fix_when_nothing_is_chosen(form: Page, framework: Framework) -> None:
    baseline(form, framework)
    form.get_by_role("button", name="Compare", exact=True).click()
    errors = form.locator("#cif-compare-errors")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Choose an assessment to compare with.")
    assert axe_violations(form) == [], "compare error shown"
    form.get_by_label("Compare with").select_option(label="An assessment exported to a file")
    file_input = form.get_by_label("Choose an exported JSON file")
    expect(file_input).to_be_visible()
    form.get_by_role("button", name="Compare", exact=True).click()
    expect(errors).to_contain_text("Select a JSON file exported from this form.")
    file_input.set_input_files(files=[json_file("broken.json", b"{nope")])
    form.get_by_role("button", name="Compare", exact=True).click()
    expect(errors).to_contain_text("could not be read as JSON")
    expect(form.locator("#cif-compare-results")).to_be_hidden()


def test_progress_against_an_exported_file_prints_as_a_short_summary(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script(
        "window.__printed = []; window.print = () => "
        "window.__printed.push(document.documentElement.dataset.cifPrint || 'results');"
    )
    page = open_form(context, built_site)
    baseline(page, framework)
    _, exported = download(page, page.get_by_role("button", name="Export answers (JSON)"))
    # Last year's answers exist only in the file: this device has just the review.
    page.get_by_role("button", name="Delete this assessment").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete assessment").click()
    baseline(page, framework)
    name_assessment(page, "Review <script>window.__hacked = 1</script>", "2027-10-01")
    choose(page, framework.dimensions[0].criteria[0].id, "Leading")
    go_to_hub(page)
    page.get_by_label("Compare with").select_option(label="An assessment exported to a file")
    page.get_by_label("Choose an exported JSON file").set_input_files(files=[json_file("baseline.json", exported)])
    page.get_by_role("button", name="Compare", exact=True).click()
    heading = page.locator("#cif-compare-title")
    expect(heading).to_contain_text("from the file baseline.json")
    expect(heading).to_contain_text("\u201cReview <script>window.__hacked = 1</script>\u201d")
    expect(page.locator("#cif-compare-summary")).to_contain_text(
        "1 dimension moved up a level, 2 stayed at the same level"
    )
    # Nothing from the file was added to the device.
    expect(library(page)).to_have_count(1)

    page.get_by_role("button", name="Print comparison summary").click()
    assert page.evaluate("window.__printed") == ["progress"]
    page.emulate_media(media="print")
    expect(page.locator("fieldset").first).to_be_hidden()
    expect(page.locator("#cif-results")).to_be_hidden()
    expect(page.get_by_role("button", name="Compare", exact=True)).to_be_hidden()
    # One print only: Chromium fires "afterprint" after page.pdf(), which ends the print mode.
    pages, text = pdf_text(page, "progress-comparison.pdf")
    assert 1 <= pages <= 2, f"the printed comparison is {pages} pages"
    assert "Progress over time" in text and "1 dimension moved up a level" in text
    assert "Level of each dimension then and now" in text and "Criteria that moved" in text
    # Long names wrap in the table and the chart: read the text as one line, rejoining hyphenated words.
    assert framework.dimensions[0].title in " ".join(text.split()).replace("- ", "-")
    assert framework.dimensions[0].criteria[1].descriptors[0] not in text, "the questions are not printed"
    assert page.evaluate("window.__hacked") is None

    # Printing the results afterwards prints the results again.
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Print results").click()
    page.emulate_media(media="print")
    expect(page.locator("#cif-results")).to_be_visible()
    expect(page.locator("#cif-compare-results")).to_be_hidden()


# --- Action plan ---------------------------------------------------------------------------------


def test_action_plan_offers_the_next_level_for_the_weakest_criteria_and_keeps_what_you_write(
    form: Page, framework: Framework
) -> None:
    plan = form.locator("#cif-plan")
    plan.scroll_into_view_if_needed()  # with nothing saved, the plan's code loads as it comes into view
    expect(plan).to_contain_text("Set a target level for a dimension")
    baseline(form, framework)
    first, second = framework.dimensions[:2]
    weakest = first.criteria[0]
    # First dimension: every criterion below its target is an item (Emerging, and the Developing ones).
    section = plan.get_by_role("region", name=f"{first.number}. {first.title}")
    expect(section).to_contain_text("Target Embedded")
    item = section.get_by_role("group", name=f"{first.number}.1 {weakest.title}")
    expect(item).to_contain_text("From Emerging to Developing. Work towards:")
    expect(item).to_contain_text(weakest.descriptors[1])
    expect(section.get_by_role("group")).to_have_count(len(first.criteria))
    # Second dimension: every criterion Established, target Embedded: all are the weakest.
    second_section = plan.get_by_role("region", name=f"{second.number}. {second.title}")
    expect(second_section.get_by_role("group")).to_have_count(len(second.criteria))
    expect(second_section).to_contain_text(second.criteria[0].descriptors[3])

    item.get_by_label("Action").fill(HOSTILE)
    item.get_by_label("Owner").fill("Head of quality assurance")
    item.get_by_label("Due date").fill("2027-03-31")
    expect(form.locator(".cif-save-status").first).to_contain_text("Saved on this device")
    assert axe_violations(form) == [], "action plan filled in"
    form.reload()
    expect(form.locator("#cif-results")).to_be_visible()
    expect(item.get_by_label("Action")).to_have_value(HOSTILE)
    expect(item.get_by_label("Owner")).to_have_value("Head of quality assurance")
    expect(item.get_by_label("Due date")).to_have_value("2027-03-31")

    # Answering the weakest criterion better moves the plan on, and what was written stays with it.
    choose(form, weakest.id, "Developing")
    go_to_hub(form)
    expect(section.get_by_role("group")).to_have_count(len(first.criteria))
    expect(section.get_by_role("group", name=f"{first.number}.1 {weakest.title}")).to_contain_text(
        "From Developing to Established"
    )


def test_action_plan_goes_into_exports_comes_back_on_import_and_downloads_as_csv(
    form: Page, framework: Framework
) -> None:
    baseline(form, framework)
    first = framework.dimensions[0]
    weakest = first.criteria[0]
    item = form.locator("#cif-plan").get_by_role("group", name=f"{first.number}.1 {weakest.title}")
    item.get_by_label("Action").fill(HOSTILE)
    item.get_by_label("Owner").fill("+Head of service")
    item.get_by_label("Due date").fill("2027-03-31")

    _, body = download(form, form.get_by_role("button", name="Export answers (JSON)"))
    assert json.loads(body)["assessment"]["plan"] == {
        weakest.id: {"action": HOSTILE, "owner": "+Head of service", "due": "2027-03-31"}
    }

    name, data = download(form, form.get_by_role("button", name="Download action plan (CSV)"))
    assert name == "baseline-autumn-2026-2026-10-01-action-plan.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    row = next(r for r in rows if r["Criterion ID"] == weakest.id)
    assert row["Action"] == "'" + HOSTILE, "a formula is made inert"
    assert row["Owner"] == "'+Head of service"
    assert (row["Level now"], row["Work towards level"], row["Due date"]) == ("Emerging", "Developing", "2027-03-31")
    assert row["What that level looks like"] == weakest.descriptors[1]
    assert len(rows) == len(framework.dimensions[0].criteria) + len(framework.dimensions[1].criteria)

    form.get_by_role("button", name="Start again").click()
    form.get_by_role("button", name="Delete answers and start again").click()
    expect(item).to_have_count(0)
    form.get_by_label("Choose a JSON file exported from this form").set_input_files(
        files=[json_file("plan.json", body)]
    )
    form.get_by_role("button", name="Import answers", exact=True).click()
    expect(banner(form)).to_contain_text("Answers imported")
    expect(item.get_by_label("Action")).to_have_value(HOSTILE)
    expect(item.get_by_label("Due date")).to_have_value("2027-03-31")


def test_action_plan_prints_without_the_questions(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script("window.print = () => {};")
    page = open_form(context, built_site)
    baseline(page, framework)
    first = framework.dimensions[0]
    item = page.locator("#cif-plan").get_by_role("group", name=f"{first.number}.1 {first.criteria[0].title}")
    item.get_by_label("Action").fill("Write the data protection impact assessment policy")
    item.get_by_label("Owner").fill("Head of quality assurance")
    page.get_by_role("button", name="Print action plan").click()
    page.emulate_media(media="print")
    expect(page.locator("fieldset").first).to_be_hidden()
    expect(page.locator("#cif-results")).to_be_hidden()
    expect(page.get_by_role("button", name="Download action plan (CSV)")).to_be_hidden()
    pages, text = pdf_text(page, "action-plan.pdf")
    assert pages <= 3, f"the printed plan is {pages} pages"
    assert "Action plan: Baseline, autumn 2026" in text
    assert "Write the data protection impact assessment policy" in text
    assert "Owner: Head of quality assurance" in text
    assert first.criteria[0].descriptors[1][:40] in " ".join(text.split())


def test_new_views_have_no_wcag_violations_in_the_dark_scheme_or_on_a_phone(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    dark = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    phone = browser.new_context(viewport={"width": 320, "height": 700})
    for name, context in (("dark", dark), ("phone", phone)):
        page = open_form(context, built_site)
        baseline(page, framework)
        copy_for_review(page, framework)
        page.get_by_label("Compare with").select_option(label="Baseline, autumn 2026 (1 October 2026)")
        page.get_by_role("button", name="Compare", exact=True).click()
        expect(page.locator("#cif-compare-results")).to_be_visible()
        assert axe_violations(page) == [], name
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
        page.get_by_role("button", name="Delete this assessment").click()
        assert axe_violations(page) == [], "delete dialog open"
        context.close()


def test_an_assessment_from_an_older_framework_version_is_compared_with_what_could_not_be(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    """An assessment saved on this device against an earlier version of the framework, with an
    answer to a criterion this version does not have: the comparison says so instead of failing."""
    first = framework.dimensions[0]
    older = {
        "id": "a-older",
        "frameworkId": framework.id,
        "frameworkVersion": "0.0.1",
        "name": "Pilot",
        "date": "2025-10-01",
        "updated": "2025-10-01T09:00:00.000Z",
        "answers": {first.criteria[0].id: "emerging", "retired-criterion": "leading"},
    }
    page = open_form(context, built_site)
    seed_storage(page, {STORAGE_KEY: json.dumps({"schemaVersion": 1, "assessments": {"a-older": older}})})
    expect(page.locator("#cif-results")).to_be_visible()
    page.get_by_role("button", name="Start a new assessment").click()
    name_assessment(page, "Now", "2026-10-01")
    choose(page, first.criteria[0].id, "Established")
    go_to_hub(page)
    page.get_by_label("Compare with").select_option(label="Pilot (1 October 2025)")
    page.get_by_role("button", name="Compare", exact=True).click()
    caveats = page.locator("#cif-compare-caveats")
    expect(caveats).to_contain_text("This comparison is not fully like for like")
    expect(caveats).to_contain_text("not compared: \u201cretired-criterion\u201d")
    expect(page.locator("#cif-compare-body tr").first).to_contain_text("Emerging (level 1 of 5)")
    expect(page.locator("#cif-compare-body tr").first).to_contain_text("Established (level 3 of 5)")
    expect(page.locator("#cif-compare-summary")).to_contain_text("1 dimension moved up a level")
    assert axe_violations(page) == []


def test_a_change_is_shown_with_the_levels_it_comes_from_beside_two_equal_full_results(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    """The issue's row: then 2.5 and now 2.3 are both the second level over all answers, but on the
    two criteria answered both times the level went up. The row says so with those two levels, names
    the criterion left out, and the headline counts the one row that shows a level going up."""
    first = framework.dimensions[0]
    low, second, third = (level.id for level in framework.levels[:3])
    label = [level.label for level in framework.levels]
    c1, c2, c3, *rest = (c.id for c in first.criteria)
    out = dict.fromkeys(rest, "not_applicable")  # so the dimension has three applicable criteria

    def record(key: str, name: str, date: str, answers: dict[str, str]) -> dict[str, Any]:
        when = f"{date}T09:00:00.000Z"
        return {"id": key, "frameworkId": framework.id, "frameworkVersion": framework.version, "name": name,
                "date": date, "created": when, "updated": when, "answers": {**answers, **out}}  # fmt: skip

    then = record("a-then", "Baseline", "2026-10-01", {c1: second, c2: third, c3: "not_sure"})
    now = record("a-now", "Review", "2027-10-01", {c1: third, c2: third, c3: low})
    page = open_form(context, built_site)
    seed_storage(page, {STORAGE_KEY: json.dumps({"schemaVersion": 1, "assessments": {"a-then": then, "a-now": now}})})
    expect(page.get_by_label("Assessment name")).to_have_value("Review")
    page.get_by_label("Compare with").select_option(label="Baseline (1 October 2026)")
    page.get_by_role("button", name="Compare", exact=True).click()
    rows = page.get_by_role("table", name="Level of each dimension then and now").locator("tbody tr")
    row = rows.nth(0)
    whole = len(label)  # every result is a whole level, in words with its number
    expect(row.locator("td").nth(0)).to_have_text(f"{label[1]} (level 2 of {whole}), from 2 of 3 criteria")
    expect(row.locator("td").nth(1)).to_have_text(f"{label[1]} (level 2 of {whole}), from 3 of 3 criteria")
    expect(row.locator("td").nth(3)).to_have_text(
        f"Up 1 level. On the 2 criteria answered both times: {label[1]} (level 2 of {whole})"
        f" \u2192 {label[2]} (level 3 of {whole})"
    )
    apart = page.locator(".cif-compare__apart li")
    expect(apart).to_have_text([f"{first.number}.3 {first.criteria[2].title}: Not sure yet then, {label[0]} now"])
    expect(page.locator("#cif-compare-summary")).to_contain_text("1 dimension moved up a level,")
    expect(rows.filter(has_text="Up ")).to_have_count(1)
