"""The framework's scoring rule and each result's coverage, as a person sees them in Chromium.

A fixture framework whose first dimension's answers give a different level by each method (mean,
median, minimum); a second dimension answered from 1 of 4 criteria (low coverage). Answers are
seeded through storage, so the tests do not depend on which page asks each question. Checked on
the form's results, the shared results page, the group page and the progress comparison.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.helpers import REPO, answer, go_to_step, make_site, run_mkdocs, seed_storage, synthetic_framework

ASSESSMENTS = "cif:synthetic:assessments"
SETTINGS = "cif:synthetic:settings"
# Levels of synthetic_framework(levels=4): 1 Initial, 2 Basic, 3 Emerging, 4 Developing.
ANSWERS = {
    # 1, 4, 4 and not applicable: mean 3 Emerging, median 4 Developing, minimum 1 Initial.
    "d1-c1": "level-1",
    "d1-c2": "level-4",
    "d1-c3": "level-4",
    "d1-c4": "not_applicable",
    # 1 of 4 criteria: low coverage.
    "d2-c1": "level-3",
    "d2-c2": "not_sure",
}
# A result is shown as its whole level only, in words with its number: "Emerging (level 3 of 4)".
EXPECTED = {
    "mean": ("3", "Emerging"),
    "median": ("4", "Developing"),
    "minimum": ("1", "Initial"),
}
WEAK = "Weak spot: 1.1 Criterion 1 of dimension 1, Initial"
LOW_COVERAGE = "from 1 of 4 criteria (low coverage)"


def build(root: Path, scoring: dict[str, Any], themes: int = 0) -> tuple[Path, dict[str, Any]]:
    data = synthetic_framework(levels=4, dimensions=3, criteria=4, themes=themes)
    data["scoring"] = scoring
    config = make_site(root, data)
    # The published site's theme overrides and stylesheet, so axe-core judges what people see.
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = str(REPO / "overrides")
    settings["theme"]["palette"] = [  # as mkdocs.yml: the dark scheme follows the system's
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "primary": "indigo",
            "accent": "indigo",
            "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "primary": "indigo",
            "accent": "indigo",
            "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
        },
    ]
    settings["extra_css"] = ["assets/site.css"]
    (root / "content" / "assets").mkdir(exist_ok=True)
    shutil.copy(REPO / "content" / "assets" / "site.css", root / "content" / "assets" / "site.css")
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = run_mkdocs(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site", framework_data(load_framework(root / "framework.yml", root / "content"))


@pytest.fixture(scope="module", params=["mean", "median", "minimum"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, dict[str, Any]]:
    method: str = request.param
    built, fw = build(tmp_path_factory.mktemp(f"scoring-{method}"), {"method": method})
    return method, built, fw


def record(ident: str, name: str, date: str, answers: dict[str, str]) -> dict[str, Any]:
    return {
        "id": ident,
        "frameworkId": "synthetic",
        "frameworkVersion": "1.0",
        "name": name,
        "authority": "Anyshire",
        "date": date,
        "created": f"{date}T09:00:00.000Z",
        "updated": f"{date}T09:00:00.000Z",
        "answers": answers,
        "targets": {},
        "notes": {},
        "plan": {},
    }


def open_seeded(context: BrowserContext, site: Path, *records: dict[str, Any]) -> Page:
    """The form's hub with these assessments on the device, the last one open."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "assess" / "index.html").as_uri())
    seed_storage(
        page,
        {
            ASSESSMENTS: json.dumps({"schemaVersion": 1, "assessments": {r["id"]: r for r in records}}),
            SETTINGS: json.dumps({"schemaVersion": 1, "currentAssessment": records[-1]["id"]}),
        },
    )
    expect(page.locator("#cif-results")).to_be_visible()
    assert errors == []
    return page


