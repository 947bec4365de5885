"""Answers carried across a new version of the framework, in real Chromium.

A fixture site is built with version 1 (tests/fixtures/versions/v1.yml) and served over http from a
fixed folder, so localStorage survives when the same folder is rebuilt with version 2 (or 1.1) and
the page reloaded, as happens to a person when the published site is updated.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import FIXTURES, REPO, go_to_hub, go_to_step, make_site, run_mkdocs, saved_answers
from tests.helpers import answer as choose

VERSIONS = FIXTURES / "versions"
STORAGE_KEY = "cif:versioned:assessments"
SETTINGS_KEY = "cif:versioned:settings"

# Answers given under version 1: every criterion, with the two to be merged disagreeing.
V1_ANSWERS = {
    "keep": "High",
    "reword": "Middle",
    "old-name": "Low",
    "part-one": "Middle",
    "part-two": "High",
    "whole": "Middle",
    "dropped": "High",
}
LEVEL_IDS = {"Low": "low", "Middle": "mid", "High": "high"}


class Site:
    """A fixture site in a fixed folder that can be rebuilt with another framework file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = make_site(root, (VERSIONS / "v1.yml").read_text(encoding="utf-8"))
        self.folder = root / "site"
        # The published site's theme overrides and stylesheet, so axe-core judges what people see.
        config = yaml.safe_load(self.config.read_text(encoding="utf-8"))
        config["theme"]["custom_dir"] = str(REPO / "overrides")
        config["extra_css"] = ["assets/site.css"]
        (root / "content" / "assets").mkdir(exist_ok=True)
        shutil.copy(REPO / "content" / "assets" / "site.css", root / "content" / "assets" / "site.css")
        self.config.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    def build(self, version_file: str) -> None:
        (self.root / "framework.yml").write_text((VERSIONS / version_file).read_text(encoding="utf-8"), "utf-8")
        result = run_mkdocs(self.config, self.folder)
        assert result.returncode == 0, result.stderr


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Site, str]]:
    built = Site(tmp_path)
    built.build("v1.yml")
    with serve(built.folder) as url:
        yield built, url


def open_form(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "assess/index.html")
    expect(page.locator("#cif-results")).to_be_visible()
    assert errors == []
    return page


def answer(page: Page, criterion_id: str, level: str) -> None:
    """Choose a level on the step of the form that asks the question (going there when needed)."""
    choose(page, criterion_id, level)


def checked(page: Page) -> dict[str, str]:
    """The answers of the assessment open in the tab, as saved on the device."""
    return saved_answers(page)


def stored(page: Page) -> dict[str, Any]:
    """Everything the form keeps in localStorage, parsed."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert text, "nothing saved"
    result: dict[str, Any] = json.loads(text)
    return result


def saved(page: Page) -> dict[str, Any]:
    settings = json.loads(page.evaluate("key => localStorage.getItem(key)", SETTINGS_KEY))
    current: dict[str, Any] = stored(page)["assessments"][settings["currentAssessment"]]
    return current


def flagged(page: Page) -> dict[str, str]:
    """{criterion id: the "check this answer" text shown on the question}, from every step of the
    form (both fixtures have the dimensions alpha and beta); leaves the page on the last step."""
    result: dict[str, str] = {}
    for dimension in ("alpha", "beta"):
        go_to_step(page, dimension)
        result.update(
            page.evaluate(
                """() => Object.fromEntries([...document.querySelectorAll('fieldset[data-criterion] .cif-review')]
                    .map(flag => [flag.closest('fieldset').dataset.criterion,
                                  flag.querySelector('.cif-review__text').textContent]))"""
            )
        )
    return result


def export_json(page: Page) -> dict[str, Any]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers (JSON)", exact=True).click()
    result: dict[str, Any] = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    return result


def import_file(page: Page, name: str, data: dict[str, Any]) -> None:
    page.locator("#cif-import-file").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": json.dumps(data).encode("utf-8")}
    )
    page.get_by_role("button", name="Import answers", exact=True).click()


def answer_v1(page: Page) -> None:
    """Answer every question of version 1 on its step, then go back to the form's hub."""
    for criterion_id, level in V1_ANSWERS.items():
        answer(page, criterion_id, level)
    page.get_by_label("Target level for Beta").select_option(label="2 Middle")
    page.get_by_label("Evidence for your judgement on Beta").fill("Case file audit, spring")
    go_to_hub(page)


