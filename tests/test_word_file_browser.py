"""The board report's Word file as a council drops it into a board paper, read as pages.

The report (assess/report.html) is opened in Chromium with an assessment and an earlier one to
compare with, both seeded through storage; the Word file is downloaded once, turned into a PDF by
LibreOffice (soffice, Debian's libreoffice-writer-nogui) and read back with poppler (pdftotext,
pdfimages), with python-docx as a second reader. The report page is printed on A4 in the same visit,
to compare the lengths. One download and one conversion serve every test here (each costs seconds).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from mkdocs_framework.model import Framework
from tests.helpers import run_tool
from tests.test_report_browser import earlier_assessment, full_assessment, open_report

FSI, PDI, RLO, PDF_MARK = "\u2068", "\u2069", "\u202e", "\u202c"
# Hostile names: a right-to-left override left open and a closing isolate that closes nothing. The
# page isolates each (<bdi>), its direction controls balanced (core/util.mjs balancedBidi): the stray
# closing isolate dropped, the override closed at the name's end.
THEN_NAME = f"Baseline {RLO}weiver{PDI} 2025"
THEN_NAME_BALANCED = f"Baseline {RLO}weiver 2025{PDF_MARK}"
PEOPLE = f"Head of service; {RLO}Dana{PDI} Levi, data lead"
PEOPLE_BALANCED = f"Head of service; {RLO}Dana Levi, data lead{PDF_MARK}"
# Right-to-left letters and direction controls.
BIDI = re.compile("[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PAGE_NUMBER = re.compile(r"^\s*Page (\d+) of (\d+)\s*$")


@dataclass
class WordFile:
    document: Document  # python-docx's reading
    xml: str  # word/document.xml
    pages: list[str]  # the PDF LibreOffice makes, page by page (pdftotext -layout)
    images: list[list[str]]  # pdfimages -list, a row per image
    printed_pages: int  # the report page printed on A4 by Chromium
    chart_label: str  # the chart's text alternative on the page


@pytest.fixture(scope="module")
def word_file(
    browser: Browser, built_site: Path, framework: Framework, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WordFile]:
    folder = tmp_path_factory.mktemp("word-file")
    now = full_assessment(framework)
    now["participants"] = PEOPLE
    then = earlier_assessment(framework)
    then["name"] = THEN_NAME
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        page, errors = open_report(context, built_site, framework, [now, then])
        # Nothing of the Word writer is loaded until it is asked for.
        assert page.locator("script[src*='assess-report-more']").count() == 0
        page.get_by_label("Show progress since").select_option(index=1)
        expect(page.locator("#cif-report-progress bdi")).to_have_text(THEN_NAME_BALANCED)
        chart_label = page.locator("#cif-report-chart svg").get_attribute("aria-label") or ""
        with page.expect_download() as info:
            page.get_by_role("button", name="Download as Word (.docx)").click()
        expect(page.locator("#cif-report-status")).to_contain_text("downloaded as the Word document")
        word = folder / "report.docx"
        info.value.save_as(word)
        printed = folder / "printed.pdf"
        page.pdf(path=str(printed), format="A4")
        assert errors == []
    finally:
        context.close()
    # Missing LibreOffice is a failure, never a skip.
    assert shutil.which("soffice"), "LibreOffice is missing: run scripts/ensure-system-packages.sh tests"
    # A profile of its own, so that conversions running side by side do not wait for each other.
    profile = (folder / "libreoffice-profile").as_uri()
    run_tool(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(word),
        timeout=180,  # LibreOffice's first start, on a busy machine
    )
    converted = folder / "report.pdf"
    text = run_tool("pdftotext", "-layout", str(converted), "-")
    images = [line.split() for line in run_tool("pdfimages", "-list", str(converted)).splitlines()[2:]]
    with zipfile.ZipFile(word) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    yield WordFile(
        document=docx.Document(str(word)),
        xml=xml,
        pages=text.split("\f")[:-1] if text.endswith("\f") else text.split("\f"),
        images=images,
        printed_pages=len(PdfReader(printed).pages),
        chart_label=chart_label,
    )


def body_lines(page: str) -> list[str]:
    """A page's lines of text, without its footer (the page number) and blank lines."""
    return [line.strip() for line in page.splitlines() if line.strip() and not PAGE_NUMBER.match(line)]