def test_each_rule_gives_its_level_explained_on_the_page_with_coverage_and_weak_spots(
    context: BrowserContext, site: tuple[str, Path, dict[str, Any]]
) -> None:
    method, built, _ = site
    page = open_seeded(context, built, record("a-1", "Baseline", "2026-10-01", ANSWERS))
    score, level = EXPECTED[method]
    rule = page.locator("h2#how-scoring-works + .fw-scoring-rule")
    expect(rule).to_contain_text(
        {"mean": "average (mean)", "median": "middle value (median)", "minimum": "weakest answered criterion"}[method]
    )
    expect(rule).to_contain_text("There is no overall result: a figure across different practices would hide")

    rows = page.get_by_role("table", name="Score, level and target for each dimension").locator("tbody tr")
    first, second, third = rows.nth(0), rows.nth(1), rows.nth(2)
    expect(first.locator("td").nth(0)).to_have_text(f"Level {score} of 4")
    expect(first.locator("td").nth(1)).to_contain_text(level)
    expect(first.locator("td").nth(3)).to_have_text("from 3 of 3 criteria; 1 Not applicable")
    if method == "minimum":  # nothing can be below the lowest answer
        expect(first).not_to_contain_text("Weak spot")
    else:
        expect(first.locator("td").nth(1)).to_contain_text(WEAK)
    expect(second.locator("td").nth(1)).to_have_text("Emerging (low coverage)")
    expect(second.locator("td").nth(3)).to_have_text(f"{LOW_COVERAGE}; 1 Not sure yet, 2 not answered")
    expect(third).to_contain_text("No result yet")
    # A low-coverage result is never named strongest or weakest: it is named as low coverage.
    highlights = page.locator("#cif-highlights")
    expect(highlights).not_to_contain_text("Strongest")
    expect(highlights).to_contain_text("Low coverage (from fewer than half of their criteria): 2. Dimension number 2")
    expect(page.locator(".cif-overall")).to_have_text(
        "There is no overall result: a figure across different practices would hide the weak ones, "
        "so each dimension stands on its own."
    )

    # The chart: the low-coverage result is hatched in a dashed outline and says so in words.
    chart = page.get_by_role("img", name="Bar chart of the level of each dimension", exact=False)
    expect(chart.locator("rect.cif-chart__bar")).to_have_count(1)
    expect(chart.locator("rect.cif-chart__bar--low")).to_have_count(1)
    expect(chart.locator("text.cif-chart__value").first).to_have_text(f"{level} (level {score} of 4)")
    label = chart.locator("text.cif-chart__label").nth(1)  # wrapped into lines (tspans)
    words = label.evaluate("t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ')")
    assert words == f"2. Dimension number 2, {LOW_COVERAGE}"
    low = chart.locator("rect.cif-chart__bar--low")
    style = low.evaluate("r => [getComputedStyle(r).strokeDasharray, r.getAttribute('fill')]")
    assert style[0] not in ("none", "") and style[1].startswith("url(#"), style
    expect(page.locator("#cif-results .cif-chart__key--low")).to_have_text(
        "A hatched bar in a dashed outline is a result from fewer than half of its criteria (low coverage)."
    )
    found = axe_violations(page)
    assert found == [], "\n".join(found)

    # Under the questions of a step, the dimension's result says the same, and follows an answer.
    go_to_step(page, "dimension-1")
    line = page.locator('[data-score-for="dimension-1"]')
    weak = "" if method == "minimum" else f" {WEAK}."
    expect(line).to_have_text(f"{level} (level {score} of 4), from 3 of 3 criteria.{weak}")
    answer(page, "d1-c4", "Initial")
    after = "Initial (level 1 of 4)" if method == "minimum" else "Basic (level 2 of 4)"
    expect(line).to_have_text(f"{after}, from 4 of 4 criteria.")


def test_share_page_and_group_page_mark_low_coverage(
    context: BrowserContext, site: tuple[str, Path, dict[str, Any]], tmp_path: Path
) -> None:
    method, built, fw = site
    score, level = EXPECTED[method]
    number = {lv["id"]: i + 1 for i, lv in enumerate(fw["levels"])}
    fingerprints = {c["id"]: c["fingerprint"] for d in fw["dimensions"] for c in d["criteria"]}
    coded = {"not_applicable": -1, "not_sure": 0}
    link = {
        "f": "synthetic",
        "v": "1.0",
        "n": "Baseline",
        "u": "Anyshire",
        "d": "2026-10-01",
        "l": [lv["id"] for lv in fw["levels"]],
        "a": {k: [coded.get(v) if v in coded else number[v], fingerprints[k]] for k, v in ANSWERS.items()},
        "t": {},
    }
    text = base64.urlsafe_b64encode(json.dumps(link).encode()).decode().rstrip("=")
    page = context.new_page()
    page.goto((built / "assess" / "shared.html").as_uri() + "#r1." + text)
    rows = page.locator("#cif-shared-table tbody tr")
    expect(rows.nth(0).locator("td").nth(0)).to_have_text(f"Level {score} of 4")
    expect(rows.nth(0).locator("td").nth(1)).to_contain_text(level)
    expect(rows.nth(1).locator("td").nth(3)).to_have_text(f"{LOW_COVERAGE}; 1 Not sure yet, 2 not answered")
    chart = page.get_by_role("img", name="Bar chart of the level of each dimension", exact=False)
    expect(chart.locator("rect.cif-chart__bar--low")).to_have_count(1)
    expect(page.locator(".cif-chart__key--low")).to_be_visible()
    rule = page.locator("#how-levels-are-worked-out + .fw-scoring-rule")
    expect(rule).to_be_visible()
    expect(rule).to_have_attribute("data-scoring-rule", method)
    found = axe_violations(page)
    assert found == [], "\n".join(found)

    export = {
        "format": "cif-self-assessment",
        "formatVersion": 1,
        "exportedAt": "2026-10-02T10:00:00.000Z",
        "framework": {"id": "synthetic", "version": "1.0", "title": fw["title"]},
        "assessment": {"name": "Baseline", "authority": "Anyshire", "date": "2026-10-01", "answers": ANSWERS},
    }
    path = tmp_path / "anyshire.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    group = context.new_page()
    group.goto((built / "assess" / "group.html").as_uri())
    group.get_by_label("Choose files exported from the self-assessment form").set_input_files([path])
    cells = group.locator("#cif-heatmap tbody tr").first.locator("td")
    expect(cells.nth(0)).to_contain_text(f"Level {score} of 4 {level}")
    expect(cells.nth(0)).to_contain_text("from 3 of 3 criteria")
    expect(cells.nth(1)).to_contain_text("from 1 of 4 criteria (low coverage)")
    expect(cells.nth(1)).to_have_class(re.compile(r"\bcif-heat--low\b"))
    expect(cells.nth(0)).not_to_have_class(re.compile(r"\bcif-heat--low\b"))
    outline = cells.nth(1).evaluate("c => getComputedStyle(c).outlineStyle")
    assert outline == "dashed"
    expect(group.locator("#cif-heatmap")).to_be_visible()
    assert axe_violations(group) == []


