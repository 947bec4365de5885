"""Nothing a person typed is ever lost (issue 23), in real Chromium: two tabs editing one assessment
at the same moment keep every edit (item 9), a date typed with a sixth digit is never saved and is
explained next to its field (item 4), and a name holding a closing isolate mark cannot reverse the
shared page's title (item 8).
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO, go_to_step
from tests.test_assessment_browser import STORAGE_KEY, open_form


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


@pytest.fixture(scope="module")
def tabs_context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield created
    created.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield created
    created.close()


def saved_record(page: Page) -> dict[str, Any]:
    """The one assessment saved on the device."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    records = list(json.loads(text)["assessments"].values()) if text else []
    assert len(records) == 1, records
    record: dict[str, Any] = records[0]
    return record


# Runs a tab's edits from a shared start time, each after its delay (ms), as a person's typing
# reaches the page: a note's text is set and "input" fires; an answer's option is clicked.
RUN_EDITS = """
({start, edits}) => {
  window.__editsDone = false;
  const pause = (ms) => new Promise((go) => setTimeout(go, ms));
  (async () => {
    while (Date.now() < start) await pause(1);
    for (const edit of edits) {
      if (edit.delay) await pause(edit.delay);
      const field = document.getElementById(edit.id);
      if (edit.value === null) field.click();
      else {
        field.value = edit.value;
        field.dispatchEvent(new Event("input", {bubbles: true}));
      }
    }
    window.__editsDone = true;
  })();
}
"""

# What a tab can edit on its step: each note, and the first two questions' answers.
Field = tuple[str, str, str]  # (kind: "note" | "answer", key in the saved record, dimension or criterion)


def fields_of(fw: dict[str, Any], dimension: dict[str, Any], page: Page) -> list[Field]:
    notes = page.eval_on_selector_all(
        f'textarea[data-note-for="{dimension["id"]}"]', "areas => areas.map((area) => area.dataset.note)"
    )
    fields: list[Field] = [("note", note, dimension["id"]) for note in notes]
    fields += [("answer", "", criterion["id"]) for criterion in dimension["criteria"][:2]]
    return fields


edits_strategy = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=100), st.sampled_from([0, 0, 0, 1, 2, 3, 5, 8, 10, 12]), st.integers(0, 4)
    ),
    min_size=1,
    max_size=8,
)
runs = count()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits_a=edits_strategy, edits_b=edits_strategy)
def test_two_tabs_editing_at_the_same_moment_keep_every_edit(
    tabs_context: BrowserContext, built_site: Path, fw: dict[str, Any], edits_a: list[Any], edits_b: list[Any]
) -> None:
    run = next(runs)
    one, two = fw["dimensions"][0], fw["dimensions"][1]
    levels = [level["id"] for level in fw["levels"]]
    pages = tabs_context.pages
    if len(pages) < 2:
        first = open_form(tabs_context, built_site)
        first.get_by_label("Assessment name").fill("Shared review")
        second = open_form(tabs_context, built_site)
        expect(second.get_by_label("Assessment name")).to_have_value("Shared review")
        go_to_step(first, one["id"])
        go_to_step(second, two["id"])
        pages = [first, second]
    a, b = pages[0], pages[1]
    expected: dict[tuple[str, str, str], str] = {}
    scripts = []
    for tab, page, dimension, edits in (("A", a, one, edits_a), ("B", b, two, edits_b)):
        fields = fields_of(fw, dimension, page)
        script = []
        for n, (pick, delay, level) in enumerate(edits):
            kind, key, owner = fields[pick % len(fields)]
            if kind == "note":
                value = f"Typed in tab {tab}, run {run}, edit {n}"
                script.append({"id": f"{key}-{owner}", "value": value, "delay": delay})
            else:
                value = levels[level % len(levels)]
                script.append({"id": f"answer-{owner}-{value}", "value": None, "delay": delay})
            expected[(kind, key, owner)] = value
        scripts.append((page, script))
    start = a.evaluate("() => Date.now()") + 300
    for page, script in scripts:
        page.evaluate(RUN_EDITS, {"start": start, "edits": script})
    for page, _ in scripts:
        page.wait_for_function("() => window.__editsDone === true")

    def kept(record: dict[str, Any]) -> dict[tuple[str, str, str], str]:
        return {
            (kind, key, owner): (
                record.get("notes", {}).get(owner, {}).get(key, "")
                if kind == "note"
                else record.get("answers", {}).get(owner, "")
            )
            for (kind, key, owner) in expected
        }

    # Every edit is kept on the device, and each tab shows the other's (once its event arrives).
    expect(a.locator("#cif-framework[data-cif-started]")).to_be_attached()
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below names what was lost
        a.wait_for_function(
            """([key, wanted]) => {
          const text = localStorage.getItem(key);
          const record = text && Object.values(JSON.parse(text).assessments)[0];
          const valueOf = (kind, field, owner) => kind === "note"
            ? ((record.notes || {})[owner] || {})[field] || ""
            : (record.answers || {})[owner] || "";
          return record && wanted.every(([kind, field, owner, value]) => valueOf(kind, field, owner) === value);
        }""",
            arg=[STORAGE_KEY, [[kind, key, owner, value] for (kind, key, owner), value in expected.items()]],
            timeout=15000,
        )
    assert kept(saved_record(a)) == expected
    for page in (a, b):
        for (kind, key, owner), value in expected.items():
            if kind == "note" and page.locator(f"#{key}-{owner}").count():
                expect(page.locator(f"#{key}-{owner}")).to_have_value(value)
            elif kind == "answer" and page.locator(f"#answer-{owner}-{value}").count():
                expect(page.locator(f"#answer-{owner}-{value}")).to_be_checked()


