"""One account of the results, said the same way on every page (issue 22), in real Chromium.

A property test: hypothesis makes random assessments and pairs of them (every kind of answer,
every kind of coverage, targets or none), each saved under either of two versions of a framework:
the fixture whose criteria were renamed, merged, split and removed between 1.0 and 2.0
(tests/fixtures/versions, with a third dimension added in 2.0), and the shipped framework on five
levels (where weak spots arise) with its 0.1.0 history. It seeds them on the device, and reads
what the hub (assess/index.html, with its comparison), the board report (screen), its Word file
and the shared results page (the results link) state. The expected facts come from running the
account itself (js/results/account.mjs and progress.mjs) in Node on the same input, so the test
checks that every page renders the one account instead of working out its own: each dimension's
level, coverage and kind of result, the counts, strongest and weakest, each change with the
like-for-like levels it comes from, and the headline.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import read_framework_script
from tests.helpers import FIXTURES, REPO, make_site, run_mkdocs, seed_storage

VERSIONS = FIXTURES / "versions"
JS = REPO / "plugins" / "mkdocs_framework" / "js"
UNSURE: list[str | None] = ["not_sure", None]
# The account, run in Node on the pages' own framework data: the facts every page must state.
ACCOUNT_SCRIPT = """
import { readFileSync } from "node:fs";
const js = process.argv[1];
const { describe, restore } = await import(js + "/core/model.mjs");
const { decodeStored } = await import(js + "/core/decode.mjs");
const { migrateAssessment } = await import(js + "/core/migrate.mjs");
const { encode } = await import(js + "/core/share.mjs");
const { account } = await import(js + "/results/account.mjs");
const { progress } = await import(js + "/results/progress.mjs");
const input = JSON.parse(readFileSync(0, "utf8"));
const info = describe(input.framework);
const line = (h) => (h ? `${h.label} ${h.text}` : null);
// Opened as the pages open them: the current one decoded (carried to this version by the migration
// the pages load when a record needs it), the earlier one restored, and progress carrying both itself.
const now = decodeStored(info, input.later, migrateAssessment).assessment;
const r = account(info, now);
const p = progress(info, restore(info, input.earlier), now);
process.stdout.write(JSON.stringify({
  link: encode(info, now),
  dimensions: r.dimensions.map((d) => ({ name: d.words.name, kind: d.kind, score: d.words.score,
    qualified: d.words.qualified, coverage: d.words.coverage, weakSpots: d.words.weakSpots })),
  counts: r.words.counts,
  strongest: line(r.words.strongest),
  weakest: line(r.words.weakest),
  rows: p.rows.map((row) => ({ name: row.words.name, then: row.words.then, now: row.words.now,
    change: row.words.change, like: row.words.like })),
  headline: p.headline,
}));
"""


def version_two() -> dict[str, Any]:
    """Version 2.0 of the fixture, with a third dimension added (so strongest and weakest can be
    chosen among three), its criteria new in 2.0."""
    framework: dict[str, Any] = yaml.safe_load((VERSIONS / "v2.yml").read_text(encoding="utf-8"))
    beta = framework["dimensions"][1]
    gamma = {key: beta[key] for key in ("summary", "why_it_matters", "framing_questions", "barriers", "enablers")}
    gamma |= {"id": "gamma", "title": "Gamma"}
    gamma["criteria"] = [
        {
            "id": f"gamma-{n}",
            "title": f"Gamma criterion {n}",
            "descriptors": {lv: f"Gamma {n} {lv}." for lv in ("low", "mid", "high")},
        }
        for n in (1, 2, 3)
    ]
    framework["dimensions"].append(gamma)
    return framework


@dataclass(frozen=True)
class Version:
    """What an assessment saved under one version of a framework can answer."""

    number: str
    criteria: list[list[str]]  # each dimension's criteria ids
    dimensions: list[str]
    levels: list[str]


@dataclass(frozen=True)
class Setup:
    framework_id: str
    site_fixture: str  # the fixture that builds the site showing the later version
    versions: list[Version]


def version_of(framework: dict[str, Any]) -> Version:
    return Version(
        number=str(framework["version"]),
        criteria=[[c["id"] for c in d["criteria"]] for d in framework["dimensions"]],
        dimensions=[d["id"] for d in framework["dimensions"]],
        levels=[level["id"] for level in framework["levels"]],
    )


def yaml_file(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


V2 = version_two()
SETUPS = {
    "renamed and removed criteria": Setup(
        "versioned", "versioned_site", [version_of(yaml_file(VERSIONS / "v1.yml")), version_of(V2)]
    ),
    "the shipped framework": Setup(
        "childrens-information-framework",
        "built_site",
        [
            version_of(yaml_file(VERSIONS / "childrens-information-0.1.0.yml")),
            version_of(yaml_file(REPO / "framework.yml")),
        ],
    ),
}


@st.composite
def dimension_answers(draw: st.DrawFn, ids: list[str], levels: list[str]) -> dict[str, str]:
    """A dimension's answers, of a kind drawn so that every coverage turns up: anything, all at one
    level but one at the lowest, all with a level, one with a level (low coverage), none with a
    level, or all "Not applicable"."""
    kind = draw(st.sampled_from(["mixed", "weak", "full", "low", "none", "not_applicable"]))
    values: list[str | None]
    if kind == "full":
        values = [draw(st.sampled_from(levels)) for _ in ids]
    elif kind == "weak":  # all at one level but one at the lowest: a weak spot where the scale allows
        top = draw(st.sampled_from(levels[::-1]))
        values = [levels[0], *([top] * (len(ids) - 1))]
    elif kind == "low":
        values = [draw(st.sampled_from(levels)), *(draw(st.sampled_from(UNSURE)) for _ in ids[1:])]
    elif kind == "none":
        values = [draw(st.sampled_from(UNSURE)) for _ in ids]
    elif kind == "not_applicable":
        values = ["not_applicable" for _ in ids]
    else:
        values = [draw(st.sampled_from([*levels[::-1], *UNSURE, "not_applicable"])) for _ in ids]
    return {criterion: value for criterion, value in zip(ids, values, strict=True) if value is not None}


@st.composite
def assessment(draw: st.DrawFn, setup: Setup, record_id: str, name: str, date: str) -> dict[str, Any]:
    """A stored assessment (as core/storage.mjs saves it) under one of the setup's versions."""
    version = draw(st.sampled_from(setup.versions))
    answers: dict[str, str] = {}
    for ids in version.criteria:
        answers |= draw(dimension_answers(ids, version.levels))
    targets = {d: draw(st.sampled_from(version.levels)) for d in version.dimensions if draw(st.booleans())}
    return {
        "id": record_id,
        "frameworkId": setup.framework_id,
        "frameworkVersion": version.number,
        "name": name,
        "authority": "Anyshire",
        "date": date,
        "created": f"{date}T09:00:00.000Z",
        "updated": f"{date}T09:00:00.000Z",
        "answers": answers,
        "targets": targets,
        "notes": {},
        "plan": {},
    }


