"""Keeping an assessment in a file the person chooses (issue 27), in real Chromium, served over
http://127.0.0.1 (the origin private file system needs a secure context). The browser's pickers
are replaced by handles on the origin private file system (navigator.storage.getDirectory()), so
the page writes a real file the test reads back: every change written to it, reopened and carried
on after a reload, the file read back by the import, the team view and the group page (a folder of
exports), and every way writing can stop (permission refused, the file deleted, a write failing,
the file changed elsewhere) said at once with nothing lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import OPEN_ASSESSMENT, REPO, answer, go_to_hub, saved_answers

FILE = "workshop.json"

# The pickers, answering with handles on the origin private file system: the save and open pickers
# with the file named in window.__pick (workshop.json unless a test says otherwise), the folder
# picker with its folder "exports".
PICKERS = """
(() => {
  const root = () => navigator.storage.getDirectory();
  window.__pick = "FILE";
  window.showSaveFilePicker = async () => (await root()).getFileHandle(window.__pick, { create: true });
  window.showOpenFilePicker = async () => [await (await root()).getFileHandle(window.__pick)];
  window.showDirectoryPicker = async () => (await root()).getDirectoryHandle("exports", { create: true });
})();
""".replace("FILE", FILE)

READ = (
    "async (name) => { try { const root = await navigator.storage.getDirectory();"
    " return await (await (await root.getFileHandle(name)).getFile()).text(); } catch (e) { return null; } }"
)
WRITE = """async ([name, text]) => {
  const handle = await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}"""
# Every assessment on the device, as saved.
EVERYTHING = (
    "() => Object.values(JSON.parse(localStorage.getItem("
    "'cif:childrens-information-framework:assessments')).assessments)"
)
# The browser answers "write to this file?" with answer (refused, or asking again with a click).
PERMISSION = """
(() => {
  const answer = %s;
  FileSystemHandle.prototype.queryPermission = async () => answer;
  FileSystemHandle.prototype.requestPermission = async () => (answer === "prompt" ? "granted" : answer);
})();
"""


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serve(built_site) as address:
        yield address


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True)
    created.add_init_script(PICKERS)
    yield created
    created.close()


def criteria(fw: dict[str, Any], steps: int = 2) -> list[tuple[str, str]]:
    """(criterion id, a level's label) for three criteria: of the first two steps, or of the first."""
    label = fw["levels"][1]["label"]
    first, second = fw["dimensions"][0], fw["dimensions"][1]
    if steps == 1:
        return [(c["id"], label) for c in first["criteria"][:3]]
    return [(c["id"], label) for c in first["criteria"][:2]] + [(c["id"], label) for c in second["criteria"][:1]]


def level_id(fw: dict[str, Any]) -> str:
    return str(fw["levels"][1]["id"])


def started(page: Page) -> None:
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def file_text(page: Page, name: str = FILE) -> str | None:
    text: str | None = page.evaluate(READ, name)
    return text


# Resolves with the file's text once it holds the answers (it is written a moment after a change),
# looking again each time the browser is idle; fails after 10 s, saying what the file held.
WAIT_FOR_FILE = f"""async ([name, has]) => {{
  const deadline = performance.now() + 10000;
  let text = null;
  while (performance.now() < deadline) {{
    text = await ({READ})(name);
    const answers = text ? JSON.parse(text).assessment.answers : {{}};
    if (text && Object.entries(has).every(([id, value]) => answers[id] === value)) return text;
    await new Promise((done) => setTimeout(done, 50));
  }}
  throw new Error(`the file never held ${{JSON.stringify(has)}}: ${{text}}`);
}}"""


def wait_for_file(page: Page, has: dict[str, str], name: str = FILE) -> dict[str, Any]:
    """Waits until the file holds these answers; returns it."""
    exported: dict[str, Any] = json.loads(page.evaluate(WAIT_FOR_FILE, [name, has]))
    return exported


def saved_answers_once_written(page: Page, count: int) -> dict[str, str]:
    """The open assessment's answers as saved, once it holds count of them (saves are written when
    the tabs' lock is granted, a moment after the change)."""
    page.wait_for_function(
        f"() => Object.keys((({OPEN_ASSESSMENT})() || {{answers: {{}}}}).answers).length === {count}"
    )
    return saved_answers(page)


def saved_answer(page: Page, criterion: str, value: str) -> None:
    """Waits until the open assessment, as saved, has this answer."""
    page.wait_for_function(
        f"([id, value]) => ((({OPEN_ASSESSMENT})() || {{answers: {{}}}}).answers[id] === value)", arg=[criterion, value]
    )


def keep_in_file(base: str, context: BrowserContext) -> Page:
    """The hub, with the assessment kept in workshop.json."""
    page = context.new_page()
    page.goto(base + "assess/index.html")
    started(page)
    page.locator("#cif-name").fill("Workshop")  # offered once there is something to keep
    page.get_by_role("button", name="Keep this assessment in a file").click()
    expect(page.locator("#cif-filekeep-status")).to_contain_text(f"kept in the file {FILE} as well as in this browser")
    expect(page.locator("#cif-filekeep-status")).to_contain_text("Last written at")
    return page


def test_every_change_is_written_to_the_file_reopened_after_a_reload_and_read_back_everywhere(
    browser: Browser, context: BrowserContext, base: str, fw: dict[str, Any], tmp_path: Path
) -> None:
    level = level_id(fw)
    (one, label), (two, _), (three, _) = criteria(fw)
    page = context.new_page()
    page.goto(base + "assess/index.html")
    started(page)
    page.locator("#cif-name").fill("Workshop")  # offered once there is something to keep
    offer = page.get_by_role("button", name="Keep this assessment in a file")
    expect(offer).to_be_visible()
    expect(page.get_by_role("button", name="Open an assessment from a file")).to_be_visible()
    expect(page.locator(".cif-filekeep__missing")).to_be_hidden()
    assert axe_violations(page) == []
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0, "nothing stored before a choice"

    offer.click()
    status = page.locator("#cif-filekeep-status")
    expect(status).to_contain_text(f"This assessment is kept in the file {FILE} as well as in this browser.")
    expect(status).to_contain_text("Last written at")
    assert json.loads(file_text(page) or "")["format"], "the file is an export from the first moment"
    # Which file it is kept in is stored under the name the privacy notice lists, and nothing else.
    databases = page.evaluate("async () => (await indexedDB.databases()).map((db) => db.name)")
    assert databases == [f"cif:{fw['id']}:files"]
    assert f"`{databases[0]}`" in (REPO / "content" / "privacy.md").read_text(encoding="utf-8")

    # Answering on a step writes the file a moment later, and the step says where it is kept.
    answer(page, one, label)
    wait_for_file(page, {one: level})
    expect(page.locator("#cif-filekeep-status")).to_contain_text(f"kept in the file {FILE}")

    # Reopened: after a reload the page carries on writing to the same file.
    page.reload()
    started(page)
    answer(page, two, label)
    answer(page, three, label)
    exported = wait_for_file(page, {one: level, two: level, three: level})
    assert exported["assessment"]["answers"] == saved_answers_once_written(page, 3), (
        "the file holds what the browser holds"
    )
    go_to_hub(page)
    expect(page.locator("#cif-filekeep-status")).to_contain_text("Last written at")
    expect(page.locator("#cif-reminder")).to_be_hidden()
    assert axe_violations(page) == []

    # The file is an ordinary export: the import, the team view and the group page read it.
    saved = tmp_path / FILE
    saved.write_text(file_text(page) or "", encoding="utf-8")
    other = browser.new_context()
    reader = other.new_page()
    reader.goto(base + "assess/index.html")
    started(reader)
    reader.locator("#cif-import-file").set_input_files(saved)
    reader.locator("#cif-import").click()
    expect(reader.locator("#cif-banner")).to_contain_text("Answers imported")
    assert saved_answers_once_written(reader, 3) == {one: level, two: level, three: level}

    reader.goto(base + "assess/team.html")
    reader.locator("#cif-team-files").set_input_files(saved)
    expect(reader.locator("#cif-team-people > li")).to_have_count(1)
    other.close()

    # The group page opens the folder of exports the team keeps (two people's files in it).
    for name, authority in (("anyshire.json", "Anyshire"), ("borsetshire.json", "Borsetshire")):
        record = json.loads(saved.read_text(encoding="utf-8"))
        record["assessment"]["authority"] = authority
        page.evaluate(
            "async ([name, text]) => { const folder = await (await navigator.storage.getDirectory())"
            ".getDirectoryHandle('exports', { create: true });"
            " const w = await (await folder.getFileHandle(name, { create: true })).createWritable();"
            " await w.write(text); await w.close(); }",
            [name, json.dumps(record)],
        )
    page.goto(base + "assess/group.html")
    page.get_by_role("button", name="Open a folder of exports").click()
    expect(page.locator("#cif-group-file-list li")).to_have_count(2)
    expect(page.locator("#cif-group-profiles")).to_contain_text("Borsetshire")
    page.goto(base + "assess/team.html")
    page.get_by_role("button", name="Open a folder of exports").click()
    expect(page.locator("#cif-team-people > li")).to_have_count(2)


def test_a_refused_permission_a_deleted_file_and_a_failed_write_are_said_at_once_and_nothing_is_lost(
    context: BrowserContext, base: str, fw: dict[str, Any]
) -> None:
    level = level_id(fw)
    (one, label), (two, _), (three, _) = criteria(fw, steps=1)
    page = keep_in_file(base, context)
    alert = page.locator("#cif-filekeep-alert")

    # The browser asks again after a reload: "Carry on writing to <file>" asks, then writes.
    answer(page, one, label)
    wait_for_file(page, {one: level})
    page.add_init_script(PERMISSION % json.dumps("prompt"))
    page.reload()
    started(page)
    resume = page.get_by_role("button", name=f"Carry on writing to {FILE}")
    expect(resume).to_be_visible()
    answer(page, two, label)
    saved_answer(page, two, level)
    page.get_by_role("button", name=f"Carry on writing to {FILE}").click()
    wait_for_file(page, {one: level, two: level})
    expect(resume).to_be_hidden()

    # The file deleted: said at once, the answer kept in the browser, and chosen again.
    page.evaluate("async (name) => (await navigator.storage.getDirectory()).removeEntry(name)", FILE)
    answer(page, three, label)
    expect(alert).to_contain_text(f"Your changes are not being written to {FILE}")
    expect(alert).to_contain_text("moved, renamed or deleted")
    saved_answer(page, three, level)
    assert axe_violations(page) == []
    assert file_text(page) is None
    alert.get_by_role("button", name="Choose the file again").click()
    wait_for_file(page, {one: level, two: level, three: level})
    expect(alert).to_be_empty()

    # A write that fails (a full disk): said at once, the answer kept in the browser.
    page.evaluate(
        "() => { FileSystemFileHandle.prototype.createWritable = async () => {"
        " throw new DOMException('The disk is full.', 'QuotaExceededError'); }; }"
    )
    answer(page, three, fw["levels"][2]["label"])
    expect(alert).to_contain_text("There is no room left where the file is kept")
    saved_answer(page, three, fw["levels"][2]["id"])
    assert json.loads(file_text(page) or "")["assessment"]["answers"][three] == level

    # Permission refused: said as the page opens, with the work still in the browser.
    page.add_init_script(PERMISSION % json.dumps("denied"))
    page.reload()
    started(page)
    expect(alert).to_contain_text("This page is not allowed to write to the file any more")
    expect(alert.get_by_role("button", name="Choose the file again")).to_be_visible()
    saved_answer(page, three, fw["levels"][2]["id"])


def test_a_file_changed_elsewhere_is_never_written_over_unasked_and_both_versions_are_kept(
    context: BrowserContext, base: str, fw: dict[str, Any]
) -> None:
    level, other_level = level_id(fw), str(fw["levels"][3]["id"])
    (one, label), (two, _), _ = criteria(fw)
    page = keep_in_file(base, context)
    page.locator("#cif-name").fill("Baseline")
    answer(page, one, label)
    wait_for_file(page, {one: level})

    # Another device writes the file: this page's next change does not write over it.
    def changed_elsewhere(name: str, now: dict[str, str]) -> None:
        elsewhere = wait_for_file(page, now)
        elsewhere["assessment"]["name"] = name
        elsewhere["assessment"]["answers"] = {one: other_level}
        page.evaluate(WRITE, [FILE, json.dumps(elsewhere)])

    changed_elsewhere("From the laptop", {one: level})
    answer(page, two, label)
    panel = page.locator("#cif-filekeep-conflict")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(panel).to_contain_text(f"The file {FILE} has been changed somewhere else")
    assert axe_violations(page) == []
    assert json.loads(file_text(page) or "")["assessment"]["name"] == "From the laptop"

    # Keep the file's answers: the form shows them, and this browser's are kept aside whole.
    page.get_by_role("button", name="Keep the answers in the file").click()
    expect(panel).to_be_hidden()
    page.wait_for_function(f'() => {EVERYTHING}().some((a) => a.name.includes("this browser\'s version, kept aside"))')
    assert saved_answers_once_written(page, 1) == {one: other_level}
    everything = page.evaluate(EVERYTHING)
    aside = [a for a in everything if "this browser's version, kept aside" in a["name"]]
    assert len(aside) == 1 and aside[0]["answers"] == {one: level, two: level}
    assert aside[0]["name"].startswith("Baseline (")

    # Again, keeping this browser's answers: they go to the file, the file's are kept aside.
    changed_elsewhere("From the tablet", {one: other_level})
    answer(page, two, label)
    expect(panel).to_be_visible()
    page.get_by_role("button", name="Keep the answers in this browser").click()
    written = wait_for_file(page, {one: other_level, two: level})
    assert written["assessment"]["name"] == "From the laptop"
    page.wait_for_function(f"() => {EVERYTHING}().some((a) => a.name.startsWith('From the tablet'))")
    everything = page.evaluate(EVERYTHING)
    tablet = [a for a in everything if a["name"].startswith("From the tablet (the file's version, kept aside")]
    assert len(tablet) == 1 and tablet[0]["answers"] == {one: other_level}
    go_to_hub(page)
    expect(page.locator("#cif-library-list")).to_contain_text("From the tablet (the file's version, kept aside")


def test_an_assessment_opened_from_a_file_goes_through_the_import_and_is_written_on(
    context: BrowserContext, base: str, fw: dict[str, Any]
) -> None:
    level = level_id(fw)
    (one, label), (two, _), _ = criteria(fw)
    page = keep_in_file(base, context)
    answer(page, one, label)
    written = wait_for_file(page, {one: level})
    written["assessment"]["name"] = "Colleague's file"
    page.evaluate(WRITE, ["colleague.json", json.dumps(written)])
    go_to_hub(page)
    page.evaluate("() => { window.__pick = 'colleague.json'; }")
    page.get_by_role("button", name="Open an assessment from a file").click()
    # The import's own confirmation, since the form has answers in it.
    expect(page.locator("#cif-import-confirm")).to_be_visible()
    page.get_by_role("button", name="Replace my answers").click()
    expect(page.locator("#cif-banner")).to_contain_text("Answers imported")
    expect(page.locator("#cif-filekeep-status")).to_contain_text(
        "kept in the file colleague.json as well as in this browser"
    )
    answer(page, two, label)
    assert wait_for_file(page, {one: level, two: level}, "colleague.json")["assessment"]["name"] == "Colleague's file"
