"""The self-assessment page in real Chromium, used the way a person uses it.

Every test starts from a fresh browser context (empty localStorage) on the real built site,
opened from disk (file://) unless it says otherwise.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from pypdf import PdfReader

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import answer, go_to_hub, go_to_step, saved_answers

HOSTILE_NOTE = '=1+1 is "not" a formula,\nsecond line costs £5 <script>window.__hacked = 1</script>'
STORAGE_KEY = "cif:childrens-information-framework:assessments"
SETTINGS_KEY = "cif:childrens-information-framework:settings"


def open_form(context: BrowserContext, site: Path, storage_blocked: bool = False) -> Page:
    """Open the form and check that no script raised an error.

    With storage blocked, the theme's own scripts (which read localStorage for the colour scheme)
    raise SecurityError; then only errors from our scripts count."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    page.goto((site / "assess" / "index.html").as_uri())
    expect(page.locator("#cif-results")).to_be_visible()
    assert [error for error in errors if not storage_blocked or "assets/framework/" in error] == []
    return page


@pytest.fixture
def form(context: BrowserContext, built_site: Path) -> Page:
    return open_form(context, built_site)


def criterion(page: Page, criterion_id: str) -> Locator:
    return page.locator(f"#criterion-{criterion_id}")


def choose(page: Page, criterion_id: str, option: str) -> None:
    """Click the words of an option, as a person does, on the step that asks the question."""
    answer(page, criterion_id, option)


def shown(page: Page) -> dict[str, str]:
    """Return {criterion id: value} for every answered question on the page shown (a step)."""
    result: dict[str, str] = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('fieldset[data-criterion]')]
            .map(f => [f.dataset.criterion, f.querySelector('input:checked')])
            .filter(([, input]) => input).map(([id, input]) => [id, input.value]))"""
    )
    return result


def checked(page: Page) -> dict[str, str]:
    """Return {criterion id: value} for the answers of the assessment open in the tab, as saved."""
    return saved_answers(page)


def saved(page: Page) -> dict[str, Any]:
    """Return the current assessment as saved in localStorage."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    assert text, "nothing saved"
    store = json.loads(text)
    settings = json.loads(page.evaluate("key => localStorage.getItem(key)", SETTINGS_KEY))
    current: dict[str, Any] = store["assessments"][settings["currentAssessment"]]
    return current