@pytest.fixture(scope="module")
def versioned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("one-account")
    config = make_site(root, V2)
    folder = root / "site"
    result = run_mkdocs(config, folder)
    assert result.returncode == 0, result.stderr
    return folder


@cache
def page_framework(site: Path) -> dict[str, Any]:
    """The framework data the pages carry (data.py), exactly as they read it."""
    return read_framework_script((site / "assets" / "framework" / "framework-data.js").read_text(encoding="utf-8"))


def expected_facts(framework: dict[str, Any], later: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    """What the account says of these two, from the account itself in Node."""
    run = subprocess.run(
        ["node", "--input-type=module", "-e", ACCOUNT_SCRIPT, JS.as_uri()],
        input=json.dumps({"framework": framework, "later": later, "earlier": earlier}),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    facts: dict[str, Any] = json.loads(run.stdout)
    return facts


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def table_rows(page: Page, selector: str) -> dict[str, str]:
    """{first cell's text: the whole row's text} of a table's body rows."""
    cells: list[list[str]] = page.locator(selector).evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText))"
    )
    return {squash(row[0]): squash(" | ".join(row)) for row in cells if row}


def check_results(where: str, rows: dict[str, str], text: str, facts: dict[str, Any]) -> None:
    """Each dimension's row states its score, level, kind of result, coverage and weak spots; the
    text states the counts and names exactly the account's strongest and weakest."""
    for d in facts["dimensions"]:
        assert d["name"] in rows, f"{where}: no row for {d['name']} in {list(rows)}"
        row = rows[d["name"]]
        for key in ("score", "qualified", "coverage", "weakSpots"):
            assert d[key] in row, f"{where}, {d['name']}: {key} {d[key]!r} not in {row!r}"
        assert ("low coverage" in row) == (d["kind"] == "low-coverage"), f"{where}, {d['name']}: {row!r}"
    text = squash(text)
    assert facts["counts"] in text, f"{where}: counts {facts['counts']!r} not in {text!r}"
    for key, label in (("strongest", "Strongest dimension"), ("weakest", "Weakest dimension")):
        said = [text[m.start() :] for m in re.finditer(label, text)]
        if facts[key]:
            assert len(said) == 1 and said[0].startswith(facts[key]), f"{where}: {facts[key]!r}, said {said!r}"
        else:
            assert said == [], f"{where}: names a {key} where the account names none: {said!r}"


