"""The self-assessment form in Chromium: time to interactive, time to update after an answer, and
the number of elements on each page of the form.

Interactive: the moment the form has started (the framework data element is marked started) and,
on a page with a results table, the table has its rows, seen by a MutationObserver installed before
the page loads; measured from the start of navigation. After an answer: one radio button is clicked
from script on a page that asks questions (a step of the form, or the one-page form before there
were steps). Script: the click's own work (the form updates synchronously in its handlers) or, if
later, the last change to the page's content that the click caused before the next task. Style and
layout: then the browser works out style and layout (forced by reading a size). "Next frame" adds
the wait until the browser can paint, which depends on where in the 16.7 ms display cycle the click
fell. Answers cycle through the page's criteria and levels; the median is reported. The page is also
timed with the CPU slowed down four times (Chromium's own throttling), a rough stand-in for an old
laptop.

Elements: every element in the page's body once the form has started (what Lighthouse's "DOM size"
audit counts), for every page under assess/ (the form's hub, each step, "check your answers", the
report and the other pages there, whatever exists), with the deepest nesting and the most children
of one element.
"""

from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

FORM_STARTED = """
(() => {
  const mark = () => {
    if (window.__benchInteractive !== undefined) return;
    const data = document.getElementById("cif-framework");
    const rows = document.getElementById("cif-results-body");
    if (data && data.hasAttribute("data-cif-started") && (!rows || rows.childElementCount > 0)) {
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
  const content = document.getElementById("cif-framework")?.closest("article") || document.body;
  if (!fieldsets.length) return { error: "no criteria fieldsets on the page" };
  const timings = [];
  let changes = 0;
  for (let i = 0; i < count; i++) {
    const radios = fieldsets[i % fieldsets.length].querySelectorAll("input[type=radio]");
    const round = Math.floor(i / fieldsets.length);
    const radio = radios[(i * 2 + 1 + round) % Math.max(1, radios.length - 2)];
    await frame();
    let last = 0;
    const observer = new MutationObserver(() => (last = performance.now()));
    observer.observe(content, { subtree: true, childList: true, characterData: true, attributes: true });
    const start = performance.now();
    radio.click();
    const clicked = performance.now();
    await Promise.resolve(); // the observer hears of the click's changes first
    const script = Math.max(clicked, last) - start;
    void content.getBoundingClientRect().height;
    void document.documentElement.offsetHeight;
    const laidOut = performance.now();
    observer.disconnect();
    if (last) changes += 1;
    await frame();
    timings.push({ script, layout: laidOut - start, frame: performance.now() - start });
  }
  if (!changes) return { error: "the page did not change after any answer" };
  return { timings };
}
"""

ELEMENTS = """
() => {
  const all = [...document.body.getElementsByTagName("*")];
  const depth = (node) => {
    let d = 0;
    for (let n = node; n && n !== document.body; n = n.parentElement) d += 1;
    return d;
  };
  return {
    elements: all.length,
    deepest: all.reduce((most, node) => Math.max(most, depth(node)), 0),
    widest: all.reduce((most, node) => Math.max(most, node.childElementCount), document.body.childElementCount),
    questions: document.querySelectorAll("fieldset[data-criterion]").length,
  };
}
"""

# Keeping the assessment in a file (js/form/file-keep.mjs) with the browser's save picker answering
# with a file on the origin private file system, so the bench needs no person to choose one.
PICKER = """
window.showSaveFilePicker = async () =>
  (await navigator.storage.getDirectory()).getFileHandle("bench.json", { create: true });
"""

# The answers the file holds once the writes after the timed answers have settled.
FILE_ANSWERS = """
async () => {
  const file = await (await (await navigator.storage.getDirectory()).getFileHandle("bench.json")).getFile();
  return Object.keys(JSON.parse(await file.text()).assessment.answers).length;
}
"""

# A page's script has started: the form marks its data element; the other pages of the form (the
# report, the shared results, the group and team pages) give the root element their class, cif-*-js.
STARTED = """
document.getElementById("cif-framework").hasAttribute("data-cif-started") ||
  /(^|\\s)cif-[a-z-]*js(\\s|$)/.test(document.documentElement.className)
"""

