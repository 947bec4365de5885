"""Printable worksheets: print the real built pages to PDF in Chromium and read the PDFs.

Rendered PNGs of the printed pages are kept in test-artifacts/worksheets/ for a person to look at.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from mkdocs_framework.model import Framework
from tests.helpers import REPO, open_for_print

A4_POINTS = (595.28, 841.89)
ARTIFACTS = REPO / "test-artifacts" / "worksheets"
SCREEN_ONLY_TEXT = [
    "Print this worksheet",  # buttons
    "Print all worksheets",
    "Skip to content",  # header
    "Type to start searching",  # search
    "Accessibility statement",  # footer
    "Score your service",  # navigation
    "Read the guidance for this dimension",  # screen-only links
    "Worksheets for each dimension",
]


@dataclass(frozen=True)
class PrintedPdf:
    path: Path
    pages: list[str]
    """Text of each page, as pdftotext reads it."""
    sizes: list[tuple[float, float]]


def squash(text: str) -> str:
    """Text without white space or hyphens, so line wrapping in the PDF does not matter."""
    return "".join(text.split()).replace("-", "").replace("\u00ad", "")


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(printed_worksheets: dict[str, Path]) -> dict[str, PrintedPdf]:
    """Every worksheet page printed to PDF, as the browser's Print command would with A4 paper."""
    result: dict[str, PrintedPdf] = {}
    for name, pdf in printed_worksheets.items():
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(pdf).pages]
        result[name] = PrintedPdf(pdf, pdf_pages(pdf), sizes)
    return result


def test_every_printed_page_is_a4(printed: dict[str, PrintedPdf]) -> None:
    for name, pdf in printed.items():
        for width, height in pdf.sizes:
            assert abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5, name


def test_each_dimension_worksheet_fits_on_two_pages_or_three_with_guidance(
    framework: Framework, printed: dict[str, PrintedPdf]
) -> None:
    """Up to six criteria fit on two pages; "How to judge" guidance for every criterion adds one."""
    for dimension in framework.dimensions:
        assert len(dimension.criteria) <= 6, dimension.id
        guided = any(criterion.guidance for criterion in dimension.criteria)
        assert len(printed[dimension.id].pages) <= (3 if guided else 2), dimension.id


def test_worksheet_has_every_question_descriptor_and_level(
    framework: Framework, printed: dict[str, PrintedPdf]
) -> None:
    for dimension in framework.dimensions:
        # In the order it is printed, so that the lines of a table cell stay together.
        path = printed[dimension.id].path
        text = squash(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True).stdout)
        assert squash(f"Worksheet: {dimension.title}") in text
        for question in dimension.framing_questions:
            assert squash(question) in text, question
        for criterion in dimension.criteria:
            assert squash(criterion.title) in text
            for descriptor in criterion.descriptors:
                assert squash(descriptor) in text, descriptor
        for level in framework.levels:
            assert squash(level.label) in text and squash(level.meaning or "") in text
        for label in (
            "Current level",
            "Target level",
            "Evidence: what shows this?",
            "Action",
            "Owner",
            "By when",
            "How did children's and families' views inform this judgement?",
            "Barriers we see locally",
            "Enablers we see locally",
            "Who took part (names and roles)",
            "Disagreements: other views, and the reasons for them",
            "How to work out the level of this dimension",
            "take the average (mean) of the level numbers of its answered criteria",
        ):
            assert squash(label) in text, label
        # Each criterion offers the form's two other answers beside its levels.
        assert text.count(squash("Not sure yet")) >= len(dimension.criteria) + 1
        assert text.count(squash("Not applicable")) >= len(dimension.criteria) + 1


def test_no_website_chrome_on_paper(printed: dict[str, PrintedPdf]) -> None:
    for name, pdf in printed.items():
        text = "".join(pdf.pages)
        for words in SCREEN_ONLY_TEXT:
            assert words not in text, (name, words)