def check_progress(where: str, rows: dict[str, str], text: str, facts: dict[str, Any]) -> None:
    """Each row states the full results then and now and the change with the like-for-like levels
    it comes from; the headline is the account's, counted from the same rows."""
    for r in facts["rows"]:
        assert r["name"] in rows, f"{where}: no progress row for {r['name']} in {list(rows)}"
        row = rows[r["name"]]
        for key in ("then", "now", "change", "like"):
            assert r[key] in row, f"{where}, {r['name']}: {key} {r[key]!r} not in {row!r}"
    assert facts["headline"] in squash(text), f"{where}: headline {facts['headline']!r} not in {squash(text)!r}"


def open_seeded(
    context: BrowserContext, site: Path, name: str, setup: Setup, records: list[dict[str, Any]]
) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "assess" / name).as_uri())
    store = {"schemaVersion": 1, "assessments": {r["id"]: r for r in records}}
    settings_ = {"schemaVersion": 1, "currentAssessment": records[0]["id"]}
    page.evaluate("() => sessionStorage.clear()")
    key = f"cif:{setup.framework_id}"
    seed_storage(page, {f"{key}:assessments": json.dumps(store), f"{key}:settings": json.dumps(settings_)})
    return page, errors


def read_hub(
    context: BrowserContext, site: Path, setup: Setup, records: list[dict[str, Any]], facts: dict[str, Any]
) -> None:
    page, errors = open_seeded(context, site, "index.html", setup, records)
    results = page.locator("#cif-results")
    expect(results).to_be_visible()
    expect(page.locator("#cif-results-body tr")).to_have_count(len(facts["dimensions"]))
    check_results("hub", table_rows(page, "#cif-results-body tr"), results.inner_text(), facts)
    page.get_by_label("Compare with").select_option(value=records[1]["id"])
    page.get_by_role("button", name="Compare", exact=True).click()
    compared = page.locator("#cif-compare-results")
    expect(compared).to_be_visible()
    check_progress("hub's comparison", table_rows(page, "#cif-compare-body tr"), compared.inner_text(), facts)
    assert errors == []
    page.close()


def read_report(
    context: BrowserContext, site: Path, setup: Setup, records: list[dict[str, Any]], facts: dict[str, Any]
) -> None:
    page, errors = open_seeded(context, site, "report.html", setup, records)
    expect(page.locator("#cif-report")).to_be_visible()
    results = "#cif-report-results-table tbody tr"
    expect(page.locator(results)).to_have_count(len(facts["dimensions"]))
    check_results("report", table_rows(page, results), page.locator("#cif-report-summary").inner_text(), facts)
    page.get_by_label("Show progress since").select_option(value=records[1]["id"])
    changes = page.locator("#cif-report-progress").get_by_role("table", name="Each dimension then and now")
    expect(changes).to_be_visible()
    progress = page.locator("#cif-report-progress")
    check_progress(
        "report", table_rows(page, "#cif-report-progress table >> nth=0 >> tbody tr"), progress.inner_text(), facts
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Word (.docx)").click()
    path = info.value.path()
    assert path is not None
    read_word_file(Path(path), facts)
    assert errors == []
    page.close()


def read_word_file(path: Path, facts: dict[str, Any]) -> None:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    start, end = paragraphs.index("Summary"), paragraphs.index("How the levels are worked out")
    cells = [[squash(cell.text) for cell in row.cells] for table in document.tables for row in table.rows]
    results = {row[0]: " | ".join(row) for row in cells if len(row) == 5}
    check_results("Word file", results, "\n".join(paragraphs[start:end]), facts)
    changes = {row[0]: " | ".join(row) for row in cells if len(row) == 4}
    check_progress("Word file", changes, "\n".join(paragraphs), facts)


def read_shared(context: BrowserContext, site: Path, facts: dict[str, Any]) -> None:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "assess" / "shared.html").as_uri() + "#" + facts["link"])
    shared = page.locator("#cif-shared")
    expect(shared).to_be_visible()
    expect(page.locator("#cif-shared-body tr")).to_have_count(len(facts["dimensions"]))
    check_results("shared page", table_rows(page, "#cif-shared-body tr"), shared.inner_text(), facts)
    assert errors == []
    page.close()


