"""Agreeing a team's assessment (assess/team.html) in real Chromium, used the way a facilitator uses
it: opening three people's exports (and a results link) that disagree, reading each criterion's
answers, spread and two-level marks, choosing agreed levels and notes with the keyboard, saving the
result as the team's assessment and finding it in the form. Opened from disk (file://).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.helpers import REPO, choose_files_by_keyboard

CHOOSER = "Choose files exported from the self-assessment form"


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


def criteria_ids(fw: dict[str, Any]) -> list[str]:
    return [c["id"] for d in fw["dimensions"] for c in d["criteria"]]


def answers_of(fw: dict[str, Any], first: int, second: int, rest: int) -> dict[str, str]:
    """Level numbers (1-5): the first criterion, the second, and every other criterion."""
    ids = criteria_ids(fw)
    levels = [lv["id"] for lv in fw["levels"]]
    answers = {cid: levels[rest - 1] for cid in ids}
    answers[ids[0]] = levels[first - 1]
    answers[ids[1]] = levels[second - 1]
    return answers


def export(fw: dict[str, Any], name: str, answers: dict[str, str], participants: str | None = None) -> str:
    """An export as the form writes it."""
    assessment: dict[str, Any] = {
        "name": name,
        "authority": "Anyshire",
        "date": "2026-10-01",
        "answers": answers,
        "targets": {},
        "notes": {},
    }
    if participants is not None:
        assessment["participants"] = participants
    return json.dumps(
        {
            "format": "cif-self-assessment",
            "formatVersion": 1,
            "exportedAt": "2026-10-02T10:00:00.000Z",
            "framework": {"id": fw["id"], "version": fw["version"], "title": fw["title"]},
            "assessment": assessment,
        }
    )


def results_link(fw: dict[str, Any], name: str, answers: dict[str, str]) -> str:
    """A results link as the form's "Copy a link to these results" makes it (see core/share.mjs)."""
    levels = [lv["id"] for lv in fw["levels"]]
    payload = {
        "f": fw["id"],
        "v": fw["version"],
        "n": name,
        "u": "Anyshire",
        "d": "2026-10-01",
        "l": levels,
        "a": {cid: [levels.index(value) + 1] for cid, value in answers.items()},
        "t": {},
    }
    data = base64.urlsafe_b64encode(json.dumps(payload).encode("utf-8")).rstrip(b"=").decode("ascii")
    return f"https://example.org/assess/shared.html#r1.{data}"


# Ann: Emerging on the first criterion; Bob: Embedded; the third, unnamed: Developing. On the second
# criterion Developing, Developing and Embedded. Everything else: Developing, Developing, Embedded.
PEOPLE = (
    ("Ann's answers", (1, 2, 2), "Ann Example"),
    ("Bob's answers", (4, 2, 2), None),
    ("", (2, 4, 4), None),
)
NAMES = ["Ann Example", "Bob's answers", "Respondent 3"]


@pytest.fixture
def files(fw: dict[str, Any], tmp_path: Path) -> list[Path]:
    written = []
    for i, (name, levels, participants) in enumerate(PEOPLE):
        path = tmp_path / f"person-{i + 1}.json"
        path.write_text(export(fw, name, answers_of(fw, *levels), participants), encoding="utf-8")
        written.append(path)
    return written


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def open_team(context: BrowserContext, site: Path) -> tuple[Page, list[str]]:
    """Open the page; return it and a list collecting script errors and every request made after load."""
    page = context.new_page()
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(f"error: {error}"))
    page.goto((site / "assess" / "team.html").as_uri())
    expect(page.locator('[data-module="cif-team-people"]')).to_have_attribute("data-cif-team-people-init", "")
    page.on("request", lambda request: seen.append(f"request: {request.url}"))
    return page, seen


def criterion(page: Page, cid: str) -> Any:
    return page.locator(f"#cif-team-c-{cid}")


def table_rows(locator: Any) -> list[list[str]]:
    rows: list[list[str]] = locator.evaluate(
        "t => [...t.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(c => c.innerText.trim()))"
    )
    return rows


# --- Seeing the disagreement --------------------------------------------------------------------


