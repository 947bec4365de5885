/* Self-assessment: the form's hub (assess/index.html): the list of assessments, the assessment's
 * details, the sections (each a step of the form, with its status), results, action plan, progress
 * and keeping a copy. The questions are on the steps (step.mjs). form/page.mjs makes the page's
 * state object and starts the components below.
 *
 * The hub's other parts (the notice about answers from another version, the list of assessments,
 * progress, the action plan, export, import and starting again: hub-more.mjs) come with assess-more.js, which the
 * hub loads when the first of these happens: one of them comes near the screen, the open assessment
 * has something in it (when the browser is next idle), a record from another version is met or
 * a notice about one is still to be shown, or another part of the form loads assess-more.js. A
 * press on one of their buttons before then is made again once they have started. A first visit
 * with nothing saved loads only assess.js.
 */

import * as model from "../core/model.mjs";
import { startForm } from "./page.mjs";
import { PrintResults } from "./print.mjs";
import { Details } from "./answers.mjs";
import { AnsweredCount, Results } from "./results.mjs";
import { Announcer } from "../ui/component.mjs";
import { Banner, SaveStatus, StorageWarning } from "./status.mjs";
import { ContinueLink, SectionStatus } from "./steps.mjs";
import { SharePanel } from "./share-panel.mjs";

/** @typedef {import("./component.mjs").App} App */

const COMPONENTS = [StorageWarning, Banner, Announcer, SaveStatus, Details, SectionStatus, ContinueLink, AnsweredCount, PrintResults, Results, SharePanel];

/** The roots of the parts that come with assess-more.js (hub-more.mjs). */
const LATER = ["cif-migration", "cif-transfer", "cif-start-again", "cif-action-plan", "cif-progress", "cif-library"].map((name) => `[data-module="${name}"]`).join(", ");

/** Whether the open assessment has a notice about another version still to show.
 * @param {any} assessment */
function migrationToShow(assessment) {
  const list = Array.isArray(assessment.migrations) ? assessment.migrations : [];
  const last = list[list.length - 1];
  return Boolean(last && !last.dismissed);
}

/** Starts the hub's later parts when first needed (see above). The page is marked started once
 * they have, when they are needed at once or the open assessment has something in it.
 * @param {App} app @param {HTMLElement} page @returns {{stop: () => void, ready?: Promise<void>}} */
function startLater(app, page) {
  const { state, doc } = app;
  /** @type {{stop: () => void} | null} */
  let started = null;
  /** @type {Promise<void> | null} */
  let starting = null;
  let stopped = false;
  let failed = false;
  /** @type {HTMLElement[]} buttons pressed before the parts had started */
  const pressed = [];
  const start = () => {
    if (!starting && !stopped) {
      starting = app.withMore((more) => {
        if (stopped) return;
        started = more.startHub(app, page);
        unhook();
        pressed.splice(0).forEach((button) => button.click());
      });
      starting.then(() => (failed = !started && !stopped));
    }
    return starting || Promise.resolve();
  };
  /** @param {MouseEvent} event */
  const onClick = (event) => {
    const button = /** @type {Element} */ (event.target).closest("button");
    if (started || !button || !button.closest(LATER)) return;
    event.preventDefault();
    event.stopPropagation();
    if (!pressed.includes(button)) pressed.push(button);
    // The last load failed (the banner said so): a button pressed tries again, and says so again if it fails.
    if (failed) [starting, failed] = [null, false];
    start();
  };
  page.addEventListener("click", onClick, true);
  const near = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: "600px 0px" }) : null;
  for (const root of page.querySelectorAll(LATER)) if (near) near.observe(root.closest("div.cif-js-only") || root);
  /** @returns {Promise<void> | undefined} */
  const check = () => {
    const opened = state.lastOpened;
    if ((opened && opened.migration && opened.migration.status !== "current") || migrationToShow(state.assessment)) return start();
    if (!model.hasContent(state.assessment)) return undefined;
    // Not before the browser is next idle (within 2 s), so that it never holds up the form opening.
    return new Promise((resolve) => {
      const later = () => start().then(resolve);
      if (window.requestIdleCallback) window.requestIdleCallback(later, { timeout: 2000 });
      else setTimeout(later);
    });
  };
  const unsubscribe = state.subscribe((event) => {
    if (event.type === "opened" || event.type === "changed") check();
  });
  // assess-more.js loaded for another reason (an export, a share): the later parts start with it.
  const onMore = () => start();
  doc.addEventListener("cif:registered", onMore);
  const unhook = () => {
    page.removeEventListener("click", onClick, true);
    doc.removeEventListener("cif:registered", onMore);
    if (near) near.disconnect();
    unsubscribe();
  };
  const ready = state.migrate ? start() : check();
  return {
    stop: () => {
      stopped = true;
      unhook();
      if (started) started.stop();
    },
    ready,
  };
}

startForm(COMPONENTS, startLater);
