"""The group page (assess/group.html) walked as a facilitator walks it, in real Chromium: files
added and removed by keyboard while every authority keeps its letter, the view by criterion shaded
by how many authorities each count is, the combined CSV read back round by round, and twenty
authorities printed on A4 and read back from the PDF (with a name that holds a right-to-left
override and a closing isolate mark). Exports are written as the form writes them
(test_group_network_browser.export).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.helpers import choose_files_by_keyboard
from tests.test_group_browser import heatmap, open_group
from tests.test_group_network_browser import CHOOSER, export, write

HIDE = "Hide authority names"
HOSTILE = "\u202eEvil\u2069 Council"  # a right-to-left override, and a closing isolate mark with no opening
A4_TEXT_WIDTH = 680  # CSS pixels: 21 cm less the print margins of 1.5 cm (assess.css @page)


def tab_to(page: Page, is_there: str, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element satisfies `is_there` (a function of it)."""
    for _ in range(150):
        if page.evaluate(f"({is_there})(document.activeElement)"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"the keyboard never reached {is_there}")


def codes_by_name(page: Page) -> dict[str, str]:
    """Each authority's letter, read from the heatmap with names shown: "Anyshire (Authority B)"."""
    found = {}
    for row in heatmap(page)[1:]:
        match = re.fullmatch(r"(.+?) \((Authority [A-Z]+)\)(?: Latest of \d rounds)?", row[0])
        assert match, row[0]
        found[match[1]] = match[2]
    return found


