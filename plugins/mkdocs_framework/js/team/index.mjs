/* Agreeing a team's assessment: the page (assess/team.html). Reads the files and links a
 * facilitator gives, in the browser only, shows everyone's answers side by side (core/team.mjs),
 * and saves the levels the team agrees as an assessment the form opens. User text is only ever
 * set with textContent, names in <bdi>.
 *
 * One state object (state.mjs) and a component per region of the page, each started on the
 * element the template marks with its data-module:
 *   cif-team-options   options.mjs   large text, hide names
 *   cif-team-people    people.mjs    choosing or dropping files, pasting links, problems, people
 *   cif-team-criteria  criteria.mjs  each criterion's answers, spread and agreed level; each dimension's results
 *   cif-team-save      save.mjs      saving the team's assessment, and the link to open it
 *   cif-team-keep      keep.mjs      when the tab cannot keep the work: said at once, with ways to keep it
 *   cif-announcer      component.mjs what screen readers are told after a change
 */

import { describe } from "../core/model.mjs";
import { Announcer, createAll, startEveryPage } from "../ui/component.mjs";
import { TeamState } from "./state.mjs";
import { TeamOptions } from "./options.mjs";
import { TeamPeople } from "./people.mjs";
import { TeamCriteria } from "./criteria.mjs";
import { TeamSave } from "./save.mjs";
import { TeamKeep } from "./keep.mjs";

/**
 * What every component of the page is given.
 * @typedef {object} TeamContext
 * @property {Window} win
 * @property {TeamState} state
 * @property {ReturnType<typeof describe>} info
 * @property {(text: string) => void} announce tells screen reader users what changed
 */

startEveryPage(TeamPeople.moduleName, "cif-team-js", ({ framework, page, win }) => {
  const [announcer] = createAll(Announcer, page, null);
  const info = describe(framework);
  /** @type {TeamContext} */
  const context = { win, state: new TeamState(info, win), info, announce: (text) => announcer.announce(text) };
  return [
    announcer,
    ...createAll(TeamOptions, page, context),
    ...createAll(TeamCriteria, page, context),
    ...createAll(TeamSave, page, context),
    ...createAll(TeamKeep, page, context),
    ...createAll(TeamPeople, page, context),
  ];
});
