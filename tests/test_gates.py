"""Quality gates over every page of the real built site, each proven able to fail on a fixture site
with a deliberate defect (tests/fixtures/defects/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.axe import axe_violations
from tests.gates import (
    FORM_PAGES,
    KeyboardReport,
    PageWatch,
    broken_links,
    horizontal_overflow,
    serve,
    site_pages,
    tab_through,
)
from tests.helpers import REPO, first_step, go_to_hub, settled

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Visit:
    """What happened while one page was open."""

    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    overflow_at_320: int = 0
    cookies: list[str] = field(default_factory=list)
    storage_keys: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)


def visit_all(browser: Browser, site: Path) -> dict[str, Visit]:
    """Open every page of a site over http (desktop width, 320 px, and desktop in the dark colour
    scheme) and record what happened."""
    visits: dict[str, Visit] = {}
    with serve(site) as base:
        for viewport, scheme in ((DESKTOP, "light"), (PHONE, "light"), (DESKTOP, "dark")):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
            page = context.new_page()
            watch = PageWatch(page, base)
            for html in site_pages(site):
                name = str(html.relative_to(site))
                visit = visits.setdefault(name, Visit())
                before = (len(watch.foreign), len(watch.failed), len(watch.console_errors))
                page.goto(base + name)
                settled(page)  # what the page does on load has been done, and seen by the watch
                visit.foreign_requests += watch.foreign[before[0] :]
                visit.failed_requests += watch.failed[before[1] :]
                visit.console_errors += watch.console_errors[before[2] :]
                if viewport is PHONE and scheme == "light":
                    visit.overflow_at_320 = horizontal_overflow(page)
                where = f"at {viewport['width']} px" + (" in dark mode" if scheme == "dark" else "")
                visit.accessibility += [f"{where}: {v}" for v in axe_violations(page)]
                visit.cookies += [c["name"] for c in context.cookies()]
                visit.storage_keys += page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))")
            context.close()
    return visits


@pytest.fixture(scope="module")
def real_site_visits(browser: Browser, built_site: Path) -> dict[str, Visit]:
    return visit_all(browser, built_site)


@pytest.fixture(scope="module")
def defective_visits(browser: Browser, defective_site: Path) -> dict[str, Visit]:
    return visit_all(browser, defective_site)


def allowed_storage_keys() -> set[str]:
    """Storage keys the privacy notice lists (the theme's colour-scheme key is matched separately)."""
    notice = (REPO / "content" / "privacy.md").read_text(encoding="utf-8")
    assert "colour scheme" in notice
    return set(re.findall(r"`(cif:[^`]+)`", notice))


def unlisted_keys(keys: list[str]) -> list[str]:
    allowed = allowed_storage_keys()
    return sorted({k for k in keys if k not in allowed and not k.endswith(".__palette")})


# --- accessibility ---------------------------------------------------------------------------


def test_no_wcag_a_or_aa_violations_at_desktop_width_320_px_or_in_dark_mode(real_site_visits: dict[str, Visit]) -> None:
    assert {p: v.accessibility for p, v in real_site_visits.items() if v.accessibility} == {}


def test_accessibility_gate_catches_an_unlabelled_field(defective_visits: dict[str, Visit]) -> None:
    assert any(v.startswith("at 1280 px: label ") for v in defective_visits["defects.html"].accessibility)
    assert any(v.startswith("at 320 px: label ") for v in defective_visits["defects.html"].accessibility)


# --- links -----------------------------------------------------------------------------------


def test_no_broken_internal_links_or_anchors(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_link_gate_catches_a_broken_link_and_anchor(defective_site: Path) -> None:
    found = broken_links(defective_site)
    assert "defects.html: nowhere.md (no such file)" in found
    assert "defects.html: index.html#no-such-heading (no element with id 'no-such-heading')" in found


# --- privacy ---------------------------------------------------------------------------------


def test_pages_request_nothing_from_other_hosts(real_site_visits: dict[str, Visit]) -> None:
    assert {p: v.foreign_requests for p, v in real_site_visits.items() if v.foreign_requests} == {}


def test_no_cookies_and_only_the_storage_the_privacy_notice_lists(real_site_visits: dict[str, Visit]) -> None:
    assert {p: v.cookies for p, v in real_site_visits.items() if v.cookies} == {}
    assert {
        p: unlisted_keys(v.storage_keys) for p, v in real_site_visits.items() if unlisted_keys(v.storage_keys)
    } == {}


def test_privacy_gates_catch_a_tracker_a_cookie_and_unlisted_storage(defective_visits: dict[str, Visit]) -> None:
    visit = defective_visits["defects.html"]
    assert any("tracker.example" in url for url in visit.foreign_requests)
    assert "tracking-id" in visit.cookies
    assert unlisted_keys(visit.storage_keys) == ["tracking-key"]


# --- console and requests --------------------------------------------------------------------


def test_no_console_errors_or_failed_requests(real_site_visits: dict[str, Visit]) -> None:
    assert {p: v.console_errors for p, v in real_site_visits.items() if v.console_errors} == {}
    assert {p: v.failed_requests for p, v in real_site_visits.items() if v.failed_requests} == {}


def test_console_gate_catches_an_error_and_a_missing_file(defective_visits: dict[str, Visit]) -> None:
    visit = defective_visits["defects.html"]
    assert any("deliberate defect" in e for e in visit.console_errors)
    assert any("missing-picture.png" in r for r in visit.failed_requests)


# --- reflow ----------------------------------------------------------------------------------


def test_no_horizontal_scrolling_at_320_px(real_site_visits: dict[str, Visit]) -> None:
    assert {p: v.overflow_at_320 for p, v in real_site_visits.items() if v.overflow_at_320} == {}


def test_reflow_gate_catches_a_wide_element(defective_visits: dict[str, Visit]) -> None:
    assert defective_visits["defects.html"].overflow_at_320 > 0


# --- keyboard --------------------------------------------------------------------------------

KEYBOARD_PAGES = [
    "index.html",
    "framework/index.html",
    first_step().replace("assess/", "framework/"),
    "worksheets/index.html",
    first_step().replace("assess/", "worksheets/"),
    "resources/running-a-workshop.html",
    "glossary.html",
    "accessibility.html",
    *FORM_PAGES,
]


@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_keyboard_reaches_everything_with_visible_unobscured_focus(
    browser: Browser, built_site: Path, name: str
) -> None:
    with serve(built_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(base + name)
        report = tab_through(page)
        page.close()
    assert report == KeyboardReport([], [], [])


def test_keyboard_gate_catches_unreachable_unfocusable_and_covered_controls(
    browser: Browser, defective_site: Path
) -> None:
    with serve(defective_site) as base:
        page = browser.new_page(viewport=DESKTOP)  # type: ignore[arg-type]
        page.goto(base + "defects.html")
        report = tab_through(page)
        page.close()
    assert "A fake button that the keyboard cannot reach" in report.unreachable
    assert "A link with no focus indicator" in report.no_visible_focus
    assert "A link that sticks under the header" in report.hidden_under_header


def test_using_the_form_stores_only_what_the_privacy_notice_lists(browser: Browser, built_site: Path) -> None:
    with serve(built_site) as base:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        watch = PageWatch(page, base)
        page.goto(base + first_step())
        radios = page.locator("input.cif-radio__input")
        for index in (1, 9, 16):
            radios.nth(index).check()
        page.locator("textarea").first.fill("Evidence from the case audit.")
        go_to_hub(page)
        with page.expect_download() as exported:
            page.get_by_role("button", name="Export answers (JSON)").click()
        # The team view keeps a facilitator's work in progress in the tab: open the export there.
        page.goto(base + "assess/team.html")
        page.locator("#cif-team-files").set_input_files(exported.value.path())
        expect(page.locator("#cif-team-none")).to_be_hidden()
        keys = page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))")
        cookies = context.cookies()
        context.close()
    # Every key the notice lists is used, except the one the team view writes only when the tab's
    # storage is full (tests/test_team_robust_browser.py fills it).
    only_when_full = {k for k in allowed_storage_keys() if k.endswith(":team:unkept")}
    assert len(only_when_full) == 1
    # The form's IndexedDB database of files (only once a person keeps an assessment in a file,
    # tests/test_file_keep_browser.py) is not local or session storage.
    in_indexeddb = {k for k in allowed_storage_keys() if k.endswith(":files")}
    assert len(in_indexeddb) == 1
    assert sorted(k for k in keys if k.startswith("cif:")) == sorted(
        allowed_storage_keys() - only_when_full - in_indexeddb
    )
    assert unlisted_keys(keys) == []
    assert cookies == []
    assert watch.foreign == [] and watch.console_errors == [] and watch.failed == []
