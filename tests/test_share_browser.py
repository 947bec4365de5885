"""Sharing results in a link, in real Chromium: "Copy a link to these results" on the form tells the
person what the link holds and copies it; the link opens a read-only view (assess/shared.html) in a
fresh browser that never touches that browser's own answers; broken, foreign and other-version
links say so plainly.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import REPO, answer, go_to_hub

SECRET_EVIDENCE = "Audit of 20 records in the east team"
SECRET_VIEWS = "Young people's panel said the letters were confusing"
NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true})"


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def fill_form(page: Page, fw: dict[str, Any]) -> None:
    first, second = fw["dimensions"][0], fw["dimensions"][1]
    page.get_by_label("Assessment name").fill("Baseline, autumn 2026")
    page.get_by_label("Local authority (optional)").fill("Anyshire")
    page.get_by_label("Date of the assessment").fill("2026-10-01")
    for criterion, option in zip(first["criteria"], ("Developing", "Established", "Not applicable"), strict=False):
        answer(page, criterion["id"], option)
    page.get_by_label(f"Target level for {first['name']}").select_option(label="4 Embedded")
    page.get_by_label(f"Evidence for your judgement on {first['name']}").fill(SECRET_EVIDENCE)
    answer(page, second["criteria"][0]["id"], "Leading")
    page.get_by_label(f"How children's and families' views informed your judgement on {second['name']}").fill(
        SECRET_VIEWS
    )
    go_to_hub(page)


def open_form(context: BrowserContext, site: Path, base: str | None = None) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors = watch(page)
    page.goto(base + "assess/index.html" if base else (site / "assess" / "index.html").as_uri())
    expect(page.locator("#cif-results")).to_be_visible()
    return page, errors


def make_link(page: Page) -> str:
    """Use the share control as a person does; return the link it gives."""
    page.get_by_role("button", name="Copy a link to these results").click()
    page.get_by_role("button", name="Copy the link").click()
    field = page.get_by_label("Link to these results")
    expect(field).to_be_visible()
    return field.input_value()


def payload(link: str) -> dict[str, Any]:
    """The JSON a link carries after its '#r1.'."""
    fragment = link.split("#", 1)[1]
    assert fragment.startswith("r1.")
    text = fragment[3:]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("utf-8"))
    return data


def fragment(data: dict[str, Any]) -> str:
    text = base64.urlsafe_b64encode(json.dumps(data).encode("utf-8")).decode("ascii").rstrip("=")
    return "r1." + text


def shared_url(site: Path, data_or_fragment: dict[str, Any] | str) -> str:
    text = data_or_fragment if isinstance(data_or_fragment, str) else fragment(data_or_fragment)
    return (site / "assess" / "shared.html").as_uri() + "#" + text


def violations(page: Page) -> list[str]:
    """axe-core's findings once the theme's transitions have finished."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return axe_violations(page)


# --- Making a link ---------------------------------------------------------------------------------


