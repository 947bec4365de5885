"""Worksheets that fit on paper (issue 15) and match the form (issue 13).

A fixture site with dimensions of 1, 3, 5, 8 and 12 criteria, with short and long level descriptors,
is built with its worksheet PDFs (WeasyPrint); each worksheet page is also printed by Chromium on A4,
as the browser's Print command would. Both are read back: the page counts agree, stay within the
limits, no page is left half empty before the last, and no page ends with a heading whose content is
on the next page. The site's own worksheets are printed the same way.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser
from pypdf import PdfReader

from tests.helpers import REPO, make_site, run_mkdocs, synthetic_framework

SIZES = (1, 3, 5, 8, 12)
"""Criteria per dimension in the fixture."""
FILLER = (
    "It holds across every team and service, is checked each quarter by the leadership team, is written in plain "
    "words that families can read, and is reviewed with partners every year. "
)
LENGTHS = {"short": 45, "long": 155}
"""Characters in each level descriptor: short, and as long as the longest in the site's own framework."""
PAGE_HEIGHT = 841.89
CONTENT_TOP, CONTENT_BOTTOM = 13 / 25.4 * 72, PAGE_HEIGHT - 16 / 25.4 * 72
"""The printed area of an A4 page in points: 13 mm at the top and 16 mm at the foot (the footer's)."""


def descriptor(criterion: int, label: str, length: int) -> str:
    text = (f"Criterion {criterion} at {label}. " + FILLER * 3)[:length]
    return text.rsplit(" ", 1)[0].rstrip(",") + "."


def fixture_framework() -> dict[str, Any]:
    """One dimension per size and descriptor length, scored by the weakest criterion."""
    data = synthetic_framework(levels=5, dimensions=len(SIZES) * len(LENGTHS), criteria=1)
    data["scoring"] = {"method": "minimum"}
    dimensions = iter(data["dimensions"])
    result = []
    for kind, length in LENGTHS.items():
        for size in SIZES:
            dimension = next(dimensions)
            dimension.pop("related", None)
            dimension["id"] = f"{kind}-{size}"
            dimension["title"] = f"{kind.capitalize()} descriptors, {size} criteria"
            long = length > 100
            dimension["criteria"] = [
                {
                    "id": f"{kind}-{size}-c{c}",
                    "title": f"Criterion {c}" + (" on how the service records what it knows" if long else ""),
                    "descriptors": {level["id"]: descriptor(c, level["label"], length) for level in data["levels"]},
                }
                for c in range(1, size + 1)
            ]
            if long:  # five questions of two lines each, as the site's own dimensions have
                dimension["framing_questions"] = [
                    f"{question} What would children and families say about it?"
                    for question in dimension["framing_questions"]
                ] + ["What evidence do you hold?"]
            result.append(dimension)
    data["dimensions"] = result
    return data


NAMES = [f"{kind}-{size}" for kind in LENGTHS for size in SIZES]


@dataclass(frozen=True)
class Printed:
    pages: list[str]
    """Each page's text as pdftotext -layout reads it."""
    lowest: list[float]
    """Each page's lowest line of text above the footer, in points from the top of the page."""


WORD = re.compile(r'<page |yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')


def read_pdf(content: bytes, footer: str) -> Printed:
    """Read a PDF's pages: their text, and how far down each page's content goes."""
    count = len(PdfReader(io.BytesIO(content)).pages)
    pages, lowest = [], []
    for number in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), "-", "-"],
            input=content,
            capture_output=True,
            check=True,
        ).stdout.decode()
        pages.append(text)
    boxes = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=content, capture_output=True, check=True).stdout
    page_words: list[list[tuple[float, str]]] = []
    for match in WORD.finditer(boxes.decode()):
        if match.group(0) == "<page ":
            page_words.append([])
        else:
            page_words[-1].append((float(match.group(2)), match.group(3)))
    for words in page_words:
        # The footer sits below the printed area; everything above it is the page's content.
        lowest.append(max((y for y, _ in words if y < CONTENT_BOTTOM + 2), default=0.0))
    assert len(lowest) == count
    return Printed(pages, lowest)


