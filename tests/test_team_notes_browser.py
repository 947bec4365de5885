"""The team view carries everyone's notes and lets the facilitator accept, in one action, every
criterion where everyone agrees (assess/team.html), walked once as a facilitator would, with the
keyboard, in real Chromium from disk: three people's exports with notes (one written right to left,
one too long to fit beside the others), each person's notes by name beside their results, "Accept
every criterion where everyone agrees", the agreed criteria folded away, the saved team's assessment
holding the notes by name with what does not fit kept aside whole and said, and axe at 320 px and
1280 px. The page's height with three people and every criterion is measured before and after.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.axe import axe_violations
from tests.helpers import choose_files_by_keyboard

CHOOSER = "Choose files exported from the self-assessment form"
ACCEPT = "Accept every criterion where everyone agrees"
MAX_TEXT = 20000  # the longest note a file may hold (js/core/decode.mjs)
RTL = "\u05d4\u05e8\u05d0\u05d9\u05d5\u05ea <b>\u05dc\u05d0</b> markup \u202e"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 800})
    yield created
    created.close()


def export(fw: dict[str, Any], participants: str, answers: dict[str, str], notes: dict[str, Any]) -> str:
    assessment: dict[str, Any] = {
        "name": "Autumn",
        "authority": "Anyshire",
        "date": "2026-10-01",
        "participants": participants,
    }
    assessment |= {"answers": answers, "targets": {}, "notes": notes}
    framework = {"id": fw["id"], "version": fw["version"], "title": fw["title"]}
    data = {"format": "cif-self-assessment", "formatVersion": 1, "exportedAt": "2026-10-02T10:00:00.000Z"}
    return json.dumps(data | {"framework": framework, "assessment": assessment})


def people(fw: dict[str, Any], folder: Path) -> tuple[list[Path], dict[str, str]]:
    """Three exports: every third criterion two levels apart, all three "Not sure yet" on the last,
    Sam's answer missing on the second to last; everywhere else the same level. Returns the files
    and what everyone agreed (criterion id -> level id)."""
    ids = [c["id"] for d in fw["dimensions"] for c in d["criteria"]]
    levels = [lv["id"] for lv in fw["levels"]]
    dims = [d["id"] for d in fw["dimensions"]]
    notes: list[dict[str, Any]] = [
        {dims[0]: {"evidence": "Audit of 40 plans.\n  Indented second line, <i>as typed</i>.", "views": ""}},
        {dims[0]: {"evidence": RTL, "views": "Young advisers' panel, June."}, dims[1]: {"evidence": "T" * MAX_TEXT}},
        {},
    ]
    names = ["Priya (Head of performance)", "Tom", "Sam"]
    unanimous: dict[str, str] = {}
    files = []
    for p, name in enumerate(names):
        answers = {}
        for i, cid in enumerate(ids):
            answers[cid] = levels[1 + p] if i % 3 == 0 else levels[2]
            if i % 3 and i < len(ids) - 2:
                unanimous[cid] = levels[2]
        answers[ids[-1]] = "not_sure"
        if name == "Sam":
            del answers[ids[-2]]
        path = folder / f"person-{p + 1}.json"
        path.write_text(export(fw, name, answers, notes[p]), encoding="utf-8")
        files.append(path)
    return files, unanimous


def height(page: Page) -> int:
    value: int = page.evaluate("document.documentElement.scrollHeight")
    return value


def check_axe(page: Page, where: str) -> None:
    assert axe_violations(page) == [], where
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where}: the page scrolls sideways by {overflow} px"


def test_notes_by_name_accept_the_unanimous_fold_them_and_save_the_notes_with_the_teams_assessment(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    files, unanimous = people(fw, tmp_path)
    ids = [c["id"] for d in fw["dimensions"] for c in d["criteria"]]
    first, second = fw["dimensions"][0], fw["dimensions"][1]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site / "assess" / "team.html").as_uri())
    expect(page.locator('[data-module="cif-team-criteria"]')).to_have_attribute("data-cif-team-criteria-init", "")
    page.get_by_label(CHOOSER).focus()
    choose_files_by_keyboard(page, files)
    expect(page.locator("#cif-team-people > li")).to_have_count(3)

    # Each person's notes, by name, beside their result, exactly as typed (never run as markup), and
    # the right-to-left note isolated.
    table = page.get_by_role("table", name=f"Each person's result for {first['name']}, and the notes they wrote")
    rows = table.locator("tbody tr")
    expect(rows.nth(0).locator("th")).to_have_text("Priya (Head of performance)")
    expect(rows.nth(0).locator(".cif-team-note__text")).to_have_text(
        "Audit of 40 plans.\n  Indented second line, <i>as typed</i>.", use_inner_text=True
    )
    expect(rows.nth(0).locator("td").nth(1)).to_contain_text("Evidence for your judgement:")
    tom = rows.nth(1).locator(".cif-team-note__text")
    expect(tom).to_have_count(2)
    assert tom.nth(0).evaluate("n => n.tagName") == "BDI"
    assert tom.nth(0).evaluate("n => n.textContent") == RTL + "\u202c", "as typed, the override it leaves open closed"
    expect(tom.nth(1)).to_have_text("Young advisers' panel, June.")
    expect(rows.nth(2).locator("td").nth(1)).to_have_text("No notes")
    expect(page.locator("i, b").filter(has_text="as typed")).to_have_count(0)
    # A note as long as a file may hold is one disclosure away, whole.
    long = page.get_by_role("table", name=f"Each person's result for {second['name']}, and the notes they wrote")
    expect(long.locator("summary")).to_have_text(
        "Evidence for your judgement: a long note (20,000 characters). Show it"
    )
    assert long.locator(".cif-team-note__text").evaluate("n => n.textContent") == "T" * MAX_TEXT
    before = height(page)

    # Keyboard: choose "Not sure yet" for one disputed criterion, then back one stop to the new
    # button, and accept every criterion where everyone agrees.
    disputed = page.get_by_label("Agreed level for 1.1")
    disputed.focus()
    disputed.select_option("not_sure")
    expect(page.locator("#cif-team-agreed-count")).to_have_text(
        f"Agreed levels so far: 0 of {len(ids)} criteria answered, 1 Not sure yet, {len(ids) - 1} not answered."
    )
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name=ACCEPT)).to_be_focused()
    page.keyboard.press("Enter")

    # Focus lands on what was done, and it is announced; counted as the form counts.
    done = page.locator("#cif-team-accepted")
    expect(done).to_be_focused()
    n = len(unanimous)
    counts = f"{n} of {len(ids)} criteria answered, 1 Not sure yet, {len(ids) - n - 1} not answered"
    expect(done).to_contain_text(f"Accepted {n} criteria where everyone gave the same answer.")
    expect(done).to_contain_text(f"Agreed levels so far: {counts}.")
    expect(page.locator("#cif-team-announcer")).to_contain_text(f"Accepted {n} criteria")
    expect(page.locator("#cif-team-save-summary")).to_contain_text(f"Agreed levels: {counts}.")

    # Only the unanimous are set; the disagreements, the "Not sure yet" and the unanswered remain.
    chosen = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('[data-agreed]')]"
        ".map(s => [s.dataset.agreed, s.value]))"
    )
    assert {cid: value for cid, value in chosen.items() if value} == unanimous | {ids[0]: "not_sure"}
    for cid in [ids[3], ids[-2], ids[-1]]:
        expect(page.locator(f"#cif-team-c-{cid}")).to_be_visible()
        assert chosen[cid] == ""

    # Agreed criteria are folded away, one disclosure per dimension, opened from the keyboard.
    folded = page.locator(f"[data-folded='{first['id']}']")
    agreed_in_first = [c["id"] for c in first["criteria"] if c["id"] in unanimous or c["id"] == ids[0]]
    expect(folded.locator("summary")).to_have_text(f"Show {len(agreed_in_first)} agreed criteria in 1. {first['name']}")
    expect(page.locator(f"#cif-team-c-{ids[1]}")).to_be_hidden()
    after = height(page)
    print(f"\nTeam page at 1280x800, 3 people, {len(ids)} criteria: {before} px high, {after} px after accepting")
    assert after < before * 0.8, (before, after)
    folded.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Agreed level for 1.2")).to_be_visible()
    expect(page.get_by_label("Agreed level for 1.2")).to_have_value(unanimous[ids[1]])

    # Saved: the notes are in the team's assessment by name; the one too long to fit is kept aside
    # whole, and the page says so.
    page.get_by_role("button", name="Save as the team's assessment").click()
    expect(page.locator("#cif-team-saved")).to_be_focused()
    aside = page.locator("#cif-team-aside-text")
    expect(aside).to_contain_text(f"1 note does not fit in the team's assessment's notes on 2. {second['name']}")
    expect(aside).to_contain_text(
        "The team's assessment keeps it whole, apart from its notes, and so does every file exported"
    )
    page.get_by_role("button", name="Download the notes that do not fit").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text == f"2. {second['name']}: Evidence for your judgement, Tom\n\n{'T' * MAX_TEXT}\n"
    record = page.evaluate(
        "id => Object.values(JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments)[0]", fw["id"]
    )
    evidence = record["notes"][first["id"]]["evidence"]
    assert "Priya (Head of performance): Audit of 40 plans.\n  Indented second line, <i>as typed</i>." in evidence
    assert f"Tom: {RTL}" in evidence
    assert "Team discussion where people's answers differed:" in evidence
    assert record["notes"][first["id"]]["views"] == "What each person wrote:\nTom: Young advisers' panel, June."
    assert record["notCarried"] == [
        {
            "kind": "notes",
            "id": second["id"],
            "value": {"person": "Tom", "evidence": "T" * MAX_TEXT},
            "reason": "long",
            "version": fw["version"],
        }
    ]
    assert "Tom: T" not in record["notes"].get(second["id"], {}).get("evidence", "")

    check_axe(page, "1280 px, accepted and saved")
    page.set_viewport_size({"width": 320, "height": 640})
    check_axe(page, "320 px, accepted and saved")
    assert errors == []