def test_a_dimension_without_a_result_is_worded_the_same_on_the_hub_a_step_the_report_and_the_group_page(
    context: BrowserContext, site: tuple[str, Path, dict[str, Any]], tmp_path: Path
) -> None:
    """Issue 22: the hub said "No score yet" where the report said "No result yet", and a dimension
    whose every criterion is "Not applicable" was worded differently from page to page."""
    _, built, fw = site
    answers = {f"d1-c{i}": "not_applicable" for i in range(1, 5)} | {"d2-c1": "level-3", "d2-c2": "level-2"}
    page = open_seeded(context, built, record("a-1", "Baseline", "2026-10-01", answers))
    hub = page.get_by_role("table", name="Score, level and target for each dimension").locator("tbody tr")
    expect(hub.nth(0).locator("td").nth(1)).to_have_text("Not applicable")
    expect(hub.nth(2).locator("td").nth(1)).to_have_text("No result yet")
    expect(page.locator("#cif-results")).not_to_contain_text("No score")
    hub_words = [hub.nth(i).locator("td").nth(1).inner_text() for i in (0, 2)]

    report = context.new_page()
    report.goto((built / "assess" / "report.html").as_uri())
    rows = report.get_by_role("table", name="Score, level and target for each dimension").locator("tbody tr")
    for i, words in zip((0, 2), hub_words, strict=True):
        expect(rows.nth(i).locator("td").nth(1)).to_have_text(words)

    go_to_step(page, "dimension-1")
    expect(page.locator('[data-score-for="dimension-1"]')).to_have_text(
        "Not applicable: every criterion is marked Not applicable."
    )
    go_to_step(page, "dimension-3")
    expect(page.locator('[data-score-for="dimension-3"]')).to_have_text(
        "No result yet. Choose a level for a criterion to see one."
    )

    export = {
        "format": "cif-self-assessment",
        "formatVersion": 1,
        "exportedAt": "2026-10-02T10:00:00.000Z",
        "framework": {"id": "synthetic", "version": "1.0", "title": fw["title"]},
        "assessment": {"name": "Baseline", "authority": "Anyshire", "date": "2026-10-01", "answers": answers},
    }
    path = tmp_path / "anyshire.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    group = context.new_page()
    group.goto((built / "assess" / "group.html").as_uri())
    group.get_by_label("Choose files exported from the self-assessment form").set_input_files([path])
    cells = group.locator("#cif-heatmap tbody tr").first.locator("td")
    expect(cells.nth(0)).to_have_text("Not applicable")
    expect(cells.nth(2)).to_have_text("No result yet")


