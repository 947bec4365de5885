"""The action plan with the team's own actions, and the board report (assess/report.html) with its
PDF and Word download, in real Chromium.

Assessments are seeded through storage (tests.helpers.seed_storage), as an earlier visit would
have left them, so the tests do not depend on which page of the form asks which question. Each
test then acts as a person would: by labels, roles and visible text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import seed_storage
from tests.test_migration_browser import Site

FRAMEWORK_ID = "childrens-information-framework"
STORAGE_KEY = f"cif:{FRAMEWORK_ID}:assessments"
SETTINGS_KEY = f"cif:{FRAMEWORK_ID}:settings"
# Text that must be shown exactly as typed, never run as markup or a spreadsheet formula.
HOSTILE = '=HYPERLINK("http://example.com") <b>not bold</b> \u202eevil\u202c'
EVIDENCE = "Audit of 40 case files, March 2026.\n\nSecond paragraph of evidence."
VIEWS = "Young advisers reviewed the leaflet; parents asked for plainer words."


def level_ids(framework: Framework) -> list[str]:
    return [level.id for level in framework.levels]


def record(framework: Framework, assessment_id: str, **fields: Any) -> dict[str, Any]:
    """A stored assessment as the form saves it (core/storage.mjs), with these fields."""
    base: dict[str, Any] = {
        "id": assessment_id,
        "frameworkId": FRAMEWORK_ID,
        "frameworkVersion": framework.version,
        "name": "",
        "authority": "",
        "date": "2026-10-01",
        "created": "2026-10-01T09:00:00.000Z",
        "updated": "2026-10-01T09:00:00.000Z",
        "answers": {},
        "targets": {},
        "notes": {},
        "plan": {},
    }
    base.update(fields)
    return base


def seed(page: Page, records: list[dict[str, Any]], current: str) -> None:
    store = {"schemaVersion": 1, "assessments": {r["id"]: r for r in records}}
    settings = {"schemaVersion": 1, "currentAssessment": current}
    page.evaluate("id => sessionStorage.clear()")
    seed_storage(page, {STORAGE_KEY: json.dumps(store), SETTINGS_KEY: json.dumps(settings)})


def full_assessment(framework: Framework) -> dict[str, Any]:
    """Every criterion answered; the first dimension as in the issue: Emerging, Embedded, Embedded and
    not applicable with target Established, so its mean meets the target but one criterion does not."""
    levels = level_ids(framework)
    answers: dict[str, str] = {}
    for d_index, dimension in enumerate(framework.dimensions):
        for c_index, criterion in enumerate(dimension.criteria):
            answers[criterion.id] = levels[(d_index + c_index) % len(levels)]
    first = framework.dimensions[0].criteria
    answers[first[0].id] = levels[0]
    for criterion in first[1:3]:
        answers[criterion.id] = levels[3]
    for criterion in first[3:]:
        answers[criterion.id] = "not_applicable"
    return record(
        framework,
        "a-now",
        name=f"Annual review {HOSTILE}",
        authority="Northshire \u05e2\u05d9\u05e8 Council",
        participants="Head of service; data lead; two young advisers",
        date="2026-10-01",
        answers=answers,
        targets={d.id: levels[2] for d in framework.dimensions},
        notes={framework.dimensions[0].id: {"evidence": EVIDENCE, "views": VIEWS}},
        plan={first[0].id: {"action": "Write the consent policy", "owner": "Data lead", "due": "2027-03-31"}},
        actions=[
            {
                "id": "act-1",
                "criterion": "",
                "action": f"Brief the board {HOSTILE}",
                "owner": "Director",
                "due": "2027-01-15",
                "priority": "high",
                "status": "in-progress",
                "progress": "Paper drafted",
            }
        ],
    )


def earlier_assessment(framework: Framework) -> dict[str, Any]:
    levels = level_ids(framework)
    answers = {c.id: levels[0] for d in framework.dimensions for c in d.criteria}
    return record(
        framework, "a-then", name="Baseline 2025", authority="Northshire Council", date="2025-10-01", answers=answers
    )


def open_page(context: BrowserContext, site: Path, name: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto((site / "assess" / name).as_uri())
    return page, errors


def open_report(
    context: BrowserContext, site: Path, framework: Framework, records: list[dict[str, Any]]
) -> tuple[Page, list[str]]:
    page, errors = open_page(context, site, "report.html")
    seed(page, records, records[0]["id"])
    expect(page.locator("#cif-report")).to_be_visible()
    return page, errors


def plan_section(page: Page) -> Any:
    plan = page.locator("#cif-plan")
    expect(plan.get_by_role("button", name="Add an action")).to_be_enabled()
    return plan


def stored(page: Page, assessment_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))
    result: dict[str, Any] = data["assessments"][assessment_id]
    return result


def download_text(page: Page, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    path = download.path()
    assert path is not None
    return download.suggested_filename, Path(path).read_text(encoding="utf-8-sig")


# --- The action plan -----------------------------------------------------------------------------


def test_own_actions_are_added_edited_saved_reloaded_exported_and_removed(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_page(context, built_site, "index.html")
    seed(page, [full_assessment(framework)], "a-now")
    plan = plan_section(page)
    # The seeded own action and the suggestion's entry show as typed.
    first = plan.locator(".cif-plan__own").first
    expect(first.get_by_role("textbox", name=re.compile("^Action for action 1"))).to_have_value(
        f"Brief the board {HOSTILE}"
    )

    plan.get_by_role("button", name="Add an action").click()
    second = plan.locator(".cif-plan__own").nth(1)
    action_box = second.get_by_role("textbox", name=re.compile("^Action for action 2"))
    expect(action_box).to_be_focused()
    action_box.fill("Run a workshop with young advisers")
    second.get_by_label(re.compile("^Owner")).fill("Participation lead")
    second.get_by_label(re.compile("^Due date")).fill("2027-02-28")
    second.get_by_label(re.compile("^Priority")).select_option(label="Medium")
    second.get_by_label(re.compile("^Status")).select_option(label="In progress")
    second.get_by_label(re.compile("^Progress note")).fill("Venue booked")
    criterion = framework.dimensions[1].criteria[0]
    second.get_by_label(re.compile("^About")).select_option(value=criterion.id)
    # A suggestion's status and progress note.
    suggested = plan.locator(".cif-plan__item", has_text=framework.dimensions[0].criteria[0].title).first
    suggested.get_by_label(re.compile("^Status")).select_option(label="Done")
    suggested.get_by_label(re.compile("^Progress note")).fill("Approved by the board")

    page.reload()
    plan = plan_section(page)
    second = plan.locator(".cif-plan__own").nth(1)
    expect(second.get_by_label(re.compile("^Owner"))).to_have_value("Participation lead")
    expect(second.get_by_label(re.compile("^Priority"))).to_have_value("medium")
    expect(second.get_by_label(re.compile("^Status"))).to_have_value("in-progress")
    expect(second.get_by_label(re.compile("^Progress note"))).to_have_value("Venue booked")
    expect(second.get_by_label(re.compile("^About"))).to_have_value(criterion.id)
    saved = stored(page, "a-now")
    assert [a["action"] for a in saved["actions"]] == [
        f"Brief the board {HOSTILE}",
        "Run a workshop with young advisers",
    ]
    first_id = framework.dimensions[0].criteria[0].id
    assert saved["plan"][first_id]["status"] == "done"

    # JSON export holds the actions, and imports back (read through the file's text).
    _, text = download_text(page, "Export answers (JSON)")
    exported = json.loads(text)["assessment"]
    assert exported["actions"][1]["due"] == "2027-02-28"
    assert exported["plan"][first_id]["progress"] == "Approved by the board"

    # The plan's spreadsheet: every action with its fields, formulas made inert.
    name, text = download_text(page, "Download action plan (CSV)")
    assert name.endswith("-action-plan.csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    own = [row for row in rows if row["Source"].startswith("Own")]
    assert [row["Action"] for row in own] == [f"Brief the board {HOSTILE}", "Run a workshop with young advisers"]
    assert (
        own[1]["Priority"] == "Medium"
        and own[1]["Status"] == "In progress"
        and own[1]["Progress note"] == "Venue booked"
    )
    assert own[1]["Criterion ID"] == criterion.id
    done = [row for row in rows if row["Criterion ID"] == first_id and row["Source"] == "Suggested"]
    assert done and done[0]["Status"] == "Done" and done[0]["Owner"] == "Data lead"

    # Removing an action.
    plan.locator(".cif-plan__own").first.get_by_role("button", name="Remove action 1").click()
    expect(plan.locator(".cif-plan__own")).to_have_count(1)
    expect(page.get_by_role("button", name="Add an action")).to_be_focused()
    assert [a["action"] for a in stored(page, "a-now")["actions"]] == ["Run a workshop with young advisers"]
    assert errors == []


def test_an_action_changed_in_another_window_is_shown_here(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    here, errors = open_page(context, built_site, "index.html")
    seed(here, [full_assessment(framework)], "a-now")
    there, _ = open_page(context, built_site, "index.html")
    owner = re.compile("^Owner for action 1")
    plan_section(there).get_by_role("textbox", name=owner).fill("Changed in the other window")
    expect(plan_section(here).get_by_role("textbox", name=owner)).to_have_value("Changed in the other window")
    assert errors == []


def test_the_plan_lists_every_criterion_below_target_even_when_its_dimension_meets_it(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_page(context, built_site, "index.html")
    seed(page, [full_assessment(framework)], "a-now")
    plan = plan_section(page)
    dimension = framework.dimensions[0]
    section = plan.locator(".cif-plan__section", has=page.get_by_role("heading", name=f"1. {dimension.title}"))
    # Emerging (1), Embedded (4), Embedded (4): the mean meets the target Established (3), but the
    # Emerging criterion is still in the plan; the Embedded ones are not.
    expect(section.get_by_role("heading", name=f"1.1 {dimension.criteria[0].title}")).to_be_visible()
    expect(section.get_by_role("heading", name=f"1.2 {dimension.criteria[1].title}")).to_have_count(0)
    expect(plan).to_contain_text("The plan lists every criterion answered below its dimension's target level")
    expect(plan.locator("#cif-plan-basis")).to_have_text("")
    assert errors == []


def test_with_no_targets_the_plan_suggests_the_lowest_answers_and_says_so(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    levels = level_ids(framework)
    answers = {c.id: levels[2] for d in framework.dimensions for c in d.criteria}
    low = framework.dimensions[2].criteria[1]
    answers[low.id] = levels[1]
    page, errors = open_page(context, built_site, "index.html")
    seed(page, [record(framework, "a-now", name="No targets", answers=answers)], "a-now")
    plan = plan_section(page)
    expect(plan.locator("#cif-plan-basis")).to_contain_text(
        "No target levels are set, so the plan suggests the criteria answered at the lowest level"
    )
    items = plan.locator(".cif-plan__section .cif-plan__item")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text(low.title)
    assert errors == []


def test_an_old_record_without_the_new_fields_still_loads(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    old = full_assessment(framework)
    del old["actions"], old["participants"]
    first_id = framework.dimensions[0].criteria[0].id
    old["plan"] = {first_id: {"action": "Old action", "owner": "Old owner", "due": "2026-12-01"}}
    page, errors = open_page(context, built_site, "index.html")
    seed(page, [old], "a-now")
    plan = plan_section(page)
    item = plan.locator(".cif-plan__item", has_text=framework.dimensions[0].criteria[0].title).first
    expect(item.get_by_label(re.compile("^Owner"))).to_have_value("Old owner")
    expect(item.get_by_label(re.compile("^Status"))).to_have_value("not-started")
    expect(plan.locator(".cif-plan__own")).to_have_count(0)
    report, report_errors = open_page(context, built_site, "report.html")
    expect(report.locator("#cif-report-plan")).to_contain_text("Old action")
    expect(report.locator("#cif-report-participants-row")).to_be_hidden()
    assert errors == [] and report_errors == []


# --- The board report ------------------------------------------------------------------------------


def test_the_form_links_to_the_report_near_the_results(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, _ = open_page(context, built_site, "index.html")
    seed(page, [full_assessment(framework)], "a-now")
    link = page.locator("#cif-results").get_by_role("link", name="Open the board report")
    link.click()
    expect(page).to_have_url(re.compile(r"assess/report\.html$"))
    expect(page.locator("#cif-report-title")).to_have_text(f"Annual review {HOSTILE}")


def test_the_report_holds_everything_for_the_board(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_report(
        context, built_site, framework, [full_assessment(framework), earlier_assessment(framework)]
    )
    report = page.locator("#cif-report")
    # The cover: text exactly as typed, names isolated.
    expect(page.locator("#cif-report-title bdi")).to_have_text(f"Annual review {HOSTILE}")
    expect(page.locator("#cif-report-authority bdi")).to_have_text("Northshire \u05e2\u05d9\u05e8 Council")
    expect(page.locator("#cif-report-participants")).to_have_text("Head of service; data lead; two young advisers")
    expect(page.locator("#cif-report-date")).to_have_text("1 October 2026")
    assert page.locator("#cif-report b").count() == 0
    expect(report.locator(".fw-scoring-rule")).to_contain_text("Each level has a number")
    # The summary, the chart and its table with coverage.
    total = sum(len(d.criteria) for d in framework.dimensions)
    expect(page.locator("#cif-report-summary")).to_contain_text(
        f"{total} of {total} criteria answered (2 Not applicable)"
    )
    expect(page.locator("#cif-report-chart svg")).to_have_count(1)
    rows = page.get_by_role("table", name="Score, level and target for each dimension").locator("tbody tr")
    expect(rows).to_have_count(len(framework.dimensions))
    # The first dimension: Emerging, Embedded, Embedded, so its Emerging criterion is a weak spot,
    # named beside its level.
    first_criterion = framework.dimensions[0].criteria[0]
    expect(rows.first).to_contain_text("from 3 of 3 criteria; 2 Not applicable")
    expect(rows.first).to_contain_text(f"Established. Weak spot: 1.1 {first_criterion.title}, Emerging.")
    # Every dimension: level, coverage, target, evidence and views; every criterion's answer.
    dims = page.locator("#cif-report-dimensions")
    for dimension in framework.dimensions:
        expect(dims.get_by_role("heading", name=f"{dimension.number}. {dimension.title}", exact=True)).to_be_visible()
        for criterion in dimension.criteria:
            expect(dims.locator("th", has_text=criterion.title).first).to_be_visible()
    expect(dims).to_contain_text("Audit of 40 case files, March 2026.")
    expect(dims).to_contain_text("Second paragraph of evidence.")
    expect(dims).to_contain_text(VIEWS)
    expect(dims.locator("dd", has_text="Not set")).to_have_count(0)
    first = framework.dimensions[0]
    answers = dims.get_by_role("table", name=f"Answer to each criterion of 1. {first.title}")
    expect(answers.get_by_role("row", name=re.compile(re.escape(first.criteria[0].title)))).to_contain_text(
        framework.levels[0].label
    )
    expect(answers.get_by_role("row", name=re.compile(re.escape(first.criteria[3].title)))).to_contain_text(
        "Not applicable"
    )
    # The action plan: suggestion and own action with every field.
    plan = page.locator("#cif-report-plan")
    expect(plan).to_contain_text("Write the consent policy")
    expect(plan).to_contain_text(f"Brief the board {HOSTILE}")
    expect(plan.get_by_role("row", name=re.compile("Brief the board"))).to_contain_text("In progress")
    expect(plan.get_by_role("row", name=re.compile("Brief the board"))).to_contain_text("Paper drafted")
    # Progress since an earlier assessment the user picks.
    progress = page.locator("#cif-report-progress")
    expect(progress).to_contain_text("No earlier assessment was chosen")
    page.get_by_label("Show progress since").select_option(label="\u2068Baseline 2025\u2069, 1 October 2025")
    expect(progress.locator("bdi")).to_have_text("Baseline 2025")
    expect(progress.get_by_role("table", name="Each dimension then and now").locator("tbody tr")).to_have_count(
        len(framework.dimensions)
    )
    # Like for like: the first dimension's criteria marked "Not applicable" now had a level then, so
    # they are listed apart and left out of its change.
    apart = progress.get_by_role("table", name="Criteria answered with a level in only one of the two")
    not_applicable_now = framework.dimensions[0].criteria[3]
    expect(apart.get_by_role("row", name=re.compile(re.escape(not_applicable_now.title)))).to_contain_text(
        "Not applicable"
    )
    expect(progress.get_by_role("table", name="Each dimension then and now")).to_contain_text("answered both times")
    expect(progress.get_by_role("columnheader")).to_have_text(
        [
            "Dimension",
            "Result then (all its answers then)",
            "Result now (all its answers now)",
            "Change, on the criteria answered with a level both times",
            "Criterion",
            "Answer then",
            "Answer now",
        ]
    )
    assert errors == []


def test_the_report_prints_on_a4_with_a_cover_page_numbers_notes_views_and_plan(
    context: BrowserContext, built_site: Path, framework: Framework, tmp_path: Path
) -> None:
    page, _ = open_report(context, built_site, framework, [full_assessment(framework), earlier_assessment(framework)])
    page.get_by_label("Show progress since").select_option(index=1)
    expect(page.locator("#cif-report-progress").get_by_role("table", name="Each dimension then and now")).to_have_count(
        1
    )
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 3
    for p in reader.pages:  # A4, 210 by 297 mm, within half a millimetre (Chromium rounds to whole pixels)
        width, height = (float(side) * 25.4 / 72 for side in (p.mediabox.width, p.mediabox.height))
        assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5, (width, height)
    text = "\n".join(pages)
    squashed = re.sub(r"\s+", " ", text)
    # The cover is alone on page 1, without a page number; later pages are numbered.
    assert "Annual review" in pages[0] and "Who took part" in pages[0]
    assert "Summary" in pages[0] and "Results" not in pages[0] and "Page 1 of" not in pages[0]
    # The chart and its table share page 2.
    assert "Level of each dimension, with its target" in pages[1] and "Score, level and target" in pages[1]
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    for expected in [
        "Audit of 40 case files",
        "Second paragraph of evidence",
        "Young advisers reviewed the leaflet",
        "Write the consent policy",
        "Brief the board",
        "Paper drafted",
        "Each dimension then and now",
    ]:
        assert expected in squashed, expected
    # No control of the page (buttons, the picker) is printed.
    assert "Download as Word" not in squashed and "Show progress since" not in squashed
    # No page is left mostly empty before the last: each has a fair amount of text.
    for number, content in enumerate(pages[1:-1], start=2):
        assert len(content) > 600, f"page {number} is nearly empty"


def test_the_report_downloads_as_a_word_document(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_report(
        context, built_site, framework, [full_assessment(framework), earlier_assessment(framework)]
    )
    # The Word writer loads only when asked for (with the comparison, as progress is shown).
    assert page.locator("script[src*='assess-report-more']").count() == 0
    page.get_by_label("Show progress since").select_option(index=1)
    expect(page.locator("#cif-report-progress bdi")).to_have_text("Baseline 2025")
    assert page.locator("script[src*='assess-report-more']").count() == 1
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Word (.docx)").click()
    download = info.value
    assert re.fullmatch(r"annual-review-[a-z0-9-]+-2026-10-01-board-report\.docx", download.suggested_filename)
    expect(page.locator("#cif-report-status")).to_contain_text("downloaded as the Word document")
    path = download.path()
    assert path is not None
    document = docx.Document(str(path))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    names = [text for _, text in headings]
    for part in ["How the levels are worked out", "Summary", "Results", "Each dimension", "Action plan", "Progress"]:
        assert ("Heading 1", part) in headings, part
    for dimension in framework.dimensions:
        assert f"{dimension.number}. {dimension.title}" in names
    # The notes under the framework's own headings ("Evidence notes", "Children's and families' views").
    assert [field.column for field in framework.notes] == ["Evidence notes", "Children's and families' views"]
    for field in framework.notes:
        assert names.count(field.column) == len(framework.dimensions)
    # Names isolated (FSI ... PDI) as the page isolates them in <bdi>.
    title = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Title"]
    assert title == [f"\u2068Annual review {HOSTILE}\u2069"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Audit of 40 case files, March 2026." in body and "Second paragraph of evidence." in body
    assert VIEWS in body
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    facts = {row[0]: row[1] for row in cells if len(row) == 2}
    assert facts["Who took part"] == "\u2068Head of service; data lead; two young advisers\u2069"
    assert facts[framework.terms.organisation_label] == "\u2068Northshire \u05e2\u05d9\u05e8 Council\u2069"
    for dimension in framework.dimensions:
        for index, criterion in enumerate(dimension.criteria, start=1):
            assert any(row[0] == f"{dimension.number}.{index} {criterion.title}" for row in cells), criterion.id
    plan_rows = [row for row in cells if len(row) == 8]
    assert any(
        row[1] == f"Brief the board {HOSTILE}" and row[5] == "In progress" and row[6] == "Paper drafted"
        for row in plan_rows
    )
    assert any(row[1] == "Write the consent policy" and row[2] == "Data lead" for row in plan_rows)
    # Progress then and now, each change with the like-for-like levels it comes from.
    assert [
        "Dimension",
        "Result then (all its answers then)",
        "Result now (all its answers now)",
        "Change, on the criteria answered with a level both times",
    ] in cells
    first = framework.dimensions[0]
    assert [row for row in cells if len(row) == 4 and row[0].startswith("1. ")] == [
        [
            f"1. {first.title}",
            "Emerging (level 1 of 5), from 5 of 5 criteria",
            "Established (level 3 of 5), from 3 of 3 criteria",
            "Up 2 levels. On the 3 criteria answered both times: Emerging (level 1 of 5)"
            " \u2192 Established (level 3 of 5)",
        ]
    ]
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert errors == []


def issue_examples(framework: Framework) -> tuple[dict[str, Any], dict[str, Any]]:
    """Issue 22's examples on the shipped framework, now and then. Now: dimension 1 has one Leading and
    the rest "Not sure yet" (low coverage: the old report called it strongest); dimension 2 is
    Embedded with an Emerging weak spot; dimension 3 is all "Not applicable"; dimension 4 is Then
    Developing from 2 of 3 criteria, Now Developing from 3 of 3, up a level on the 2
    criteria answered both times; the rest are not answered."""
    levels = {level.label: level.id for level in framework.levels}
    one, two, three, four = (d.criteria for d in framework.dimensions[:4])
    now: dict[str, str] = {one[0].id: levels["Leading"]}
    now |= {c.id: "not_sure" for c in one[1:]}
    now |= {c.id: levels["Leading"] for c in two[:3]} | {two[3].id: levels["Emerging"]}
    now |= {c.id: "not_applicable" for c in three}
    now |= {four[0].id: levels["Established"], four[1].id: levels["Established"], four[2].id: levels["Emerging"]}
    now[four[3].id] = "not_applicable"
    then = {four[0].id: levels["Developing"], four[1].id: levels["Established"], four[2].id: "not_sure"}
    then[four[3].id] = "not_applicable"
    later = record(framework, "a-now", name="Review 2026", answers=now)
    earlier = record(framework, "a-then", name="Baseline 2025", date="2025-10-01", answers=then)
    return later, earlier


def test_the_report_leads_with_the_truth_on_screen_and_in_the_word_file(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_report(context, built_site, framework, list(issue_examples(framework)))
    one, two, three, four = framework.dimensions[:4]
    total = sum(len(d.criteria) for d in framework.dimensions)
    without = [f"{d.number}. {d.title} (No result yet)" for d in framework.dimensions[4:]]
    summary = [
        f"14 of {total} criteria answered (6 Not applicable), 4 Not sure yet, {total - 18} not answered; "
        f"3 of {len(framework.dimensions)} dimensions have a result.",
        f"Without a result: 3. {three.title} (Not applicable), {', '.join(without)}.",
        f"Low coverage (from fewer than half of their criteria): 1. {one.title}.",
        f"Strongest dimension: 2. {two.title} (Embedded (level 4 of 5); "
        f"weak spot: 2.4 {two.criteria[3].title}, Emerging).",
        f"Weakest dimension: 4. {four.title} (Developing (level 2 of 5)).",
        "No target levels are set.",
    ]
    expect(page.locator("#cif-report-summary p")).to_have_text(summary)
    table = page.get_by_role("table", name="Score, level and target for each dimension")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Dimension", "Score", "Level and weak spots", "Target", "Coverage"]
    )
    expected_rows = [
        [
            f"1. {one.title}",
            "Level 5 of 5",
            "Leading (low coverage)",
            "Not set",
            "from 1 of 5 criteria (low coverage); 4 Not sure yet",
        ],
        [
            f"2. {two.title}",
            "Level 4 of 5",
            f"Embedded. Weak spot: 2.4 {two.criteria[3].title}, Emerging.",
            "Not set",
            "from 4 of 4 criteria",
        ],
        [f"3. {three.title}", "\u2013", "Not applicable", "Not set", f"{len(three.criteria)} Not applicable"],
        [f"4. {four.title}", "Level 2 of 5", "Developing", "Not set", "from 3 of 3 criteria; 1 Not applicable"],
    ]
    for index, cells in enumerate(expected_rows):
        expect(table.locator("tbody tr").nth(index).locator("th, td")).to_have_text(cells)
    page.get_by_label("Show progress since").select_option(label="\u2068Baseline 2025\u2069, 1 October 2025")
    progress = page.locator("#cif-report-progress")
    changes = progress.get_by_role("table", name="Each dimension then and now")
    expect(changes.locator("tbody tr").nth(3).locator("th, td")).to_have_text(
        [
            f"4. {four.title}",
            "Developing (level 2 of 5), from 2 of 3 criteria",
            "Developing (level 2 of 5), from 3 of 3 criteria",
            "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5)"
            " \u2192 Established (level 3 of 5)",
        ]
    )
    # The headline counts the same rows: one up, the other nine not compared.
    expect(progress.locator("p").first).to_contain_text(": 1 dimension moved up a level, on the criteria answered")
    expect(changes.locator("tbody tr td:nth-child(4)", has_text=re.compile("^Up "))).to_have_count(1)
    expect(changes.locator("tbody tr td:nth-child(4)", has_text=re.compile("^Not compared"))).to_have_count(9)
    apart = progress.get_by_role("table", name="Criteria answered with a level in only one of the two")
    left_out = apart.locator("tbody tr", has=page.locator("th", has_text=f"4.3 {four.criteria[2].title}"))
    expect(left_out.locator("th, td")).to_have_text([f"4.3 {four.criteria[2].title}", "Not sure yet", "Emerging"])
    # The Word file says the same.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Word (.docx)").click()
    path = info.value.path()
    assert path is not None
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Summary") + 1
    assert paragraphs[start : start + len(summary)] == summary
    word_cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    for row in expected_rows:
        assert row in word_cells, row
    assert [
        f"4. {four.title}",
        "Developing (level 2 of 5), from 2 of 3 criteria",
        "Developing (level 2 of 5), from 3 of 3 criteria",
        "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5)"
        " \u2192 Established (level 3 of 5)",
    ] in word_cells
    assert not any("Up 1 level (" in cell for row in word_cells for cell in row)
    assert errors == []


def test_with_none_open_the_report_shows_the_latest_changed(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page, errors = open_page(context, built_site, "report.html")
    latest = full_assessment(framework)
    latest["updated"] = "2026-11-01T09:00:00.000Z"
    store = {"schemaVersion": 1, "assessments": {r["id"]: r for r in [earlier_assessment(framework), latest]}}
    seed_storage(page, {STORAGE_KEY: json.dumps(store)})
    expect(page.locator("#cif-report-title")).to_have_text(f"Annual review {HOSTILE}")
    expect(page.get_by_label("Show progress since").locator("option")).to_have_count(2)
    assert errors == []


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [({"width": 320, "height": 640}, "light"), ({"width": 1280, "height": 900}, "dark")],
)
def test_no_accessibility_violations_in_the_report_and_the_plan(
    browser: Browser, built_site: Path, framework: Framework, viewport: dict[str, int], scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page, _ = open_report(
            context, built_site, framework, [full_assessment(framework), earlier_assessment(framework)]
        )
        page.get_by_label("Show progress since").select_option(index=1)
        expect(
            page.locator("#cif-report-progress").get_by_role("table", name="Each dimension then and now")
        ).to_have_count(1)
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        form, _ = open_page(context, built_site, "index.html")
        plan_section(form).scroll_into_view_if_needed()
        assert axe_violations(form) == []
    finally:
        context.close()


# --- Across a framework version ----------------------------------------------------------------------


@pytest.fixture
def versioned(tmp_path: Path) -> Iterator[tuple[Site, str]]:
    built = Site(tmp_path)
    built.build("v1.yml")
    with serve(built.folder) as url:
        yield built, url


def test_the_plan_is_carried_across_a_framework_version(context: BrowserContext, versioned: tuple[Site, str]) -> None:
    built, url = versioned
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto(url + "assess/index.html")
    v1 = {
        "id": "a-v1",
        "frameworkId": "versioned",
        "frameworkVersion": "1.0",
        "name": "Made with version 1",
        "authority": "",
        "date": "2026-01-10",
        "created": "2026-01-10T09:00:00.000Z",
        "updated": "2026-01-10T09:00:00.000Z",
        "answers": {"keep": "low", "old-name": "low", "dropped": "low"},
        "targets": {"alpha": "high"},
        "notes": {},
        "plan": {
            "old-name": {"action": "Rename the process", "owner": "Ops", "due": ""},
            "dropped": {"action": "Stop the old survey", "owner": "Data lead", "due": "2026-06-30"},
        },
        "actions": [
            {"id": "act-a", "criterion": "old-name", "action": "Follow the renamed criterion", "owner": "", "due": ""},
            {"id": "act-b", "criterion": "dropped", "action": "About a removed criterion", "owner": "", "due": ""},
        ],
    }
    store = {"schemaVersion": 1, "assessments": {"a-v1": v1}}
    settings = {"schemaVersion": 1, "currentAssessment": "a-v1"}
    seed_storage(page, {"cif:versioned:assessments": json.dumps(store), "cif:versioned:settings": json.dumps(settings)})
    expect(page.locator("#cif-plan-add")).to_be_enabled()
    built.build("v2.yml")
    page.reload()
    plan = plan_section(page)
    own = plan.locator(".cif-plan__own")
    # An own action about a renamed criterion follows it; one about a removed criterion is kept and
    # marked; the plan entry of a removed criterion becomes an own action, marked the same way.
    expect(own).to_have_count(3)
    expect(own.nth(0).get_by_label(re.compile("^About"))).to_have_value("new-name")
    expect(own.nth(1)).to_contain_text(
        "Was about criterion \u201cdropped\u201d, which this version of the framework no longer has."
    )
    expect(own.nth(1).get_by_role("textbox", name=re.compile("^Action for"))).to_have_value("About a removed criterion")
    expect(own.nth(2)).to_contain_text("Was about criterion \u201cdropped\u201d")
    expect(own.nth(2).get_by_role("textbox", name=re.compile("^Action for"))).to_have_value("Stop the old survey")
    expect(own.nth(2).get_by_label(re.compile("^Due date"))).to_have_value("2026-06-30")
    # The suggestion's entry moved with its renamed criterion.
    renamed = plan.locator(".cif-plan__section .cif-plan__item", has_text="Renamed")
    expect(renamed.get_by_role("textbox", name=re.compile("^Action for"))).to_have_value("Rename the process")
    assert errors == []
