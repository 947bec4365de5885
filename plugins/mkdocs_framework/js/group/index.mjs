/* Comparing a group of authorities: the page (assess/group.html). Reads the files a facilitator
 * chooses or drops, in the browser only, and shows the comparison worked out by group.mjs. Nothing
 * is uploaded and nothing is stored. User text is only ever set with textContent.
 *
 * One state object (state.mjs: the files read and the options) and a component per region of the
 * page, each started on the element the template marks with its data-module:
 *   cif-group-files       files.mjs       choosing or dropping files, problems, the list of files
 *   cif-group-comparison  comparison.mjs  the comparison shown once there are files; hide names
 *   cif-group-heatmap     heatmap.mjs     level of each authority in each dimension
 *   cif-group-spread      heatmap.mjs     lowest, median and highest score of each dimension
 *   cif-group-criteria    criteria.mjs    the weakest criteria, and the spread across levels of each
 *   cif-group-rounds      rounds.mjs      an authority's rounds (baseline to latest) and the change
 *   cif-group-profiles    profiles.mjs    each authority's chart and table
 *   cif-print             component.mjs   the print button
 * The profiles' charts, the rounds and the combined CSV come in a second bundle, loaded once there
 * are files (later.mjs, more.mjs: assess-group-more.js).
 *   cif-announcer         component.mjs   what screen readers are told after a change
 */

import { describe } from "../core/model.mjs";
import { Announcer, PrintButton, createAll, startEveryPage } from "../ui/component.mjs";
import { GroupState } from "./state.mjs";
import { GroupFiles } from "./files.mjs";
import { GroupComparison } from "./comparison.mjs";
import { GroupHeatmap, GroupSpread } from "./heatmap.mjs";
import { GroupProfiles } from "./profiles.mjs";
import { GroupCriteria } from "./criteria.mjs";
import { GroupRounds } from "./rounds.mjs";

/**
 * What every component of the page is given.
 * @typedef {object} GroupContext
 * @property {Window} win
 * @property {GroupState} state the files in the comparison and the options
 * @property {any} framework the framework data embedded in the page
 * @property {{label: string}[]} levels the framework's levels, lowest first
 * @property {(text: string) => void} announce tells screen reader users what changed
 */

startEveryPage(GroupFiles.moduleName, "cif-group-js", ({ framework, page, win }) => {
  const [announcer] = createAll(Announcer, page, null);
  /** @type {GroupContext} */
  const context = {
    win,
    state: new GroupState(describe(framework)),
    framework,
    levels: framework.levels,
    announce: (text) => announcer.announce(text),
  };
  // The comparison is shown before the profiles are drawn, so their charts can be measured; the
  // files come last, as a browser may give back files chosen before a reload at once.
  return [
    announcer,
    ...createAll(GroupComparison, page, context),
    ...createAll(GroupHeatmap, page, context),
    ...createAll(GroupSpread, page, context),
    ...createAll(GroupCriteria, page, context),
    ...createAll(GroupRounds, page, context),
    ...createAll(GroupProfiles, page, context),
    ...createAll(PrintButton, page, context),
    ...createAll(GroupFiles, page, context),
  ];
});
