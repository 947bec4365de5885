"""The self-assessment page in Chromium: time to interactive, and time to update after an answer.

Interactive: the moment the form has started (the framework data element is marked started) and the
results table has its rows, seen by a MutationObserver installed before the page loads; measured
from the start of navigation. After an answer: one radio button is clicked from script, and the time
runs until the results region has changed and the browser has worked out style and layout for it
(forced by reading a size). "Next frame" adds the wait until the browser can paint, which depends on
where in the 16.7 ms display cycle the click fell. Each answer is a different criterion; the median
is reported. The page is also timed with the CPU slowed down four times (Chromium's own throttling),
a rough stand-in for an old laptop.
"""

from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

FORM_STARTED = """
(() => {
  const mark = () => {
    if (window.__benchInteractive !== undefined) return;
    const data = document.getElementById("cif-framework");
    const rows = document.getElementById("cif-results-body");
    if (data && data.hasAttribute("data-cif-started") && rows && rows.childElementCount > 0) {
      window.__benchInteractive = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
})();
"""

ANSWER = """
async (count) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const fieldsets = [...document.querySelectorAll("fieldset[data-criterion]")];
  const results = document.getElementById("cif-results");
  if (!fieldsets.length || !results) return { error: "no criteria fieldsets or no #cif-results region" };
  const timings = [];
  for (let i = 0; i < count; i++) {
    const radios = fieldsets[i % fieldsets.length].querySelectorAll("input[type=radio]");
    const radio = radios[(i * 2 + 1) % Math.max(1, radios.length - 2)];
    await frame();
    let observer;
    const changed = new Promise((done) => {
      observer = new MutationObserver(() => done(performance.now()));
      observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const timeout = new Promise((done) => setTimeout(() => done(null), 2000));
    const start = performance.now();
    radio.click();
    const mutated = await Promise.race([changed, timeout]);
    observer.disconnect();
    if (mutated === null) return { error: "the results did not change within 2 s of an answer" };
    void results.getBoundingClientRect().height;
    void document.documentElement.offsetHeight;
    const laidOut = performance.now();
    await frame();
    timings.push({ script: mutated - start, layout: laidOut - start, frame: performance.now() - start });
  }
  return { timings };
}
"""


@dataclass(frozen=True)
class FormTimings:
    """Milliseconds, or a reason the figures could not be measured."""

    cpu_slowdown: int
    interactive_ms: float | None = None
    dom_content_loaded_ms: float | None = None
    load_ms: float | None = None
    answer_script_ms: float | None = None
    answer_layout_ms: float | None = None
    answer_layout_max_ms: float | None = None
    answer_frame_ms: float | None = None
    answers: int = 0
    not_measured: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def time_form(browser: Browser, url: str, *, cpu_slowdown: int = 1, answers: int = 15) -> FormTimings:
    """Load the assessment page once, then time answers; report why if the form does not work."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        tab.add_init_script(FORM_STARTED)
        if cpu_slowdown > 1:
            session = context.new_cdp_session(tab)
            session.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        tab.goto(url, wait_until="load")
        navigation: dict[str, float] = tab.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()"
        )
        try:
            tab.wait_for_function("window.__benchInteractive !== undefined", timeout=15000)
        except PlaywrightError:
            return FormTimings(
                cpu_slowdown,
                dom_content_loaded_ms=navigation["dcl"],
                not_measured="the form did not start: no #cif-framework[data-cif-started] with result rows in 15 s",
            )
        interactive: float = tab.evaluate("window.__benchInteractive")
        outcome: dict[str, Any] = tab.evaluate(ANSWER, answers)
        loaded = FormTimings(cpu_slowdown, interactive, navigation["dcl"], navigation["load"])
        if "error" in outcome:
            return dataclasses.replace(loaded, not_measured=str(outcome["error"]))
        timings: list[dict[str, float]] = outcome["timings"]
        layouts = [t["layout"] for t in timings]
        return dataclasses.replace(
            loaded,
            answer_script_ms=statistics.median(t["script"] for t in timings),
            answer_layout_ms=statistics.median(layouts),
            answer_layout_max_ms=max(layouts),
            answer_frame_ms=statistics.median(t["frame"] for t in timings),
            answers=len(timings),
        )
    except PlaywrightError as error:
        return FormTimings(cpu_slowdown, not_measured=f"the browser failed: {error.message.splitlines()[0]}")
    finally:
        context.close()
