"""Who took part, and keeping the work (issue 13), in real Chromium, as a person meets them: the
"Who took part" field saved, reloaded, exported and imported; the list of assessments saying when
each was last exported; the browser asked to keep the site's data and its answer shown; a gentle
reminder to export after changes that are in no file, which can be dismissed and goes after an
export; and the whole hub checked with axe while these are shown, at 320 px and in dark mode.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import answer, seed_storage

STORAGE_KEY = "cif:childrens-information-framework:assessments"
SETTINGS_KEY = "cif:childrens-information-framework:settings"
LONDON = "Europe/London"
PARTICIPANTS = "Director of children's services\nHead of performance, two team managers\n<b>Parent carer forum</b>"

# The browser's Storage API, answering as a browser that grants (or refuses) persistent storage;
# it counts how often the page asked.
PERSIST = """
(() => {
  let kept = false;
  window.__persistAsked = 0;
  StorageManager.prototype.persisted = function () { return Promise.resolve(kept); };
  StorageManager.prototype.persist = function () {
    window.__persistAsked += 1;
    kept = %s;
    return Promise.resolve(kept);
  };
})();
"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, timezone_id=LONDON)
    yield created
    created.close()


def open_hub(context: BrowserContext, site: Path) -> Page:
    """The form's hub, started, with no script error."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto((site / "assess" / "index.html").as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    expect(page.locator("#cif-keep")).to_be_visible()
    assert errors == []
    return page


def go_to_hub(page: Page, site: Path) -> None:
    page.goto((site / "assess" / "index.html").as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record(framework: Framework, answers: dict[str, str], ago: datetime.timedelta, **more: Any) -> dict[str, Any]:
    """A saved assessment, started `ago` and last changed then, as an earlier visit leaves it."""
    started = iso(datetime.datetime.now(datetime.UTC) - ago)
    return {
        "id": "a-seeded",
        "frameworkId": "childrens-information-framework",
        "frameworkVersion": framework.version,
        "name": "Baseline",
        "authority": "",
        "date": "2026-11-01",
        "created": started,
        "updated": started,
        "answers": answers,
        "targets": {},
        "notes": {},
        "plan": {},
        **more,
    }


def seed(page: Page, saved: dict[str, Any]) -> None:
    seed_storage(
        page,
        {
            STORAGE_KEY: json.dumps({"schemaVersion": 1, "assessments": {saved["id"]: saved}}),
            SETTINGS_KEY: json.dumps({"schemaVersion": 1, "currentAssessment": saved["id"]}),
        },
    )
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def wait_until_saved(page: Page, field: str, value: str) -> None:
    """Saves are written once the tabs' lock is granted, a moment after the change: wait for it."""
    page.wait_for_function(
        """([key, settings, field, value]) => {
          const store = JSON.parse(localStorage.getItem(key) || "null");
          const open = JSON.parse(localStorage.getItem(settings) || "null");
          const record = store && open && store.assessments[open.currentAssessment];
          return Boolean(record) && record[field] === value;
        }""",
        arg=[STORAGE_KEY, SETTINGS_KEY, field, value],
    )


def stored(page: Page) -> dict[str, Any]:
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert text, "nothing saved"
    store = json.loads(text)
    current = json.loads(page.evaluate("key => localStorage.getItem(key)", SETTINGS_KEY))["currentAssessment"]
    result: dict[str, Any] = store["assessments"][current]
    return result


def export_json(page: Page, button: str = "Export answers (JSON)") -> dict[str, Any]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    data: dict[str, Any] = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    return data


def criteria(framework: Framework) -> list[str]:
    return [criterion.id for dimension in framework.dimensions for criterion in dimension.criteria]


def open_item(page: Page) -> Locator:
    return page.locator("#cif-library-list li[aria-current='true']")


def today_in_london() -> str:
    today = datetime.datetime.now(zoneinfo.ZoneInfo(LONDON)).date()
    return f"{today.day} {today:%B %Y}"