def download(page: Page, button: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    path = info.value.path()
    return info.value.suggested_filename, Path(path).read_bytes()


def fill_some(page: Page, framework: Framework) -> None:
    first, second = framework.dimensions[0], framework.dimensions[1]
    page.get_by_label("Assessment name").fill("Baseline, autumn 2026")
    page.get_by_label("Local authority (optional)").fill("Anyshire")
    page.get_by_label("Date of the assessment").fill("2026-10-01")
    choose(page, first.criteria[0].id, "Developing")
    choose(page, first.criteria[1].id, "Established")
    choose(page, first.criteria[2].id, "Not applicable")
    choose(page, first.criteria[3].id, "Not sure yet")
    go_to_step(page, first.id)
    page.get_by_label(f"Target level for {first.title}").select_option(label="4 Embedded")
    page.get_by_label(f"Evidence for your judgement on {first.title}").fill(HOSTILE_NOTE)
    choose(page, second.criteria[0].id, "Leading")
    page.get_by_label(f"How children's and families' views informed your judgement on {second.title}").fill(
        "Young people's panel, twice a year"
    )
    go_to_hub(page)


# --- Answering ---------------------------------------------------------------------------------


def test_answers_by_click_and_keyboard_are_saved_and_kept_after_reload(form: Page, framework: Framework) -> None:
    dimension = framework.dimensions[0]
    one, two = dimension.criteria[0].id, dimension.criteria[1].id
    choose(form, one, "Developing")
    # Keyboard: Tab from the answer just given, past its "Clear answer" button, into the next question.
    criterion(form, one).get_by_role("radio", name="Developing").focus()
    form.keyboard.press("Tab")
    expect(criterion(form, one).get_by_role("button", name="Clear answer")).to_be_focused()
    form.keyboard.press("Tab")
    expect(criterion(form, two).get_by_role("radio").first).to_be_focused()
    form.keyboard.press("Space")
    form.keyboard.press("ArrowDown")
    form.keyboard.press("ArrowDown")
    assert shown(form) == {one: "developing", two: "established"}
    assert checked(form) == {one: "developing", two: "established"}
    expect(form.locator(".cif-save-status").first).to_contain_text("Saved on this device")
    expect(form.locator(f"[data-score-for='{dimension.id}']")).to_contain_text("Developing (level 2 of 5), from 2 of")

    form.reload()
    form.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    assert shown(form) == {one: "developing", two: "established"}
    go_to_hub(form)
    task = form.locator(f"[data-task-status='{dimension.id}']")
    expect(task).to_have_text(f"{len(dimension.criteria) - 2} criteria not answered")
    assert saved(form)["frameworkId"] == framework.id
    assert saved(form)["frameworkVersion"] == framework.version


# --- Results -----------------------------------------------------------------------------------


def test_score_chart_and_table_follow_the_answers(form: Page, framework: Framework) -> None:
    fill_some(form, framework)
    first, second = framework.dimensions[0], framework.dimensions[1]
    table = form.get_by_role("table", name="Score, level and target for each dimension")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(framework.dimensions))
    # Developing (2) and Established (3) -> 2.5; Not applicable left out; Not sure yet unanswered.
    blank = len(first.criteria) - 4  # the criteria fill_some leaves unanswered
    expect(rows.nth(0)).to_have_text(
        f"{first.number}. {first.title}Level 2 of 5DevelopingEmbedded"
        f"from 2 of {len(first.criteria) - 1} criteria; 1 Not applicable, 1 Not sure yet"
        + (f", {blank} not answered" if blank else "")
    )
    expect(rows.nth(1).locator("td").first).to_have_text("Level 5 of 5")
    expect(rows.nth(2)).to_contain_text("No result yet")

    chart = form.get_by_role("img", name="Bar chart of the level of each dimension", exact=False)
    expect(chart).to_be_visible()
    expect(chart.locator("rect.cif-chart__bar")).to_have_count(1)
    expect(chart.locator("rect.cif-chart__bar--low")).to_have_count(1)  # the second: 1 of its criteria
    expect(chart.locator("text.cif-chart__value")).to_have_text(["Developing (level 2 of 5)", "Leading (level 5 of 5)"])
    expect(chart.locator("path.cif-chart__target")).to_have_count(1)

    highlights = form.locator("#cif-highlights")
    # A result from 1 of its criteria (low coverage) is never named strongest: it is named as low coverage.
    expect(highlights).not_to_contain_text("Strongest")
    expect(highlights).to_contain_text("that needs at least two results that are not low coverage")
    expect(highlights).to_contain_text(
        f"Low coverage (from fewer than half of their criteria): {second.number}. {second.title}"
    )
    expect(form.locator("#cif-completeness")).to_contain_text(
        f"4 of {framework.criteria_count} criteria answered (1 Not applicable), 1 Not sure yet, "
    )

    # A change is announced politely on its step, and the results follow it.
    choose(form, first.criteria[3].id, "Leading")
    announcer = form.locator("#cif-announcer")
    assert announcer.get_attribute("aria-live") == "polite"
    applicable = len(first.criteria) - 1
    expect(announcer).to_have_text(f"{first.title}: Established (level 3 of 5), from 3 of {applicable} criteria.")
    go_to_hub(form)
    expect(rows.nth(0).locator("td").first).to_have_text("Level 3 of 5")
    expect(chart.locator("text.cif-chart__value").first).to_have_text("Established (level 3 of 5)")


def test_the_scoring_rule_is_explained_on_the_page(form: Page) -> None:
    section = form.locator("h2#how-scoring-works + .fw-scoring-rule")
    expect(section).to_contain_text("average (mean) of the level numbers")
    expect(section).to_contain_text("A result shows only the whole level, for example “Leading (level 5 of 5)”.")
    expect(section).not_to_contain_text("decimal")
    expect(section).to_contain_text("Not applicable")
    expect(section).to_contain_text("Not sure yet")


