"""Run every measurement and gather the figures into one JSON-ready dictionary."""

from __future__ import annotations

import datetime
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench import builds, machine, serve, sites, weight
from bench.browser import count_elements, form_pages, question_page, time_form
from bench.core import time_core
from bench.group import time_group
from bench.stats import growth_exponent, linear_fit, summarise
from mkdocs_framework.validate import load_framework
from tests.gates import serve as serve_folder

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
ASSESSMENT = "assess/index.html"


@dataclass(frozen=True)
class Options:
    runs: int = 5
    """Builds of the real site and of its bare twin (median reported)."""
    scaling_runs: int = 3
    sizes: tuple[int, ...] = (10, 50, 200, 500)
    serve_edits: int = 5
    browser_size: int = 200
    """Dimensions of the synthetic site whose assessment page is also timed in the browser."""
    answer_criteria: int = 100
    """Criteria of a second synthetic framework whose form is timed and counted (issue 13: an answer
    updates its results within 16 ms with a 100-criterion framework); 0 to leave it out."""
    browser: bool = True
    serve: bool = True


QUICK = Options(runs=1, scaling_runs=1, sizes=(10, 50), serve_edits=1, browser_size=50)


def _comparison(comparison: builds.Comparison, site_dir: Path, bare_dir: Path) -> dict[str, Any]:
    plugin_wall = summarise([r.wall for r in comparison.plugin])
    bare_wall = summarise([r.wall for r in comparison.bare])
    events = sorted({name for run in comparison.plugin for name in run.plugin})
    result: dict[str, Any] = {
        "plugin_wall_s": plugin_wall.as_dict(),
        "bare_wall_s": bare_wall.as_dict(),
        "ratio": plugin_wall.median / bare_wall.median,
        "plugin_build_s": summarise([r.build for r in comparison.plugin]).as_dict(),
        "bare_build_s": summarise([r.build for r in comparison.bare]).as_dict(),
        "plugin_in_build_s": summarise([r.plugin_total for r in comparison.plugin]).as_dict(),
        "plugin_events_s": {e: statistics.median(r.plugin.get(e, 0.0) for r in comparison.plugin) for e in events},
        "plugin_peak_rss_mib": statistics.median(r.peak_rss_mib for r in comparison.plugin),
        "bare_peak_rss_mib": statistics.median(r.peak_rss_mib for r in comparison.bare),
        "pages": sites.page_count(site_dir),
    }
    if comparison.first:
        result["first_build_wall_s"] = {"plugin": comparison.first[0].wall, "bare": comparison.first[1].wall}
    equivalence = sites.compare_sites(site_dir, bare_dir)
    result["same_html"] = {
        "pages": equivalence.pages,
        "identical": equivalence.identical,
        "different": equivalence.different,
        "missing": equivalence.missing,
    }
    return result


def _measure_site(site: sites.Site, work: Path, runs: int, *, warm_up: bool) -> tuple[dict[str, Any], Path]:
    twin = sites.bare_twin(site, work / "bare-source")
    out = work / "out"
    comparison = builds.compare(site, twin, out, runs, warm_up=warm_up)
    return _comparison(comparison, out / "plugin", out / "bare"), out / "plugin"


def _core(site: sites.Site, runs: int) -> dict[str, Any]:
    timings = time_core(site.framework, site.docs, runs)
    return {
        "stages_s": {name: s.as_dict() for name, s in timings.stages.items()},
        "total_s": timings.total.as_dict(),
        "pages": timings.pages,
        "markdown_bytes": timings.markdown_bytes,
    }


