"""The benchmark's own parts, quickly: page-weight split, bare-MkDocs twin, timed builds, report.

Timings are never asserted; only that the harness measures what it says it measures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser

from bench import builds, machine, report, run, sites, weight
from bench.stats import growth_exponent, linear_fit
from tests.gates import serve as serve_folder


def test_files_are_put_in_the_right_category() -> None:
    assert weight.classify("assets/framework/assess.js") == weight.OUR_JS
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
    _, data = weight.split_embedded_data(html)
    parts = assessment.parts
    assert parts[weight.DATA].size == len(data) > 0
    assert parts[weight.HTML].size + parts[weight.DATA].size == len(html)
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