def test_who_took_part_is_saved_reloaded_exported_and_imported(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_hub(context, built_site)
    field = page.get_by_label("Who took part (optional)")
    expect(field).to_have_accessible_description(
        re.compile("The roles or teams that took part.*shown on the board report")
    )
    field.fill(PARTICIPANTS)
    wait_until_saved(page, "participants", PARTICIPANTS)
    assert stored(page)["participants"] == PARTICIPANTS
    page.reload()
    expect(page.get_by_label("Who took part (optional)")).to_have_value(PARTICIPANTS)

    exported = export_json(page)
    assert exported["assessment"]["participants"] == PARTICIPANTS
    with page.expect_download() as info:
        page.get_by_role("button", name="Download for a spreadsheet (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows and all(row["Who took part"] == PARTICIPANTS for row in rows)

    # A new assessment starts with nobody listed; importing the file brings the list back, as typed.
    page.get_by_role("button", name="Start a new assessment").click()
    expect(page.get_by_label("Who took part (optional)")).to_have_value("")
    page.get_by_label("Choose a JSON file exported from this form").set_input_files(
        {"name": "baseline.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}
    )
    page.get_by_role("button", name="Import answers", exact=True).click()
    expect(page.locator("#cif-banner")).to_contain_text("Answers imported")
    expect(page.get_by_label("Who took part (optional)")).to_have_value(PARTICIPANTS)
    wait_until_saved(page, "participants", PARTICIPANTS)
    assert stored(page)["participants"] == PARTICIPANTS


def test_an_older_record_without_who_took_part_still_loads(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_hub(context, built_site)
    first = criteria(framework)[0]
    seed(page, record(framework, {first: "established"}, datetime.timedelta(hours=1)))
    expect(page.get_by_label("Assessment name")).to_have_value("Baseline")
    expect(page.get_by_label("Who took part (optional)")).to_have_value("")
    page.get_by_label("Who took part (optional)").fill("Head of service")
    wait_until_saved(page, "participants", "Head of service")
    assert stored(page)["participants"] == "Head of service"
    assert stored(page)["answers"] == {first: "established"}


def test_the_list_says_never_exported_then_the_date_of_the_last_export(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_hub(context, built_site)
    seed(page, record(framework, {criteria(framework)[0]: "established"}, datetime.timedelta(hours=1)))
    expect(open_item(page)).to_contain_text("Never exported")
    export_json(page)
    expect(open_item(page)).to_contain_text(f"Last exported {today_in_london()}")
    expect(open_item(page)).not_to_contain_text("Never exported")
    page.reload()
    expect(open_item(page)).to_contain_text(f"Last exported {today_in_london()}")
    # A copy for a review has never been exported, and nobody has taken part in it yet.
    page.get_by_label("Who took part (optional)").fill("Head of service")
    page.get_by_role("button", name="Copy this assessment to start a review").click()
    expect(open_item(page)).to_contain_text("Never exported")
    expect(page.get_by_label("Who took part (optional)")).to_have_value("")
    other = page.locator("#cif-library-list li").filter(has_text="Last exported")
    expect(other).to_have_count(1)


@pytest.mark.parametrize(
    ("granted", "says", "not_says"),
    [
        (True, "Your browser has agreed to keep your answers on this device", "may clear"),
        (False, "Your browser may clear your answers from this device", "has agreed"),
    ],
)
def test_the_form_asks_the_browser_to_keep_the_answers_once_and_says_what_it_got(
    context: BrowserContext, built_site: Path, framework: Framework, granted: bool, says: str, not_says: str
) -> None:
    context.add_init_script(PERSIST % ("true" if granted else "false"))
    page = open_hub(context, built_site)
    status = page.locator("#cif-keep-persist")
    # Nothing entered yet: nothing to keep, so the browser is not asked.
    page.wait_for_timeout(300)
    assert page.evaluate("window.__persistAsked") == 0
    expect(status).to_be_hidden()
    page.get_by_label("Assessment name").fill("Baseline")
    expect(status).to_contain_text(says)
    expect(status).not_to_contain_text(not_says)
    # More changes do not ask again.
    page.get_by_label("Who took part (optional)").fill("Head of service")
    page.get_by_label("Assessment name").fill("Baseline, autumn")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__persistAsked") == 1
    # The warning about computers that clear browser data at log-off is there, in plain words.
    expect(page.locator("#cif-keep")).to_contain_text(
        "Some council computers clear browser data when you log off, which deletes your answers from this device. "
        "Export your answers before you log off."
    )
    # Not a live region: it is read where it stands, not over what the person is doing.
    live = "#cif-keep [aria-live], #cif-keep [role=status], #cif-keep [role=alert]"
    assert page.evaluate("selector => document.querySelectorAll(selector).length", live) == 0


def test_the_reminder_comes_after_ten_answers_not_in_a_file_and_goes_after_an_export(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_hub(context, built_site)
    reminder = page.get_by_role("region", name="Keep a copy of your answers")
    ids = criteria(framework)
    for criterion_id in ids[:9]:
        answer(page, criterion_id, "Developing")
    go_to_hub(page, built_site)
    expect(page.locator("#cif-keep")).to_be_visible()
    page.wait_for_timeout(300)
    expect(reminder).to_be_hidden()
    answer(page, ids[9], "Developing")
    go_to_hub(page, built_site)
    expect(reminder).to_be_visible()
    expect(reminder).to_contain_text("You have not exported this assessment yet.")
    expect(reminder).to_contain_text("Export them to keep a copy somewhere safe.")

    exported = export_json(page)
    expect(reminder).to_be_hidden()
    assert len(exported["assessment"]["answers"]) == 10
    assert "keep" not in exported["assessment"]
    # Ten answers changed since that export bring it back, counted from the export.
    for criterion_id in ids[:10]:
        answer(page, criterion_id, "Established")
    go_to_hub(page, built_site)
    expect(reminder).to_be_visible()
    expect(reminder).to_contain_text(
        f"You have changed 10 answers since you last exported this assessment, on {today_in_london()}."
    )
    # Its own button exports, and it goes.
    data = export_json(page, "Export a copy now (JSON)")
    assert set(data["assessment"]["answers"].values()) == {"established"}
    expect(reminder).to_be_hidden()


def test_a_dismissed_reminder_stays_away(context: BrowserContext, built_site: Path, framework: Framework) -> None:
    page = open_hub(context, built_site)
    # Answers from two days ago that were never exported: the reminder is there when the form opens.
    seed(page, record(framework, {criteria(framework)[0]: "established"}, datetime.timedelta(days=2)))
    reminder = page.get_by_role("region", name="Keep a copy of your answers")
    expect(reminder).to_be_visible()
    expect(reminder).to_contain_text("You have not exported this assessment yet.")
    page.get_by_role("button", name="Dismiss this reminder").click()
    expect(reminder).to_be_hidden()
    expect(page.locator("#cif-keep")).to_be_focused()
    # Further changes, and coming back, do not bring it back the same day.
    page.get_by_label("Who took part (optional)").fill("Head of service")
    page.reload()
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    page.wait_for_timeout(300)
    expect(reminder).to_be_hidden()
    expect(page.get_by_label("Who took part (optional)")).to_have_value("Head of service")


def test_a_change_a_day_after_the_last_export_is_reminded_about(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_hub(context, built_site)
    first = criteria(framework)[0]
    two_days_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)
    keep = {"exported": iso(two_days_ago), "kept": iso(two_days_ago), "answers": {first: "established"}}
    saved = record(framework, {first: "established"}, datetime.timedelta(days=3), keep=keep)
    saved["notes"] = {framework.dimensions[0].id: {"evidence": "Audit", "views": ""}}
    saved["updated"] = iso(datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1))
    seed(page, saved)
    day = two_days_ago.astimezone(zoneinfo.ZoneInfo(LONDON)).date()
    reminder = page.get_by_role("region", name="Keep a copy of your answers")
    expect(reminder).to_contain_text(
        f"You have made changes since you last exported this assessment, on {day.day} {day:%B %Y}."
    )
    expect(open_item(page)).to_contain_text(f"Last exported {day.day} {day:%B %Y}")


@pytest.mark.parametrize("look", ["laptop", "phone, dark"])
def test_axe_finds_nothing_on_the_hub_with_the_reminder_and_the_browser_s_answer_shown(
    browser: Browser, built_site: Path, framework: Framework, look: str
) -> None:
    phone = look.startswith("phone")
    context = browser.new_context(
        viewport={"width": 320, "height": 640} if phone else {"width": 1280, "height": 900},
        color_scheme="dark" if phone else "light",
        timezone_id=LONDON,
    )
    try:
        context.add_init_script(PERSIST % "false")
        page = open_hub(context, built_site)
        seed(page, record(framework, {criteria(framework)[0]: "established"}, datetime.timedelta(days=2)))
        expect(page.get_by_role("region", name="Keep a copy of your answers")).to_be_visible()
        expect(page.locator("#cif-keep-persist")).to_be_visible()
        page.get_by_label("Who took part (optional)").fill(PARTICIPANTS)
        page.locator("#about-this-assessment").scroll_into_view_if_needed()
        assert axe_violations(page) == []
        if phone:
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
