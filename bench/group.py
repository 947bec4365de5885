"""The group page (assess/group.html) in Chromium with many exports, as a learning network's
facilitator uses it (issue 14): 200 exports dropped at once, then sorting the heatmap, filtering it
by theme, hiding and showing names, and removing a file.

Open: from the drop until the heatmap has a row per authority and the browser has drawn the next
frame (the profiles below it are added in batches afterwards; "profiles" is until the last batch is
on the page). Each change: from the click until the next frame is drawn, after the page has settled
from the one before. Exports are built in the page in the form's export format (every authority
answers most criteria, at levels that differ between authorities). Median of the runs.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from mkdocs_framework.data import read_framework_script
from tests.gates import serve as serve_folder

PAGE = "assess/group.html"

TIME = """
async ([files]) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const rows = () => document.querySelectorAll("#cif-heatmap tbody tr").length;
  const profiles = () => document.querySelectorAll(".cif-profile").length;
  const until = async (ok) => {
    const start = performance.now();
    while (!ok()) {
      if (performance.now() - start > 60000) throw new Error("the group page did not finish drawing");
      await new Promise((done) => setTimeout(done, 1));
    }
    await frame();
  };
  const settle = async () => {
    await frame();
    await until(() => profiles() >= rows());
    await new Promise((done) => setTimeout(done, 100));
  };
  const timed = async (act) => {
    const start = performance.now();
    act();
    await frame();
    const took = performance.now() - start;
    await settle();
    return took;
  };
  const out = {};
  const data = new DataTransfer();
  for (const f of files) data.items.add(new File([f.text], f.name, { type: "application/json" }));
  const drop = document.querySelector("#cif-group-drop");
  const start = performance.now();
  drop.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
  await until(() => rows() === files.length);
  out.open_ms = performance.now() - start;
  await until(() => profiles() === files.length);
  out.profiles_ms = performance.now() - start;
  await settle();
  const sort = document.querySelector("#cif-heatmap thead th:nth-child(2) button");
  out.sort_ms = await timed(() => sort.click());
  const theme = document.querySelector("#cif-group-theme");
  if (theme && theme.options.length > 1) {
    out.filter_ms = await timed(() => {
      theme.value = theme.options[1].value;
      theme.dispatchEvent(new Event("change", { bubbles: true }));
    });
    theme.value = "";
    theme.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
  }
  const hide = document.querySelector("#cif-group-hide");
  out.hide_names_ms = await timed(() => hide.click());
  out.show_names_ms = await timed(() => hide.click());
  out.remove_ms = await timed(() => document.querySelector("[data-remove]").click());
  if (rows() !== files.length - 1) throw new Error("removing a file did not take its row out");
  return out;
}
"""


def framework_of(site: Path) -> dict[str, Any]:
    """The framework data the group page reads (framework-data.js)."""
    return read_framework_script((site / "assets" / "framework" / "framework-data.js").read_text(encoding="utf-8"))


def exports(framework: dict[str, Any], count: int) -> list[dict[str, str]]:
    """`count` exports in the form's format, each from its own authority."""
    levels = framework["levels"]
    files = []
    for n in range(count):
        answers = {
            criterion["id"]: levels[(n + c + d) % len(levels)]["id"]
            for d, dimension in enumerate(framework["dimensions"])
            for c, criterion in enumerate(dimension["criteria"])
            if (n + c) % 7
        }
        data = {
            "format": "cif-self-assessment",
            "formatVersion": 1,
            "exportedAt": "2026-10-02T10:00:00.000Z",
            "framework": {"id": framework["id"], "version": framework["version"], "title": framework["title"]},
            "assessment": {
                "name": "Baseline",
                "authority": f"Authority number {n + 1}",
                "date": "2026-10-01",
                "answers": answers,
                "targets": {},
                "notes": {},
            },
        }
        files.append({"name": f"authority-{n + 1}.json", "text": json.dumps(data)})
    return files


def time_group(browser: Browser, site: Path, count: int = 200, runs: int = 3) -> dict[str, Any]:
    """Median timings of the group page of a built site with `count` exports."""
    if not (site / PAGE).is_file():
        return {"not_measured": f"the site has no {PAGE}"}
    files = exports(framework_of(site), count)
    measured: list[dict[str, float]] = []
    with serve_folder(site) as base:
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            try:
                page.goto(base + PAGE)
                page.wait_for_function("document.documentElement.classList.contains('cif-group-js')")
                measured.append(page.evaluate(TIME, [files]))
            finally:
                page.close()
    keys = sorted({key for run in measured for key in run})
    result: dict[str, Any] = {"exports": count, "runs": runs}
    for key in keys:
        values = [run[key] for run in measured if key in run]
        result[key] = statistics.median(values)
        result[key.replace("_ms", "_all_ms")] = values
    return result
