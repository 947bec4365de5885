"""Frameworks of other shapes (issue 15), built from examples/ with `mkdocs build --strict`, printed
and scored in real Chromium.

- examples/data-maturity: shaped like the UK government's Data Maturity Assessment (33 activities
  in 10 topics, 97 questions, five bare levels, no other sections, "Culture" in six topics).
- examples/data-ethics: shaped like the ODI's Data Ethics Maturity Model (one criterion per topic),
  with words of its own ("team") and notes fields of its own.

The wording of both is this project's own. Each site is built once for the module.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from mkdocs_framework.data import read_framework_script
from mkdocs_framework.model import Framework
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.helpers import REPO, answer, run_mkdocs, seed_storage

EXAMPLES = REPO / "examples"
FIELD_WORDS = re.compile(r"(?i)child|famil|authorit")
"""Words of this site's own field, which no page of another framework should say."""


def _build(tmp_path_factory: pytest.TempPathFactory, name: str) -> tuple[Path, Framework]:
    site = tmp_path_factory.mktemp(name) / "site"
    result = run_mkdocs(EXAMPLES / name / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, load_framework(EXAMPLES / name / "framework.yml", EXAMPLES / name / "docs")


@pytest.fixture(scope="module")
def maturity(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Framework]:
    return _build(tmp_path_factory, "data-maturity")


@pytest.fixture(scope="module")
def ethics(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Framework]:
    return _build(tmp_path_factory, "data-ethics")


def visible_text(html: str) -> str:
    """The words of a built page a reader meets: its title and article, without scripts or data."""
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    article = re.search(r"<article.*?</article>", html, re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", article.group(0) if article else html, flags=re.S)
    return (title.group(1) if title else "") + "\n" + re.sub(r"<[^>]+>", " ", body)


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    assert errors == []
    return page


def test_the_maturity_shape_builds_with_every_page(maturity: tuple[Path, Framework]) -> None:
    site, framework = maturity
    assert len(framework.dimensions) == 33 and framework.criteria_count == 97 and len(framework.themes) == 10
    assert all(level.meaning is None for level in framework.levels)
    cultures = [d for d in framework.dimensions if d.title == "Culture"]
    assert len(cultures) == 6
    for dimension in framework.dimensions:
        page = (site / "framework" / f"{dimension.id}.html").read_text(encoding="utf-8")
        assert (site / "worksheets" / f"{dimension.id}.html").is_file()
        text = visible_text(page)
        for heading in ("Why it matters", "Framing questions", "Barriers", "Enablers"):
            assert heading not in text, (dimension.id, heading)
        assert "None" not in text
    # Each Culture is named with its topic: in the page's title, its heading and the form's data.
    culture = (site / "framework" / f"{cultures[2].id}.html").read_text(encoding="utf-8")
    topic = framework.theme(cultures[2].theme or "").title
    assert f"<title>Culture ({topic}) - " in culture and f"Culture ({topic})</h1>" in culture
    # A criterion's guidance, in its two paragraphs, on its dimension page, worksheet and step of the form.
    guided = next(c for d in framework.dimensions for c in d.criteria if c.guidance)
    first, second = (part for part in (guided.guidance or "").splitlines() if part.strip())
    home = next(d for d in framework.dimensions if guided in d.criteria)
    for folder in ("framework", "worksheets", "assess"):
        html = (site / folder / f"{home.id}.html").read_text(encoding="utf-8")
        assert re.search(rf"<p[^>]*>{re.escape(first)}</p>\s*<p[^>]*>{re.escape(second)}</p>", html), folder
    overview = visible_text((site / "framework" / "index.html").read_text(encoding="utf-8"))
    assert "What it means" not in overview and "None" not in overview
    assert "33 practice dimensions and 97 criteria" in overview


def test_pages_of_another_framework_say_nothing_of_this_sites_field(
    maturity: tuple[Path, Framework], ethics: tuple[Path, Framework]
) -> None:
    for site, _ in (maturity, ethics):
        for folder in ("framework", "worksheets", "assess"):
            for page in sorted((site / folder).glob("*.html")):
                text = visible_text(page.read_text(encoding="utf-8"))
                found = FIELD_WORDS.findall(text)
                assert not found, f"{page.relative_to(site)} says {found[:3]}"
                assert not re.search(r"\bNone\b", text), f"{page.relative_to(site)} says None"


def test_the_ethics_shape_uses_its_own_words(ethics: tuple[Path, Framework]) -> None:
    site, framework = ethics
    assert all(len(d.criteria) == 1 for d in framework.dimensions)
    group = visible_text((site / "assess" / "group.html").read_text(encoding="utf-8"))
    assert "Compare a group of teams" in group and "Hide team names" in group and "Team A" in group
    data = read_framework_script((site / "assets" / "framework" / "framework-data.js").read_text(encoding="utf-8"))
    assert data["terms"]["organisationLabel"] == "Team"
    assert [note["label"] for note in data["notes"]] == ["What shows this", "Who you asked"]


def _record(framework: Framework, answers: dict[str, str]) -> dict[str, str]:
    """Storage as the form leaves it, with one assessment holding these answers."""
    assessment = {
        "id": "a-shapes-1",
        "frameworkId": framework.id,
        "frameworkVersion": framework.version,
        "name": "Baseline",
        "authority": "",
        "date": "2026-11-30",
        "created": "2026-11-30T09:00:00.000Z",
        "updated": "2026-11-30T09:00:00.000Z",
        "answers": answers,
        "targets": {},
        "notes": {},
        "plan": {},
    }
    return {
        f"cif:{framework.id}:assessments": json.dumps({"schemaVersion": 1, "assessments": {"a-shapes-1": assessment}}),
        f"cif:{framework.id}:settings": json.dumps({"schemaVersion": 1, "currentAssessment": "a-shapes-1"}),
    }


def results_rows(page: Page) -> dict[str, str]:
    rows = page.locator("#cif-results-body tr")
    expect(rows.first).to_be_visible()
    texts: list[str] = rows.evaluate_all("rows => rows.map(row => row.innerText)")
    return {text.split("\t")[0].strip(): re.sub(r"\s+", " ", text) for text in texts}


def test_97_answers_are_scored_in_the_browser_and_each_culture_is_told_apart(
    context: BrowserContext, maturity: tuple[Path, Framework]
) -> None:
    site, framework = maturity
    levels = [level.id for level in framework.levels]
    # Every criterion answered: dimension n at level (n mod 5) + 1, so each row can be checked.
    answers = {c.id: levels[d.number % 5] for d in framework.dimensions for c in d.criteria}
    page = open_page(context, (site / "assess" / "index.html").as_uri())
    seed_storage(page, _record(framework, answers))
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    rows = results_rows(page)
    assert len(rows) == 33
    for dimension in framework.dimensions:
        label = framework.levels[dimension.number % 5].label
        row = rows[f"{dimension.number}. {dimension.name}"]
        assert f"Level {dimension.number % 5 + 1} of 5" in row and label in row, row
    assert len([name for name in rows if name.split(". ", 1)[1].startswith("Culture (")]) == 6
    # The chart names each bar the same way.
    labels: list[str] = page.locator("#cif-results svg .cif-chart__label").evaluate_all(
        "labels => labels.map(label => Array.from(label.children, line => line.textContent).join(' '))"
    )
    assert "1. Culture (Managing data)" in labels and "22. Culture (Leading with data)" in labels, labels
    # A person changes one answer on the form: the result follows.
    first = framework.dimensions[0]
    for criterion in first.criteria:
        answer(page, criterion.id, "Leading")
    page.goto((site / "assess" / "index.html").as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    assert "Level 5 of 5" in results_rows(page)[f"1. {first.name}"]


def test_the_ethics_shape_is_scored_in_the_browser(context: BrowserContext, ethics: tuple[Path, Framework]) -> None:
    site, framework = ethics
    page = open_page(context, (site / "assess" / "index.html").as_uri())
    criterion = framework.dimensions[3].criteria[0]
    answer(page, criterion.id, "Defined")
    page.goto((site / "assess" / "index.html").as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    row = results_rows(page)[f"4. {framework.dimensions[3].name}"]
    assert "Defined" in row and "Level 3 of" in row, row
    assert axe_violations(page) == []


@pytest.mark.parametrize("shape", ["maturity", "ethics"])
def test_a_worksheet_and_a_dimension_page_of_each_shape_print(
    browser: Browser, shape: str, request: pytest.FixtureRequest
) -> None:
    site, framework = request.getfixturevalue(shape)
    dimension = next((d for d in framework.dimensions if d.qualifier), framework.dimensions[0])
    page = browser.new_page()
    for address in (f"worksheets/{dimension.id}.html", f"framework/{dimension.id}.html"):
        page.goto((site / address).as_uri())
        pdf = page.pdf(format="A4")
        text = re.sub(r"\s+", " ", "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages))
        assert dimension.name in text, address
        assert all(level.label in text for level in framework.levels), address
        assert "None" not in text and not FIELD_WORDS.search(text), address
    page.close()


def test_the_maturity_shapes_guidance_and_group_pages_pass_axe_at_320_px(
    browser: Browser, maturity: tuple[Path, Framework]
) -> None:
    site, framework = maturity
    page = browser.new_page(viewport={"width": 320, "height": 800})
    for address in ("framework/index.html", f"framework/{framework.dimensions[0].id}.html", "assess/group.html"):
        page.goto((site / address).as_uri())
        assert axe_violations(page) == [], address
    page.close()


def exports(framework: Framework, names: list[str], folder: Path) -> list[Path]:
    """Files as the form exports them: the n-th answers every criterion at level n + 1."""
    files = []
    for number, name in enumerate(names, start=1):
        answers = {c.id: framework.levels[number].id for d in framework.dimensions for c in d.criteria}
        export = {
            "format": "cif-self-assessment",
            "formatVersion": 1,
            "exportedAt": "2026-11-30T10:00:00.000Z",
            "framework": {"id": framework.id, "version": framework.version, "title": framework.title},
            "assessment": {"name": "Baseline", "authority": name, "date": "2026-11-30", "answers": answers},
        }
        path = folder / f"{name.lower()}.json"
        path.write_text(json.dumps(export), encoding="utf-8")
        files.append(path)
    return files


def open_group(context: BrowserContext, site: Path, files: list[Path]) -> Page:
    page = context.new_page()
    page.goto((site / "assess" / "group.html").as_uri())
    chooser = page.get_by_label("Choose files exported from the self-assessment form")
    expect(page.locator('[data-module="cif-group-files"]')).to_have_attribute("data-cif-group-files-init", "")
    chooser.set_input_files(files)
    return page


def compare_north_and_south(context: BrowserContext, built: tuple[Path, Framework], tmp_path: Path) -> Page:
    """The group page of a built example comparing two exports, "North" and "South"."""
    site, framework = built
    return open_group(context, site, exports(framework, ["North", "South"], tmp_path))


def test_the_maturity_group_heatmap_names_each_culture_with_its_topic(
    context: BrowserContext, maturity: tuple[Path, Framework], tmp_path: Path
) -> None:
    page = compare_north_and_south(context, maturity, tmp_path)
    expect(page.locator("#cif-group-summary")).to_contain_text("2 organisations in the comparison")
    heads = page.locator("#cif-heatmap thead th").all_inner_texts()
    cultures = [head for head in heads if "Culture" in head]
    assert len(cultures) == 6 and len(set(cultures)) == 6, heads
    assert any("Culture (Managing data)" in head for head in cultures)


def test_the_ethics_group_page_compares_teams_in_its_words(
    context: BrowserContext, ethics: tuple[Path, Framework], tmp_path: Path
) -> None:
    page = compare_north_and_south(context, ethics, tmp_path)
    expect(page.locator("#cif-group-summary")).to_contain_text("2 teams in the comparison")
    page.get_by_label("Hide team names").check()
    expect(page.locator("#cif-group-announcer")).to_have_text("Team names are hidden.")
    heat = page.locator("#cif-heatmap").inner_text()
    assert "Team A" in heat and "Team B" in heat and "North" not in heat
    words = page.locator("article").inner_text()
    assert not FIELD_WORDS.search(words), FIELD_WORDS.findall(words)[:3]