def test_every_page_has_a_footer_with_framework_version_and_address(
    framework: Framework, printed: dict[str, PrintedPdf]
) -> None:
    for name, pdf in printed.items():
        for number, text in enumerate(pdf.pages, start=1):
            flat = squash(text)
            assert squash(f"{framework.short_title}, version {framework.version}") in flat, (name, number)
            assert squash(f"worksheets/{name}.html") in flat, (name, number)
            assert squash(f"Page {number} of {len(pdf.pages)}") in flat, (name, number)


def test_pack_is_a_cover_then_each_dimension_from_a_new_page(
    framework: Framework, printed: dict[str, PrintedPdf]
) -> None:
    pack = printed["index"]
    cover = pack.pages[0]
    for field in ("Self-assessment worksheets", "Local authority", "Date", "People present"):
        assert field in cover
    assert "Worksheet:" not in cover
    starts = [i for i, text in enumerate(pack.pages) if text.lstrip().startswith("Worksheet:")]
    # A long dimension name wraps onto a second line, so compare each start with its whole title.
    assert len(starts) == len(framework.dimensions)
    for i, dimension in zip(starts, framework.dimensions, strict=True):
        assert squash(pack.pages[i]).startswith(squash(f"Worksheet: {dimension.title}")), dimension.title
    expected_pages = 1 + sum(len(printed[d.id].pages) for d in framework.dimensions)
    assert len(pack.pages) == expected_pages


def test_printed_pages_rendered_for_a_look(framework: Framework, printed: dict[str, PrintedPdf]) -> None:
    """Keeps PNGs of one worksheet and of the pack's first pages as test artefacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, last in ((framework.dimensions[0].id, 2), ("index", 3)):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-l", str(last), str(printed[name].path), str(ARTIFACTS / name)],
            check=True,
        )
    pngs = sorted(ARTIFACTS.glob("*.png"))
    assert len(pngs) >= 5
    assert all(png.stat().st_size > 5_000 for png in pngs)


def test_tick_boxes_and_lines_are_borders_that_print_without_backgrounds(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    page = open_for_print(browser, built_site / "worksheets" / f"{framework.dimensions[0].id}.html")
    style = "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopWidth, s.display]; }"
    tick = page.locator(".fw-tick").first.evaluate(style)
    assert tick[0] == "solid" and tick[1] != "0px"
    line = page.locator(".fw-lines span").first.evaluate("el => getComputedStyle(el).borderBottomStyle")
    assert line == "solid"
    for chrome in (".md-header", ".md-footer", ".fw-print-controls"):
        assert page.locator(chrome).first.evaluate("el => getComputedStyle(el).display") == "none", chrome
    page.close()


def test_print_button_is_visible_and_opens_the_print_dialog(
    browser: Browser, built_site: Path, framework: Framework
) -> None:
    page = browser.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto((built_site / "worksheets" / f"{framework.dimensions[0].id}.html").as_uri())
    button = page.get_by_role("button", name="Print this worksheet")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.close()


def test_without_script_the_page_says_how_to_print(browser: Browser, built_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "worksheets" / "index.html").as_uri())
    advice = page.locator("noscript .fw-print-controls")
    assert advice.is_visible()
    assert "use your browser's Print command" in advice.inner_text()
    assert not page.get_by_role("button", name="Print all worksheets").is_visible()
    context.close()


def test_guidance_pages_link_to_their_worksheets(framework: Framework, built_site: Path) -> None:
    overview = (built_site / "framework" / "index.html").read_text(encoding="utf-8")
    assert 'href="../worksheets/index.html"' in overview
    for dimension in framework.dimensions:
        html = (built_site / "framework" / f"{dimension.id}.html").read_text(encoding="utf-8")
        assert f'href="../worksheets/{dimension.id}.html"' in html
        assert "Print the worksheet for this dimension" in html


def test_worksheets_are_left_out_of_search(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("framework/") for loc in locations)
    assert not any(loc.startswith("worksheets/") for loc in locations)