def test_the_person_is_told_what_the_link_holds_before_it_is_copied(
    browser: Browser, built_site: Path, fw: dict[str, Any]
) -> None:
    with serve(built_site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page, errors = open_form(context, built_site, base)
        fill_form(page, fw)
        page.get_by_role("button", name="Copy a link to these results").click()
        panel = page.get_by_role("region", name="What the link contains")
        expect(panel).to_be_focused()
        expect(page.get_by_role("button", name="Copy a link to these results")).to_have_attribute(
            "aria-expanded", "true"
        )
        contents = panel.locator("ul")
        expect(contents).to_contain_text("Assessment name: “Baseline, autumn 2026”")
        expect(contents).to_contain_text("Local authority: Anyshire")
        expect(contents).to_contain_text("Date of the assessment: 1 October 2026")
        criteria = sum(len(dimension["criteria"]) for dimension in fw["dimensions"])
        expect(contents).to_contain_text(
            f"Your level for each criterion: 4 of {criteria} criteria answered (1 Not applicable), "
            f"{criteria - 4} not answered"
        )
        expect(contents).to_contain_text("Target levels: 1 target")
        expect(panel).to_contain_text("does not contain your evidence, your notes on children's and families' views")
        expect(page.get_by_label("Link to these results")).to_be_hidden()

        page.get_by_role("button", name="Copy the link").click()
        expect(page.locator("#cif-share-status")).to_have_text(
            "Link copied. Paste it into an email or a message to share these results."
        )
        link = page.get_by_label("Link to these results").input_value()
        assert page.evaluate("navigator.clipboard.readText()") == link
        assert link.startswith(base + "assess/shared.html#r1.")
        data = payload(link)
        assert data["n"] == "Baseline, autumn 2026" and data["u"] == "Anyshire" and data["d"] == "2026-10-01"
        assert data["f"] == fw["id"] and data["v"] == fw["version"]
        first = fw["dimensions"][0]
        assert data["a"][first["criteria"][0]["id"]][0] == 2
        assert data["a"][first["criteria"][2]["id"]][0] == -1
        assert data["t"] == {first["id"]: 4}
        assert SECRET_EVIDENCE not in link and SECRET_VIEWS not in link
        assert SECRET_EVIDENCE not in json.dumps(data) and SECRET_VIEWS not in json.dumps(data)
        assert len(link) < 1000
        assert errors == []
        context.close()


def test_without_the_clipboard_the_link_is_selected_for_copying_by_hand(
    context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    context.add_init_script(NO_CLIPBOARD)
    page, errors = open_form(context, built_site)
    fill_form(page, fw)
    link = make_link(page)
    expect(page.locator("#cif-share-status")).to_contain_text("Your browser did not let this page copy the link")
    expect(page.locator("#cif-share-status")).to_contain_text("press Ctrl+C")
    field = page.get_by_label("Link to these results")
    expect(field).to_be_focused()
    assert page.evaluate("[document.activeElement.selectionStart, document.activeElement.selectionEnd]") == [
        0,
        len(link),
    ]
    assert link.startswith((built_site / "assess" / "shared.html").as_uri() + "#r1.")
    assert errors == []


def test_cancel_and_escape_close_the_panel_and_return_focus(
    context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    page, _ = open_form(context, built_site)
    start = page.get_by_role("button", name="Copy a link to these results")
    start.click()
    page.get_by_role("button", name="Cancel", exact=True).click()
    expect(page.locator("#cif-share-panel")).to_be_hidden()
    expect(start).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#cif-share-panel")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#cif-share-panel")).to_be_hidden()
    expect(start).to_be_focused()


# --- Opening a link --------------------------------------------------------------------------------


def test_a_link_opens_read_only_results_in_a_fresh_browser_without_touching_its_own_answers(
    browser: Browser, context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    context.add_init_script(NO_CLIPBOARD)
    sender, _ = open_form(context, built_site)
    fill_form(sender, fw)
    link = make_link(sender)

    viewer = browser.new_context(viewport={"width": 1280, "height": 900})
    own, _ = open_form(viewer, built_site)
    own.get_by_label("Assessment name").fill("My own review")
    answer(own, fw["dimensions"][0]["criteria"][0]["id"], "Emerging")
    own_storage = own.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    own.close()

    page = viewer.new_page()
    errors = watch(page)
    page.goto(link)
    results = page.get_by_role("region", name="Results: Baseline, autumn 2026")
    expect(results).to_be_visible()
    expect(page.locator("#cif-shared-meta")).to_have_text(
        f"Anyshire · 1 October 2026 · {fw['shortTitle']}, version {fw['version']}"
    )
    expect(results).to_contain_text("Read only.")
    first = fw["dimensions"][0]
    row = page.locator("#cif-shared-table tbody tr").first
    blank = len(first["criteria"]) - 3  # two with a level and one Not applicable
    expect(row).to_have_text(
        f"1. {first['name']}Level 2 of {len(fw['levels'])}DevelopingEmbedded"
        f"from 2 of {len(first['criteria']) - 1} criteria; 1 Not applicable"
        + (f", {blank} not answered" if blank else "")
    )
    expect(page.get_by_role("img", name="Bar chart of the level of each dimension")).to_be_visible()
    answers = page.locator("#cif-shared-answers")
    expect(answers.locator("tr").filter(has_text=first["criteria"][0]["title"])).to_contain_text("2 Developing")
    expect(answers.locator("tr").filter(has_text=first["criteria"][2]["title"])).to_contain_text("Not applicable")
    expect(answers.locator("tr").filter(has_text=first["criteria"][3]["title"])).to_contain_text("Not answered")
    expect(page.locator("#cif-shared-version")).to_be_hidden()
    assert SECRET_EVIDENCE not in page.content()
    assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == own_storage
    assert errors == []

    back, _ = open_form(viewer, built_site)
    expect(back.get_by_label("Assessment name")).to_have_value("My own review")
    viewer.close()


def test_a_link_works_over_http_and_prints(browser: Browser, built_site: Path, fw: dict[str, Any]) -> None:
    data = {"f": fw["id"], "v": fw["version"], "n": "Review", "u": "", "l": [lv["id"] for lv in fw["levels"]]}
    data["a"] = {fw["dimensions"][0]["criteria"][0]["id"]: [5]}
    with serve(built_site) as base:
        context = browser.new_context()
        page = context.new_page()
        errors = watch(page)
        page.goto(base + "assess/shared.html#" + fragment(data))
        expect(page.get_by_role("heading", name="Results: Review")).to_be_visible()
        page.emulate_media(media="print")
        expect(page.locator("#cif-shared-table")).to_be_visible()
        expect(page.get_by_role("button", name="Print these results")).to_be_hidden()
        assert errors == []
        context.close()


# A truncated, a nonsense and a foreign link, and an address with no link, are tested in Node on the
# built page (tests/js/shared-links.test.mjs); here, in Chromium, one broken link with axe.
@pytest.mark.parametrize(("kind", "expected"), [("tampered", "This link is incomplete or has been changed")])
def test_broken_and_foreign_links_say_so_plainly(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], kind: str, expected: str
) -> None:
    data = {"f": fw["id"], "v": fw["version"], "n": "Review", "u": "Anyshire", "l": [lv["id"] for lv in fw["levels"]]}
    data["a"] = {c["id"]: [3] for c in fw["dimensions"][0]["criteria"]}
    good = fragment(data)
    links = {
        "tampered": good[:40] + ("A" if good[40] != "A" else "B") + good[41:],
        "truncated": good[: len(good) // 2],
        "nonsense": "hello-there",
        "foreign": fragment({**data, "f": "someone-elses-framework"}),
    }
    page = context.new_page()
    errors = watch(page)
    page.goto(shared_url(built_site, links[kind]))
    problem = page.locator("#cif-shared-problem")
    expect(problem).to_be_visible()
    expect(problem.get_by_role("heading")).to_have_text("These results cannot be shown")
    expect(problem).to_contain_text(expected)
    expect(page.locator("#cif-shared")).to_be_hidden()
    assert violations(page) == []
    assert errors == []


def test_a_link_from_another_version_says_so(context: BrowserContext, built_site: Path, fw: dict[str, Any]) -> None:
    data = {"f": fw["id"], "v": "0.0.1", "n": "Old baseline", "u": "", "l": [lv["id"] for lv in fw["levels"]]}
    data["a"] = {fw["dimensions"][0]["criteria"][0]["id"]: [4], "a-retired-question": [2]}
    page = context.new_page()
    errors = watch(page)
    page.goto(shared_url(built_site, data))
    expect(page.get_by_role("heading", name="Results: Old baseline")).to_be_visible()
    notice = page.locator("#cif-shared-version")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Made with another version of the framework")
    expect(notice).to_contain_text(f"made with version 0.0.1 of the framework. This site uses version {fw['version']}")
    expect(notice).to_contain_text("1 entry could not be carried over")
    expect(page.locator("#cif-shared-meta")).to_contain_text("version 0.0.1")
    first = fw["dimensions"][0]["criteria"][0]["title"]
    expect(page.locator("#cif-shared-answers tr").filter(has_text=first)).to_contain_text("4 Embedded")
    assert violations(page) == []
    assert errors == []


def test_pasting_another_link_into_the_open_page_shows_it(
    context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    data = {"f": fw["id"], "v": fw["version"], "n": "First", "u": "", "l": [lv["id"] for lv in fw["levels"]], "a": {}}
    page = context.new_page()
    page.goto(shared_url(built_site, data))
    expect(page.get_by_role("heading", name="Results: First")).to_be_visible()
    page.evaluate("h => { location.hash = h }", fragment({**data, "n": "Second"}))
    expect(page.get_by_role("heading", name="Results: Second")).to_be_visible()
    expect(page.get_by_role("region", name="Results: Second")).to_be_focused()
    page.evaluate("() => { location.hash = 'garbage' }")
    expect(page.locator("#cif-shared-problem")).to_be_focused()


# --- Accessibility ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [
        ({"width": 1280, "height": 900}, "light"),
        ({"width": 320, "height": 640}, "light"),
        ({"width": 1280, "height": 900}, "dark"),
    ],
)
def test_no_accessibility_violations_in_the_share_panel_and_the_read_only_view(
    browser: Browser, built_site: Path, fw: dict[str, Any], viewport: dict[str, int], scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    context.add_init_script(NO_CLIPBOARD)
    page, _ = open_form(context, built_site)
    fill_form(page, fw)
    page.get_by_role("button", name="Copy a link to these results").click()
    assert violations(page) == [], "panel open"
    page.get_by_role("button", name="Copy the link").click()
    link = page.get_by_label("Link to these results").input_value()
    assert violations(page) == [], "link shown for copying by hand"
    shared = context.new_page()
    shared.goto(link)
    expect(shared.locator("#cif-shared")).to_be_visible()
    assert violations(shared) == [], "read-only view"
    assert shared.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