def test_three_people_who_disagree_each_answer_the_spread_the_marks_and_the_median_offered(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, seen = open_team(context, built_site)
    expect(page.locator("#cif-team-results")).to_be_hidden()
    page.get_by_label(CHOOSER).set_input_files(files)
    labels = [lv["label"] for lv in fw["levels"]]
    ids = criteria_ids(fw)

    # Named from who took part, else the assessment's name, else "Respondent 3"; names can be changed.
    for i, name in enumerate(NAMES):
        expect(page.get_by_label(f"Name of person {i + 1}")).to_have_value(name)
    expect(page.locator("#cif-team-announcer")).to_contain_text("3 people added")

    first = criterion(page, ids[0])
    assert table_rows(first.locator("table")) == [
        [NAMES[0], labels[0]],
        [NAMES[1], labels[3]],
        [NAMES[2], labels[1]],
    ]
    expect(first.locator(".cif-team-spread")).to_have_text(
        f"Spread: {labels[0]} to {labels[3]}. Two or more levels apart (3 levels): discuss"
    )
    select = first.get_by_label("Agreed level for 1.1")
    expect(select).to_have_value("")  # the suggestion is offered, never chosen for the team
    expect(first.locator(".cif-hint")).to_have_text(
        f"Suggested: {labels[1]}, the median of the 3 levels given. The choice is the team's."
    )
    expect(select.locator("option:checked")).to_have_text("Not agreed yet")
    assert f"2 {labels[1]} (suggested)" in select.locator("option").all_inner_texts()

    second = criterion(page, ids[1])
    expect(second.locator(".cif-team-spread")).to_contain_text("Two or more levels apart (2 levels)")
    # One level apart is not marked.
    third = criterion(page, ids[2])
    expect(third.locator(".cif-team-spread")).to_have_text(
        f"Spread: {labels[1]} to {labels[3]}. Two or more levels apart (2 levels): discuss"
    )

    # Each dimension: every person's result, as the form scores it, and the spread of the results.
    dimension = fw["dimensions"][0]
    section = page.locator(f"#cif-team-dim-{dimension['id']}").locator("xpath=..")
    n = len(dimension["criteria"])

    def result(levels: list[int]) -> str:
        tenths = int(sum(levels) * 10 / len(levels) + 0.5)
        return f"{labels[tenths // 10 - 1]} (level {tenths // 10} of {len(labels)}), from {n} of {n} criteria"

    assert table_rows(section.locator("table").first) == [
        [NAMES[0], result([1, 2] + [2] * (n - 2))],
        [NAMES[1], result([4, 2] + [2] * (n - 2))],
        [NAMES[2], result([2, 4] + [4] * (n - 2))],
    ]
    expect(section.locator(":scope > .cif-team-spread")).to_contain_text("Spread of results:")
    expect(page.locator("#cif-team-summary")).to_contain_text("3 people in the team view.")
    expect(page.locator("#cif-team-apart-list li").first).to_contain_text(f"1.1 {dimension['criteria'][0]['title']}")
    assert seen == [], "reading files must neither fail nor request anything"


def test_a_link_a_duplicate_and_bad_files_each_say_what_happened(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any], tmp_path: Path
) -> None:
    page, seen = open_team(context, built_site)
    chooser = page.get_by_label(CHOOSER)
    chooser.set_input_files(files[:1])
    expect(page.locator("#cif-team-people > li")).to_have_count(1)
    # The same file again is counted once, and the page says so.
    chooser.set_input_files(files[:1])
    expect(page.locator("#cif-team-people > li")).to_have_count(1)
    expect(page.locator("#cif-team-duplicates")).to_have_text(
        "person-1.json holds the same answers as someone already added, so it is counted once."
    )
    # Bob's answers by results link: a second person.
    page.get_by_label("Or paste links to people's results").fill(
        results_link(fw, "Bob's answers", answers_of(fw, 4, 2, 2))
    )
    page.get_by_role("button", name="Add the links").click()
    expect(page.locator("#cif-team-people > li")).to_have_count(2)
    expect(page.locator("#cif-team-people > li").nth(1)).to_contain_text("From a results link")
    expect(page.locator("#cif-team-duplicates")).to_be_hidden()

    broken = tmp_path / "half-saved.json"
    broken.write_text(files[2].read_text(encoding="utf-8")[:150], encoding="utf-8")
    other = json.loads(files[2].read_text(encoding="utf-8"))
    other["framework"]["id"] = "a-different-framework"
    foreign = tmp_path / "other-framework.json"
    foreign.write_text(json.dumps(other), encoding="utf-8")
    chooser.set_input_files([broken, foreign, files[1]])
    problems = page.locator("#cif-team-problems")
    expect(problems).to_be_visible()
    expect(problems).to_be_focused()
    expect(problems.locator("li").filter(has_text="half-saved.json")).to_contain_text("could not be read as JSON")
    expect(problems.locator("li").filter(has_text="other-framework.json")).to_contain_text(
        "for a different framework (“a-different-framework”)"
    )
    # Bob's file holds the answers his link gave: counted once.
    expect(page.locator("#cif-team-duplicates")).to_contain_text("person-2.json holds the same answers")
    expect(page.locator("#cif-team-people > li")).to_have_count(2)
    expect(page.locator("#cif-team-announcer")).to_contain_text("2 files or links could not be added")
    # A link that has been cut short.
    page.get_by_label("Or paste links to people's results").fill("https://example.org/assess/shared.html#r1.eyJmIjo")
    page.get_by_role("button", name="Add the links").click()
    expect(problems.locator("li")).to_have_count(1)
    expect(problems).to_contain_text("the results link pasted: This link is incomplete or has been changed")
    assert seen == []


