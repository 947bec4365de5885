"""The board report on paper, and compared with an exported file, in real Chromium (issue 24).

One report with a long action plan (every criterion below its target, each with a long action, the
owner "Head of performance and information governance" and a progress note) and progress since an
earlier assessment whose name holds a right-to-left override and a stray closing isolate is printed
once on A4 (page.pdf) and read back with poppler (pdftotext -layout, each page's body above its
footer), and measured in print media at the width of the page's content box. Every check of the
printed report shares that one print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mkdocs_framework.model import Framework
from tests.axe import axe_violations
from tests.helpers import run_tool
from tests.test_hostile_text_browser import reads_forwards
from tests.test_report_browser import earlier_assessment, full_assessment, open_page, open_report, seed

OWNER = "Head of performance and information governance"
# A right-to-left override left open and a closing isolate mark with nothing to close: unisolated,
# they would reverse the report's own words after the name ("..., 1 October 2025: ...").
HOSTILE_NAME = "Baseline \u202eautumn\u2069 2025"
# A4 less the report's page margins (assets/report.css: 1.6 cm each side), in CSS pixels.
CONTENT_WIDTH = (210 - 2 * 16) / 25.4 * 96
# The body of an A4 page in points, above the footer (bottom margin 2 cm) where the page number and
# the statement are printed.
BODY_POINTS = ("-x", "0", "-y", "0", "-W", "595", "-H", str(round(842 - 2 / 2.54 * 72)))

DOM_FACTS = """(width) => {
  const report = document.querySelector('#cif-report');
  const texts = (selector) => [...report.querySelectorAll(selector)].map((el) => el.textContent.trim());
  const wider = [];
  for (const el of report.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    const name = `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
    if (box.left < -0.5 || box.right > width + 0.5) wider.push(`${name} spans ${box.left}..${box.right}`);
    else if (el instanceof HTMLElement && getComputedStyle(el).display !== 'inline'
      && el.scrollWidth > el.clientWidth + 1)
      wider.push(`${name}: its text is ${el.scrollWidth}px wide in ${el.clientWidth}px`);
  }
  return {
    wider,
    headings: texts('h2, h3, h4, caption, figcaption'),
    intros: texts('.cif-report__intro'),
    heads: [...report.querySelectorAll('thead')]
      .map((head) => [...head.querySelectorAll('th')].map((th) => th.textContent.trim())),
    words: report.innerText,
  };
}"""

SCROLLING = """() => [...document.querySelectorAll('#cif-report .cif-table-wrap')]
  .filter((frame) => frame.scrollWidth > frame.clientWidth + 1)
  .map((frame) => `${frame.querySelector('caption').textContent}: ${frame.scrollWidth}px in ${frame.clientWidth}px`)"""


@dataclass(frozen=True)
class Printed:
    pages: list[str]  # each page's body (pdftotext -layout), footer left out
    wider: list[str]  # elements of the report wider than the page's content box, in print media
    headings: list[str]  # headings and captions of the report
    intros: list[str]  # paragraphs that introduce a table
    heads: list[list[str]]  # each table's column headers
    words: str  # the report's text, as laid out for print
    since_reads_forwards: bool  # the "Since ..." sentence's own words read left to right, printed
    scrolling: list[str]  # the report's tables that scroll sideways on a desktop screen


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def long_plan(framework: Framework) -> dict[str, Any]:
    """The full assessment with every criterion below its target (the highest level), so the plan
    suggests every one, each with a long action, a long owner and a progress note."""
    record = full_assessment(framework)
    top = framework.levels[-1].id
    record["targets"] = {d.id: top for d in framework.dimensions}
    record["plan"] = {
        c.id: {
            "action": f"Agree with the data protection officer how {c.title.lower()} is reviewed each quarter",
            "owner": OWNER,
            "due": "2027-03-31",
            "priority": "high",
            "status": "in-progress",
            "progress": "Draft circulated to the information governance board",
        }
        for d in framework.dimensions
        for c in d.criteria
    }
    return record


def hostile_earlier(framework: Framework) -> dict[str, Any]:
    return {**earlier_assessment(framework), "name": HOSTILE_NAME}


def pdf_pages(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", run_tool("pdfinfo", str(pdf))).group(1))  # type: ignore[union-attr]
    return [
        run_tool("pdftotext", "-layout", "-f", str(n), "-l", str(n), *BODY_POINTS, str(pdf), "-")
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def printed(
    browser: Browser, built_site: Path, framework: Framework, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Printed]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page, errors = open_report(context, built_site, framework, [long_plan(framework), hostile_earlier(framework)])
        page.get_by_label("Show progress since").select_option(index=1)
        expect(
            page.locator("#cif-report-progress").get_by_role("table", name="Each dimension then and now")
        ).to_be_visible()
        # On a desktop screen, every table fits the page without scrolling sideways.
        scrolling: list[str] = page.evaluate(SCROLLING)
        pdf = tmp_path_factory.mktemp("printed") / "report.pdf"
        page.pdf(path=str(pdf), format="A4")
        # Laid out as on paper: print media, as wide as the page's content box.
        page.set_viewport_size({"width": int(CONTENT_WIDTH), "height": 1000})
        page.emulate_media(media="print")
        facts: dict[str, Any] = page.evaluate(DOM_FACTS, int(CONTENT_WIDTH))
        forwards = reads_forwards(page, "#cif-report-progress p", "October")
        assert errors == []
        yield Printed(pages=pdf_pages(pdf), since_reads_forwards=forwards, scrolling=scrolling, **facts)
    finally:
        context.close()


def tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def test_the_printed_report_fits_a4_with_every_word_whole(printed: Printed) -> None:
    # Laid out for print at the width of A4's content box, nothing in the report is wider, and no
    # cell's text runs out of its cell (as "Head of performance" ran into the Due column).
    assert printed.wider == []
    assert printed.scrolling == []
    # On the paper, every word is whole: each word printed is a word of the report ("Suggeste" and
    # "d", "performan" and "ce" are not). A name with a right-to-left override may print reversed.
    known = set(tokens(printed.words))
    printed_words = [word for page in printed.pages for word in tokens(page)]
    broken = sorted({w for w in printed_words if w not in known and w[::-1] not in known})
    assert broken == []
    # The plan is all there: one "Suggested" per suggestion, the owner's every word, on every row.
    suggestions = sum(len(line.split("Suggested")) - 1 for page in printed.pages for line in page.splitlines())
    assert suggestions == printed.words.count("Suggested") > 30
    assert printed_words.count("performance") >= suggestions


def test_the_plan_repeats_its_labelled_head_row_on_every_page(printed: Printed) -> None:
    head = re.compile(r"About\s+Action\s+Owner\s+Due\s+Priority\s+Status\s+Progress\s+Source")
    plan_pages = [page for page in printed.pages if "Suggested" in page]
    assert len(plan_pages) >= 3, "the plan should run over several pages"
    for page in plan_pages:
        found = head.search(page)
        assert found, f"a page of the plan has no head row naming its columns:\n{page[:400]}"
        assert found.start() < page.index("Suggested"), "the head row comes after rows of the plan"


def test_no_page_ends_with_a_heading_an_introduction_or_a_head_row(printed: Printed) -> None:
    assert len(printed.pages) >= 8
    head_words = [set(tokens(" ".join(cells))) for cells in printed.heads]
    for number, page in enumerate(printed.pages[:-1], start=1):
        body = squash(page)
        for text in printed.headings + printed.intros:
            assert not body.endswith(squash(text)), f"page {number} ends with {text!r}"
        last = tokens([line for line in page.splitlines() if line.strip()][-1])
        assert not any(len(last) > 1 and set(last) <= words for words in head_words), (
            f"page {number} ends with a table's head row: {last}"
        )


def test_a_hostile_name_reads_the_right_way_round_on_paper(printed: Printed) -> None:
    # The report's own words after the earlier assessment's name read forwards, laid out for print
    # and on the paper; the name is printed within its own isolation.
    assert printed.since_reads_forwards
    text = squash("\n".join(printed.pages))
    assert re.search(r"Since Baseline .{6,16}, 1 October 2025: \d+ dimensions? moved up a level", text), text[-900:]


def test_the_report_compares_with_an_exported_file_as_the_hub_does(
    browser: Browser, built_site: Path, framework: Framework, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        # Last year's assessment is exported from the hub; then only this year's is on the device.
        hub, errors = open_page(context, built_site, "index.html")
        seed(hub, [hostile_earlier(framework)], "a-then")
        with hub.expect_download() as download:
            hub.get_by_role("button", name="Export answers (JSON)").click()
        exported = tmp_path / download.value.suggested_filename
        download.value.save_as(exported)
        seed(hub, [full_assessment(framework)], "a-now")
        hub_sentence = compare_on_the_hub(hub, exported)

        report, report_errors = open_page(context, built_site, "report.html")
        since = report.get_by_label("Show progress since")
        expect(report.locator("#cif-report")).to_be_visible()
        # Nothing else on the device: the choice is disabled, and says why and what to do instead.
        why = "There is no other assessment on this device yet, so there is nothing to choose here. "
        expect(since).to_be_disabled()
        expect(report.get_by_text(why)).to_be_visible()
        expect(since).to_have_accessible_description(re.compile(re.escape(why) + ".*exported to a file"))
        assert axe_violations(report) == []

        file_input = report.get_by_label("Or an assessment exported to a file")
        file_input.set_input_files(exported)
        since_line = report.locator("#cif-report-progress p").first
        # The account of progress the hub gives, word for word, from the file named.
        expect(since_line).to_have_text(re.compile(re.escape(f"from the file {exported.name}: {hub_sentence}") + "$"))
        expect(
            report.locator("#cif-report-progress").get_by_role("table", name="Each dimension then and now")
        ).to_be_visible()
        expect(since).to_be_enabled()
        expect(report.get_by_text(why)).to_be_hidden()
        # The file's name is isolated in the option, as the assessment's is.
        expect(since.locator("option:checked")).to_contain_text(f"from the file \u2068{exported.name}\u2069")
        assert reads_forwards(report, "#cif-report-progress p", "October")

        # A file that is not an export is refused, beside the field, with the reason the hub gives.
        broken = tmp_path / "minutes.json"
        broken.write_text("{not json", encoding="utf-8")
        file_input.set_input_files(broken)
        expect(file_input).to_have_accessible_description(re.compile("Error: .*could not be read as JSON"))
        assert errors == [] and report_errors == []
    finally:
        context.close()


def compare_on_the_hub(hub: Page, exported: Path) -> str:
    """Compares the open assessment with the exported file on the hub; returns the hub's sentence."""
    hub.get_by_label("Compare with").select_option(label="An assessment exported to a file")
    hub.get_by_label("Choose an exported JSON file").set_input_files(exported)
    hub.get_by_role("button", name="Compare", exact=True).click()
    summary = hub.locator("#cif-compare-summary")
    expect(summary).to_contain_text("moved")
    return summary.inner_text()