WORDING_CHANGED = "Check this answer: the wording changed."
MIGRATED_V2 = {
    "keep": "high",
    "reword": "mid",
    "new-name": "low",
    "both-parts": "mid",
    "whole-first": "mid",
    "whole-second": "mid",
}


def test_answers_saved_under_version_1_are_carried_flagged_and_listed_after_the_site_moves_to_version_2(
    site: tuple[Site, str], context: BrowserContext
) -> None:
    built, url = site
    page = open_form(context, url)
    answer_v1(page)
    record_id = saved(page)["id"]
    assert saved(page)["frameworkVersion"] == "1.0"
    assert set(saved(page)["fingerprints"]) == set(V1_ANSWERS)

    built.build("v2.yml")
    page.reload()
    expect(page.locator("#cif-results")).to_be_visible()

    # The answers, exactly as declared: kept, renamed, merged (the lower of Middle and High),
    # split, reworded; the removed one is not among them.
    assert checked(page) == MIGRATED_V2

    # The notice at the top of the form: a focused region with a heading, listing everything.
    notice = page.get_by_role("region", name="Your answers were carried over to version 2.0 of the framework")
    expect(notice).to_be_visible()
    expect(notice).to_be_focused()
    expect(notice).to_contain_text("They were made with version 1.0.")
    expect(notice).to_contain_text("1 answer was carried over unchanged.")
    expect(notice.get_by_role("link", name="What changed in this version of the framework")).to_have_attribute(
        "href", "../framework/changes.html"
    )
    moved = notice.locator("h3:has-text('Moved to new questions') + ul li")
    expect(moved).to_have_text(
        [
            "Your answer to “old-name” is now the answer to 1.3 Renamed later",
            "Your answer to “part-one” is now the answer to 2.1 Merged from two",
            "Your answer to “part-two” is now the answer to 2.1 Merged from two",
            "Your answer to “whole” is now the answer to 2.2 First half of the split",
            "Your answer to “whole” is now the answer to 2.3 Second half of the split",
        ]
    )
    to_check = notice.locator("h3:has-text('Check these answers') ~ ul").first.locator("li")
    expect(to_check).to_have_text(
        [
            "1.2 Reworded later: the wording changed.",
            "2.1 Merged from two: it combines your answers to “part-one” (Middle) and “part-two” (High);"
            " the lowest, Middle, was kept.",
            "2.2 First half of the split: your answer to “whole” was copied to each of the questions it was"
            " divided into.",
            "2.3 Second half of the split: your answer to “whole” was copied to each of the questions it was"
            " divided into.",
        ]
    )
    expect(notice.locator("h3:has-text('Could not be carried over') ~ ul li")).to_have_text(
        ["Answer to “dropped”: High (the question was removed from the framework after version 1.0)."]
    )
    expect(notice).to_contain_text("kept with your assessment and included when you export your answers")
    assert axe_violations(page) == []

    # The link in the notice leads to the question, on its step.
    notice.get_by_role("link", name="1.2 Reworded later").click()
    assert page.url.endswith("/assess/alpha.html#criterion-reword")
    expect(page.locator("#criterion-reword")).to_be_in_viewport()

    # Each question to check is marked on its step; the target and notes came across too.
    assert flagged(page) == {
        "reword": WORDING_CHANGED,
        "both-parts": "Check this answer: it comes from questions that have been combined into this one.",
        "whole-first": "Check this answer: it was copied from a question that has been divided into several.",
        "whole-second": "Check this answer: it was copied from a question that has been divided into several.",
    }
    expect(page.get_by_label("Target level for Beta")).to_have_value("mid")
    expect(page.get_by_label("Evidence for your judgement on Beta")).to_have_value("Case file audit, spring")

    # Stored under the same id, migrated, with what could not be carried and the version it came from.
    record = saved(page)
    assert record["id"] == record_id
    assert list(stored(page)["assessments"]) == [record_id]
    assert record["frameworkVersion"] == "2.0"
    assert record["answers"] == MIGRATED_V2
    assert record["notCarried"] == [
        {"kind": "answer", "id": "dropped", "value": "high", "reason": "removed", "version": "1.0"}
    ]
    assert [(m["from"], m["to"]) for m in record["migrations"]] == [("1.0", "2.0")]

    # The export holds the answer that was not carried over.
    go_to_hub(page)
    exported = export_json(page)
    assert exported["framework"]["version"] == "2.0"
    assert exported["assessment"]["answers"] == MIGRATED_V2
    assert exported["assessment"]["notCarried"] == record["notCarried"]
    assert exported["assessment"]["review"] == {
        "reword": "reworded",
        "both-parts": "merged",
        "whole-first": "split",
        "whole-second": "split",
    }

    # Re-answering or keeping an answer settles its flag, and that is remembered.
    answer(page, "both-parts", "High")
    go_to_step(page, "alpha")
    page.get_by_role("button", name="Keep this answer to 1.2 Reworded later").click()
    expect(page.locator("#criterion-reword input:checked")).to_be_focused()
    assert set(flagged(page)) == {"whole-first", "whole-second"}
    assert saved(page)["answers"]["reword"] == "mid"

    # The notice stays, on the hub, until it is hidden; nothing is migrated twice.
    go_to_hub(page)
    expect(notice).to_be_visible()
    assert len(saved(page)["migrations"]) == 1
    notice.get_by_role("button", name="Hide this message").click()
    expect(notice).to_be_hidden()
    page.reload()
    expect(page.locator("#cif-results")).to_be_visible()
    expect(notice).to_be_hidden()
    assert checked(page) == {**MIGRATED_V2, "both-parts": "high"}
    assert saved(page)["notCarried"] == record["notCarried"]


