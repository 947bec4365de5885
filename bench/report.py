"""Write the results as Markdown: the tables PERFORMANCE.md quotes."""

from __future__ import annotations

from typing import Any

from bench import weight


def _kb(size: int | float) -> str:
    return f"{size / 1024:.1f}"


def _s(seconds: float) -> str:
    return f"{seconds:.2f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _machine(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    return [
        f"Taken {results['taken']} on {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB RAM, {m['os']}; "
        f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs_material']}, "
        f"Python-Markdown {m['markdown']}, {m['chromium']} (Playwright {m['playwright']}).",
        "",
    ]


def _build_row(name: str, b: dict[str, Any]) -> list[str]:
    return [
        name,
        str(b["pages"]),
        _s(b["bare_wall_s"]["median"]),
        _s(b["plugin_wall_s"]["median"]),
        f"{100 * (b['ratio'] - 1):+.1f}%",
        f"{1000 * b['plugin_in_build_s']['median']:.0f}",
        f"{b['bare_peak_rss_mib']:.0f} / {b['plugin_peak_rss_mib']:.0f}",
        f"{b['same_html']['identical']} of {b['same_html']['pages']}",
    ]


BUILD_HEAD = [
    "site",
    "pages",
    "bare MkDocs (s)",
    "with plugin (s)",
    "plugin adds",
    "plugin in build (ms)",
    "peak memory bare / plugin (MiB)",
    "same HTML",
]


def _builds(results: dict[str, Any]) -> list[str]:
    real = results["real"]
    out = ["## Build time", ""]
    out.append(
        f"Median of {real['plugin_wall_s']['runs']} alternating builds each, whole `mkdocs build` process. "
        '"Plugin in build" is the time inside the plugin\'s import and event handlers.'
    )
    out.append("")
    rows = [_build_row("real, same pages as bare", real)]
    if "real_as_configured" in results:
        rows.append(_build_row("real as configured (with downloads)", results["real_as_configured"]))
    out += _table(BUILD_HEAD, rows)
    events = ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in real["plugin_events_s"].items())
    out.append(f"Inside the build (same pages): {events}.")
    if "real_as_configured" in results:
        configured = results["real_as_configured"]
        events = ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in configured["plugin_events_s"].items())
        out.append(f"As configured: {events}.")
        first = configured.get("first_build_wall_s")
        if first:
            out.append(
                f"First build, caches empty, as configured: {_s(first['plugin'])} s (bare {_s(first['bare'])} s)."
            )
    different = real["same_html"]["different"] + real["same_html"]["missing"]
    if different:
        out.append(f"HTML that differs between the plugin's build and bare MkDocs: {', '.join(different)}.")
    core = real["core"]
    stages = ", ".join(f"{k} {1000 * v['median']:.0f} ms" for k, v in core["stages_s"].items())
    out += [
        "",
        f"The plugin's core on the real framework, in process: {stages}; "
        f"total {1000 * core['total_s']['median']:.0f} ms for {core['pages']} pages "
        f"({_kb(core['markdown_bytes'])} KB of Markdown).",
        "",
    ]
    return out


def _scaling(results: dict[str, Any]) -> list[str]:
    rows = []
    summary = results.get("scaling_summary", {})
    for index, row in enumerate(results.get("scaling", [])):
        b, core = row["build"], row["core"]
        rows.append(
            [
                str(row["dimensions"]),
                *_build_row("", b)[1:6],
                f"{1000 * core['total_s']['median']:.0f}",
                _ms(summary["core_ms_per_dimension"][index]) if summary else "-",
                _ms(summary["bare_ms_per_page"][index]) if summary else "-",
                f"{b['bare_peak_rss_mib']:.0f} / {b['plugin_peak_rss_mib']:.0f}",
            ]
        )
    head = [
        "dimensions",
        "pages",
        "bare MkDocs (s)",
        "with plugin (s)",
        "plugin adds",
        "plugin in build (ms)",
        "plugin core (ms)",
        "core per dimension (ms)",
        "bare MkDocs per page (ms)",
        "peak memory bare / plugin (MiB)",
    ]
    out = ["## Scaling", ""]
    runs = results["scaling"][0]["build"]["plugin_wall_s"]["runs"] if results.get("scaling") else 0
    out += [f"Synthetic frameworks (5 levels, 4 criteria per dimension, 5 themes); median of {runs} builds.", ""]
    out += _table(head, rows)
    if summary:
        fit = summary["core_fit"]
        exponents = ", ".join(f"{e:.2f}" for e in summary["bare_growth_exponents"])
        out += [
            f"Plugin core: {fit['slope_ms_per_dimension']:.2f} ms per dimension plus {fit['intercept_ms']:.0f} ms "
            f"(straight-line fit, R² {fit['r2']:.3f}); growth exponent between the two largest sizes "
            f"{summary['core_growth_exponent']:.2f} (1 is linear).",
            f"Bare MkDocs: growth exponent of build time against pages between successive sizes {exponents} "
            "(1 is linear, 2 quadratic).",
            "",
        ]
    return out


def _serve(results: dict[str, Any]) -> list[str]:
    if "serve" not in results:
        return []
    rows = []
    for name, figures in results["serve"].items():
        if "not_measured" in figures:
            rows.append([name, f"not measured: {figures['not_measured']}", "", ""])
        else:
            rows.append([name, _s(figures["median"]), _s(figures["min"]), _s(figures["max"]), str(figures["runs"])])
    out = ["## `mkdocs serve`: from saving framework.yml to the rebuilt page", ""]
    return out + _table(["real site", "median (s)", "min (s)", "max (s)", "edits"], rows)