def check_pair(browser: Browser, site: Path, setup: Setup, later: dict[str, Any], earlier: dict[str, Any]) -> None:
    """The report, its Word file, the shared page and the hub state the account of later, and of
    progress since earlier."""
    facts = expected_facts(page_framework(site), later, earlier)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        records = [later, earlier]
        read_report(context, site, setup, records, facts)
        read_shared(context, site, facts)
        read_hub(context, site, setup, records, facts)
    finally:
        context.close()


def stored(
    setup: Setup, version: Version, record_id: str, date: str, answers: dict[str, str], **targets: str
) -> dict[str, Any]:
    return {
        "id": record_id,
        "frameworkId": setup.framework_id,
        "frameworkVersion": version.number,
        "name": record_id.title(),
        "authority": "Anyshire",
        "date": date,
        "created": f"{date}T09:00:00.000Z",
        "updated": f"{date}T09:00:00.000Z",
        "answers": answers,
        "targets": targets,
        "notes": {},
        "plan": {},
    }


def issue_pair(setup: Setup) -> tuple[dict[str, Any], dict[str, Any]]:
    """Issue 22's examples on the shipped framework: a result from one Leading criterion and the rest
    "Not sure yet"; a dimension at Embedded with an Emerging weak spot; one all "Not applicable";
    one Then Developing from 2 of 3, Now Developing from 3 of 3, up a level like for like."""
    version = setup.versions[-1]
    one, two, three, four, five = version.criteria[:5]
    now = {one[0]: "leading"} | {c: "not_sure" for c in one[1:]}
    now |= {two[0]: "emerging"} | {c: "leading" for c in two[1:]}
    now |= {c: "not_applicable" for c in three}
    now |= {four[0]: "established", four[1]: "established", four[2]: "emerging", four[3]: "not_applicable"}
    now |= {c: "developing" for c in five}
    then = {four[0]: "developing", four[1]: "established", four[2]: "not_sure", four[3]: "not_applicable"}
    then |= {c: "developing" for c in two} | {c: "established" for c in five}
    targets = {version.dimensions[1]: "established", version.dimensions[4]: "established"}
    return stored(setup, version, "later", "2026-10-01", now, **targets), stored(
        setup, version, "earlier", "2025-10-01", then
    )


def versions_pair(setup: Setup) -> tuple[dict[str, Any], dict[str, Any]]:
    """A review saved under version 2.0 and a baseline under 1.0 that answered every criterion,
    among them the renamed, merged (disagreeing), split and removed ones."""
    old, new = setup.versions
    then = dict(
        zip([c for ids in old.criteria for c in ids], ["high", "mid", "low", "mid", "high", "mid", "high"], strict=True)
    )
    now = {c: "high" for c in [c for ids in new.criteria for c in ids]} | {
        "added": "not_sure",
        "gamma-1": "not_applicable",
    }
    return stored(setup, new, "later", "2026-10-01", now, alpha="high"), stored(
        setup, old, "earlier", "2025-10-01", then
    )


@pytest.mark.parametrize(
    ("setup_name", "pair"),
    [("the shipped framework", issue_pair), ("renamed and removed criteria", versions_pair)],
)
def test_every_page_states_the_one_account_of_the_issues_examples(
    browser: Browser, request: pytest.FixtureRequest, setup_name: str, pair: Any
) -> None:
    setup = SETUPS[setup_name]
    later, earlier = pair(setup)
    check_pair(browser, request.getfixturevalue(setup.site_fixture), setup, later, earlier)


@pytest.mark.parametrize("setup_name", list(SETUPS))
@settings(
    max_examples=5,
    derandomize=True,
    deadline=None,
    # No shrinking: each example renders four pages in a browser; a failure reports its example as drawn.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_hub_the_report_its_word_file_and_the_shared_page_state_the_one_account(
    browser: Browser, request: pytest.FixtureRequest, setup_name: str, data: st.DataObject
) -> None:
    setup = SETUPS[setup_name]
    site: Path = request.getfixturevalue(setup.site_fixture)
    later = data.draw(assessment(setup, "later", "Review", "2026-10-01"), label="later")
    earlier = data.draw(assessment(setup, "earlier", "Baseline", "2025-10-01"), label="earlier")
    check_pair(browser, site, setup, later, earlier)