def test_progress_is_like_for_like(context: BrowserContext, site: tuple[str, Path, dict[str, Any]]) -> None:
    _, built, _ = site
    # The example: three criteria answered both times move 2, 2, 2 -> 2, 2, 3 (a mean of
    # +0.3); the fourth was "Not sure yet" and is now 4. Over every answer the mean moved +0.8.
    then = record("a-then", "Baseline", "2026-10-01", {
        "d1-c1": "level-2", "d1-c2": "level-2", "d1-c3": "level-2", "d1-c4": "not_sure", "d2-c1": "level-3",
    })  # fmt: skip
    now = record("a-now", "Review", "2027-10-01", {
        "d1-c1": "level-2", "d1-c2": "level-2", "d1-c3": "level-3", "d1-c4": "level-4", "d2-c1": "level-1",
    })  # fmt: skip
    page = open_seeded(context, built, then, now)
    page.get_by_label("Compare with").select_option(label="Baseline (1 October 2026)")
    page.get_by_role("button", name="Compare", exact=True).click()
    summary = page.locator("#cif-compare-summary")
    expect(summary).to_have_text(
        "1 dimension moved down a level, 1 stayed at the same level, on the criteria answered in both "
        "assessments. 1 dimension has no criterion answered with a level in both, so it is not compared."
    )
    rows = page.get_by_role("table", name="Level of each dimension then and now").locator("tbody tr")
    first = rows.nth(0)
    # The change is said with the levels on the criteria answered both times: 2, 2, 2 -> 2, 2, 3.
    # Every result is a whole level (2.8 and 2.3 by the mean are both Basic, level 2).
    expect(first).to_contain_text("Basic (level 2 of 4), from 3 of 4 criteria")
    expect(first).to_contain_text("Basic (level 2 of 4), from 4 of 4 criteria")
    expect(first).to_contain_text(
        "No change in level. On the 3 criteria answered both times: Basic (level 2 of 4) \u2192 Basic (level 2 of 4)"
    )
    expect(first).not_to_contain_text("+0.8")
    expect(rows.nth(1)).to_contain_text("from 1 of 4 criteria (low coverage)")
    expect(rows.nth(1)).to_contain_text("Down 2 levels")
    apart = page.locator(".cif-compare__apart")
    expect(apart).to_contain_text("Answered with a level in only one of the two")
    expect(apart.locator("li")).to_have_text(["1.4 Criterion 4 of dimension 1: Not sure yet then, Developing now"])
    chart = page.locator("#cif-compare-chart svg")
    expect(chart.locator("rect.cif-chart__bar--low")).to_have_count(2)  # dimension 2, then and now
    words = (
        chart.locator("text.cif-chart__label")
        .nth(1)
        .evaluate("t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ')")
    )
    assert words == "2. Dimension number 2 (low coverage then and now)"
    expect(page.locator("#cif-compare-results .cif-chart__key--low")).to_be_visible()
    found = axe_violations(page)
    assert found == [], "\n".join(found)


def test_theme_and_overall_results_only_when_the_framework_asks(
    context: BrowserContext, tmp_path_factory: pytest.TempPathFactory
) -> None:
    built, _ = build(
        tmp_path_factory.mktemp("scoring-wider"),
        {"method": "minimum", "theme_results": True, "overall_result": True},
        2,
    )
    page = open_seeded(context, built, record("a-1", "Baseline", "2026-10-01", ANSWERS))
    expect(page.locator(".fw-scoring-rule")).to_contain_text("Each theme also has a result, and there is one overall")
    wider = page.locator(".cif-overall p")
    # Dimensions 1 and 3 are in theme 1, dimension 2 in theme 2.
    expect(wider).to_have_text(
        [
            "Overall: Initial (level 1 of 4), from 4 of 11 criteria (low coverage).",
            "Theme 1 (theme): Initial (level 1 of 4), from 3 of 7 criteria (low coverage).",
            "Theme 2 (theme): Emerging (level 3 of 4), from 1 of 4 criteria (low coverage).",
        ]
    )
    found = axe_violations(page)
    assert found == [], "\n".join(found)


def test_coverage_marks_on_a_phone_in_dark_mode(browser: Browser, site: tuple[str, Path, dict[str, Any]]) -> None:
    _, built, _ = site
    context = browser.new_context(color_scheme="dark", viewport={"width": 320, "height": 800})
    try:
        then = record("a-then", "Baseline", "2026-10-01", {"d1-c1": "level-2", "d2-c1": "level-3"})
        page = open_seeded(context, built, then, record("a-1", "Review", "2027-10-01", ANSWERS))
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        rows = page.get_by_role("table", name="Score, level and target for each dimension").locator("tbody tr")
        expect(rows.nth(1).locator("td").nth(3)).to_have_text(f"{LOW_COVERAGE}; 1 Not sure yet, 2 not answered")
        chart = page.get_by_role("img", name="Bar chart of the level of each dimension", exact=False)
        low = chart.locator("rect.cif-chart__bar--low")
        expect(low).to_have_count(1)
        # The hatching and outline take the bar's colour in the dark scheme too, so they show.
        stroke = low.evaluate("r => getComputedStyle(r).stroke")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert stroke not in ("none", background), stroke
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.get_by_label("Compare with").select_option(label="Baseline (1 October 2026)")
        page.get_by_role("button", name="Compare", exact=True).click()
        expect(page.locator(".cif-compare__apart li")).to_have_count(2)
        found = axe_violations(page)
        assert found == [], "\n".join(found)
    finally:
        context.close()