def _scaling_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Fit the plugin's own time against dimensions, and MkDocs' time against pages."""
    if len(rows) < 2:
        return {}
    dims = [float(r["dimensions"]) for r in rows]
    core = [r["core"]["total_s"]["median"] for r in rows]
    fit = linear_fit(dims, core)
    bare = [r["build"]["bare_build_s"]["median"] for r in rows]
    pages = [float(r["build"]["pages"]) for r in rows]
    return {
        "core_fit": {
            "slope_ms_per_dimension": fit.slope * 1000,
            "intercept_ms": fit.intercept * 1000,
            "r2": fit.r_squared,
        },
        "core_ms_per_dimension": [1000 * c / d for c, d in zip(core, dims, strict=True)],
        "core_growth_exponent": growth_exponent(dims[-2], core[-2], dims[-1], core[-1]),
        "bare_ms_per_page": [1000 * b / p for b, p in zip(bare, pages, strict=True)],
        "bare_growth_exponent": growth_exponent(pages[-2], bare[-2], pages[-1], bare[-1]),
        "bare_growth_exponents": [
            growth_exponent(pages[i], bare[i], pages[i + 1], bare[i + 1]) for i in range(len(rows) - 1)
        ],
    }


def _criteria_site_name(criteria: int) -> str:
    return f"synthetic-{criteria}-criteria"


def _elements(
    chromium: Browser, name: str, folder: Path, base: str, log: Callable[[str], None]
) -> list[dict[str, Any]]:
    """The elements of every page of the form (assess/*.html) in one built site."""
    counted = []
    for page in form_pages(folder):
        log(f"counting the elements of {name} {page}, with storage empty and with every criterion answered")
        for filled in (False, True):
            counted.append({"site": name, **count_elements(chromium, base, page, filled=filled).as_dict()})
    return counted


def _weights_and_browser(
    real_site: Path,
    real: sites.Site,
    synthetic_site: Path | None,
    synthetic_size: int,
    log: Callable[[str], None],
    criteria_site: tuple[int, Path] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    dimension = load_framework(real.framework, real.docs).dimensions[0].id
    pages = [
        ("overview", "framework/index.html"),
        ("dimension", f"framework/{dimension}.html"),
        ("worksheet", f"worksheets/{dimension}.html"),
        ("assessment", ASSESSMENT),
    ]
    weights: list[dict[str, Any]] = []
    timings: list[dict[str, Any]] = []
    elements: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(machine.CHROMIUM), args=CHROMIUM_ARGS)
        try:
            targets = [("real", real_site, pages)]
            if synthetic_site is not None:
                targets.append((f"synthetic-{synthetic_size}", synthetic_site, [("assessment", ASSESSMENT)]))
            if criteria_site is not None:
                targets.append((_criteria_site_name(criteria_site[0]), criteria_site[1], []))
            for name, folder, wanted in targets:
                with serve_folder(folder) as base:
                    for kind, page in wanted:
                        if not (folder / page).is_file():
                            weights.append({"site": name, "kind": kind, "page": page, "not_measured": "no such page"})
                            continue
                        log(f"weighing {name} {page}")
                        measured = weight.weigh(page, weight.load_responses(chromium, base, page))
                        weights.append({"site": name, "kind": kind, **measured.as_dict()})
                    later = folder / weight.ON_FIRST_USE
                    if name == "real" and later.is_file():
                        measured = weight.weigh("", [(weight.ON_FIRST_USE, later.read_bytes())])
                        weights.append(
                            {
                                "site": name,
                                "kind": weight.ON_FIRST_USE_KIND,
                                **measured.as_dict(),
                                "page": weight.ON_FIRST_USE,
                            }
                        )
                    if name != f"synthetic-{synthetic_size}":
                        elements += _elements(chromium, name, folder, base, log)
                    asking = question_page(folder)
                    if asking is None:
                        timings.append({"site": name, "cpu_slowdown": 1, "not_measured": "no page asks questions"})
                        continue
                    for slowdown in (1, 4):
                        log(f"timing answers on {name} {asking} (CPU slowed {slowdown}x)")
                        form = time_form(chromium, base + asking, cpu_slowdown=slowdown)
                        timings.append({"site": name, "page": asking, **form.as_dict()})
                    if name == "real":
                        log(f"timing answers on {name} {asking} with the assessment kept in a file")
                        form = time_form(chromium, base + asking, file_keeping=True)
                        timings.append({"site": name, "page": asking, **form.as_dict()})
        finally:
            chromium.close()
    return weights, timings, elements


def run(options: Options, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Measure everything; return the results (see bench/results/latest.json for their shape)."""
    results: dict[str, Any] = {
        "taken": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "options": {k: list(v) if isinstance(v, tuple) else v for k, v in vars(options).items()},
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        work = Path(scratch)
        real = sites.real_site(work / "real" / "source")
        pages_only = real
        if sites.has_downloads(real):
            pages_only = sites.without_downloads(real, work / "pages-only" / "source")
        log(f"building the real site ({pages_only.name}) and bare MkDocs, {options.runs} runs each")
        results["real"], real_site_dir = _measure_site(pages_only, work / "pages-only", options.runs, warm_up=True)
        if pages_only is not real:
            log(f"building the real site as configured (with downloads), {options.runs} runs each")
            configured, real_site_dir = _measure_site(real, work / "real", options.runs, warm_up=True)
            results["real_as_configured"] = configured
        results["real"]["core"] = _core(real, max(options.runs, 3))

        scaling: list[dict[str, Any]] = []
        synthetic_dir: Path | None = None
        for size in options.sizes:
            site = sites.synthetic_site(work / f"synthetic-{size}" / "source", size)
            log(f"building a synthetic site of {size} dimensions and bare MkDocs, {options.scaling_runs} runs each")
            measured, site_dir = _measure_site(site, work / f"synthetic-{size}", options.scaling_runs, warm_up=False)
            scaling.append({"dimensions": size, "build": measured, "core": _core(site, max(options.scaling_runs, 3))})
            if size == options.browser_size:
                synthetic_dir = site_dir
        results["scaling"] = scaling
        results["scaling_summary"] = _scaling_summary(scaling)
        if options.browser_size and options.browser_size not in options.sizes and options.browser:
            site = sites.synthetic_site(work / "browser-synthetic" / "source", options.browser_size)
            synthetic_dir = work / "browser-synthetic" / "site"
            builds.build(site, synthetic_dir, plugin=True)

        if options.serve:
            variants = {"as configured": real}
            if pages_only is not real:
                variants["pages only"] = pages_only
            results["serve"] = {}
            for name, site in variants.items():
                log(f"timing mkdocs serve rebuilds of the real site ({name}), {options.serve_edits} edits")
                try:
                    results["serve"][name] = serve.time_rebuilds(site, options.serve_edits).as_dict()
                except (TimeoutError, ValueError) as error:
                    results["serve"][name] = {"not_measured": str(error)}

        if options.browser:
            criteria_site = None
            if options.answer_criteria:
                dimensions = max(1, options.answer_criteria // sites.SYNTHETIC_CRITERIA)
                site = sites.synthetic_site(work / "criteria" / "source", dimensions)
                log(f"building a synthetic site of {dimensions * sites.SYNTHETIC_CRITERIA} criteria for the form")
                builds.build(site, work / "criteria" / "site", plugin=True)
                criteria_site = (dimensions * sites.SYNTHETIC_CRITERIA, work / "criteria" / "site")
            results["weight"], results["browser"], results["elements"] = _weights_and_browser(
                real_site_dir, real, synthetic_dir, options.browser_size, log, criteria_site
            )
            log("timing the group page with 200 exports (issue 14)")
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=str(machine.CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    results["group"] = time_group(chromium, real_site_dir)
                finally:
                    chromium.close()
    results["goals"] = goals(results)
    return results


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Judge the figures against the issue's goals."""
    found: list[dict[str, Any]] = []

    def goal(name: str, value: float | None, limit: float, unit: str, note: str = "") -> None:
        met = None if value is None else value <= limit
        found.append({"goal": name, "value": value, "limit": limit, "unit": unit, "met": met, "note": note})

    real = results.get("real", {})
    if real:
        goal("plugin adds at most 5% to the build (real site, same pages)", 100 * (real["ratio"] - 1), 5, "%")
    as_configured = results.get("real_as_configured")
    if as_configured:
        goal(
            "plugin adds at most 5% to the build (real site as configured, with downloads)",
            100 * (as_configured["ratio"] - 1),
            5,
            "%",
        )
    summary = results.get("scaling_summary", {})
    if summary:
        goal(
            "plugin's own time grows linearly (growth exponent between the two largest sizes)",
            summary["core_growth_exponent"],
            1.15,
            "",
        )
    real_weights = [
        w
        for w in results.get("weight", [])
        if w.get("site") == "real" and "total" in w and w["kind"] != weight.ON_FIRST_USE_KIND
    ]
    if real_weights:
        js = max(w["parts"][weight.OUR_JS]["gzipped"] for w in real_weights)
        goal("our JavaScript under 20 KB gzipped (largest of the pages)", js / 1024, 20, "KB")
    assessment = next((w for w in real_weights if w["kind"] == "assessment"), None)
    if assessment:
        goal("assessment page under 150 KB gzipped in total", assessment["total_gzipped"] / 1024, 150, "KB")
        without_search = assessment["total_gzipped"] - assessment["parts"][weight.SEARCH]["gzipped"]
        goal("assessment page under 150 KB gzipped, not counting the search index", without_search / 1024, 150, "KB")
    form = next((t for t in results.get("browser", []) if t["site"] == "real" and t["cpu_slowdown"] == 1), None)
    if form:
        goal(
            "an answer updates the results within one frame (real framework)",
            form.get("answer_layout_ms"),
            16,
            "ms",
            form.get("not_measured") or "",
        )
    criteria = results.get("options", {}).get("answer_criteria")
    big = next(
        (
            t
            for t in results.get("browser", [])
            if criteria and t["site"] == _criteria_site_name(criteria) and t["cpu_slowdown"] == 1
        ),
        None,
    )
    if big:
        goal(
            f"an answer updates its results within 16 ms with a {criteria}-criterion framework",
            big.get("answer_layout_ms"),
            16,
            "ms",
            big.get("not_measured") or "",
        )
    steps = [e for e in results.get("elements", []) if e["site"] == "real" and e["questions"] and e["elements"]]
    if steps:
        largest = max(steps, key=lambda e: e["elements"])
        goal(
            "each step of the form at most 1,000 DOM elements (largest page that asks questions, real site)",
            largest["elements"],
            1000,
            "elements",
            largest["page"] + (", every criterion answered" if largest["filled"] else ", storage empty"),
        )
    group = results.get("group", {})
    if "open_ms" in group:
        note = f"{group['exports']} exports, median of {group['runs']} runs"
        goal("group page: 200 exports open and draw within 1 s", group["open_ms"], 1000, "ms", note)
        for key, what in (
            ("sort_ms", "sorting the heatmap"),
            ("filter_ms", "filtering it by theme"),
            ("hide_names_ms", "hiding names"),
            ("remove_ms", "removing a file"),
        ):
            if key in group:
                goal(f"group page with 200 exports: {what} within 100 ms", group[key], 100, "ms", note)
    return found
