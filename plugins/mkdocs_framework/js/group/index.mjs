/* Comparing a group of authorities: the page (assess/group.html). Reads the files a facilitator
 * chooses or drops, in the browser only, and shows the comparison worked out by group.mjs. Nothing
 * is uploaded and nothing is stored. User text is only ever set with textContent.
 *
 * One state object (state.mjs: the files read and the options) and a component per region of the
 * page, each started on the element the template marks with its data-module (by ui/start.mjs,
 * from entries/assess-group.mjs):
 *   cif-group-files       files.mjs       choosing or dropping files, problems, the list of files
 *   cif-group-comparison  comparison.mjs  the comparison shown once there are files; hide names
 *   cif-group-heatmap     heatmap.mjs     level of each authority in each dimension
 *   cif-group-spread      heatmap.mjs     lowest, median and highest level of each dimension
 *   cif-group-criteria    criteria.mjs    the weakest criteria, and the spread across levels of each
 *   cif-group-rounds      rounds.mjs      an authority's rounds (baseline to latest) and the change
 *   cif-group-profiles    profiles.mjs    each authority's chart and table
 *   cif-print             ui/component.mjs  the print button
 *   cif-announcer         ui/component.mjs  what screen readers are told after a change
 * and "Open a folder of exports" beside the file chooser (ui/folder.mjs). The profiles' charts,
 * the rounds and the combined CSV come in a second bundle, loaded once there are files
 * (ui/loader.mjs, more.mjs: assess-group-more.js).
 */

import { describe } from "../core/model.mjs";
import { PrintButton } from "../ui/component.mjs";
import { offerFolder } from "../ui/folder.mjs";
import { GroupState } from "./state.mjs";
import { GroupFiles } from "./files.mjs";
import { GroupComparison } from "./comparison.mjs";
import { GroupHeatmap, GroupSpread } from "./heatmap.mjs";
import { GroupProfiles } from "./profiles.mjs";
import { GroupCriteria } from "./criteria.mjs";
import { GroupRounds } from "./rounds.mjs";

/**
 * What every component of the page is given.
 * @typedef {import("../ui/component.mjs").Context<import("./state.mjs").Change> & {state: GroupState, levels: {label: string}[]}} GroupContext
 * state: the files in the comparison and the options; levels: the framework's levels, lowest first
 */

/** The group page. @type {import("../ui/start.mjs").PageSpec<GroupContext>} */
export const groupPage = {
  marker: GroupFiles.moduleName,
  htmlClass: "cif-group-js",
  context: (parts) => ({ ...parts, state: new GroupState(describe(parts.framework)), levels: parts.framework.levels }),
  // The comparison is shown before the profiles are drawn, so their charts can be measured; the
  // files come last, as a browser may give back files chosen before a reload at once.
  components: [GroupComparison, GroupHeatmap, GroupSpread, GroupCriteria, GroupRounds, GroupProfiles, PrintButton, GroupFiles],
  start: ({ doc }) => offerFolder(doc, "cif-group-files"),
};