SAVED_DATE_IS = """([key, date]) => {
  const text = localStorage.getItem(key);
  return Boolean(text) && Object.values(JSON.parse(text).assessments)[0].date === date;
}"""


def test_a_sixth_digit_in_a_date_is_not_saved_and_is_explained(context: BrowserContext, built_site: Path) -> None:
    page = open_form(context, built_site)
    page.get_by_label("Assessment name").fill("Review")
    date = page.get_by_label("Date of the assessment")
    date.fill("2026-12-07")
    page.wait_for_function(SAVED_DATE_IS, arg=[STORAGE_KEY, "2026-12-07"])
    # A person types the date, then one digit too many, then another: the year has six digits.
    date.focus()
    page.keyboard.type("07122026")
    typed = date.input_value()
    assert typed[:4] == "2026"
    page.wait_for_function(SAVED_DATE_IS, arg=[STORAGE_KEY, typed])
    page.keyboard.type("11")
    expect(date).to_have_value(re.compile(r"^202611-"))  # what was typed stays in the field
    error = page.locator("#cif-date-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(
        "Error: Enter a real date with a 4-digit year, like 27 3 2026. This date has not been saved."
    )
    expect(date).to_have_attribute("aria-invalid", "true")
    assert "cif-date-error" in (date.get_attribute("aria-describedby") or "")
    assert page.locator(".cif-field--error").filter(has=date).count() == 1
    assert saved_record(page)["date"] == typed
    # After a reload the form shows what was saved: the last real date.
    page.reload()
    expect(page.get_by_label("Date of the assessment")).to_have_value(typed)
    # A real date clears the error and is saved.
    date = page.get_by_label("Date of the assessment")
    date.fill("2027-01-31")
    expect(page.locator("#cif-date-error")).to_have_count(0)
    page.wait_for_function(SAVED_DATE_IS, arg=[STORAGE_KEY, "2027-01-31"])


def link_fragment(data: dict[str, Any]) -> str:
    text = base64.urlsafe_b64encode(json.dumps(data).encode("utf-8")).decode("ascii").rstrip("=")
    return "r1." + text


def test_a_closing_isolate_mark_in_a_name_cannot_reverse_the_shared_pages_title(
    context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    name = "Review\u2069 \u05e1\u05e7\u05d9\u05e8\u05d4"
    data = {"f": fw["id"], "v": fw["version"], "n": name, "u": "Anyshire", "l": [lv["id"] for lv in fw["levels"]]}
    data["a"] = {c["id"]: [3] for c in fw["dimensions"][0]["criteria"]}
    page = context.new_page()
    page.goto((built_site / "assess" / "shared.html").as_uri() + "#" + link_fragment(data))
    expect(page.locator("#cif-shared")).to_be_visible()
    title = page.title()
    # The name is isolated as a whole: the stray closing mark is gone, and the isolate it would
    # have closed ends only after the whole name, so the site's words keep their order.
    assert title.startswith("Results: \u2068Review \u05e1\u05e7\u05d9\u05e8\u05d4\u2069 - "), ascii(title)
    assert title.count("\u2069") == 1, ascii(title)


def test_a_sixth_digit_in_an_actions_due_date_is_not_saved_and_is_explained(
    context: BrowserContext, built_site: Path
) -> None:
    page = open_form(context, built_site)
    page.get_by_label("Assessment name").fill("Review")
    plan = page.locator("#cif-plan")
    plan.scroll_into_view_if_needed()  # the plan's code loads as it comes into view
    page.get_by_role("button", name="Add an action").click()
    due = plan.get_by_label("Due date for action 1")
    due.focus()
    page.keyboard.type("06122027")
    typed = due.input_value()
    assert typed[:4] == "2027"
    page.wait_for_function(SAVED_DUE_IS, arg=[STORAGE_KEY, typed])
    page.keyboard.type("77")
    expect(due).to_have_value(re.compile(r"^202777-"))  # what was typed stays in the field
    error = plan.locator(".cif-error-message")
    expect(error).to_have_text(
        "Error: Enter a real date with a 4-digit year, like 27 3 2026. This date has not been saved."
    )
    expect(due).to_have_attribute("aria-invalid", "true")
    assert saved_record(page)["actions"][0]["due"] == typed


SAVED_DUE_IS = """([key, due]) => {
  const text = localStorage.getItem(key);
  const record = text && Object.values(JSON.parse(text).assessments)[0];
  return Boolean(record && record.actions && record.actions[0] && record.actions[0].due === due);
}"""
