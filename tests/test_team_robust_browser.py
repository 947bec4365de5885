"""The team view (assess/team.html) never loses what a person did, and stays usable with many files
(issue 23, items 3, 5 and 6), in real Chromium from disk: a note rewritten in the form survives
"Save again" and the page says so; everyone added comes back after a reload; a tab whose storage is
full says so at once, offers ways to keep the work, and a reload does not pass off older work as
current; a thousand exports give a page of bounded size on which the team can still agree a level.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.helpers import REPO, go_to_step
from tests.test_team_browser import CHOOSER, answers_of, criteria_ids, export, open_team

PEOPLE_LIST = "#cif-team-people > li"


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


def many_files(fw: dict[str, Any], folder: Path, count: int) -> list[Path]:
    """`count` exports, each from its own authority, at levels that differ between them."""
    levels = [lv["id"] for lv in fw["levels"]]
    paths = []
    for n in range(count):
        answers = {cid: levels[(n + c) % len(levels)] for c, cid in enumerate(criteria_ids(fw))}
        data = json.loads(export(fw, f"Review {n + 1}", answers))
        data["assessment"]["authority"] = f"Authority {n + 1}"
        path = folder / f"person-{n + 1}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def three_files(fw: dict[str, Any], folder: Path) -> list[Path]:
    paths = []
    for i, levels in enumerate([(1, 2, 2), (4, 2, 2), (2, 4, 4)]):
        path = folder / f"person-{i + 1}.json"
        path.write_text(export(fw, f"Person {i + 1}", answers_of(fw, *levels)), encoding="utf-8")
        paths.append(path)
    return paths


def saved_record(page: Page, fw: dict[str, Any]) -> dict[str, Any]:
    records: list[dict[str, Any]] = page.evaluate(
        "id => Object.values(JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments)", fw["id"]
    )
    assert len(records) == 1
    return records[0]


# --- Item 3: Save again never writes over what was typed in the form ------------------------------


def test_a_note_rewritten_in_the_form_survives_saving_again_and_the_page_says_so(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    dimension = fw["dimensions"][0]
    page, _ = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three_files(fw, tmp_path))
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][1]["id"])
    page.get_by_label("Note on the discussion of 1.1 (optional)").fill("First talk.")
    page.get_by_role("button", name="Save as the team's assessment").click()
    expect(page.locator("#cif-team-saved")).to_contain_text("Saved: the team's assessment")

    # In the form, someone rewrites the dimension's evidence note the team view wrote.
    page.get_by_role("link", name="Open the team's assessment in the form").click()
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    go_to_step(page, dimension["id"])
    evidence = page.get_by_label(f"Evidence for your judgement on {dimension['name']}")
    expect(evidence).to_have_value(re.compile("First talk"))
    typed = "Rewritten in the form: the audit of case files is what counts."
    evidence.fill(typed)
    page.wait_for_function(
        "([id, dim, text]) => Object.values(JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments)"
        ".some(r => r.notes[dim] && r.notes[dim].evidence === text)",
        arg=[fw["id"], dimension["id"], typed],
    )

    # Back in the team view, a second level is agreed with a note, and the team saves again.
    page.goto((built_site / "assess" / "team.html").as_uri())
    page.get_by_label("Agreed level for 1.2").select_option(fw["levels"][3]["id"])
    page.get_by_label("Note on the discussion of 1.2 (optional)").fill("Second talk.")
    page.get_by_role("button", name="Save as the team's assessment").click()
    saved = page.locator("#cif-team-saved")
    expect(saved).to_contain_text("Saved again")
    note = saved_record(page, fw)["notes"][dimension["id"]]["evidence"]
    assert note.startswith(typed + "\n\n"), note
    assert "Second talk." in note
    assert "First talk." not in note, "the line the person rewrote is not put back"
    expect(page.locator("#cif-team-kept-edits")).to_have_text(
        "Changes made in the form since the last save were kept, not written over: the note \u201cEvidence for "
        f"your judgement\u201d on {dimension['number']}. {dimension['name']} (the discussion's new lines are added "
        "after what was typed in the form)."
    )

    # The form shows what was typed there, with the new discussion after it.
    page.get_by_role("link", name="Open the team's assessment in the form").click()
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    go_to_step(page, dimension["id"])
    expect(page.get_by_label(f"Evidence for your judgement on {dimension['name']}")).to_have_value(note)


# --- Item 5: what is added is what comes back; a failed write is said at once -----------------------


def test_everyone_added_comes_back_after_a_reload(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    page, _ = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(many_files(fw, tmp_path, 65))
    expect(page.locator("#cif-team-summary")).to_contain_text("65 people in the team view.")
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][2]["id"])
    page.reload()
    expect(page.locator("#cif-team-summary")).to_contain_text("65 people in the team view.")
    expect(page.locator("#cif-team-participants")).to_contain_text("65 people (each is in the list of people above")
    expect(page.get_by_label("Agreed level for 1.1")).to_have_value(fw["levels"][2]["id"])
    # The list shows people 50 at a time; the rest are a button away.
    expect(page.locator(PEOPLE_LIST)).to_have_count(50)
    page.get_by_role("button", name="Show 15 more of the 65 people (15 not shown)").click()
    expect(page.locator(PEOPLE_LIST)).to_have_count(65)
    expect(page.get_by_label("Name of person 51")).to_be_focused()
    expect(page.get_by_label("Name of person 65")).to_have_value("Review 65")


FILL_TAB_STORAGE = """() => {
  let size = 1 << 20;
  let n = 0;
  while (size >= 1) {
    try { sessionStorage.setItem(`filler-${n}`, "x".repeat(size)); n += 1; } catch { size = Math.floor(size / 2); }
  }
}"""


def test_a_full_tab_is_said_at_once_the_work_can_be_kept_and_a_reload_does_not_pass_off_older_work(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    ids = criteria_ids(fw)
    page, _ = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three_files(fw, tmp_path))
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][1]["id"])
    keep = page.locator("#cif-team-keep")
    expect(keep).to_be_hidden()

    page.evaluate(FILL_TAB_STORAGE)
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][3]["id"])
    page.get_by_label("Note on the discussion of 1.1 (optional)").fill("Agreed once the audit was read out.")
    alert = page.get_by_role("alert").filter(has_text="could not be kept")
    expect(alert).to_have_text(
        "Your latest changes could not be kept in this browser tab: its storage is full. They are still on this "
        "page, but would be lost if the page were reloaded or closed. Keep them now: save the team's assessment on "
        "this device, or download it as a file the form can open."
    )
    assert axe_violations(page) == []
    # Kept as a file the form opens...
    with page.expect_download() as info:
        keep.get_by_role("button", name="Download the team's assessment").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["assessment"]["answers"] == {ids[0]: fw["levels"][3]["id"]}
    assert "Agreed once the audit was read out." in data["assessment"]["notes"][fw["dimensions"][0]["id"]]["evidence"]
    # ...or saved on this device, beside the form's assessments.
    keep.get_by_role("button", name="Save the team's assessment now").click()
    expect(page.locator("#cif-team-saved")).to_contain_text("Saved: the team's assessment")
    assert saved_record(page, fw)["answers"] == {ids[0]: fw["levels"][3]["id"]}

    # A reload cannot bring back the latest work; it says so rather than showing older work as if current.
    page.reload()
    expect(page.locator("#cif-team-keep")).to_be_visible()
    expect(page.locator("#cif-team-keep-text")).to_contain_text("This tab could not keep the work on this page after ")
    expect(page.locator("#cif-team-keep-text")).to_contain_text(
        "so the reload could not bring it back. Add people's answers again."
    )
    expect(page.locator(PEOPLE_LIST)).to_have_count(0)


# --- Item 6: a thousand exports, a page of bounded size that still answers -------------------------


def test_a_thousand_exports_give_a_page_of_bounded_size_that_still_answers(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    ids = criteria_ids(fw)
    page, seen = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(many_files(fw, tmp_path, 1000))
    expect(page.locator("#cif-team-summary")).to_contain_text("1000 people in the team view.", timeout=300_000)
    expect(page.locator("#cif-team-announcer")).to_contain_text("1000 people added.")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    # One row per answer given, not per person: the page's size does not grow with the people.
    assert elements < 8000, f"{elements} elements for 1,000 people"
    first = page.locator(f"#cif-team-c-{ids[0]}")
    counts = first.locator("table").first
    expect(counts.locator("caption")).to_have_text("How many people gave each answer to 1.1")
    expect(counts.locator("tbody tr")).to_have_count(len(fw["levels"]))
    expect(counts.locator("tbody tr").first).to_have_text(re.compile(rf"{fw['levels'][0]['label']}\s*200"))

    # The team can still agree a level, and see who gave which answer when asked.
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][2]["id"])
    expect(page.locator("#cif-team-save-summary")).to_contain_text(
        f"Agreed levels: 1 of {len(ids)} criteria answered, {len(ids) - 1} not answered."
    )
    first.get_by_text("Who gave each answer").click()
    expect(first.locator("details table tbody tr")).to_have_count(1000)
    assert axe_violations(page) == []
    assert not [s for s in seen if s.startswith("error")]