def test_a_level_added_in_version_1_1_keeps_every_answer_and_asks_to_check_each(
    site: tuple[Site, str], context: BrowserContext
) -> None:
    built, url = site
    page = open_form(context, url)
    answer_v1(page)
    built.build("v1.1-level-added.yml")
    page.reload()
    expect(page.locator("#cif-results")).to_be_visible()
    # Same ids and same levels: every value is kept. Each criterion gained a descriptor for the new
    # level, so the ladder each answer was chosen on changed: each is flagged as reworded, and
    # nothing is moved or set aside.
    assert checked(page) == {cid: LEVEL_IDS[level] for cid, level in V1_ANSWERS.items()}
    notice = page.get_by_role("region", name="Your answers were carried over to version 1.1 of the framework")
    expect(notice).to_be_visible()
    expect(notice.locator("h3")).to_have_text(["Check these answers (7)"])
    assert "notCarried" not in saved(page)
    assert axe_violations(page) == []
    assert flagged(page) == dict.fromkeys(V1_ANSWERS, WORDING_CHANGED)
    assert axe_violations(page) == [], "a step with every answer flagged"


@pytest.fixture
def v1_export(site: tuple[Site, str], context: BrowserContext) -> dict[str, Any]:
    """A JSON export made on the version 1 site."""
    _, url = site
    page = open_form(context, url)
    answer_v1(page)
    exported = export_json(page)
    page.close()
    return exported