def test_text_from_files_is_shown_as_typed_and_names_are_isolated(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    hostile = "<img src=x onerror=alert(1)> \u202eevil"
    path = tmp_path / "hostile.json"
    path.write_text(export(fw, hostile, answers_of(fw, 1, 1, 1)), encoding="utf-8")
    page, seen = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files([path])
    expect(page.get_by_label("Name of person 1")).to_have_value(hostile)
    who = page.locator(".cif-team-who").first
    # Shown as typed, in its own <bdi>; the override it leaves open is closed inside the isolation
    # (U+202C, invisible), so that nothing typed can reverse the text after it.
    expect(who).to_have_text(hostile + "\u202c")
    assert who.evaluate("n => n.tagName") == "BDI"
    assert page.locator("#cif-team-results img").count() == 0
    assert seen == []


def test_a_person_with_not_sure_yet_is_counted_as_the_form_counts_them(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    """Issue 22: the team view said "39 of 39 answered" for a person with a "Not sure yet", where the
    form counts 38. Now it gives the form's count, in the form's words."""
    ids = criteria_ids(fw)
    answers = answers_of(fw, 2, 2, 2)
    answers[ids[0]] = "not_sure"
    answers[ids[1]] = "not_applicable"
    path = tmp_path / "unsure.json"
    path.write_text(export(fw, "Unsure", answers), encoding="utf-8")
    page, seen = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files([path])
    detail = page.locator(".cif-team-person__detail")
    expect(detail).to_contain_text(
        f"{len(ids) - 1} of {len(ids)} criteria answered (1 Not applicable), 1 Not sure yet."
    )
    expect(detail).not_to_contain_text(f"{len(ids)} of {len(ids)}")
    # The first dimension's result leaves out the "Not sure yet" and the "Not applicable", as the form does.
    first = fw["dimensions"][0]
    applicable = len(first["criteria"]) - 1
    label = fw["levels"][1]["label"]
    expect(page.locator("#cif-team-results")).to_contain_text(
        f"{label} (level 2 of {len(fw['levels'])}), from {applicable - 1} of {applicable} criteria"
    )
    assert seen == []


# --- Agreeing, saving, and finding it in the form --------------------------------------------------


def test_agreed_levels_and_notes_with_the_keyboard_saved_as_the_teams_assessment_in_the_form(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, seen = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(files)
    labels = [lv["label"] for lv in fw["levels"]]
    ids = criteria_ids(fw)
    title = fw["dimensions"][0]["criteria"][0]["title"]

    # From the list of criteria where people are apart, to the criterion, its level and its note.
    page.get_by_role("link", name=f"1.1 {title}").focus()
    page.keyboard.press("Enter")
    expect(criterion(page, ids[0])).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Agreed level for 1.1")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # Not agreed yet -> 1 -> 2 -> 3
    expect(page.get_by_label("Agreed level for 1.1")).to_have_value(fw["levels"][2]["id"])
    page.keyboard.press("Tab")
    expect(page.get_by_label("Note on the discussion of 1.1 (optional)")).to_be_focused()
    page.keyboard.type("Bob had seen the new audit; we agreed one level up from the median.")
    # The team's result for the dimension follows the agreed levels.
    expect(page.locator(f"[data-team-result='{fw['dimensions'][0]['id']}']")).to_contain_text(
        f"so far: {labels[2]} (level 3 of {len(labels)}), from 1 of {len(fw['dimensions'][0]['criteria'])} criteria "
        "(low coverage)."
    )
    page.keyboard.press("Tab")  # the next criterion's box is only a link target, not a tab stop
    expect(page.get_by_label("Agreed level for 1.2")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Agreed level for 1.2")).to_have_value(fw["levels"][1]["id"])

    expect(page.locator("#cif-team-save-summary")).to_contain_text(
        f"Agreed levels: 2 of {len(ids)} criteria answered, {len(ids) - 2} not answered."
    )
    expect(page.locator("#cif-team-participants")).to_have_text(
        f"Who took part: {NAMES[0]}, {NAMES[1]} and {NAMES[2]}."
    )
    page.get_by_label("Name of the team's assessment").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Leadership team, autumn 2026")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save as the team's assessment")).to_be_focused()
    page.keyboard.press("Enter")
    saved = page.locator("#cif-team-saved")
    expect(saved).to_be_focused()
    expect(saved).to_contain_text("Saved: the team's assessment “Leadership team, autumn 2026” is on this device")

    record = page.evaluate(
        """id => { const all = JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments;
                   return Object.values(all)[0]; }""",
        fw["id"],
    )
    assert record["answers"] == {ids[0]: fw["levels"][2]["id"], ids[1]: fw["levels"][1]["id"]}
    assert record["participants"] == "Ann Example, Bob's answers and Respondent 3"
    evidence = record["notes"][fw["dimensions"][0]["id"]]["evidence"]
    assert f"1.1 {title}: answers {labels[0]} to {labels[3]} (Ann Example: {labels[0]}; " in evidence
    assert "agreed " + labels[2] + ". Bob had seen the new audit" in evidence

    # Open it in the form: it is the open assessment, in the list, with who took part and its results.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Open the team's assessment in the form")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"assess/index\.html"))
    expect(page.locator("#cif-library-list > li").filter(has_text="Leadership team, autumn 2026")).to_contain_text(
        "Open now"
    )
    expect(page.locator("#cif-name")).to_have_value("Leadership team, autumn 2026")
    expect(page.locator("#cif-participants")).to_have_value("Ann Example, Bob's answers and Respondent 3")
    first_dimension = page.locator("#cif-results-body tr").first
    # The agreed 3 and 2 average 2.5: the form shows the whole level reached, 2.
    expect(first_dimension).to_contain_text(re.compile(rf"Level 2 of {len(labels)}\s*{labels[1]}"))
    # The form links back to the team view.
    expect(page.locator("#cif-team-link").get_by_role("link", name="agree a team's assessment")).to_have_attribute(
        "href", "team.html"
    )
    assert not [s for s in seen if s.startswith("error")]


def test_saving_again_updates_the_same_assessment(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(files)
    ids = criteria_ids(fw)
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][0]["id"])
    page.get_by_role("button", name="Save as the team's assessment").click()
    expect(page.locator("#cif-team-saved")).to_contain_text("Saved: the team's assessment")
    expect(page.locator("#cif-team-changed")).to_be_hidden()
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][4]["id"])
    expect(page.locator("#cif-team-changed")).to_have_text(
        "Changed since it was saved. Save again to update the team's assessment."
    )
    page.get_by_role("button", name="Save as the team's assessment").click()
    expect(page.locator("#cif-team-saved")).to_contain_text("Saved again")
    expect(page.locator("#cif-team-changed")).to_be_hidden()
    stored = page.evaluate(
        "id => Object.values(JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments)", fw["id"]
    )
    assert len(stored) == 1
    assert stored[0]["answers"] == {ids[0]: fw["levels"][4]["id"]}