class _Headings(HTMLParser):
    """Texts that head what follows them: headings, labels, table captions and the heading row of
    each table. A label over writing lines (Evidence, Who took part) and the table of actions are
    left out: their lines and rows carry no text, so the last text of a page that ends with them is
    the label or the table's heading row. The print styles keep those whole."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.current: list[str] = []
        self.found: list[str] = []
        self.row: list[str] | None = None
        self.note_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if {"fw-ws-note", "fw-ws-box", "fw-ws-actions"} & set(classes):
            self.note_depth = 1
        elif self.note_depth:
            self.note_depth += 1
        if tag == "thead" and not self.note_depth:
            self.row = []
        if self.depth:
            self.depth += 1
        elif (
            tag in ("h1", "h2", "h3", "h4", "caption")
            or ("fw-ws-label" in classes and not self.note_depth)
            or (self.row is not None and tag == "th")
        ):
            self.depth = 1
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if self.note_depth:
            self.note_depth -= 1
        if tag == "thead" and self.row is not None:
            self.found.append(" ".join(self.row))
            self.row = None
        if self.depth:
            self.depth -= 1
            if not self.depth:
                text = " ".join("".join(self.current).split())
                (self.row if self.row is not None else self.found).append(text)

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.current.append(data)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\u2019", "'")


def headings_of(html: str) -> list[str]:
    """Every heading-like text of a worksheet page, and the criteria table's heading row."""
    parser = _Headings()
    article = html.split("<article", 1)[1].split("</article>", 1)[0]  # the page's own content
    parser.feed(article)
    return [squash(text) for text in parser.found if text]