# Saves an assessment that answers every criterion of the page's framework, with a target and notes
# for every dimension, as the form would have saved it, and makes it the open one.
FILL = """
() => {
  const data = document.getElementById("cif-framework");
  if (!data) return false;
  const fw = JSON.parse(data.textContent);
  const now = new Date().toISOString();
  const record = {
    id: "a-bench", frameworkId: fw.id, frameworkVersion: fw.version, name: "Bench", authority: "Anytown",
    participants: "Director of children's services, head of performance, two team managers",
    date: now.slice(0, 10), created: now, updated: now, answers: {}, targets: {}, notes: {}, plan: {},
  };
  fw.dimensions.forEach((dimension, d) => {
    dimension.criteria.forEach((criterion, c) => {
      record.answers[criterion.id] = fw.levels[(d + c) % fw.levels.length].id;
    });
    record.targets[dimension.id] = fw.levels[fw.levels.length - 1].id;
    record.notes[dimension.id] = { evidence: "Audit of case files.", views: "Young people's panel." };
  });
  const store = { schemaVersion: 1, assessments: { [record.id]: record } };
  localStorage.setItem(`cif:${fw.id}:assessments`, JSON.stringify(store));
  localStorage.setItem(`cif:${fw.id}:settings`, JSON.stringify({ schemaVersion: 1, currentAssessment: record.id }));
  return true;
}
"""

FORM_FOLDER = "assess"


def form_pages(site: Path) -> list[str]:
    """Every page of the form in a built site (assess/*.html), as paths within the site, sorted."""
    return sorted(page.relative_to(site).as_posix() for page in (site / FORM_FOLDER).glob("*.html"))


def question_page(site: Path) -> str | None:
    """The page whose answers are timed: the form's hub when it still asks the questions itself,
    otherwise the first step (in the order of the hub's links to them), or the first page that asks
    questions at all; None when no page does."""
    asking = [page for page in form_pages(site) if 'data-criterion="' in (site / page).read_text(encoding="utf-8")]
    hub = f"{FORM_FOLDER}/index.html"
    if not asking or hub in asking:
        return hub if asking else None
    hub_html = (site / hub).read_text(encoding="utf-8") if (site / hub).is_file() else ""
    linked = [page for page in asking if f'href="{page.rsplit("/", 1)[1]}' in hub_html]
    return min(linked or asking, key=lambda page: hub_html.find(f'href="{page.rsplit("/", 1)[1]}'))


@dataclass(frozen=True)
class PageElements:
    """The elements of one page of the form once its script has run, or why they were not counted."""

    page: str
    filled: bool = False
    """True: counted with an assessment that answers every criterion open; False: storage empty."""
    elements: int | None = None
    deepest: int | None = None
    widest: int | None = None
    questions: int = 0
    not_measured: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def count_elements(browser: Browser, base: str, page: str, *, filled: bool = False) -> PageElements:
    """Load page at a laptop's size and count its elements once its script has started: with storage
    empty, or (filled) with an assessment open that answers every criterion, as a finished one does."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(base + page, wait_until="load")
        if filled and tab.evaluate(FILL):
            tab.reload(wait_until="load")
        if tab.locator("#cif-framework").count():
            try:
                tab.wait_for_function(STARTED, timeout=15000)
            except PlaywrightError:
                return PageElements(page, filled, not_measured="the page's script did not start in 15 s")
        counted: dict[str, int] = tab.evaluate(ELEMENTS)
        return PageElements(
            page, filled, counted["elements"], counted["deepest"], counted["widest"], questions=counted["questions"]
        )
    except PlaywrightError as error:
        return PageElements(page, filled, not_measured=f"the browser failed: {error.message.splitlines()[0]}")
    finally:
        context.close()


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
    file_keeping: bool = False
    not_measured: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def keep_in_a_file(tab: Page, url: str) -> None:
    """Chooses a file on the form's hub to keep the assessment in, as a person does, before timing."""
    tab.add_init_script(PICKER)
    tab.goto(url.rsplit("/", 1)[0] + "/index.html")
    tab.locator("#cif-name").fill("Bench")  # offered once there is something to keep
    tab.get_by_role("button", name="Keep this assessment in a file").click()
    tab.locator("#cif-filekeep-status").filter(has_text="Last written").wait_for()


def time_form(
    browser: Browser, url: str, *, cpu_slowdown: int = 1, answers: int = 15, file_keeping: bool = False
) -> FormTimings:
    """Load a page of the form that asks questions once, then time answers; report why if it does not work.
    With file_keeping, the assessment is kept in a file first, so every answer is also written to it."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        if file_keeping:
            keep_in_a_file(tab, url)
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
        loaded = FormTimings(
            cpu_slowdown, interactive, navigation["dcl"], navigation["load"], file_keeping=file_keeping
        )
        if "error" in outcome:
            return dataclasses.replace(loaded, not_measured=str(outcome["error"]))
        if file_keeping:
            # The answers were written to the file too (a moment after the last): it was kept on.
            tab.wait_for_function(f"({FILE_ANSWERS})().then((count) => count > 0)")
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