def test_print_results_gives_a_short_summary_without_the_questions(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = open_form(context, built_site)
    fill_some(page, framework)
    page.get_by_label("Assessment name").fill("Board paper <script>window.__hacked = 1</script>")
    page.get_by_role("button", name="Print results").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("fieldset").first).to_be_hidden()
    expect(page.get_by_role("button", name="Export answers (JSON)")).to_be_hidden()
    expect(page.locator("#cif-print-title")).to_have_text(
        "Self-assessment results: Board paper <script>window.__hacked = 1</script>"
    )
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [p.extract_text() for p in pdf.pages]
    assert 1 <= len(pages) <= 2, f"the printed summary is {len(pages)} pages: {[text[-400:] for text in pages]}"
    # The chart follows the summary on the first page, not pushed over to leave it two-thirds empty.
    assert "Level of each dimension, with its target" in pdf.pages[0].extract_text()
    text = " ".join(pages)
    assert "Board paper" in text and "Anyshire" in text
    assert "Score, level and target for each dimension" in text
    assert framework.dimensions[0].criteria[0].descriptors[0] not in text
    assert page.evaluate("window.__hacked") is None


# --- Keeping answers safe ------------------------------------------------------------------------


def test_export_json_and_csv_hold_everything_safely(form: Page, framework: Framework) -> None:
    fill_some(form, framework)
    first, second = framework.dimensions[0], framework.dimensions[1]
    name, body = download(form, "Export answers (JSON)")
    assert name == "baseline-autumn-2026-2026-10-01.json"
    data = json.loads(body.decode("utf-8"))
    assert data["framework"]["id"] == framework.id
    assert data["framework"]["version"] == framework.version
    assert data["exportedAt"].endswith("Z")
    exported = data["assessment"]
    assert (exported["name"], exported["authority"], exported["date"]) == (
        "Baseline, autumn 2026",
        "Anyshire",
        "2026-10-01",
    )
    assert exported["answers"] == {
        first.criteria[0].id: "developing",
        first.criteria[1].id: "established",
        first.criteria[2].id: "not_applicable",
        first.criteria[3].id: "not_sure",
        second.criteria[0].id: "leading",
    }
    assert exported["targets"] == {first.id: "embedded"}
    assert exported["notes"][first.id]["evidence"] == HOSTILE_NOTE

    name, body = download(form, "Download for a spreadsheet (CSV)")
    assert name.endswith(".csv")
    assert body.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte order mark for Excel"
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    summary = next(r for r in rows if r["Row"] == "Dimension" and r["Dimension ID"] == first.id)
    # The note survives exactly, quotes, comma, newline, £ and all, but cannot run as a formula.
    assert summary["Evidence notes"] == "'" + HOSTILE_NOTE
    assert summary["Dimension level number"] == "2"  # the whole level: the levels are untested
    assert summary["Target level"] == "Embedded"
    assert summary["Assessment name"] == "Baseline, autumn 2026"
    answer = next(r for r in rows if r["Criterion ID"] == first.criteria[0].id)
    assert (answer["Answer"], answer["Level number"]) == ("Developing", "2")
    assert len(rows) == len(framework.dimensions) + framework.criteria_count
    assert form.evaluate("window.__hacked") is None


def test_start_again_asks_first_offers_export_and_then_clears(form: Page, framework: Framework) -> None:
    fill_some(form, framework)
    before = checked(form)
    start_again = form.get_by_role("button", name="Start again")
    start_again.click()
    dialog = form.get_by_role("dialog", name="Delete your answers and start again?")
    expect(dialog).to_be_visible()
    with form.expect_download() as info:
        dialog.get_by_role("button", name="Export answers first").click()
    assert json.loads(Path(info.value.path()).read_text("utf-8"))["assessment"]["answers"] == before
    # Escape cancels, keeps the answers and returns focus to the button.
    form.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(start_again).to_be_focused()
    assert checked(form) == before

    form.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Delete answers and start again").click()
    expect(dialog).to_be_hidden()
    banner = form.locator("#cif-banner")
    expect(banner).to_contain_text("Your answers have been deleted")
    expect(banner).to_be_focused()
    assert checked(form) == {}
    expect(form.get_by_label("Assessment name")).to_have_value("")
    assert form.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None
    form.reload()
    expect(form.locator("#cif-results")).to_be_visible()
    assert checked(form) == {}
    go_to_step(form, framework.dimensions[0].id)
    assert shown(form) == {}
    expect(form.get_by_label(f"Evidence for your judgement on {framework.dimensions[0].title}")).to_have_value("")


def import_file(page: Page, name: str, content: bytes) -> None:
    page.get_by_label("Choose a JSON file exported from this form").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )
    page.get_by_role("button", name="Import answers", exact=True).click()


