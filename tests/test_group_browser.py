"""Comparing a group of authorities (assess/group.html) in real Chromium, used the way a facilitator
uses it: choosing or dropping several exported files, reading the heatmap, spread and profiles,
hiding names, removing a file and printing. Opened from disk (file://) unless a test says otherwise.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import REPO, choose_files_by_keyboard

AUTHORITIES = ["Anyshire", "Borsetshire", "Casterbridge"]


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


def export(fw: dict[str, Any], authority: str, level: int, **framework: str) -> str:
    """An export as the form writes it: every criterion answered with level number `level` (1-5)
    except the first criterion of the second dimension, which moves the dimension's score."""
    answers = {c["id"]: fw["levels"][level - 1]["id"] for d in fw["dimensions"] for c in d["criteria"]}
    answers[fw["dimensions"][1]["criteria"][0]["id"]] = fw["levels"][-1]["id"]
    return json.dumps(
        {
            "format": "cif-self-assessment",
            "formatVersion": 1,
            "exportedAt": "2026-10-02T10:00:00.000Z",
            "framework": {"id": fw["id"], "version": fw["version"], "title": fw["title"], **framework},
            "assessment": {
                "name": "Baseline, autumn 2026",
                "authority": authority,
                "date": "2026-10-01",
                "answers": answers,
                "targets": {fw["dimensions"][0]["id"]: fw["levels"][3]["id"]},
                "notes": {fw["dimensions"][0]["id"]: {"evidence": "An audit of records.", "views": ""}},
            },
        }
    )


@pytest.fixture
def files(fw: dict[str, Any], tmp_path: Path) -> list[Path]:
    """Three good exports (levels 1, 2 and 4), one broken file and one from another framework."""
    written = []
    for name, level in zip(AUTHORITIES, (1, 2, 4), strict=True):
        path = tmp_path / f"{name.lower()}-baseline.json"
        path.write_text(export(fw, name, level), encoding="utf-8")
        written.append(path)
    broken = tmp_path / "half-saved.json"
    broken.write_text(export(fw, "Dunwich", 3)[:200], encoding="utf-8")
    foreign = tmp_path / "other-framework.json"
    foreign.write_text(export(fw, "Elsewhere", 3, id="a-different-framework"), encoding="utf-8")
    return [*written, broken, foreign]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def open_group(context: BrowserContext, site: Path, base: str | None = None) -> tuple[Page, list[str]]:
    """Open the page; return it and a list that collects script errors and every request made
    after the page has loaded."""
    page = context.new_page()
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(f"error: {error}"))
    page.goto(base + "assess/group.html" if base else (site / "assess" / "group.html").as_uri())
    expect(page.get_by_label("Choose files exported from the self-assessment form")).to_be_visible()
    # The label shows without script too: wait until the page's script has started, so a test never
    # acts on the page while the script is still setting it up.
    expect(page.locator('[data-module="cif-group-files"]')).to_have_attribute("data-cif-group-files-init", "")
    # The page's own second script (the profiles' charts, rounds and CSV), fetched from the site
    # once there are files, is the one request allowed: it sends nothing.
    page.on(
        "request",
        lambda request: (
            None
            if request.method == "GET" and request.url.endswith("/assets/framework/assess-group-more.js")
            else seen.append(f"request: {request.url}")
        ),
    )
    return page, seen


def drop_files(page: Page, paths: list[Path], target: str = "#cif-group-drop") -> None:
    """Drop files on an element with a real DataTransfer, as the browser does for a drag from the desktop."""
    contents = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in paths]
    page.evaluate(
        """([selector, files]) => {
            const data = new DataTransfer();
            for (const f of files) data.items.add(new File([f.text], f.name, {type: 'application/json'}));
            const zone = document.querySelector(selector);
            zone.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: data}));
            zone.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
            zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
        }""",
        [target, contents],
    )


