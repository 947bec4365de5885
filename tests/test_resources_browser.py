"""The practical resources a council prints and fills in (content/resources/): each prints on A4 with
its headings and answer spaces, nothing wider than the paper, and the framework's one statement
once; the board cover paper carries that statement in its own body; the lead member briefing fits on
one sheet; and the workshop's agendas add up to the times they state.

Printed with Chromium's own PDF (page.pdf, A4) and read back with pdftotext, as a reader of the paper
would see it. On screen, axe checks these pages with every other page of the site, at desktop width,
at 320 px and in dark mode (tests/test_gates.py), so it is not run a second time here."""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page

from mkdocs_framework.publisher import details, statement
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO

A4_WIDTH_PX = 794
"""210 mm at 96 CSS pixels to the inch: the width Chromium lays an A4 page out at."""

PAGES: dict[str, list[str]] = {
    "lead-member-briefing": [
        "One-page briefing for the lead member and corporate parenting panel",
        "What we are doing",
        "Why it matters to children in our care",
        "What we ask of you",
        "Freedom of Information Act 2000",
    ],
    "board-cover-paper": [
        "Board cover paper template",
        "Status of the framework",
        "What the board is asked to do",
        "How to read the results",
        "Legal baseline",
    ],
    "legal-baseline-checklist": [
        "Legal baseline checklist",
        "Unofficial checklist",
        "Lawful use and openness",
        "Rights of children and families",
        "Safety, sharing and safeguarding",
        "Yes, no or partly",
        "Evidence, owner, action and date",
        "Gaps and actions",
    ],
    "dpia-screening": [
        "DPIA screening prompts",
        "Unofficial prompts",
        "Screening questions",
        "Yes, no or not sure",
        "Beyond the legal screen",
        "A full DPIA is needed.",
    ],
    "retention-periods": [
        "Retention periods for children's records",
        "What we checked, and when",
        "7 December 2026",
        "What is local policy",
        "What we could not verify",
        "Your retention schedule",
        "Statutory minimum or local policy?",
    ],
    "data-map-template": [
        "Data map template",
        "Unofficial template",
        "Why we record it (the need or duty)",
        "Who uses it, for what decision",
        "Questions to ask of the map",
    ],
    "case-file-audit-prompts": [
        "Case-file audit prompts",
        "Before you start",
        "Prompts for each record",
        "Record 5",
        "What the sample shows",
    ],
    "calibration-examples": [
        "Calibration examples",
        "Unofficial examples",
        "What tells them apart",
        "Write your own",
    ],
    "privacy-notice-for-children": [
        "Example privacy notice for children and young people",
        "Unofficial example",
        "How we look after information about you",
        "You can ask to see it",
    ],
    "involving-young-people-safely": [
        "A plan for involving young people safely",
        "Who can agree to take part",
        "If a child tells you about harm",
        "Protect what young people say",
        "Hear children directly",
        "Planning form",
    ],
}
"""Each new resource, and what its printed copy must show: its title, its headings and its answer columns."""

FOLLOWING = """() => [...document.querySelectorAll("article h2, article h3")].map(heading => {
  // What a heading introduces: the block after it, past a paragraph that leads into a table or list.
  let next = heading.nextElementSibling;
  while (next && next.tagName === "P" && next.nextElementSibling && !/^H[1-6]$/.test(next.nextElementSibling.tagName)) {
    next = next.nextElementSibling;
  }
  return [heading.innerText.trim(), next ? next.innerText.trim().split(/\\s+/).slice(0, 4).join(" ") : ""];
})"""
"""Each heading of the article, with the first words of what it introduces ("" for room to write)."""

FILLED_IN = {
    "legal-baseline-checklist",
    "dpia-screening",
    "retention-periods",
    "data-map-template",
    "case-file-audit-prompts",
}
"""The forms a council fills in: on paper they have room to write."""


def squash(text: str) -> str:
    """Text with every run of spaces and line breaks made one space (PDF text breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text as pdftotext reads it, spaces squashed."""
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [squash(page) for page in text.decode("utf-8").split("\f")[:-1]]


@functools.cache
def shipped_statement() -> str:
    """The one statement of what the shipped framework is (publisher.statement)."""
    model = load_framework(REPO / "framework.yml", REPO / "content")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return statement(model, details(REPO / "mkdocs.yml", config["extra"])["organisation"])


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": A4_WIDTH_PX, "height": 1123})
    yield created
    created.close()


