"""A team's 0.1.0 assessment opens in the framework the site ships now, in real Chromium.

Version 0.1.0 was the site's own 11-dimension prototype; the shipped framework follows the structure
the Children's Information Project published. Its history says where each 0.1.0 id leads. These tests
answer with the real 0.1.0 form (tests/fixtures/versions/childrens-information-0.1.0.yml, the file as
published at commit eb722e3), so the record is exactly what that form saves and exports, then open it
with the site built from framework.yml: what carries is shown, what does not is kept aside whole, and
the notice says which is which.

Both sites are served from one origin (old/ and new/ under one folder), as a published site is when
it is updated in place, so what the 0.1.0 form saved on the device is what the new form finds.
The questions are chosen by what the history says of them, not by the shipped framework's ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.gates import serve
from tests.helpers import FIXTURES, REPO, STEP_ADDRESS, go_to_hub, go_to_step, make_site, run_mkdocs, saved_answers
from tests.helpers import answer as choose

OLD = FIXTURES / "versions" / "childrens-information-0.1.0.yml"
CURRENT = str(yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))["version"])

# What a team answered with 0.1.0, by the fate the shipped history gives each question (found in
# the history below, so the test follows the shipped framework if it is revised again).
RENAMED = "purpose-outcomes-link"
MERGED = ("ethics-proportionate-collection", "ethics-review-of-new-uses")
REMOVED = "analysis-capacity"
ANSWERS_0_1 = {RENAMED: "Developing", MERGED[0]: "Developing", MERGED[1]: "Embedded", REMOVED: "Established"}
# Notes and a target on a dimension the history removes, and notes on one it renames.
GONE_DIMENSION = "purpose-and-outcomes"
KEPT_DIMENSION = "systems-and-infrastructure"
GONE_EVIDENCE = "Audit of 40 forms, March: a third of fields had no known use"
KEPT_EVIDENCE = "Supplier review, May: workflows still follow the statutory returns"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def history_0_1() -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in load(REPO / "framework.yml")["history"] if e["version"] == "0.1.0")
    return entry


def titles(framework: dict[str, Any]) -> dict[str, str]:
    """{id: title} for every dimension and criterion."""
    result = {d["id"]: d["title"] for d in framework["dimensions"]}
    result.update({c["id"]: c["title"] for d in framework["dimensions"] for c in d["criteria"]})
    return result


def test_the_questions_this_file_answers_have_the_fates_it_expects() -> None:
    """The journey below needs one renamed, one merged pair, one removed criterion, one removed and
    one renamed dimension; if the shipped history changes, choose others here."""
    history = history_0_1()
    assert RENAMED in history["renamed"] and KEPT_DIMENSION in history["renamed"]
    assert any(sorted(olds) == sorted(MERGED) for olds in history["merged"].values())
    assert REMOVED in history["removed"] and GONE_DIMENSION in history["removed"]
    old = titles(load(OLD))
    assert all(cid in old for cid in (*ANSWERS_0_1, GONE_DIMENSION, KEPT_DIMENSION))


def test_every_0_1_id_is_accounted_for_by_the_shipped_history() -> None:
    """No 0.1.0 question or dimension is left to chance: each is still there, moved, or removed."""
    history = history_0_1()
    current = titles(load(REPO / "framework.yml"))
    moved = set(history.get("renamed", {})) | {old for olds in history.get("merged", {}).values() for old in olds}
    moved |= set(history.get("split", {}))
    removed = set(history.get("removed", []))
    unaccounted = [i for i in titles(load(OLD)) if i not in current and i not in moved and i not in removed]
    assert unaccounted == []
    assert not moved & removed


class Sites:
    """The 0.1.0 site and the site built from framework.yml, side by side in one served folder."""

    def __init__(self, root: Path) -> None:
        self.served = root / "served"
        self.build("old", OLD.read_text(encoding="utf-8"), root)
        self.build("new", (REPO / "framework.yml").read_text(encoding="utf-8"), root)

    def build(self, name: str, framework: str, root: Path) -> None:
        config = make_site(root / name, framework, nav=False)
        # Pages each framework lists as resources, so the fixture site builds strictly.
        for fw in (load(OLD), load(REPO / "framework.yml")):
            for resource in (r for d in fw["dimensions"] for r in d.get("resources", [])):
                page = root / name / "content" / resource["page"].split("#")[0]
                if not page.exists():
                    page.parent.mkdir(parents=True, exist_ok=True)
                    page.write_text(f"# {page.stem}\n\nA page of the fixture site.\n", encoding="utf-8")
        result = run_mkdocs(config, self.served / name)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = Sites(tmp_path_factory.mktemp("upgrade-0-1"))
    with serve(built.served) as url:
        yield url


def open_form(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "assess/index.html")
    expect(page.locator("#cif-results")).to_be_visible()
    assert errors == []
    return page


def saved(page: Page) -> dict[str, Any]:
    record = page.evaluate(
        """() => {
            const id = JSON.parse(document.getElementById('cif-framework').textContent).id;
            const settings = JSON.parse(localStorage.getItem(`cif:${id}:settings`));
            return JSON.parse(localStorage.getItem(`cif:${id}:assessments`)).assessments[settings.currentAssessment];
        }"""
    )
    assert isinstance(record, dict)
    return record


def answer_with_0_1(page: Page) -> None:
    """Answer, set a target and write notes on the 0.1.0 form, as a team would."""
    old = titles(load(OLD))
    for criterion_id, level in ANSWERS_0_1.items():
        choose(page, criterion_id, level)
    go_to_step(page, GONE_DIMENSION)
    page.get_by_label(f"Target level for {old[GONE_DIMENSION]}").select_option(label="3 Established")
    page.get_by_label(f"Evidence for your judgement on {old[GONE_DIMENSION]}").fill(GONE_EVIDENCE)
    go_to_step(page, KEPT_DIMENSION)
    page.get_by_label(f"Evidence for your judgement on {old[KEPT_DIMENSION]}").fill(KEPT_EVIDENCE)
    go_to_hub(page)


def export_json(page: Page) -> dict[str, Any]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers (JSON)", exact=True).click()
    result: dict[str, Any] = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    return result


def expected_answers() -> dict[str, str]:
    """Where the history says the answers lead: renamed as given, merged to the lower of the two."""
    history = history_0_1()
    merged_into = next(new for new, olds in history["merged"].items() if sorted(olds) == sorted(MERGED))
    return {history["renamed"][RENAMED]: "developing", merged_into: "developing"}


CHOSEN_LEVEL = """(id) => {
    const input = document.querySelector(`#criterion-${id} input:checked`);
    const level = input && document.querySelector(`label[for="${input.id}"] .cif-radio__level`);
    return level ? level.textContent.replace(':', '').trim() : null;
}"""
"""The level label of the option chosen for a criterion on the step shown, or null."""


def number_and_title(criterion_id: str) -> str:
    """How the new form names a question: "2.2 Information linked to the outcomes sought"."""
    for d, dimension in enumerate(load(REPO / "framework.yml")["dimensions"], start=1):
        for c, criterion in enumerate(dimension["criteria"], start=1):
            if criterion["id"] == criterion_id:
                return f"{d}.{c} {criterion['title']}"
    raise AssertionError(f"no criterion {criterion_id!r} in framework.yml")


NOT_CARRIED = [
    f"Answer to “{REMOVED}”: Established (the question was removed from the framework after version 0.1.0).",
    f"Target level for “{GONE_DIMENSION}”: Established (the question was removed from the framework after"
    " version 0.1.0).",
    f"Notes for “{GONE_DIMENSION}” (the question was removed from the framework after version 0.1.0).",
]


def expect_the_notice_to_account_for_everything(page: Page) -> None:
    """The notice at the top of the form: what moved, what to check, and what was kept aside."""
    renamed_to, merged_to = expected_answers()
    notice = page.get_by_role("region", name=f"Your answers were carried over to version {CURRENT} of the framework")
    expect(notice).to_be_focused()
    expect(notice).to_contain_text("They were made with version 0.1.0.")
    expect(notice).to_contain_text("nothing has been deleted")
    expect(notice.locator("h3:has-text('Moved to new questions') + ul li")).to_have_text(
        [
            f"Your answer to “{RENAMED}” is now the answer to {number_and_title(renamed_to)}",
            f"Your answer to “{MERGED[0]}” is now the answer to {number_and_title(merged_to)}",
            f"Your answer to “{MERGED[1]}” is now the answer to {number_and_title(merged_to)}",
        ]
    )
    expect(notice.locator("h3:has-text('Check these answers') ~ ul").first.locator("li")).to_have_text(
        [
            f"{number_and_title(renamed_to)}: the wording changed.",
            f"{number_and_title(merged_to)}: it combines your answers to “{MERGED[0]}” (Developing) and"
            f" “{MERGED[1]}” (Embedded); the lowest, Developing, was kept.",
        ]
    )
    expect(notice.locator("h3:has-text('Could not be carried over') ~ ul li")).to_have_text(NOT_CARRIED)
    expect(notice).to_contain_text("These are kept with your assessment and included when you export your answers")


def expect_kept_aside_whole(not_carried: list[dict[str, Any]]) -> None:
    """What could not be carried is in the assessment, every word of it, with why."""
    assert not_carried == [
        {"kind": "answer", "id": REMOVED, "value": "established", "reason": "removed", "version": "0.1.0"},
        {"kind": "target", "id": GONE_DIMENSION, "value": "established", "reason": "removed", "version": "0.1.0"},
        {
            "kind": "notes",
            "id": GONE_DIMENSION,
            "value": {"evidence": GONE_EVIDENCE, "views": ""},
            "reason": "removed",
            "version": "0.1.0",
        },
    ]


def expect_carried_to_show_on_the_form(page: Page) -> None:
    """Moved answers are chosen and marked for checking on their steps; notes of the dimension
    that continues under a new name are in its notes field."""
    history = history_0_1()
    renamed_to, merged_to = expected_answers()
    new = titles(load(REPO / "framework.yml"))
    for criterion_id, level, flag in (
        (renamed_to, "Developing", "Check this answer: the wording changed."),
        (merged_to, "Developing", "Check this answer: it comes from questions that have been combined into this one."),
    ):
        page.goto(page.evaluate(STEP_ADDRESS, criterion_id))
        page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
        fieldset = page.locator(f"#criterion-{criterion_id}")
        expect(fieldset.locator(".cif-review__text")).to_have_text(flag)
        assert page.evaluate(CHOSEN_LEVEL, criterion_id) == level
    kept = history["renamed"][KEPT_DIMENSION]
    go_to_step(page, kept)
    expect(page.get_by_label(f"Evidence for your judgement on {new[kept]}")).to_have_value(KEPT_EVIDENCE)


def test_a_0_1_assessment_saved_on_the_device_opens_with_nothing_lost_silently(
    sites: str, context: BrowserContext
) -> None:
    page = open_form(context, sites + "old/")
    answer_with_0_1(page)
    record_id = saved(page)["id"]
    assert saved(page)["frameworkVersion"] == "0.1.0"

    # The site is updated in place: the same device opens the form of the new version.
    page.goto(sites + "new/assess/index.html")
    expect(page.locator("#cif-results")).to_be_visible()
    assert saved_answers(page) == expected_answers()
    expect_the_notice_to_account_for_everything(page)

    record = saved(page)
    assert record["id"] == record_id
    assert record["frameworkVersion"] == CURRENT
    expect_kept_aside_whole(record["notCarried"])

    exported = export_json(page)
    assert exported["framework"]["version"] == CURRENT
    assert exported["assessment"]["answers"] == expected_answers()
    expect_kept_aside_whole(exported["assessment"]["notCarried"])

    expect_carried_to_show_on_the_form(page)


@pytest.fixture
def export_0_1(sites: str, browser: Browser) -> dict[str, Any]:
    """A JSON export made with the 0.1.0 form, on a device of its own."""
    made = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = open_form(made, sites + "old/")
    answer_with_0_1(page)
    exported = export_json(page)
    made.close()
    assert exported["framework"]["version"] == "0.1.0"
    return exported


def test_a_0_1_export_imports_with_nothing_lost_silently(
    sites: str, context: BrowserContext, export_0_1: dict[str, Any]
) -> None:
    page = open_form(context, sites + "new/")
    page.locator("#cif-import-file").set_input_files(
        {"name": "baseline-0.1.0.json", "mimeType": "application/json", "buffer": json.dumps(export_0_1).encode()}
    )
    page.get_by_role("button", name="Import answers", exact=True).click()
    confirm = page.get_by_role("region", name="Replace your answers with the ones in this file?")
    expect(confirm).to_contain_text(
        f"The file was made with version 0.1.0 of the framework. This site uses version {CURRENT}, so the answers"
        " will be carried over using the changes published with it: 3 answers moved to new questions,"
        " 2 answers to check, 3 entries that cannot be carried over, kept in exports."
    )
    page.get_by_role("button", name="Replace my answers").click()
    assert saved_answers(page) == expected_answers()
    expect_the_notice_to_account_for_everything(page)
    expect_kept_aside_whole(saved(page)["notCarried"])
    expect_kept_aside_whole(export_json(page)["assessment"]["notCarried"])
    expect_carried_to_show_on_the_form(page)