def test_an_export_imports_back_to_identical_answers(form: Page, framework: Framework) -> None:
    fill_some(form, framework)
    before_form = checked(form)
    before = {key: saved(form)[key] for key in ("name", "authority", "date", "answers", "targets", "notes")}
    _, exported = download(form, "Export answers (JSON)")
    form.get_by_role("button", name="Start again").click()
    form.get_by_role("button", name="Delete answers and start again").click()
    assert checked(form) == {}

    import_file(form, "baseline.json", exported)
    banner = form.locator("#cif-banner")
    expect(banner).to_contain_text("Answers imported")
    # The message counts the answers as the hub's list does, in the same words (4 answered, not the
    # file's 5 entries, one of which is "Not sure yet").
    counts = f"4 of {framework.criteria_count} criteria answered (1 Not applicable), 1 Not sure yet, "
    expect(banner).to_contain_text(f"Imported from baseline.json: {counts}")
    expect(form.locator("#cif-progress")).to_contain_text(counts)
    hub_counts = form.locator("#cif-progress").inner_text().split(". ")[0]
    expect(banner).to_contain_text(f"Imported from baseline.json: {hub_counts}.")
    assert checked(form) == before_form
    assert {key: saved(form)[key] for key in before} == before
    expect(form.get_by_label("Assessment name")).to_have_value("Baseline, autumn 2026")
    form.reload()
    expect(form.locator("#cif-results")).to_be_visible()
    assert checked(form) == before_form
    go_to_step(form, framework.dimensions[0].id)
    expect(form.get_by_label(f"Evidence for your judgement on {framework.dimensions[0].title}")).to_have_value(
        HOSTILE_NOTE
    )
    first_ids = {item.id for item in framework.dimensions[0].criteria}
    assert shown(form) == {key: value for key, value in before_form.items() if key in first_ids}


def export_like(framework: Framework, **assessment: Any) -> dict[str, Any]:
    return {
        "format": "cif-self-assessment",
        "formatVersion": 1,
        "exportedAt": "2026-10-01T09:00:00Z",
        "framework": {"id": framework.id, "version": framework.version},
        "assessment": {"name": "From a file", "answers": {}, "targets": {}, "notes": {}, **assessment},
    }


REFUSED: dict[str, tuple[Any, str]] = {
    "bad JSON": (b'{"format": "cif-self-assessment", ', "could not be read as JSON"),
    "an empty file": (b"", "The selected file is empty"),
    "not an export": (b'{"hello": "world"}', "not an export from this self-assessment form"),
    "another framework": ("another", "is for a different framework (“another-framework”)"),
    "invalid values": ("invalid", "are not levels of this framework"),
    "too large": ("large", "larger than 1 MB"),
}


def refused_file(kind: str, framework: Framework) -> bytes:
    content, _ = REFUSED[kind]
    if isinstance(content, bytes):
        return content
    first = framework.dimensions[0].criteria[0].id
    data = export_like(framework, answers={first: "leading"})
    if content == "another":
        data["framework"]["id"] = "another-framework"
    elif content == "invalid":
        data["assessment"]["answers"][first] = "excellent"
    elif content == "large":
        data["assessment"]["notes"] = {framework.dimensions[0].id: {"evidence": "x" * (1024 * 1024)}}
    return json.dumps(data).encode("utf-8")


# Every kind of bad file is refused with its own message in tests/js/form-import.test.mjs; here, in
# Chromium, the error summary takes the focus and its link takes it on to the file field.
@pytest.mark.parametrize("kind", ["bad JSON"])
def test_a_bad_file_leaves_answers_untouched_and_says_what_is_wrong(
    form: Page, framework: Framework, kind: str
) -> None:
    fill_some(form, framework)
    before_form, before_saved = checked(form), saved(form)
    import_file(form, "file.json", refused_file(kind, framework))
    summary = form.get_by_role("alert").filter(has_text="There is a problem with the file")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Your current answers have not changed.")
    expect(summary).to_contain_text(REFUSED[kind][1])
    # The message is also shown by the file field, and tied to it for screen readers.
    file_input = form.get_by_label("Choose a JSON file exported from this form")
    expect(file_input).to_have_accessible_description(re.compile("Error: .*" + re.escape(REFUSED[kind][1])))
    summary.get_by_role("link").first.click()
    expect(file_input).to_be_focused()
    assert checked(form) == before_form
    assert saved(form) == before_saved
    expect(form.get_by_role("region", name="Replace your answers with the ones in this file?")).to_be_hidden()


