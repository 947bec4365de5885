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
 *   cif-print           ui/component.mjs     the print button
 *   cif-shared-address  results.mjs          all of these: reads the address, and again when it changes
 */

import { describe } from "../core/model.mjs";
import { PrintButton, createAll, startEveryPage } from "../ui/component.mjs";
import { SharedState } from "./state.mjs";
import { SharedAddress, SharedChart, SharedEmpty, SharedProblem, SharedResults } from "./results.mjs";

/** @typedef {import("./results.mjs").SharedContext} SharedContext */

startEveryPage(SharedResults.moduleName, "cif-shared-js", ({ framework, page, win, doc }) => {
  const info = describe(framework);
  /** @type {SharedContext} */
  const context = {
    win,
    state: new SharedState(info),
    framework,
    info,
    baseTitle: doc.title,
  };
  // The results are shown before the chart is drawn, so it can be measured; the address is read
  // once every region follows the state.
  return [
    ...createAll(SharedEmpty, page, context),
    ...createAll(SharedProblem, page, context),
    ...createAll(SharedResults, page, context),
    ...createAll(SharedChart, page, context),
    ...createAll(PrintButton, page, context),
    ...createAll(SharedAddress, page, context),
  ];
});