def too_wide(page: Page) -> list[str]:
    """Elements of the article that, laid out for print at the width of A4, reach past the paper's
    edge or hide content that would need scrolling sideways."""
    return list(
        page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              const found = [];
              for (const el of document.querySelectorAll("article *")) {
                const box = el.getBoundingClientRect();
                if (box.width === 0) continue;
                const clipped = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible";
                const what = `${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 50)}`;
                if (box.right > width + 1 || clipped) found.push(what);
              }
              if (document.documentElement.scrollWidth > width + 1) found.push("the page scrolls sideways");
              return found;
            }"""
        )
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_resource_prints_on_a4_with_its_headings_and_spaces(
    context: BrowserContext, built_site: Path, name: str
) -> None:
    page = context.new_page()
    page.goto((built_site / "resources" / f"{name}.html").as_uri())
    page.emulate_media(media="print")
    assert too_wide(page) == []
    if name in FILLED_IN:
        # Room to write: ruled lines or empty table cells a pen can fill, drawn as borders so they
        # print, each at least 6 mm (23 CSS pixels) high.
        spaces = page.locator("article .fw-form-lines span, article .fw-form td:empty")
        assert spaces.count() >= 3
        heights = spaces.evaluate_all("els => els.map(el => el.getBoundingClientRect().height)")
        assert min(heights) >= 22.5, f"{name}: a space to write in is only {min(heights):.0f} px high"
        assert spaces.first.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    introduces = page.evaluate(FOLLOWING)
    pdf = page.pdf(format="A4")
    page.close()

    sheets = pdf_pages(pdf)
    # A heading is never left at the foot of a page: it is printed on the same page as the start of
    # what it introduces (its table, list or text), not alone or with only its opening paragraph.
    for heading, words in introduces:
        sheet = next(text for text in sheets if heading in text)
        assert squash(words) in sheet.split(heading, 1)[1], f"{name}: {heading!r} ends a page, apart from {words!r}"
    printed = " ".join(sheets)
    # Every printed resource says once what the framework is: in the banner, or (the board cover
    # paper) in its own body, the banner then giving way.
    assert printed.count(shipped_statement()) == 1
    missing = [text for text in PAGES[name] if text not in printed]
    assert missing == [], f"{name}.pdf does not show {missing}"
    assert "Score your service" not in printed.split(PAGES[name][0])[0]  # the theme's navigation is left out


def test_the_board_cover_paper_prints_the_frameworks_one_statement_once(
    context: BrowserContext, built_site: Path
) -> None:
    words = shipped_statement()
    assert words
    page = context.new_page()
    page.goto((built_site / "resources" / "board-cover-paper.html").as_uri())
    # On screen it sits in the paper's body, under its own heading, as well as in the banner.
    body = page.locator("article .fw-statement")
    assert squash(body.inner_text()) == words
    page.emulate_media(media="print")
    printed = " ".join(pdf_pages(page.pdf(format="A4")))
    page.close()
    assert printed.count(words) == 1
    assert printed.index("Status of the framework") < printed.index(words) < printed.index("The cover paper")


def test_the_lead_member_briefing_fits_on_one_sheet(context: BrowserContext, built_site: Path) -> None:
    page = context.new_page()
    page.goto((built_site / "resources" / "lead-member-briefing.html").as_uri())
    page.emulate_media(media="print")
    sheets = pdf_pages(page.pdf(format="A4"))
    page.close()
    assert len(sheets) == 1, f"the one-page briefing prints on {len(sheets)} pages"


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def test_the_workshop_agendas_add_up_to_the_times_they_state(context: BrowserContext, built_site: Path) -> None:
    page = context.new_page()
    page.goto((built_site / "resources" / "running-a-workshop.html").as_uri())
    agendas = page.locator("article .fw-agenda table")
    assert agendas.count() == 2  # the half day, and one practice a meeting
    for index in range(agendas.count()):
        table = agendas.nth(index)
        # The total the page promises is the bold "N hours M minutes (T minutes)" just before the table.
        stated = table.evaluate(
            """table => {
              let node = table.closest(".fw-agenda").previousElementSibling;
              while (node && !/\\(\\d+ minutes\\)/.test(node.textContent)) node = node.previousElementSibling;
              return node ? node.textContent : "";
            }"""
        )
        promise = re.search(r"(\d+) hours? (\d+) minutes \((\d+) minutes\)", stated)
        assert promise, f"no stated total before agenda {index + 1}: {stated!r}"
        total = int(promise.group(3))
        assert total == int(promise.group(1)) * 60 + int(promise.group(2))
        rows = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(row => Array.from(row.cells, cell => cell.textContent.trim()))"
        )
        assert [cell for cell in table.locator("thead th").all_inner_texts()][:2] == ["Starts after", "Minutes"]
        starts = [minutes(row[0]) for row in rows]
        lengths = [int(row[1]) for row in rows]
        assert sum(lengths) == total, f"agenda {index + 1}: parts add up to {sum(lengths)}, not {total} minutes"
        # Each part starts when the one before it ends.
        assert starts == [sum(lengths[:n]) for n in range(len(lengths))]
    # The half day is the half day the page promises: no more than four hours.
    first = page.locator("article .fw-agenda").first.evaluate("el => el.previousElementSibling.textContent")
    page.close()
    half_day = re.search(r"\((\d+) minutes\)", first)
    assert half_day and int(half_day.group(1)) <= 240
