"""The group page for a learning network of authorities (assess/group.html), in real Chromium, as a
facilitator uses it: the same file chosen twice, two rounds of one authority, low coverage, the view
by criterion, sorting and filtering the heatmap, its authority column kept in view, the combined CSV
read back, and axe on every state at 320 px and in the dark scheme (the printed summary is in
test_group_journey_browser.py).
Exports are built here in the form's export format, as in test_group_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO, make_site, run_mkdocs, synthetic_framework
from tests.test_group_browser import heatmap, open_group, violations

CHOOSER = "Choose files exported from the self-assessment form"
RLO = "\u202e"

Level = Callable[[int, int], "int | str | None"]


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


def export(
    fw: dict[str, Any],
    authority: str,
    level: int | Level,
    name: str = "Baseline, autumn 2026",
    date: str = "2026-10-01",
) -> str:
    """An export as the form writes it. `level` is the level number (1 = lowest) of every criterion,
    or a function of (dimension index, criterion index) giving a level number, an answer id such as
    "not_applicable", or None for no answer."""
    answers: dict[str, str] = {}
    for d, dimension in enumerate(fw["dimensions"]):
        for c, criterion in enumerate(dimension["criteria"]):
            value = level if isinstance(level, int) else level(d, c)
            if value is None:
                continue
            answers[criterion["id"]] = fw["levels"][value - 1]["id"] if isinstance(value, int) else value
    return json.dumps(
        {
            "format": "cif-self-assessment",
            "formatVersion": 1,
            "exportedAt": f"{date}T10:00:00.000Z",
            "framework": {"id": fw["id"], "version": fw["version"], "title": fw["title"]},
            "assessment": {
                "name": name,
                "authority": authority,
                "date": date,
                "answers": answers,
                "targets": {},
                "notes": {},
            },
        }
    )


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    paths = []
    for file_name, text in files.items():
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def network(fw: dict[str, Any], tmp_path: Path) -> list[Path]:
    """Anyshire's baseline and review (its name typed differently the second time), Borsetshire's
    export and a copy of it under another name, and an authority whose name holds a right-to-left
    override."""
    borsetshire = export(fw, "Borsetshire", 2)
    return write(
        tmp_path,
        {
            "anyshire-baseline.json": export(fw, "Anyshire", 1),
            "anyshire-review.json": export(fw, "  ANYSHIRE ", 3, name="Review, spring 2027", date="2027-03-01"),
            "borsetshire.json": borsetshire,
            "borsetshire (1).json": borsetshire,
            "reversed.json": export(fw, f"{RLO}Evil{RLO} Council", 4),
        },
    )


@pytest.fixture
def three(fw: dict[str, Any], tmp_path: Path) -> list[Path]:
    """Three authorities at levels 1, 2 and 4 on every criterion, but Leading on criterion 2.1."""

    def at(level: int) -> Level:
        return lambda d, c: len(fw["levels"]) if (d, c) == (1, 0) else level

    return write(
        tmp_path,
        {
            f"{name.lower()}.json": export(fw, name, at(level))
            for name, level in (("Casterbridge", 4), ("Anyshire", 1), ("Borsetshire", 2))
        },
    )


def names_in_heatmap(page: Page) -> list[str]:
    return [row[0].split(" (")[0] for row in heatmap(page)[1:]]


def header(page: Page) -> list[str]:
    """The heatmap's header row as shown: the columns the theme filter leaves in."""
    cells: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#cif-heatmap thead th')]
            .filter(th => th.checkVisibility()).map(th => th.innerText.trim())"""
    )
    return cells


def sort_by(page: Page, column: str) -> None:
    page.locator("#cif-heatmap thead").get_by_role("button", name=column, exact=True).click()


# --- Files and rounds ----------------------------------------------------------------------------


def test_the_same_file_twice_counts_once_and_two_rounds_are_one_authority(
    context: BrowserContext, built_site: Path, network: list[Path], fw: dict[str, Any]
) -> None:
    page, seen = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(network)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    expect(page.locator("#cif-group-problems li")).to_have_count(1)
    expect(page.locator("#cif-group-problems li")).to_contain_text("borsetshire (1).json")
    expect(page.locator("#cif-group-problems li")).to_contain_text(
        "already in the comparison as “\u2068borsetshire.json\u2069”, so it is counted once"
    )
    summary = page.locator("#cif-group-summary")
    expect(summary).to_contain_text("3 authorities in the comparison, from 4 files.")
    expect(summary).to_contain_text("1 authority has files from more than one round")

    # Anyshire's row shows its latest round (all Established), marked as the latest of two.
    levels = [level["label"] for level in fw["levels"]]
    n = len(fw["dimensions"][0]["criteria"])
    anyshire = page.locator("#cif-heatmap tbody tr").filter(has_text="Latest of 2 rounds")
    expect(anyshire).to_have_count(1)
    expect(anyshire.locator("th")).to_contain_text("ANYSHIRE")
    established = f"Level 3 of {len(levels)}\n{levels[2]}\nfrom {n} of {n} criteria"
    expect(anyshire.locator("td").first).to_have_text(established)

    # The rounds, baseline first, with the change like for like.
    rounds = page.locator('[data-module="cif-group-rounds"]')
    expect(rounds).to_be_visible()
    series = rounds.locator(".cif-series")
    expect(series).to_have_count(1)
    expect(series).to_contain_text(
        "2 rounds: Baseline, autumn 2026, 1 October 2026 → Review, spring 2027, 1 March 2027. "
        "The comparison above shows the latest."
    )
    expect(series).to_contain_text(f"{len(fw['dimensions'])} dimensions moved up a level")
    first = series.locator("tbody tr").first
    whole = len(levels)
    expect(first.locator("td").nth(0)).to_have_text(f"{levels[0]} (level 1 of {whole}), from {n} of {n} criteria")
    expect(first.locator("td").nth(1)).to_have_text(f"{levels[2]} (level 3 of {whole}), from {n} of {n} criteria")
    # The change is printed with the like-for-like levels it comes from.
    expect(first.locator("td").nth(2)).to_have_text(
        f"Up 2 levels. On the {n} criteria answered both times: {levels[0]} (level 1 of {whole})"
        f" → {levels[2]} (level 3 of {whole})"
    )

    # Every file is listed, the rounds together, each with its own Remove button.
    files = page.locator("#cif-group-file-list li")
    expect(files).to_have_count(4)
    expect(files.filter(has_text="Round 1 of 2")).to_contain_text("anyshire-baseline.json")
    expect(files.filter(has_text="Round 2 of 2")).to_contain_text("anyshire-review.json")

    # A name with direction-control characters is isolated wherever it is shown.
    reversed_name = page.locator("#cif-heatmap tbody th bdi.cif-heat__name").filter(has_text="Evil")
    assert reversed_name.evaluate("node => [node.tagName, node.textContent]") == [
        "BDI",
        # As typed, the two overrides it leaves open closed inside its isolation.
        f"{RLO}Evil{RLO} Council\u202c\u202c",
    ]
    assert page.locator("#cif-group-file-list bdi").filter(has_text="Evil").count() >= 1

    # Removing the review leaves Anyshire's baseline, and no rounds to compare.
    page.get_by_role("button", name="Remove ANYSHIRE, round 2 of 2").click()
    expect(page.locator("#cif-group-announcer")).to_contain_text(
        "Removed ANYSHIRE, round 2 of 2 from the comparison. 3 authorities left."
    )
    expect(rounds).to_be_hidden()
    row = page.locator("#cif-heatmap tbody tr").filter(has_text="Anyshire")
    expect(row.locator("td").first).to_have_text(f"Level 1 of {len(levels)}\n{levels[0]}\nfrom {n} of {n} criteria")
    assert seen == []


def test_a_result_from_few_criteria_is_marked_low_coverage(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    # Only the first criterion of the first dimension is answered (Leading); one is not applicable.
    def level(d: int, c: int) -> int | str | None:
        return 5 if (d, c) == (0, 0) else "not_applicable" if (d, c) == (0, 1) else None

    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(
        write(tmp_path, {"empty.json": export(fw, "Borsetshire", lambda d, c: None)})
    )
    expect(page.locator("#cif-heatmap tbody td").first).to_have_text("No result yet")
    expect(page.locator("#cif-group-weakest")).to_have_text("No criterion has been answered with a level yet.")
    page.get_by_role("button", name="Remove Borsetshire").click()
    page.get_by_label(CHOOSER).set_input_files(write(tmp_path, {"partial.json": export(fw, "Anyshire", level)}))
    cell = page.locator("#cif-heatmap tbody td").first
    applicable = len(fw["dimensions"][0]["criteria"]) - 1  # one is not applicable
    expect(cell).to_have_text(
        f"Level 5 of {len(fw['levels'])}\n{fw['levels'][4]['label']}\nfrom 1 of {applicable} criteria (low coverage)"
    )
    expect(cell).to_have_class("cif-heat cif-heat--7 cif-heat--low")
    outline = cell.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "dashed"
    # The view by criterion counts what was not answered.
    second = page.locator("#cif-criteria tbody tr").filter(
        has_text=f"1.2 {fw['dimensions'][0]['criteria'][1]['title']}"
    )
    expect(second.locator("td")).to_have_text(["0"] * len(fw["levels"]) + ["1", "0", "0"])


# --- Criterion view, sorting and filtering -------------------------------------------------------


def test_each_criterion_shows_the_spread_and_the_weakest_are_named(
    context: BrowserContext, built_site: Path, three: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three)
    levels = [level["label"] for level in fw["levels"]]
    first_dimension = fw["dimensions"][0]
    criterion = first_dimension["criteria"][0]
    weakest = page.locator("#cif-group-weakest li")
    expect(weakest).to_have_count(5)
    expect(weakest.first).to_have_text(
        f"2 of 3 authorities are {levels[1]} or lower on 1.1 {criterion['title']} (1. {first_dimension['name']})."
    )
    expect(page.locator("#cif-group-weakest")).not_to_contain_text(" on 2.1 ")
    row = page.locator("#cif-criteria tbody tr").filter(has_text=f"1.1 {criterion['title']}")
    expect(row.locator("td")).to_have_text(["1", "1", "0", "1", "0", "0", "0", "0"])
    leading = page.locator("#cif-criteria tbody tr").filter(
        has_text=f"2.1 {fw['dimensions'][1]['criteria'][0]['title']}"
    )
    expect(leading.locator("td")).to_have_text(["0", "0", "0", "0", "3", "0", "0", "0"])


def test_the_heatmap_sorts_by_authority_or_any_dimension(
    context: BrowserContext, built_site: Path, three: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    first = f"1. {fw['dimensions'][0]['name']}"
    header = page.locator("#cif-heatmap thead th").nth(1)
    assert header.get_attribute("aria-sort") is None
    sort_by(page, first)
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert names_in_heatmap(page) == ["Anyshire", "Borsetshire", "Casterbridge"]
    expect(page.locator("#cif-group-announcer")).to_have_text(f"Sorted by {first}, lowest level first.")
    # The button keeps focus, and the keyboard sorts the other way.
    assert page.evaluate("document.activeElement.textContent") == first
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    assert names_in_heatmap(page) == ["Casterbridge", "Borsetshire", "Anyshire"]

    sort_by(page, "Authority")
    expect(page.locator("#cif-heatmap thead th").first).to_have_attribute("aria-sort", "ascending")
    assert header.get_attribute("aria-sort") is None
    assert names_in_heatmap(page) == ["Anyshire", "Borsetshire", "Casterbridge"]
    sort_by(page, "Authority")
    assert names_in_heatmap(page) == ["Casterbridge", "Borsetshire", "Anyshire"]
    # Hidden names sort by their letters.
    page.get_by_label("Hide authority names").check()
    assert names_in_heatmap(page) == ["Authority C", "Authority B", "Authority A"]


def test_the_heatmap_shows_the_dimensions_of_one_theme(
    context: BrowserContext, built_site: Path, three: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    theme = fw["themes"][1]
    page.get_by_label("Show the dimensions of").select_option(label=theme["title"])
    ours = [f"{d['number']}. {d['name']}" for d in fw["dimensions"] if d["theme"] == theme["id"]]
    assert header(page) == ["Authority", *ours]
    assert all(len(row) == len(ours) + 1 for row in heatmap(page)[1:])
    expect(page.locator("#cif-group-announcer")).to_have_text(
        f"The table shows the dimensions of {theme['title']}: {len(ours)} dimensions."
    )
    # Sorting works within the theme, and every dimension comes back.
    sort_by(page, ours[0])
    assert names_in_heatmap(page) == ["Anyshire", "Borsetshire", "Casterbridge"]
    page.get_by_label("Show the dimensions of").select_option(label="Every theme")
    assert len(header(page)) == len(fw["dimensions"]) + 1


def test_the_authority_column_stays_in_view_and_the_table_uses_the_page_width(
    context: BrowserContext, built_site: Path, three: list[Path], fw: dict[str, Any]
) -> None:
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(three)
    region = page.get_by_role("region", name="Score and level of each dimension, by authority")
    region.scroll_into_view_if_needed()
    box = region.bounding_box()
    article = page.locator("article").bounding_box()
    assert box and article and box["width"] >= article["width"] - 80, "the table's region is as wide as the page's text"
    visible = page.evaluate(
        """() => {
            const region = document.querySelector('.cif-heatmap-wrap').getBoundingClientRect();
            return [...document.querySelectorAll('#cif-heatmap thead th')].slice(1)
              .filter(th => th.getBoundingClientRect().right <= region.right + 1).length;
        }"""
    )
    assert visible > 6, f"only {visible} of {len(fw['dimensions'])} dimensions in view at 1280 px"
    name = page.locator("#cif-heatmap tbody th").first
    before = name.bounding_box()
    region.evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    assert region.evaluate("node => node.scrollLeft") > 0, "the table is wider than its region, so it scrolls"
    after = name.bounding_box()
    assert before and after and abs(after["x"] - before["x"]) < 1 and abs(after["x"] - box["x"]) < 2
    # The last dimension is now in view beside the names, not under them.
    last = page.locator("#cif-heatmap tbody tr").first.locator("td").last.bounding_box()
    assert last and last["x"] >= after["x"] + after["width"] - 1


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A site whose framework has 35 dimensions in 5 themes."""
    root = tmp_path_factory.mktemp("wide")
    config = make_site(root, synthetic_framework(dimensions=35, criteria=2, themes=5))
    result = run_mkdocs(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site", framework_data(load_framework(root / "framework.yml", root / "content"))


def test_thirty_five_dimensions_scroll_beside_the_names_and_filter_by_theme(
    context: BrowserContext, wide_site: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    site, wide = wide_site
    files = write(tmp_path, {f"{n}.json": export(wide, f"Council {n}", n) for n in (1, 3, 5)})
    page, _ = open_group(context, site)
    page.get_by_label(CHOOSER).set_input_files(files)
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(3)
    assert len(header(page)) == 36
    region = page.locator(".cif-heatmap-wrap")
    name = page.locator("#cif-heatmap tbody th").first
    before = name.bounding_box()
    region.evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    after = name.bounding_box()
    assert before and after and abs(after["x"] - before["x"]) < 1
    sort_by(page, "35. Dimension number 35")
    assert names_in_heatmap(page) == ["Council 1", "Council 3", "Council 5"]
    page.get_by_label("Show the dimensions of").select_option(label="Theme 2")
    assert len(header(page)) == 8


# --- The combined CSV and the printed summary -----------------------------------------------------


def download_csv(page: Page) -> list[dict[str, str]]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as CSV").click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    assert info.value.suggested_filename.endswith(".csv")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_combined_csv_reads_back_a_row_per_authority_round_and_criterion(
    context: BrowserContext, built_site: Path, network: list[Path], fw: dict[str, Any], tmp_path: Path
) -> None:
    formula = write(tmp_path, {"formula.json": export(fw, '=HYPERLINK("http://x","y")', 2)})
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files([*network, *formula])
    expect(page.locator("#cif-heatmap tbody tr")).to_have_count(4)
    rows = download_csv(page)
    criteria = sum(len(d["criteria"]) for d in fw["dimensions"])
    assert len(rows) == 5 * criteria  # five files (the copy counted once), every criterion
    assert list(rows[0])[:5] == ["Authority code", "Authority", "Round", "Rounds", "Latest round"]
    for column in (
        "Criterion ID",
        "Answer",
        "Level number",
        "Dimension level number",
        "Dimension level",
        "Low coverage",
        "Theme",
    ):
        assert column in rows[0]
    anyshire = [row for row in rows if row["Authority"].strip().lower() == "anyshire"]
    assert {row["Round"] for row in anyshire} == {"1", "2"} and {row["Rounds"] for row in anyshire} == {"2"}
    first = fw["dimensions"][0]["criteria"][0]["id"]
    baseline = next(row for row in anyshire if row["Round"] == "1" and row["Criterion ID"] == first)
    assert baseline["Latest round"] == "No" and baseline["Assessment date"] == "2026-10-01"
    assert (baseline["Answer"], baseline["Level number"]) == (fw["levels"][0]["label"], "1")
    assert (baseline["Dimension level number"], baseline["Dimension criteria answered"], baseline["Low coverage"]) == (
        "1",
        str(len(fw["dimensions"][0]["criteria"])),
        "No",
    )
    assert baseline["File"] == "anyshire-baseline.json"
    # A name a spreadsheet would run as a formula is written as text.
    assert {row["Authority"] for row in rows if "HYPERLINK" in row["Authority"]} == {'\'=HYPERLINK("http://x","y")'}
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())
    # With names hidden, the file gives the letters only.
    page.get_by_label("Hide authority names").check()
    hidden = download_csv(page)
    assert {row["Authority"] for row in hidden} == {f"Authority {c}" for c in "ABCD"}
    assert not any("Anyshire" in value or ".json" in value for row in hidden for value in row.values())


# --- Accessibility of every state ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [
        ({"width": 1280, "height": 900}, "light"),
        ({"width": 320, "height": 640}, "light"),
        ({"width": 1280, "height": 900}, "dark"),
    ],
)
def test_no_accessibility_violations_in_any_state_of_the_network_view(
    browser: Browser, built_site: Path, network: list[Path], fw: dict[str, Any], viewport: dict[str, int], scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
    page, _ = open_group(context, built_site)
    page.get_by_label(CHOOSER).set_input_files(network)
    expect(page.locator(".cif-series")).to_have_count(1)
    assert violations(page) == []
    sort_by(page, f"1. {fw['dimensions'][0]['name']}")
    expect(page.locator("#cif-heatmap thead th").nth(1)).to_have_attribute("aria-sort", "ascending")
    assert violations(page) == []
    page.get_by_label("Show the dimensions of").select_option(label=fw["themes"][0]["title"])
    assert violations(page) == []
    page.get_by_label("Hide authority names").check()
    expect(page.locator("#cif-heatmap tbody th").first).to_contain_text("Authority ")
    assert violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()
