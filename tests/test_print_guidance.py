"""Printing a guidance page (not a worksheet) in Chromium: read the PDF back and check what a
reader of the paper would notice: no word broken across lines, no table row split across pages,
and none of the theme's navigation."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser
from pypdf import PdfReader

from tests.helpers import REPO, open_for_print

ARTIFACTS = REPO / "test-artifacts"
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")


def words(text: str) -> set[str]:
    return {match.group(0).lower() for match in WORD.finditer(text)}


def fewest_and_most_criteria() -> list[str]:
    """The ids of the shipped framework's dimensions with the fewest and the most criteria."""
    dimensions = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))["dimensions"]
    ordered = sorted(dimensions, key=lambda dimension: len(dimension["criteria"]))
    return [ordered[0]["id"], ordered[-1]["id"]]


@pytest.mark.parametrize("name", fewest_and_most_criteria())
def test_a_printed_dimension_page_keeps_words_and_table_rows_whole(
    browser: Browser, built_site: Path, name: str
) -> None:
    page = open_for_print(browser, built_site / "framework" / f"{name}.html")
    page_text = page.locator("article").inner_text()
    source = words(page_text)
    rows: list[str] = page.locator("table.fw-matrix tbody tr").evaluate_all("rows => rows.map(row => row.innerText)")
    navigation = page.locator(".md-nav__link").first.inner_text()
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"guidance-{name}.pdf").write_bytes(pdf)
    page.close()
    pages = [sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2  # the criteria table runs over a page, so row breaks are tested

    # A word split across lines ("managemen" / "t") leaves pieces that are not words of the page.
    printed = words("\n".join(pages))
    assert printed - source == set()
    # A line may end at a hyphen only where the page's own text has one ("case-" / "management").
    text = page_text.lower()
    for sheet in pages:
        lines = sheet.splitlines()
        for line, following in itertools.pairwise(lines):
            if re.search(r"[A-Za-z]-$", line.rstrip()) and following.split():
                joined = (line.rstrip().split()[-1] + following.split()[0]).lower()
                assert joined.strip(".,;:") in text, f"word hyphenated across lines: {joined}"

    # Every row of the criteria table is printed whole on one page.
    squashed = [re.sub(r"\s+", "", text) for text in pages]
    assert len(rows) >= 3
    for row in rows:
        whole = re.sub(r"\s+", "", row)
        assert any(whole in text for text in squashed), f"row split across pages: {row[:60]}"

    # The theme's navigation is left out.
    assert "Printable worksheets" not in pages[0].splitlines()[0:3]
    assert all("Score your service\nCompare a group" not in text for text in pages), navigation


def test_printed_links_to_other_websites_show_their_address_once(browser: Browser, built_site: Path) -> None:
    page = browser.new_page()
    page.goto((built_site / "resources" / "running-a-workshop.html").as_uri())
    page.locator("article p").first.evaluate(
        """p => {
          const a = document.createElement("a");
          a.href = "https://example.org/guide";
          a.textContent = "a guide elsewhere";
          p.append(" See ", a, ".");
        }"""
    )
    pdf = page.pdf(format="A4")
    page.close()
    text = re.sub(r"\s+", " ", "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages))
    assert "a guide elsewhere (https://example.org/guide)" in text
    assert "Score your service" not in text.split("Running")[0]  # the theme's navigation is left out
