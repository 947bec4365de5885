"""The benchmark's own parts, quickly: page-weight split, bare-MkDocs twin, timed builds, report.

Timings are never asserted; only that the harness measures what it says it measures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser

from bench import browser as browser_bench
from bench import builds, lighthouse, machine, report, run, sites, weight
from bench.stats import growth_exponent, linear_fit
from mkdocs_framework.data import read_framework_script
from tests.gates import serve as serve_folder


def test_files_are_put_in_the_right_category() -> None:
    assert weight.classify("assets/framework/assess.js") == weight.OUR_JS
    assert weight.classify("assets/framework/framework-data.js") == weight.DATA
    assert weight.classify("assets/framework/assess.css") == weight.OUR_CSS
    assert weight.classify("assets/site.css") == weight.OUR_CSS
    assert weight.classify("assets/javascripts/bundle.abc.min.js") == weight.THEME
    assert weight.classify("assets/stylesheets/main.abc.min.css") == weight.THEME
    assert weight.classify("search/search_index.json") == weight.SEARCH
    assert weight.classify("framework/index.html") == weight.HTML
    assert weight.classify("assets/images/favicon.png") == weight.OTHER


def test_embedded_framework_data_is_split_from_the_html() -> None:
    html = b'<p>a</p><script type="application/json" id="cif-framework">{"id":"x"}</script><p>b</p>'
    rest, data = weight.split_embedded_data(html)
    assert data == b'{"id":"x"}'
    assert rest == b'<p>a</p><script type="application/json" id="cif-framework"></script><p>b</p>'
    assert weight.split_embedded_data(b"<p>none</p>") == (b"<p>none</p>", b"")


def test_page_weight_of_the_built_site_adds_up(built_site: Path, browser: Browser) -> None:
    with serve_folder(built_site) as base:
        assessment = weight.weigh("assess/index.html", weight.load_responses(browser, base, "assess/index.html"))
        overview = weight.weigh("framework/index.html", weight.load_responses(browser, base, "framework/index.html"))
    html = (built_site / "assess/index.html").read_bytes()
    script = (built_site / weight.FRAMEWORK_DATA_SCRIPT).read_bytes()
    parts = assessment.parts
    # The framework data arrives in its own script, not in the page: counted as data, once.
    assert read_framework_script(script.decode("utf-8"))["dimensions"]
    assert weight.split_embedded_data(html)[1] == b""
    assert parts[weight.DATA].size == len(script) and parts[weight.DATA].files == 1
    assert parts[weight.HTML].size == len(html)
    assert parts[weight.OUR_JS].files >= 1 and parts[weight.THEME].files >= 2
    assert assessment.total == sum(size for _, _, size in assessment.files)
    assert 0 < assessment.total_gzipped < assessment.total
    assert overview.parts[weight.OUR_JS].size == 0 and overview.parts[weight.DATA].size == 0
    assert overview.parts[weight.OUR_CSS].files >= 1
    assert json.dumps(assessment.as_dict())


def test_bare_twin_builds_the_same_generated_pages_and_builds_are_measured(tmp_path: Path) -> None:
    site = sites.synthetic_site(tmp_path / "site", 3)
    twin = sites.bare_twin(site, tmp_path / "bare")
    assert (twin.docs / "framework/index.md").is_file() and (twin.docs / "assets/framework/framework.css").is_file()
    assert yaml.safe_load(twin.config.read_text(encoding="utf-8"))["plugins"] == ["search"]
    comparison = builds.compare(site, twin, tmp_path / "out", 1, warm_up=False)
    plugin_run, bare_run = comparison.plugin[0], comparison.bare[0]
    assert plugin_run.wall > plugin_run.build > 0 and bare_run.wall > bare_run.build > 0
    assert plugin_run.peak_rss_mib > 10 and bare_run.peak_rss_mib > 10
    assert {"import", "on_config", "on_files"} <= set(plugin_run.plugin) and bare_run.plugin == {}
    same = sites.compare_sites(tmp_path / "out/plugin", tmp_path / "out/bare")
    generated = [p for p in same.different + same.missing if p.startswith(("framework/", "worksheets/", "assess/"))]
    assert generated == [] and same.pages > 3 + 2 * 3
    assert sites.page_count(tmp_path / "out/plugin") == same.pages - 1  # 404.html aside


def test_report_of_a_small_measured_site(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = []
    for size in (2, 4):
        site = sites.synthetic_site(tmp_path / f"s{size}", size)
        measured, _ = run._measure_site(site, tmp_path / f"w{size}", 1, warm_up=False)
        rows.append({"dimensions": size, "build": measured, "core": run._core(site, 1)})
    results: dict[str, Any] = {
        "taken": "now",
        "machine": machine.describe(),
        "real": {**rows[-1]["build"], "core": rows[-1]["core"]},
        "scaling": rows,
        "scaling_summary": run._scaling_summary(rows),
    }
    results["goals"] = run.goals(results)
    text = report.markdown(results)
    assert "## Build time" in text and "## Scaling" in text and "plugin adds at most 5%" in text
    assert results["machine"]["cores"] >= 1 and results["machine"]["mkdocs"] != "not installed"
    assert json.dumps(results)


def test_statistics() -> None:
    fit = linear_fit([1, 2, 3], [3, 5, 7])
    assert abs(fit.slope - 2) < 1e-9 and abs(fit.intercept - 1) < 1e-9 and abs(fit.r_squared - 1) < 1e-9
    assert abs(growth_exponent(10, 1, 100, 100) - 2) < 1e-9


def test_the_form_is_counted_and_timed_on_every_page_it_has(built_site: Path, browser: Browser) -> None:
    pages = browser_bench.form_pages(built_site)
    assert "assess/index.html" in pages and all(p.startswith("assess/") and p.endswith(".html") for p in pages)
    asking = browser_bench.question_page(built_site)
    assert asking in pages and 'data-criterion="' in (built_site / asking).read_text(encoding="utf-8")
    with serve_folder(built_site) as base:
        step = browser_bench.count_elements(browser, base, asking)
        hub = browser_bench.count_elements(browser, base, "assess/index.html")
        full_hub = browser_bench.count_elements(browser, base, "assess/index.html", filled=True)
        timed = browser_bench.time_form(browser, base + asking, answers=3)
    assert step.not_measured is None and step.elements and step.questions > 0
    # A step is far smaller than the one-page form was (2,822 elements).
    assert 100 < step.elements < 2822
    assert hub.not_measured is None and full_hub.not_measured is None and hub.elements and full_hub.elements
    assert full_hub.filled and not hub.filled
    assert timed.not_measured is None and timed.answers == 3
    assert timed.answer_layout_ms is not None and timed.answer_script_ms is not None
    assert 0 <= timed.answer_script_ms <= timed.answer_layout_ms
    elements = [{"site": "real", **e.as_dict()} for e in (step, hub, full_hub)]
    results: dict[str, Any] = {
        "options": {"answer_criteria": 100},
        "elements": elements,
        "browser": [{"site": "synthetic-100-criteria", "page": asking, **timed.as_dict()}],
    }
    results["goals"] = run.goals(results)
    goals = {g["goal"]: g for g in results["goals"]}
    assert goals["an answer updates its results within 16 ms with a 100-criterion framework"]["value"] == (
        timed.answer_layout_ms
    )
    largest = goals["each step of the form at most 1,000 DOM elements (largest page that asks questions, real site)"]
    assert largest["value"] == step.elements and largest["note"].startswith(asking)
    text = "\n".join(report._elements(results))
    assert f"| real | {asking} | {step.elements} | - | {step.questions} |" in text
    assert f"| real | assess/index.html | {hub.elements} | {full_hub.elements} | 0 |" in text


def test_lighthouse_summary_judges_blocking_time_on_the_form_s_pages_only() -> None:
    def row(page: str, blocking: float) -> dict[str, Any]:
        scores = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
        metrics = {"largest-contentful-paint": 900, "total-blocking-time": blocking, "cumulative-layout-shift": 0}
        return {"page": page, "scores": scores, "metrics": metrics, "below_full_marks": []}

    text = lighthouse.markdown([row("assess/index.html", 120), row("assess/step.html", 250), row("index.html", 900)])
    goal = "total blocking time under 200 ms on the form's pages"
    assert f"{goal}: highest 250 ms, missed on 1: assess/step.html." in text
    text = lighthouse.markdown([row("assess/report.html", 30), row("index.html", 900)])
    assert f"{goal}: highest 30 ms, met on all 1." in text