def heatmap(page: Page) -> list[list[str]]:
    """The heatmap as a person reads it: the header row, then each authority's row."""
    rows: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('#cif-heatmap tr')].map(tr =>
            [...tr.children].map(cell => cell.innerText.replace(/\\s+/g, ' ').trim()))"""
    )
    return rows


def spread_row(page: Page, dimension_title: str) -> list[str]:
    row = page.locator("#cif-spread tbody tr").filter(has_text=dimension_title)
    return [t.strip() for t in row.locator("td").all_inner_texts()]


def assert_three_authorities_and_two_problems(page: Page, fw: dict[str, Any]) -> None:
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    rows = heatmap(page)
    assert rows[0][0] == "Authority" and rows[0][1] == f"1. {fw['dimensions'][0]['name']}"
    assert len(rows[0]) == len(fw["dimensions"]) + 1
    by_name = {row[0].split(" (")[0]: row for row in rows[1:]}
    assert sorted(by_name) == AUTHORITIES
    # Every cell carries its score, level and coverage in words; dimension 2 has one criterion at Leading.
    levels = [lv["label"] for lv in fw["levels"]]
    first = len(fw["dimensions"][0]["criteria"])
    everything = f"from {first} of {first} criteria"
    whole = len(levels)  # a result is its whole level only, "Level 2 of 5"
    assert by_name["Anyshire"][1] == f"Level 1 of {whole} {levels[0]} {everything}"
    assert by_name["Borsetshire"][1] == f"Level 2 of {whole} {levels[1]} {everything}"
    assert by_name["Casterbridge"][1] == f"Level 4 of {whole} {levels[3]} {everything}"
    count = len(fw["dimensions"][1]["criteria"])
    tenths = math.floor((5 + 4 * (count - 1)) * 10 / count + 0.5)  # the form's rule: mean, one decimal
    expected = f"Level {tenths // 10} of {whole} {levels[tenths // 10 - 1]} from {count} of {count} criteria"
    assert by_name["Casterbridge"][2] == expected

    problems = page.locator("#cif-group-problems")
    expect(problems).to_be_visible()
    expect(problems.locator("li").filter(has_text="half-saved.json")).to_contain_text("could not be read as JSON")
    foreign = problems.locator("li").filter(has_text="other-framework.json")
    expect(foreign).to_contain_text("Another framework")
    expect(foreign).to_contain_text("a-different-framework")
    expect(page.locator("#cif-group-file-list li")).to_have_count(3)


# --- Opening files --------------------------------------------------------------------------------


def test_choosing_five_files_shows_three_authorities_and_reports_the_other_two_by_name(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, seen = open_group(context, built_site)
    expect(page.locator("#cif-group-results")).to_be_hidden()
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    assert_three_authorities_and_two_problems(page, fw)
    expect(page.locator("#cif-group-announcer")).to_contain_text("3 files added to the comparison")
    expect(page.locator("#cif-group-announcer")).to_contain_text("2 files could not be included")
    assert seen == [], "reading files must neither fail nor request anything"


def test_dropping_files_on_the_box_does_the_same(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, seen = open_group(context, built_site)
    drop_files(page, files)
    assert_three_authorities_and_two_problems(page, fw)
    assert seen == []


def test_files_dropped_beside_the_box_are_not_opened_in_place_of_the_page(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    drop_files(page, files[:1], target="h1")
    expect(page.locator("#cif-group-none")).to_be_visible()
    assert page.url.endswith("assess/group.html")


def test_files_can_be_added_in_several_goes_and_the_same_file_is_not_counted_twice(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    chooser = page.get_by_label("Choose files exported from the self-assessment form")
    chooser.set_input_files(files[:1])
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(1)
    chooser.set_input_files(files[:2])
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(2)
    expect(page.locator("#cif-group-problems")).to_contain_text("already in the comparison")


def test_spread_gives_lowest_median_and_highest_of_each_dimension(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    levels = [lv["label"] for lv in fw["levels"]]
    # Whole levels, as the heatmap shows them: the organisations are at levels 1, 2 and 4.
    assert spread_row(page, fw["dimensions"][0]["name"]) == [
        f"{levels[0]} (level 1 of {len(levels)})",
        f"{levels[1]} (level 2 of {len(levels)})",
        f"{levels[3]} (level 4 of {len(levels)})",
        "3 of 3",
    ]


def test_each_authority_has_a_profile_with_chart_and_figures(
    context: BrowserContext, built_site: Path, files: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    profile = page.locator(".cif-profile").filter(has=page.get_by_role("heading", name="Borsetshire", exact=True))
    expect(profile).to_have_count(1)
    expect(profile.get_by_role("img")).to_have_attribute(
        "aria-label", re.compile(r"for Borsetshire, on the scale 1 to 5")
    )
    first = profile.locator("tbody tr").first
    expect(first).to_contain_text(f"{fw['levels'][1]['label']} (level 2 of {len(fw['levels'])})")
    expect(first).to_contain_text(fw["levels"][3]["label"])  # the target


def test_a_file_from_another_version_is_flagged_and_a_newer_one_refused(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    older = tmp_path / "older.json"
    older.write_text(export(fw, "Oldtown", 2, version="0.0.1"), encoding="utf-8")
    newer = tmp_path / "newer.json"
    newer.write_text(export(fw, "Newtown", 2, version="99.0.0"), encoding="utf-8")
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files([older, newer])
    row = page.locator("#cif-heatmap tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_contain_text("Oldtown")
    expect(row.locator("th")).to_contain_text("Version 0.0.1")
    expect(page.locator("#cif-group-file-list")).to_contain_text("Made with version 0.0.1 of the framework")
    expect(page.locator("#cif-group-summary")).to_contain_text("made with another version")
    expect(page.locator("#cif-group-problems li").filter(has_text="newer.json")).to_contain_text("newer than")


# --- Hiding names, removing, printing ------------------------------------------------------------


def test_hiding_names_shows_letters_everywhere_in_a_stable_order(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    before = [row[0] for row in heatmap(page)[1:]]
    page.get_by_label("Hide authority names").check()
    codes = [row[0] for row in heatmap(page)[1:]]
    assert codes == ["Authority A", "Authority B", "Authority C"]
    comparison = page.locator("#cif-group-results").inner_text() + page.locator("#cif-group-file-list").inner_text()
    assert not any(name in comparison for name in AUTHORITIES)
    assert not any(f.name in comparison for f in files)
    expect(page.locator(".cif-profile h4")).to_have_text(codes)
    expect(page.locator("#cif-group-announcer")).to_have_text("Authority names are hidden.")
    # The letters do not follow the names' alphabetical order or the order the files were chosen,
    # and the same files get the same letters when chosen again in another order.
    page.get_by_label("Hide authority names").uncheck()
    assert [row[0] for row in heatmap(page)[1:]] == before
    other, _ = open_group(context, built_site)
    other.get_by_label("Choose files exported from the self-assessment form").set_input_files(list(reversed(files)))
    expect(other.locator("#cif-heatmap tbody tr")).to_have_count(3)
    assert [row[0] for row in heatmap(other)[1:]] == before


def test_removing_a_file_takes_it_out_and_keeps_focus_in_the_list(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    page.get_by_role("button", name="Remove Borsetshire").click()
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(2)
    expect(page.locator("#cif-heatmap")).not_to_contain_text("Borsetshire")
    expect(page.locator("#cif-group-announcer")).to_contain_text("Removed Borsetshire")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Remove ")
    for name in ("Anyshire", "Casterbridge"):
        page.get_by_role("button", name=f"Remove {name}").click()
    expect(page.locator("#cif-group-results")).to_be_hidden()
    expect(page.locator("#cif-group-none")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "cif-group-files"


def test_printing_shows_the_comparison_without_the_controls(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    page.get_by_label("Hide authority names").check()
    page.emulate_media(media="print")
    expect(page.locator("#cif-heatmap")).to_be_visible()
    expect(page.locator("#cif-spread")).to_be_visible()
    expect(page.locator(".cif-profile")).to_have_count(3)
    expect(page.locator(".cif-print-header")).to_be_visible()
    for hidden in (
        "#cif-group-drop",
        "#cif-group-file-list",
        "#cif-group-print",
        "#cif-group-hide",
        "#nothing-uploaded",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


# --- Keyboard, http, accessibility ---------------------------------------------------------------


def test_keyboard_only_from_choosing_files_to_hiding_names_and_removing(
    context: BrowserContext, built_site: Path, files: list[Path]
) -> None:
    page, _ = open_group(context, built_site)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cif-group-files":
            break
    assert page.evaluate("document.activeElement.id") == "cif-group-files"
    choose_files_by_keyboard(page, files)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cif-group-hide":
            break
    else:
        # the remove buttons come first, then the checkbox
        raise AssertionError("Hide authority names was not reached with Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label("Hide authority names")).to_be_checked()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Remove")
    page.keyboard.press("Enter")
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(2)


def test_works_over_http_too(browser: Browser, built_site: Path, files: list[Path], fw: dict[str, Any]) -> None:
    with serve(built_site) as base:
        context = browser.new_context()
        page, seen = open_group(context, built_site, base)
        page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
        assert_three_authorities_and_two_problems(page, fw)
        assert seen == []
        context.close()


def violations(page: Page) -> list[str]:
    """axe-core's findings once the theme's transitions (such as the header title fading in when
    the page scrolls) have finished, so that a colour half-way through a fade is not judged."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return axe_violations(page)


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [
        ({"width": 1280, "height": 900}, "light"),
        ({"width": 320, "height": 640}, "light"),
        ({"width": 1280, "height": 900}, "dark"),
    ],
)
def test_no_accessibility_violations_with_files_problems_and_hidden_names(
    browser: Browser, built_site: Path, files: list[Path], viewport: dict[str, int], scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    page, _ = open_group(context, built_site)
    assert violations(page) == []
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(files)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    assert violations(page) == []
    page.get_by_label("Hide authority names").check()
    assert violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()