def test_the_work_in_progress_survives_a_reload(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_team(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(files)
    page.get_by_label("Name of person 3").fill("Cal Jones")
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][1]["id"])
    page.get_by_label("Note on the discussion of 1.1 (optional)").fill("Agreed after a long talk.")
    page.get_by_label("Hide names").check()
    page.reload()
    expect(page.locator("#cif-team-people > li")).to_have_count(3)
    expect(page.locator("#cif-team-announcer")).to_contain_text("still open from before the page was reloaded")
    expect(page.get_by_label("Hide names")).to_be_checked()
    page.get_by_label("Hide names").uncheck()
    expect(page.get_by_label("Name of person 3")).to_have_value("Cal Jones")
    expect(page.get_by_label("Agreed level for 1.1")).to_have_value(fw["levels"][1]["id"])
    expect(page.get_by_label("Note on the discussion of 1.1 (optional)")).to_have_value("Agreed after a long talk.")
    # Cleared for the next team: nothing is left in the tab.
    page.get_by_role("button", name="Clear this page for another team").click()
    expect(page.locator("#cif-team-people > li")).to_have_count(0)
    page.reload()
    expect(page.locator("#cif-team-none")).to_be_visible()


def test_hiding_names_shows_person_1_2_3_everywhere_and_large_text_makes_the_page_larger(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_team(context, built_site)
    # Off at first, so the page does not grow as it opens; ticked, for a projector, and kept on reload.
    expect(page.get_by_label("Large text")).not_to_be_checked()
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_label(CHOOSER).set_input_files(files)
    expect(page.locator("#cif-team-people > li")).to_have_count(3)
    page.get_by_label("Large text").check()
    page.reload()
    expect(page.get_by_label("Large text")).to_be_checked()
    large = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert large > normal
    page.get_by_label("Hide names").check()
    expect(page.locator(".cif-team-who").first).to_have_text("Person 1")
    expect(page.locator("#cif-team-people .cif-team-person__name")).to_have_text(["Person 1", "Person 2", "Person 3"])
    shown = (
        page.locator("#cif-team-results").inner_text()
        + page.locator("#cif-team-people").inner_text()
        + page.locator("#cif-team-participants").inner_text()
    )
    for secret in [*NAMES, "Ann's answers", "person-1.json"]:
        assert secret not in shown
    expect(page.locator("#cif-team-participants")).to_contain_text("3 people (names hidden on screen")
    expect(page.locator("#cif-team-announcer")).to_contain_text("Names are hidden")
    page.get_by_label("Large text").uncheck()
    smaller = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert smaller < large


def test_the_page_works_with_the_keyboard_from_choosing_files_to_removing_a_person(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_team(context, built_site)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cif-team-files":
            break
    assert page.evaluate("document.activeElement.id") == "cif-team-files"
    choose_files_by_keyboard(page, files)
    expect(page.locator("#cif-team-people > li")).to_have_count(3)
    page.get_by_label("Name of person 2").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#cif-team-people button").nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#cif-team-people > li")).to_have_count(2)
    expect(page.locator("#cif-team-announcer")).to_contain_text("Removed Bob's answers. 2 people left.")
    assert page.evaluate("document.activeElement.textContent").startswith("Remove")


# --- Accessibility -------------------------------------------------------------------------------


def violations(page: Page) -> list[str]:
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return axe_violations(page)


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [
        ({"width": 320, "height": 640}, "light"),
        ({"width": 320, "height": 640}, "dark"),
        ({"width": 1280, "height": 900}, "dark"),
    ],
)
def test_no_accessibility_violations_in_every_state(
    browser: Browser,
    built_site: Path,
    files: list[Path],
    fw: dict[str, Any],
    tmp_path: Path,
    viewport: dict[str, int],
    scheme: str,
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    page, _ = open_team(context, built_site)

    def check(state: str) -> None:
        found = violations(page)
        assert found == [], f"{state}: {found}"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{state}: the page scrolls sideways by {overflow} px"

    check("empty")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    page.get_by_label(CHOOSER).set_input_files([*files, files[0], broken])
    expect(page.locator("#cif-team-people > li")).to_have_count(3)
    check("three people, a duplicate and a bad file")
    page.get_by_label("Agreed level for 1.1").select_option(fw["levels"][1]["id"])
    page.get_by_role("button", name="Save as the team's assessment").click()
    expect(page.locator("#cif-team-saved")).to_be_visible()
    check("saved")
    page.get_by_label("Hide names").check()
    check("names hidden")
    page.get_by_label("Large text").check()
    check("large text")
    context.close()