QUOTA_FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""
STORAGE_BLOCKED = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
});
"""


def test_a_warning_advises_export_when_storage_is_full(
    context: BrowserContext, built_site: Path, framework: Framework
) -> None:
    context.add_init_script(QUOTA_FULL)
    page = open_form(context, built_site)
    go_to_step(page, framework.dimensions[0].id)
    warning = page.get_by_role("alert").filter(has_text="Your answers are not being saved")
    expect(warning).to_be_hidden()
    choose(page, framework.dimensions[0].criteria[0].id, "Established")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("storage for this site is full")
    expect(warning).to_contain_text("go to another page of the form")
    expect(warning.get_by_role("button", name="Export answers (JSON)")).to_be_visible()
    expect(page.locator(".cif-save-status").first).to_have_text(
        "Not saved on this device. Export your answers to keep them."
    )
    # The form still works, and export still rescues the answers.
    _, body = download(page, "Export answers (JSON)")
    assert json.loads(body)["assessment"]["answers"] == {framework.dimensions[0].criteria[0].id: "established"}


# --- Without JavaScript, over http, on a phone, by keyboard ------------------------------------


def test_without_javascript_every_question_is_readable(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "assess" / "index.html").as_uri())
    expect(page.get_by_text("Scoring needs JavaScript.")).to_be_visible()
    expect(page.get_by_role("button", name="Export answers (JSON)")).to_be_hidden()
    expect(page.locator("#cif-results")).to_be_hidden()
    for dimension in framework.dimensions:
        # Each section of the list opens its questions, readable without script.
        page.get_by_role("link", name=f"{dimension.number}. {dimension.title}", exact=True).click()
        expect(page.get_by_text("Scoring needs JavaScript.")).to_be_visible()
        expect(page.locator("fieldset")).to_have_count(len(dimension.criteria))
        for item in dimension.criteria:
            expect(page.get_by_role("group", name=item.title)).to_be_visible()
            expect(page.get_by_text(item.descriptors[-1], exact=True)).to_be_visible()
        worksheet = page.get_by_role("link", name=f"printable worksheet for {dimension.title}")
        assert worksheet.get_attribute("href") == f"../worksheets/{dimension.id}.html"
        page.go_back()
    context.close()


@pytest.fixture(scope="module")
def http_site(built_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def open_over_http(context: BrowserContext, http_site: str) -> tuple[Page, list[str]]:
    """Open the form from a local web server; return the page and the list of every URL it requests."""
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{http_site}/assess/index.html")
    return page, requests


def test_works_over_http_and_requests_nothing_elsewhere(
    context: BrowserContext, http_site: str, framework: Framework
) -> None:
    page, requests = open_over_http(context, http_site)
    choose(page, framework.dimensions[0].criteria[0].id, "Embedded")
    go_to_hub(page)
    expect(page.locator("#cif-results")).to_be_visible()
    assert checked(page) == {framework.dimensions[0].criteria[0].id: "embedded"}
    elsewhere = [url for url in requests if not url.startswith((http_site, "blob:", "data:"))]
    assert elsewhere == []
    assert context.cookies() == []


def scripts_fetched(requests: list[str]) -> list[str]:
    return [url.rsplit("/", 1)[1] for url in requests if "/assets/framework/" in url and url.endswith(".js")]


def test_the_form_loads_its_export_and_sharing_script_only_when_first_used(
    context: BrowserContext, http_site: str, framework: Framework
) -> None:
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # A step loads its own small script and nothing else of the form's.
    page.goto(f"{http_site}/assess/{framework.dimensions[0].id}.html")
    choose(page, framework.dimensions[0].criteria[0].id, "Embedded")
    expect(page.locator("[data-answered]")).to_have_text(f"1 of {framework.criteria_count} criteria answered")
    assert scripts_fetched(requests) == ["framework-data.js", "assess-step.js"]

    # The hub loads the framework's data and its first script with the page, the rest on first use.
    requests.clear()
    go_to_hub(page)
    expect(page.locator("#cif-results-body")).to_contain_text("Embedded")
    _, content = download(page, "Export answers (JSON)")
    assert json.loads(content)["assessment"]["answers"] == {framework.dimensions[0].criteria[0].id: "embedded"}
    name, content = download(page, "Download for a spreadsheet (CSV)")
    assert name.endswith(".csv")
    page.get_by_role("button", name="Copy a link to these results").click()
    total = sum(len(dimension.criteria) for dimension in framework.dimensions)
    expect(page.locator("#cif-share-contents")).to_contain_text(f"1 of {total} criteria answered")
    assert scripts_fetched(requests) == ["framework-data.js", "assess.js", "assess-more.js"], "each fetched once"


def test_when_the_connection_drops_export_says_so_and_works_once_it_is_back(
    context: BrowserContext, http_site: str, framework: Framework
) -> None:
    page = context.new_page()
    page.goto(f"{http_site}/assess/index.html")
    item = framework.dimensions[0].criteria[0].id
    choose(page, item, "Developing")
    page.route("**/assess-more.js", lambda route: route.abort("internetdisconnected"))
    go_to_hub(page)
    page.get_by_role("button", name="Export answers (JSON)", exact=True).click()
    banner = page.get_by_role("status").filter(has_text="This part of the form could not be loaded")
    expect(banner).to_be_focused()
    expect(banner).to_contain_text("Your answers are still saved on this device")
    assert checked(page) == {item: "developing"}
    assert axe_violations(page) == []

    page.unroute("**/assess-more.js")
    _, content = download(page, "Export answers (JSON)")
    assert json.loads(content)["assessment"]["answers"] == {item: "developing"}


def test_fits_a_phone_screen(browser: Browser, built_site: Path, framework: Framework) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = open_form(context, built_site)
    fill_some(page, framework)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    chart = page.locator("#cif-chart svg")
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    context.close()


def header_bottom(page: Page) -> float:
    box = page.locator(".md-header").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def test_keyboard_focus_is_visible_and_never_under_the_sticky_header(form: Page, framework: Framework) -> None:
    fill_some(form, framework)
    form.get_by_role("button", name="Start again").focus()
    seen: set[str] = set()
    # Walk backwards, so each control scrolls in from above, where the header is.
    for _ in range(60):
        form.keyboard.press("Shift+Tab")
        state = form.evaluate(
            """() => {
                const el = document.activeElement;
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                return {id: el.id || el.textContent.trim().slice(0, 40), top: box.top, bottom: box.bottom,
                        outline: style.outlineStyle, width: style.outlineWidth, inArticle: !!el.closest('article')};
            }"""
        )
        if not state["inArticle"]:
            break
        seen.add(state["id"])
        assert state["top"] >= header_bottom(form) - 1, f"{state['id']} is under the header"
        assert state["bottom"] <= 900, f"{state['id']} is below the window"
        assert state["outline"] != "none" and state["width"] != "0px", f"{state['id']} has no visible focus"
    assert len(seen) > 20


def test_following_an_overview_link_shows_the_section_heading_below_the_header(
    form: Page, framework: Framework
) -> None:
    dimension = framework.dimensions[5]
    form.goto(form.url.split("#")[0] + "#sections")
    form.locator(".cif-tasks").get_by_role("link", name=f"{dimension.number}. {dimension.title}").click()
    heading = form.get_by_role("heading", level=1)
    expect(heading).to_have_text(f"{dimension.number}. {dimension.title}")
    box = heading.bounding_box()
    assert box is not None and box["y"] >= header_bottom(form)


# --- Accessibility ---------------------------------------------------------------------------------


def test_no_wcag_violations_empty_part_filled_and_with_results(form: Page, framework: Framework) -> None:
    assert axe_violations(form) == [], "empty form"
    fill_some(form, framework)
    assert axe_violations(form) == [], "part-filled form with results"
    form.get_by_role("button", name="Import answers", exact=True).click()
    expect(form.locator("#cif-import-errors")).to_be_visible()
    assert axe_violations(form) == [], "import error shown"
    form.get_by_role("button", name="Start again").click()
    assert axe_violations(form) == [], "start again dialog open"


def test_no_wcag_violations_in_the_dark_colour_scheme(browser: Browser, built_site: Path, framework: Framework) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = open_form(context, built_site)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    fill_some(page, framework)
    assert axe_violations(page) == []
    context.close()
