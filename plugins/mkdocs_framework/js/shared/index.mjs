/* Shared results (assess/shared.html): a read-only view of the results held in the address's
 * fragment, made by "Copy a link to these results" on the form. Reads nothing from and writes
 * nothing to storage. User text is only ever set with textContent.
 *
 * One state object (state.mjs: the results in the address) and a component per region of the
 * page, each started on the element the template marks with its data-module (by ui/start.mjs,
 * from entries/assess-shared.mjs):
 *   cif-shared-empty    results.mjs          the address holds no results
 *   cif-shared-problem  results.mjs          the link cannot be shown, and why
 *   cif-shared-results  results.mjs          the read-only results and answers
 *   cif-shared-chart    results.mjs          the results chart
 *   cif-print           ui/component.mjs     the print button
 *   cif-shared-address  results.mjs          all of these: reads the address, and again when it changes
 */

import { describe } from "../core/model.mjs";
import { PrintButton } from "../ui/component.mjs";
import { SharedState } from "./state.mjs";
import { SharedAddress, SharedChart, SharedEmpty, SharedProblem, SharedResults } from "./results.mjs";

/** @typedef {import("./results.mjs").SharedContext} SharedContext */

/** The shared results page. @type {import("../ui/start.mjs").PageSpec<SharedContext>} */
export const sharedPage = {
  marker: SharedResults.moduleName,
  htmlClass: "cif-shared-js",
  context: (parts) => {
    const info = describe(parts.framework);
    return { ...parts, state: new SharedState(info), info, baseTitle: parts.doc.title };
  },
  // The results are shown before the chart is drawn, so it can be measured; the address is read
  // once every region follows the state.
  components: [SharedEmpty, SharedProblem, SharedResults, SharedChart, PrintButton, SharedAddress],
};