def stranded_headings(printed: Printed, headings: list[str], footer: str) -> list[str]:
    """Pages, before the last, whose last line of text is a heading (or the end of one that wraps)."""
    found = []
    for number, text in enumerate(printed.pages[:-1], start=1):
        lines = [line for line in text.splitlines() if line.strip() and footer not in line and "Page " not in line]
        if not lines:
            continue
        last = squash(lines[-1])
        if any(heading.endswith(last) and len(last) >= 2 for heading in headings):
            found.append(f"page {number}: {lines[-1].strip()}")
    return found


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built strict with its PDFs and the site's own theme overrides (worksheet styles)."""
    root = tmp_path_factory.mktemp("fit")
    config = make_site(root, fixture_framework())
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = "overrides"
    settings["plugins"] = ["search", {"framework": {"pdf": "required"}}]
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides")
    result = run_mkdocs(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def print_in_chromium(browser: Browser, html: Path) -> bytes:
    """Print a page as the browser's Print command does on A4 paper."""
    page = browser.new_page()
    page.goto(html.as_uri())
    page.emulate_media(media="print")
    content = page.pdf(format="A4")
    page.close()
    return content


FOOTER = "Synthetic framework with 10 dimensions, version 1.0"


@pytest.fixture(scope="module")
def printed(browser: Browser, fixture_site: Path) -> dict[str, dict[str, Printed]]:
    """{worksheet: {"browser": ..., "pdf": ...}} for every worksheet of the fixture and the pack ("index")."""
    result: dict[str, dict[str, Printed]] = {}
    for name in [*NAMES, "index"]:
        pdf = fixture_site / "worksheets" / (f"{name}.pdf" if name != "index" else "all-worksheets.pdf")
        result[name] = {
            "browser": read_pdf(print_in_chromium(browser, fixture_site / "worksheets" / f"{name}.html"), FOOTER),
            "pdf": read_pdf(pdf.read_bytes(), FOOTER),
        }
    return result


def test_the_browser_and_the_pdf_print_each_worksheet_on_as_many_pages(
    printed: dict[str, dict[str, Printed]],
) -> None:
    counts = {name: (len(p["browser"].pages), len(p["pdf"].pages)) for name, p in printed.items()}
    assert all(browser == pdf for browser, pdf in counts.values()), counts


def test_up_to_five_criteria_fit_on_two_pages_and_more_take_a_page_for_each_four_more(
    printed: dict[str, dict[str, Printed]],
) -> None:
    for name in NAMES:
        size = int(name.rsplit("-", 1)[1])
        limit = 2 + max(0, size - 2) // 4  # 1 to 5 criteria: 2 pages; 8: 3; 12: 4
        for engine, result in printed[name].items():
            assert len(result.pages) <= limit, (name, engine, len(result.pages))


def test_no_page_but_the_last_is_left_half_empty(printed: dict[str, dict[str, Printed]]) -> None:
    """A page ends early only when what follows cannot be split: a table row, a writing space, the
    actions table. None of those is a third of a page, so every page but the last is two thirds full."""
    two_thirds = CONTENT_TOP + (CONTENT_BOTTOM - CONTENT_TOP) * 2 / 3
    for name in NAMES:
        for engine, result in printed[name].items():
            for number, lowest in enumerate(result.lowest[:-1], start=1):
                assert lowest > two_thirds, (name, engine, number, round(lowest))


def test_no_page_ends_with_a_heading(fixture_site: Path, printed: dict[str, dict[str, Printed]]) -> None:
    for name in [*NAMES, "index"]:
        headings = headings_of((fixture_site / "worksheets" / f"{name}.html").read_text(encoding="utf-8"))
        assert squash("Your judgement") in headings and squash("Criteria") in headings  # the reader works
        for engine, result in printed[name].items():
            assert stranded_headings(result, headings, FOOTER) == [], (name, engine)


def test_the_pack_gives_each_worksheet_as_many_pages_as_alone(printed: dict[str, dict[str, Printed]]) -> None:
    for engine in ("browser", "pdf"):
        alone = sum(len(printed[name][engine].pages) for name in NAMES)
        assert len(printed["index"][engine].pages) == 1 + alone, engine


def test_a_heading_stranded_at_a_page_foot_is_found() -> None:
    """The check above can fail: a page whose last line is a heading is reported."""
    page = "Worksheet: A\n\nSome text of the page.\n\n   Your judgement   \n\n\n" + FOOTER + "   Page 1 of 2\n"
    headings = [squash("Your judgement"), squash("Actions")]
    last = "The last page\n" + FOOTER + "   Page 2 of 2\n"
    assert stranded_headings(Printed([page, last], [700.0, 300.0]), headings, FOOTER) == ["page 1: Your judgement"]
    assert stranded_headings(Printed([page.replace("judgement", "text"), last], [700, 300]), headings, FOOTER) == []


def test_each_criterion_offers_not_sure_and_not_applicable_and_the_sheet_states_the_rule(
    fixture_site: Path, printed: dict[str, dict[str, Printed]]
) -> None:
    for name in NAMES:
        size = int(name.rsplit("-", 1)[1])
        html = (fixture_site / "worksheets" / f"{name}.html").read_text(encoding="utf-8")
        rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
        assert len(rows) == size
        for row in rows:  # each criterion's row: a tick box for every level, then the two others
            assert row.count('class="fw-tick"') == 5 + 2
            assert "Not sure yet</span>" in row and "Not applicable</span>" in row
        on_page = re.sub(r"<[^>]+>", " ", html.split("<article", 1)[1].split("</article>", 1)[0])
        for engine, result in printed[name].items():
            text = "\n".join(result.pages)
            # Every "Not sure yet" and "Not applicable" of the page is printed (words may wrap).
            for word in ("sure", "applicable"):
                expected = len(re.findall(rf"\b{word}\b", on_page))
                assert expected >= size + 1
                assert len(re.findall(rf"\b{word}\b", text)) == expected, (name, engine, word)
            flat = squash(text)
            assert squash("the weakest answered criterion sets the level") in flat, (name, engine)
            assert squash("Who took part (names and roles)") in flat, (name, engine)
            assert squash("Disagreements: other views, and the reasons for them") in flat, (name, engine)


# --- the site's own worksheets --------------------------------------------------------------


def test_the_sites_worksheets_print_on_as_many_pages_in_the_browser_as_in_their_pdfs(
    built_site: Path, printed_worksheets: dict[str, Path]
) -> None:
    footer = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))["short_title"]
    htmls = sorted((built_site / "worksheets").glob("*.html"))
    assert sorted(printed_worksheets) == [html.stem for html in htmls]
    for html in htmls:
        pdf = built_site / "worksheets" / ("all-worksheets.pdf" if html.stem == "index" else f"{html.stem}.pdf")
        in_browser = read_pdf(printed_worksheets[html.stem].read_bytes(), footer)
        made = read_pdf(pdf.read_bytes(), footer)
        assert len(in_browser.pages) == len(made.pages), html.stem
        headings = headings_of(html.read_text(encoding="utf-8"))
        assert stranded_headings(in_browser, headings, footer) == [], html.stem
        assert stranded_headings(made, headings, footer) == [], html.stem
