"""The team view (assess/team.html) in Chromium with many exports (issue 23, item 6): how long from
dropping the files until the page has settled, how many elements it then holds, and how long one
answer (an agreed level chosen) then takes to be drawn.

Settled: every person is in the page's count ("N people in the team view."), nothing is left to
read, and the browser has drawn the next frame. Exports are the group page's benchmark exports
(bench/group.py), each from its own authority, so none is a duplicate of another.

    python -m bench.team SITE [--counts 1000 10000] [--script OTHER.js] [--limit 600]

--script serves another build of assess-team.js in place of the site's (to measure an older
version of the page on the same site); --limit is how many seconds to wait before giving up.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Route, sync_playwright

from bench.group import exports, framework_of
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.gates import serve as serve_folder

PAGE = "assess/team.html"

TIME = """
async ([files, limit]) => {
  const elements = () => document.getElementsByTagName("*").length;
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const settled = (count) => {
    const summary = document.querySelector("#cif-team-summary");
    const progress = document.querySelector("#cif-team-progress");
    const all = summary && summary.textContent.startsWith(`${count} people in the team view.`);
    return all && !(progress && progress.textContent);
  };
  const data = new DataTransfer();
  for (const f of files) data.items.add(new File([f.text], f.name, { type: "application/json" }));
  const start = performance.now();
  const drop = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data });
  document.querySelector("#cif-team-drop").dispatchEvent(drop);
  let longest = 0;
  let last = performance.now();
  while (!settled(files.length)) {
    if (performance.now() - start > limit * 1000) {
      return { settled: false, after_ms: performance.now() - start, elements: elements() };
    }
    await new Promise((done) => setTimeout(done, 10));
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  await frame();
  const out = { settled: true, settle_ms: performance.now() - start, longest_pause_ms: longest, elements: elements() };
  const select = document.querySelector("[data-agreed]");
  const answer = performance.now();
  select.value = select.options[2].value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  await frame();
  out.answer_ms = performance.now() - answer;
  return out;
}
"""


def time_team(site: Path, count: int, script: Path | None, limit: int) -> dict[str, Any]:
    """One measurement of the team view of a built site with `count` exports."""
    files = exports(framework_of(site), count)
    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            if script is not None:
                body = script.read_text(encoding="utf-8")

                def replace(route: Route) -> None:
                    route.fulfill(body=body, content_type="text/javascript")

                page.route("**/assess-team.js", replace)
            page.goto(base + PAGE)
            page.wait_for_selector("[data-cif-team-people-init]", state="attached")
            page.set_default_timeout((limit + 60) * 1000)
            result: dict[str, Any] = page.evaluate(TIME, [files, limit])
        finally:
            browser.close()
    return {"exports": count, **result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team", description=__doc__)
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d SITE)")
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--script", type=Path, help="another build of assess-team.js to serve instead")
    parser.add_argument("--limit", type=int, default=600, help="seconds to wait for the page to settle")
    args = parser.parse_args(argv)
    for count in args.counts:
        print(json.dumps(time_team(args.site, count, args.script, args.limit)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