def paragraph_texts(document: Document) -> list[str]:
    """Every paragraph of the body, in its tables too, but those holding right-to-left text or
    direction marks (the hostile names), whose words poppler reads back in an order of its own."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return [text for text in texts if not BIDI.search(text)]


def words(text: str) -> list[str]:
    """The words of plain English letters, five or more, that a break inside would cut."""
    return re.findall(r"(?<![A-Za-z])[A-Za-z]{5,}(?![A-Za-z])", text)


def test_the_chart_is_a_picture_with_its_text_alternative_followed_by_its_table(word_file: WordFile) -> None:
    # LibreOffice finds a picture in the file, as large as a chart across the page.
    assert word_file.images, "no image in the PDF"
    width, height = int(word_file.images[0][3]), int(word_file.images[0][4])
    assert width >= 600 and height >= 200, (width, height)
    # python-docx reads the same: the picture part, described by the page's own words.
    shapes = word_file.document.inline_shapes
    assert len(shapes) == 1
    described = shapes[0]._inline.docPr.get("descr")
    assert word_file.chart_label and described == word_file.chart_label
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    part = word_file.document.part.related_parts[blip.embed]
    assert part.content_type == "image/png" and part.blob.startswith(b"\x89PNG")
    # On the page of the PDF with the picture's caption, the table of the same figures follows.
    results = next(page for page in word_file.pages if "Level of each dimension, with its target" in page)
    assert "Score, level and target for each dimension" in results


def test_every_page_after_the_cover_is_numbered_and_the_file_is_about_as_long_as_the_print(
    word_file: WordFile,
) -> None:
    pages = word_file.pages
    total = len(pages)
    assert "Page 1 of" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in page, f"page {number} has no number"
    # Within a quarter of the report printed on A4 from the page (a board paper of the same size).
    assert abs(total - word_file.printed_pages) <= word_file.printed_pages / 4, (total, word_file.printed_pages)


def test_no_table_cell_breaks_a_word_and_untouched_suggestions_are_listed_compactly(word_file: WordFile) -> None:
    # Every word the file holds is on the pages whole as often as it is written: a word broken
    # across two lines of a narrow cell ("Informati" / "on") is missing once for each break.
    written = Counter(word for text in paragraph_texts(word_file.document) for word in words(text))
    printed = Counter(word for page in word_file.pages for word in words(page))
    broken = {word: (count, printed[word]) for word, count in written.items() if printed[word] < count}
    assert not broken, f"words broken across lines (written, whole on the pages): {broken}"
    # Suggestions nobody has acted on are not rows of dashes.
    for table in word_file.document.tables:
        for row in table.rows:
            dashes = sum(cell.text == "\u2013" for cell in row.cells)
            assert dashes < 3, [cell.text for cell in row.cells]


def test_headings_stay_with_what_follows_and_rows_are_never_split(word_file: WordFile) -> None:
    document = word_file.document
    headings = [
        p.text.strip()
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Caption")) and p.text.strip()
    ]
    for number, page in enumerate(word_file.pages, start=1):
        lines = body_lines(page)
        assert lines, f"page {number} is empty"
        # The last line is neither a heading nor the end of one that runs over two lines.
        last = lines[-1]
        assert not any(heading == last or heading.endswith(" " + last) for heading in headings), (
            f"page {number} ends with a heading: {last!r}"
        )
    # The second reader sees what keeps them: headings kept with the next paragraph, rows not split,
    # header rows repeated.
    styles = {style.name: style for style in document.styles if style.type == 1}
    for name in ["Heading 1", "Heading 2", "Heading 3", "Caption"]:
        assert styles[name].paragraph_format.keep_with_next, name
    for table in document.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    # Every table with a header row (results, answers, the plan, progress) repeats it on each page.
    headed = [t for t in document.tables if t.rows[0].cells[0].text in ("Dimension", "Criterion", "About")]
    assert len(headed) >= 3
    for table in headed:
        properties = table.rows[0]._tr.trPr
        assert properties is not None and properties.find(qn("w:tblHeader")) is not None, table.rows[0].cells[0].text


def test_hostile_names_read_the_right_way_round(word_file: WordFile) -> None:
    # In the file: each name isolated, its controls balanced as the page balances them.
    assert f"Since {FSI}{THEN_NAME_BALANCED}{PDI}, 1 October 2025: " in word_file.xml
    assert f"{FSI}{PEOPLE_BALANCED}{PDI}" in word_file.xml
    assert THEN_NAME not in word_file.xml and PEOPLE not in word_file.xml
    # On the pages: the sentence around the earlier assessment's name reads left to right, the
    # override inside the name kept to the name.
    text = "\n".join(word_file.pages)
    since = [line.strip() for line in text.splitlines() if "Since" in line]
    assert any(re.search(r"Since .*Baseline .*, 1 October 2025: ", line) for line in since), since