def luminance(colour: str) -> float:
    """The relative luminance (WCAG) of a computed colour such as "rgb(26, 36, 102)"."""
    channels = [int(n) / 255 for n in re.findall(r"\d+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def download_csv(page: Page) -> list[dict[str, str]]:
    """Download the combined CSV with the keyboard, and read it back."""
    tab_to(page, "el => el.id === 'cif-group-csv'")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- Letters, shading and the CSV (issue 25) ------------------------------------------------------


def test_letters_stay_with_each_authority_counts_are_shaded_by_size_and_the_csv_names_each_round(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    gap = fw["dimensions"][0]["criteria"][1]  # left unanswered in Westvale's baseline

    def westvale(d: int, c: int) -> int | None:
        return None if (d, c) == (0, 1) else 1

    first = write(
        tmp_path,
        {
            "westvale-baseline.json": export(fw, "Westvale Council", westvale, name="Baseline"),
            "anyshire.json": export(fw, "Anyshire", 1),
            "borsetshire.json": export(fw, "Borsetshire", len(fw["levels"])),
            "casterbridge.json": export(fw, "Casterbridge", 1),
        },
    )
    later = write(
        tmp_path,
        {
            "westvale-review.json": export(fw, "westvale   COUNCIL", 3, name="Review", date="2027-03-01"),
            "aldbury.json": export(fw, "Aldbury", 2),
            "exmoor.json": export(fw, "Exmoor", 2),
            "fenwick.json": export(fw, "Fenwick", 4),
        },
    )
    page, seen = open_group(context, built_site)
    tab_to(page, "el => el.id === 'cif-group-files'")
    choose_files_by_keyboard(page, first)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(4)
    before = codes_by_name(page)
    assert sorted(before.values()) == ["Authority A", "Authority B", "Authority C", "Authority D"]

    # The view by criterion: three authorities at the lowest level, one at the highest. The count
    # of three is shaded darker than the count of one, wherever their columns are.
    row = page.locator("#cif-criteria tbody tr").filter(has_text=f"1.1 {fw['dimensions'][0]['criteria'][0]['title']}")
    cells = row.locator("td")
    expect(cells).to_have_text(["3", "0", "0", "0", "1", "0", "0", "0"])
    shade = [luminance(c) for c in cells.evaluate_all("tds => tds.map(td => getComputedStyle(td).backgroundColor)")]
    assert shade[0] < shade[4], "the cell counting 3 authorities is darker than the one counting 1"
    # A count of none is not shaded; the one Not answered is shaded as lightly as the one Leading.
    assert cells.nth(1).evaluate("td => getComputedStyle(td).backgroundColor") == "rgba(0, 0, 0, 0)"
    gap_row = page.locator("#cif-criteria tbody tr").filter(has_text=f"1.2 {gap['title']}")
    gap_cells = gap_row.locator("td")
    expect(gap_cells).to_have_text(["2", "0", "0", "0", "1", "0", "0", "1"])
    gap_shades = [
        luminance(c) for c in gap_cells.evaluate_all("tds => tds.map(td => getComputedStyle(td).backgroundColor)")
    ]
    assert gap_shades[0] < gap_shades[4] == gap_shades[7]

    # Names hidden with the keyboard; the help says what is true of the letters.
    tab_to(page, "el => el.id === 'cif-group-hide'")
    expect(page.locator("#cif-group-hide-hint")).to_contain_text(
        "Each authority keeps its letter for as long as this page is open, whatever files you add or remove"
    )
    page.keyboard.press("Space")
    expect(page.get_by_label(HIDE)).to_be_checked()

    # More files, chosen with the keyboard: Westvale's second round and three more authorities.
    tab_to(page, "el => el.id === 'cif-group-files'", backwards=True)
    choose_files_by_keyboard(page, later)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(7)
    shown = sorted(row[0].split(" Latest")[0] for row in heatmap(page)[1:])
    assert shown == [f"Authority {letter}" for letter in "ABCDEFG"]
    tab_to(page, "el => el.id === 'cif-group-hide'")
    page.keyboard.press("Space")
    expect(page.get_by_label(HIDE)).not_to_be_checked()
    after = codes_by_name(page)
    # Westvale's row now shows its latest round's name; its letter is the one it had.
    assert after["westvale COUNCIL"] == before.pop("Westvale Council")
    assert {name: after[name] for name in before} == before
    assert sorted(after[name] for name in ("Aldbury", "Exmoor", "Fenwick")) == [
        "Authority E",
        "Authority F",
        "Authority G",
    ]

    # Removing an authority with the keyboard moves no one else's letter.
    tab_to(page, "el => el.textContent.startsWith('Remove Anyshire')", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(6)
    del after["Anyshire"]
    assert codes_by_name(page) == after

    # The CSV names each round as its own file does, and writes "Not answered" as the page does.
    rows = download_csv(page)
    wording = (page.locator("#cif-criteria thead th").last.text_content() or "").strip()
    assert wording == "Not answered"
    westvale_rows = [row for row in rows if row["Authority code"] == after["westvale COUNCIL"]]
    assert {(row["Round"], row["Authority"], row["Assessment name"]) for row in westvale_rows} == {
        ("1", "Westvale Council", "Baseline"),
        ("2", "westvale COUNCIL", "Review"),
    }
    unanswered = next(row for row in westvale_rows if row["Round"] == "1" and row["Criterion ID"] == gap["id"])
    assert (unanswered["Answer"], unanswered["Level number"]) == (wording, "")
    assert seen == []


# --- Twenty authorities on paper (issue 24) -------------------------------------------------------


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """Each printed page's text as laid out (pdftotext -layout)."""
    path = tmp_path / "group.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def words_beyond(pdf_path: Path, right: float) -> list[str]:
    """The words of the PDF that reach past `right` points from a page's left edge."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    words = re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', html)
    return [m[2] for m in words if float(m[1]) > right]


def reads_left_to_right(shown: Locator) -> bool:
    """True when the last text of an element is shown in the order it is written: each character on
    a line to the right of the one before (text that a reversed name before it leaks into runs
    right to left)."""
    shown.scroll_into_view_if_needed()
    result: bool = shown.evaluate(
        """node => {
            const text = [...node.childNodes].findLast(n => n.nodeType === 3 && n.textContent.trim());
            const range = document.createRange();
            const boxes = [];
            for (let i = 0; i < text.length; i += 1) {
                if (!text.textContent[i].trim()) continue;
                range.setStart(text, i);
                range.setEnd(text, i + 1);
                boxes.push(range.getBoundingClientRect());
            }
            const inOrder = (box, before) => Math.abs(box.top - before.top) > 2 || box.left > before.left;
            return boxes.every((box, i) => i === 0 || inOrder(box, boxes[i - 1]));
        }"""
    )
    return result


def test_twenty_authorities_print_on_a4_with_every_header_named_and_no_heading_left_at_a_page_foot(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    def spread(n: int) -> Any:
        return lambda d, c: 1 + (n + d + c) % 5

    files = {f"council-{n}.json": export(fw, f"Council number {n}", spread(n)) for n in range(19)}
    files["hostile.json"] = export(fw, HOSTILE, 2)
    # Four authorities with a second round, one of them the hostile name, its round named with it too.
    for n in (3, 7, 11):
        files[f"council-{n}-review.json"] = export(fw, f"Council number {n}", 4, name="Review", date="2027-03-01")
    files["hostile-review.json"] = export(fw, HOSTILE, 3, name=f"{HOSTILE} review", date="2027-03-01")
    page, seen = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(write(tmp_path, files))
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(20)
    expect(page.locator(".cif-series")).to_have_count(4)

    # The hostile name is shown as typed in its own isolation: what follows it reads left to right.
    hostile_row = page.locator("#cif-heatmap tbody tr").filter(has_text="Evil")
    code = hostile_row.locator(".cif-heat__code").inner_text().strip()
    assert re.fullmatch(r"\(Authority [A-T]\)", code)
    assert reads_left_to_right(hostile_row.locator(".cif-heat__code"))
    assert reads_left_to_right(page.locator(".cif-series").filter(has_text="Evil").locator(".cif-series__path"))

    # On A4: laid out at the printed text's width, nothing is wider than the page, and every header
    # cell of the heatmap carries its column's name as text.
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 900})
    page.emulate_media(media="print")
    expect(page.locator(".cif-profile").first).to_be_hidden()
    expect(page.locator(".cif-print-note")).to_be_visible()
    expect(page.locator("#cif-group-csv")).to_be_hidden()
    expect(page.locator("#cif-group-weakest")).to_be_visible()
    measured = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const shown = [...document.querySelectorAll('.md-content *')].filter(el => el.checkVisibility());
            const wide = el => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1;
            return {
                width,
                wider: shown.filter(wide).map(el => `${el.tagName}.${el.className}`),
                headers: [...document.querySelectorAll('#cif-heatmap thead th')].map(th => th.innerText.trim()),
            };
        }"""
    )
    assert measured["width"] == A4_TEXT_WIDTH
    assert measured["wider"] == [], "wider than the printed page"
    dimensions = [f"{d['number']}. {d['name']}" for d in fw["dimensions"]]
    assert [re.sub(r"\s+", " ", h) for h in measured["headers"]] == ["Authority", *dimensions]

    pdf = page.pdf(format="A4")
    pages = pdf_pages(pdf, tmp_path)
    # Read back: no word reaches into the right margin of an A4 page (595 points, margins of 1.5 cm).
    assert words_beyond(tmp_path / "group.pdf", 595.3 - 42.5 + 1) == []
    # Every page the heatmap runs on starts with its header row, named ("Authority" and the first
    # dimension's first word), not a blank band.
    first_word = fw["dimensions"][0]["name"].split()[0]
    heat_pages = [text for text in pages if re.search(r"\(Authority [A-T]\)", text)]
    assert len(heat_pages) >= 2, "twenty authorities run on to a second page"
    for text in heat_pages:
        head = text[: text.index("(Authority ")]
        assert re.search(r"^Authority\b", head, re.M) and first_word in head, head[-600:]
    # No heading, and no table caption, is the last line of a page; each heading is on the page of
    # the table (or first rounds) it introduces, and each authority's rounds start with their table.
    headings = page.evaluate(
        """() => [...document.querySelectorAll('.md-content :is(h1, h2, h3, h4, caption)')]
            .filter(el => el.checkVisibility()).map(el => el.innerText.trim().replace(/\\s+/g, ' '))"""
    )
    lines = [[re.sub(r"\s+", " ", line.strip()) for line in text.splitlines() if line.strip()] for text in pages]
    for number, on_page in enumerate(lines, 1):
        assert on_page[-1] not in headings, f"page {number} ends with the heading {on_page[-1]!r}"

    def page_of(line: str) -> int:
        return next(n for n, on_page in enumerate(lines) if any(x.startswith(line) for x in on_page))

    assert page_of("Level of each authority in each dimension") == page_of("Score and level of each dimension, by")
    assert page_of("Spread in each dimension") == page_of("Lowest, median and highest level of each dimension")
    assert page_of("Each criterion across the group") == page_of("How many authorities are at each level")
    assert page_of("Rounds") == page_of("2 rounds: ")
    series = [text.count(" rounds: ") for text in pages]
    assert series == [text.count("Each dimension in the first and latest round of") for text in pages]
    # The rounds follow on from one another: four authorities' rounds share pages, not a page each.
    assert sum(series) == 4 and max(series) >= 2, series
    # The hostile name's round reads the right way round on paper too: its series' sentence ends as
    # written, and its row's letter is printed in order.
    printed = " ".join(" ".join(pages).split())
    assert printed.count("The comparison above shows the latest.") == 4
    assert code in printed

    # Without the four second rounds the comparison prints on fewer than four pages fewer: the rounds
    # do not take a page each.
    page.emulate_media(media="screen")
    second_rounds = page.get_by_role("button", name=re.compile(r"^Remove .*, round 2 of 2$"))
    for left in range(4, 0, -1):
        expect(second_rounds).to_have_count(left)
        second_rounds.first.click()
    expect(page.locator('[data-module="cif-group-rounds"]')).to_be_hidden()
    page.emulate_media(media="print")
    without = pdf_pages(page.pdf(format="A4"), tmp_path)
    assert len(pages) - len(without) < 4, f"{len(pages)} pages with the rounds, {len(without)} without"
    assert seen == []
