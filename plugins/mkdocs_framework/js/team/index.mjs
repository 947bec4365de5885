/* Agreeing a team's assessment: the page (assess/team.html). Reads the files and links a
 * facilitator gives, in the browser only, shows everyone's answers side by side (core/team.mjs),
 * and saves the levels the team agrees as an assessment the form opens. User text is only ever
 * set with textContent, names in <bdi>.
 *
 * One state object (state.mjs) and a component per region of the page, each started on the
 * element the template marks with its data-module (by ui/start.mjs, from entries/assess-team.mjs):
 *   cif-team-options   options.mjs   large text, hide names
 *   cif-team-people    people.mjs    choosing or dropping files, pasting links, problems, people
 *   cif-team-criteria  criteria.mjs  each criterion's answers, spread and agreed level; each dimension's results
 *   cif-team-save      save.mjs      saving the team's assessment, and the link to open it
 *   cif-team-keep      keep.mjs      when the tab cannot keep the work: said at once, with ways to keep it
 *   cif-announcer      ui/component.mjs  what screen readers are told after a change
 * and "Open a folder of exports" beside the file chooser (ui/folder.mjs).
 */

import { describe } from "../core/model.mjs";
import { offerFolder } from "../ui/folder.mjs";
import { TeamState } from "./state.mjs";
import { TeamOptions } from "./options.mjs";
import { TeamPeople } from "./people.mjs";
import { TeamCriteria } from "./criteria.mjs";
import { TeamSave } from "./save.mjs";
import { TeamKeep } from "./keep.mjs";

/**
 * What every component of the page is given.
 * @typedef {import("../ui/component.mjs").Context<import("./state.mjs").Change> & {state: TeamState, info: ReturnType<typeof describe>}} TeamContext
 */

/** The team page. @type {import("../ui/start.mjs").PageSpec<TeamContext>} */
export const teamPage = {
  marker: TeamPeople.moduleName,
  htmlClass: "cif-team-js",
  context: (parts) => {
    const info = describe(parts.framework);
    return { ...parts, state: new TeamState(info, parts.win), info };
  },
  // People come last: what the tab kept from before a reload is shown by every other region.
  components: [TeamOptions, TeamCriteria, TeamSave, TeamKeep, TeamPeople],
  start: ({ doc }) => offerFolder(doc, "cif-team-files"),
};
