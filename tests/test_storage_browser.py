"""The form when the browser will not save (issue 17, items 4 and 9), in real Chromium: nothing the
person typed is thrown away without asking, nothing claims it is kept when it is not, and saved data
the site cannot read is described as what it is.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import BrowserContext, Dialog, expect

from mkdocs_framework.model import Framework
from tests.helpers import go_to_step
from tests.test_assessment_browser import QUOTA_FULL, choose, open_form, shown


def test_with_storage_full_starting_a_new_assessment_asks_first_and_offers_an_export(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script(QUOTA_FULL)
    page = open_form(context, built_site)
    # The hub holds the assessment's details (its questions are on the steps, each its own page).
    name = page.get_by_label("Assessment name")
    name.fill("Baseline, autumn 2026")
    page.get_by_role("button", name="Start a new assessment").click()
    dialog = page.get_by_role("dialog", name="The answers in this form are not saved on this device")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("will be lost")
    # The export offered rescues the answers.
    with page.expect_download() as info:
        dialog.get_by_role("button", name="Export it first").click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    assert json.loads(body)["assessment"]["name"] == "Baseline, autumn 2026"
    # Cancel keeps everything as it was.
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(name).to_have_value("Baseline, autumn 2026")
    # Going on starts a new one, and the banner does not claim anything is kept on the device.
    page.get_by_role("button", name="Start a new assessment").click()
    dialog.get_by_role("button", name="Start a new one anyway").click()
    banner = page.locator("#cif-banner")
    expect(banner).to_contain_text("New assessment started")
    expect(banner).not_to_contain_text("kept on this device")
    expect(banner).to_contain_text("export them to keep them")
    expect(name).to_have_value("")


def test_with_storage_full_leaving_the_page_with_answers_asks_first(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script(QUOTA_FULL)
    page = open_form(context, built_site)
    choose(page, framework.dimensions[0].criteria[0].id, "Established")
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # the person stays: the page and its answers are still there
    assert not page.is_closed()
    assert shown(page) == {framework.dimensions[0].criteria[0].id: "established"}


def test_with_storage_working_leaving_the_page_does_not_ask(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    page = open_form(context, built_site)
    choose(page, framework.dimensions[0].criteria[0].id, "Established")
    asked: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    with page.expect_event("close"):
        page.close(run_before_unload=True)
    assert asked == []


# Saved data that cannot be read (a newer version's, or damaged) is described truly: tests/js/form-import.test.mjs.


def test_a_paste_longer_than_a_notes_box_says_it_was_cut(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_form(context, built_site)
    go_to_step(page, framework.dimensions[0].id)
    title = framework.dimensions[0].title
    box = page.get_by_label(f"Evidence for your judgement on {title}")
    # The limit is stated by the field.
    expect(page.locator(f"#evidence-{framework.dimensions[0].id}-hint")).to_contain_text("Up to 20,000 characters")
    page.evaluate("text => navigator.clipboard.writeText(text)", "word " * 4100)  # 20,500 characters
    box.click()
    page.keyboard.press("Control+V")
    expect(box).to_have_value(("word " * 4100)[:20000])
    note = page.locator(f"#evidence-{framework.dimensions[0].id}-cut")
    expect(note).to_have_text(
        "What you pasted was too long for this box, which holds up to 20,000 characters: "
        "the last 500 characters of it were left out."
    )
    # A paste that fits says nothing.
    other = page.get_by_label(f"How children's and families' views informed your judgement on {title}")
    page.evaluate("text => navigator.clipboard.writeText(text)", "Short note")
    other.click()
    page.keyboard.press("Control+V")
    expect(other).to_have_value("Short note")
    expect(page.locator(".cif-cut")).to_have_count(1)