@pytest.fixture
def v2_form(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Page]:
    """The version 2 site, in a browser of its own, with two answers already given."""
    built = Site(tmp_path_factory.mktemp("v2"))
    built.build("v2.yml")
    with serve(built.folder) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = open_form(context, url)
        answer(page, "keep", "Low")
        answer(page, "added", "Middle")
        go_to_hub(page)
        yield page
        context.close()


def test_an_export_from_version_1_imports_into_version_2_carried_over(v1_export: dict[str, Any], v2_form: Page) -> None:
    page = v2_form
    import_file(page, "baseline-v1.json", v1_export)
    confirm = page.get_by_role("region", name="Replace your answers with the ones in this file?")
    expect(confirm).to_contain_text(
        "The file was made with version 1.0 of the framework. This site uses version 2.0, so the answers will be"
        " carried over using the changes published with it: 1 answer unchanged, 5 answers moved to new questions,"
        " 4 answers to check, 1 entry that cannot be carried over, kept in exports."
    )
    assert checked(page) == {"keep": "low", "added": "mid"}
    page.get_by_role("button", name="Replace my answers").click()
    assert checked(page) == MIGRATED_V2
    notice = page.get_by_role("region", name="Your answers were carried over to version 2.0 of the framework")
    expect(notice).to_be_focused()
    expect(notice.locator("h3:has-text('Could not be carried over') ~ ul li")).to_have_text(
        ["Answer to “dropped”: High (the question was removed from the framework after version 1.0)."]
    )
    assert export_json(page)["assessment"]["notCarried"][0]["id"] == "dropped"
    assert axe_violations(page) == []
    assert set(flagged(page)) == {"reword", "both-parts", "whole-first", "whole-second"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "future",
            "The selected file cannot be imported. These answers were made with version 9.0 of the framework,"
            " which is newer than the version this site uses (2.0).",
        ),
        ("foreign", "The selected file is for a different framework (“another-framework”)."),
    ],
)
def test_exports_from_a_newer_version_or_another_framework_are_refused_and_nothing_changes(
    v1_export: dict[str, Any], v2_form: Page, change: str, message: str
) -> None:
    page = v2_form
    data = json.loads(json.dumps(v1_export))
    if change == "future":
        data["framework"]["version"] = "9.0"
        data["assessment"]["frameworkVersion"] = "9.0"
    else:
        data["framework"]["id"] = "another-framework"
    before = saved(page)
    import_file(page, "other.json", data)
    summary = page.get_by_role("alert").filter(has_text="There is a problem with the file")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Your current answers have not changed.")
    expect(summary).to_contain_text(message)
    assert checked(page) == {"keep": "low", "added": "mid"}
    assert saved(page) == before
    expect(page.locator("#cif-migration")).to_be_hidden()


def test_answers_on_the_device_from_a_newer_version_are_left_intact_with_an_explanation(
    site: tuple[Site, str], context: BrowserContext
) -> None:
    built, url = site
    built.build("v2.yml")
    page = open_form(context, url)
    answer(page, "keep", "High")
    newer = saved(page)
    newer["frameworkVersion"] = "9.0"
    text = json.dumps({"schemaVersion": 1, "assessments": {newer["id"]: newer}})
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
    go_to_hub(page)
    expect(page.locator("#cif-results")).to_be_visible()
    notice = page.get_by_role("region", name="Your saved answers cannot be opened here")
    expect(notice).to_be_focused()
    expect(notice).to_contain_text(
        "These answers were made with version 9.0 of the framework, which is newer than the version this site"
        " uses (2.0)."
    )
    expect(notice).to_contain_text("They have been left exactly as they are.")
    # The form shows a new, empty assessment rather than the one it cannot open.
    expect(page.locator("[data-task-status='alpha']")).to_have_text("Not started")
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) == text
    assert axe_violations(page) == []
    # Entering an answer starts a new assessment beside the newer one, which stays as it was.
    answer(page, "added", "Low")
    assessments = stored(page)["assessments"]
    assert assessments[newer["id"]] == newer
    assert len(assessments) == 2
