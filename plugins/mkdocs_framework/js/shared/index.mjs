/* Shared results (assess/shared.html): a read-only view of the results held in the address's
 * fragment, made by "Copy a link to these results" on the form. Reads nothing from and writes
 * nothing to storage. User text is only ever set with textContent.
 *
 * One state object (state.mjs: the results in the address) and a component per region of the
 * page, each started on the element the template marks with its data-module:
 *   cif-shared-empty    results.mjs          the address holds no results
 *   cif-shared-problem  results.mjs          the link cannot be shown, and why
 *   cif-shared-results  results.mjs          the read-only results and answers
 *   cif-shared-chart    results.mjs          the results chart
 *   cif-print           group/component.mjs  the print button
 */

import { describe } from "../model.mjs";
import { onEveryPage } from "../dom.mjs";
import { PrintButton, createAll, showScriptParts } from "../group/component.mjs";
import { SharedState } from "./state.mjs";
import { SharedChart, SharedEmpty, SharedProblem, SharedResults } from "./results.mjs";

/** @typedef {import("./results.mjs").SharedContext} SharedContext */

/** Starts the page's components and shows the results in the address; returns a function that
 * stops them, for when another page is shown.
 * @param {Document} doc @returns {() => void} */
function startPage(doc) {
  const data = /** @type {HTMLElement} */ (doc.getElementById("cif-framework"));
  const framework = JSON.parse(data.textContent || "");
  const page = data.closest("article") || doc.body;
  const win = /** @type {Window} */ (doc.defaultView);
  doc.documentElement.classList.add("cif-shared-js");
  showScriptParts(page);
  const info = describe(framework);
  /** @type {SharedContext} */
  const context = {
    win,
    state: new SharedState(info),
    framework,
    info,
    levelName: (level) => (level ? framework.levels[level - 1].label : ""),
    baseTitle: doc.title,
  };
  // The results are shown before the chart is drawn, so it can be measured.
  const components = [
    ...createAll(SharedEmpty, page, context),
    ...createAll(SharedProblem, page, context),
    ...createAll(SharedResults, page, context),
    ...createAll(SharedChart, page, context),
    ...createAll(PrintButton, page, context),
  ];
  const onHashChange = () => context.state.load(win.location.hash, true);
  win.addEventListener("hashchange", onHashChange);
  context.state.load(win.location.hash, false);
  return () => {
    win.removeEventListener("hashchange", onHashChange);
    for (const component of components) component.stop();
  };
}

/** @type {(() => void) | null} */
let stopPrevious = null;

/* With Material's instant navigation this runs on every page shown: it starts the shared results
 * page when it is shown (once), after stopping the one shown before. */
function start() {
  const results = document.querySelector(`[data-module="${SharedResults.moduleName}"]`);
  if (!results || results.hasAttribute(`data-${SharedResults.moduleName}-init`)) return;
  if (stopPrevious) stopPrevious();
  stopPrevious = startPage(document);
}

onEveryPage(start);