def _weights(results: dict[str, Any]) -> list[str]:
    if "weight" not in results:
        return []
    head = ["site", "page", "total KB (gzip)", *[f"{c} KB (gzip)" for c in weight.CATEGORIES]]
    rows = []
    for w in results["weight"]:
        if "total" not in w:
            rows.append([w["site"], w["kind"], f"not measured: {w['not_measured']}"] + [""] * len(weight.CATEGORIES))
            continue
        cells = [f"{_kb(p['size'])} ({_kb(p['gzipped'])})" for p in (w["parts"][c] for c in weight.CATEGORIES)]
        rows.append([w["site"], f"{w['kind']} `{w['page']}`", f"{_kb(w['total'])} ({_kb(w['total_gzipped'])})", *cells])
    out = ["## Page weight", "", "Bytes Chromium received loading each page (gzipped at level 6 in brackets).", ""]
    return out + _table(head, rows)


def _browser(results: dict[str, Any]) -> list[str]:
    if "browser" not in results:
        return []
    head = [
        "site",
        "page",
        "CPU slowdown",
        "interactive (ms)",
        "DOMContentLoaded (ms)",
        "answer → results, script (ms)",
        "… with style and layout (ms)",
        "worst (ms)",
        "… to next frame (ms)",
    ]
    rows = []
    for t in results["browser"]:
        if t.get("not_measured") and t.get("answer_layout_ms") is None:
            note = f"not measured: {t['not_measured']}"
            rows.append([t["site"], t.get("page", ""), f"{t['cpu_slowdown']}x", note, "", "", "", "", ""])
            continue
        rows.append(
            [
                t["site"],
                t.get("page", "") + (" (kept in a file)" if t.get("file_keeping") else ""),
                f"{t['cpu_slowdown']}x",
                _ms(t["interactive_ms"]),
                _ms(t["dom_content_loaded_ms"]),
                _ms(t["answer_script_ms"]),
                _ms(t["answer_layout_ms"]),
                _ms(t["answer_layout_max_ms"]),
                _ms(t["answer_frame_ms"]),
            ]
        )
    out = ["## The assessment form in Chromium", ""]
    return out + _table(head, rows)


def _elements(results: dict[str, Any]) -> list[str]:
    """Every page of the real site's form; for other sites, the pages that ask no questions and the
    largest of those that do."""
    if not results.get("elements"):
        return []

    def figure(e: dict[str, Any] | None) -> str:
        if e is None:
            return "-"
        return f"not measured: {e['not_measured']}" if e["not_measured"] else str(e["elements"])

    rows = []
    for site in dict.fromkeys(e["site"] for e in results["elements"]):
        counted = [e for e in results["elements"] if e["site"] == site]
        pages = list(dict.fromkeys(e["page"] for e in counted))
        empty = {e["page"]: e for e in counted if not e["filled"]}
        full = {e["page"]: e for e in counted if e["filled"]}
        size = {p: max((e["elements"] or 0) for e in counted if e["page"] == p) for p in pages}
        asking = [p for p in pages if any(e["questions"] for e in counted if e["page"] == p)]
        shown = pages
        if site != "real" and asking:
            largest = max(asking, key=lambda p: size[p])
            shown = [p for p in pages if p not in asking or p == largest]
        for page in shown:
            label = page
            if site != "real" and page in asking and len(asking) > 1:
                label += f" (largest of {len(asking)} pages that ask questions)"
            either = empty.get(page) or full.get(page) or {}
            rows.append(
                [
                    site,
                    label,
                    figure(empty.get(page)),
                    figure(full.get(page)),
                    str(either.get("questions", "")),
                    str(max((e["deepest"] or 0) for e in counted if e["page"] == page)),
                    str(max((e["widest"] or 0) for e in counted if e["page"] == page)),
                ]
            )
    head = [
        "site",
        "page",
        "elements, storage empty",
        "… every criterion answered",
        "questions",
        "deepest nesting",
        "most children",
    ]
    out = [
        "## Elements on each page of the form",
        "",
        "Elements in the body once the page's script has run (Lighthouse's DOM size): with storage empty, "
        "and with an assessment open that answers every criterion, with a target and notes for each dimension.",
        "",
    ]
    return out + _table(head, rows)


def _goals(results: dict[str, Any]) -> list[str]:
    rows = []
    for g in results["goals"]:
        verdict = "not measured" if g["met"] is None else ("met" if g["met"] else "**missed**")
        value = "-" if g["value"] is None else f"{g['value']:.2f} {g['unit']}".strip()
        rows.append([g["goal"], value, f"{g['limit']:g} {g['unit']}".strip(), verdict])
    return ["## Goals", "", *_table(["goal", "measured", "limit", ""], rows)]


def markdown(results: dict[str, Any]) -> str:
    """Return the whole report as Markdown."""
    lines = ["# Benchmark results", "", *_machine(results), *_goals(results), *_builds(results)]
    lines += [*_scaling(results), *_serve(results), *_weights(results), *_browser(results), *_elements(results)]
    return "\n".join(lines).rstrip() + "\n"
