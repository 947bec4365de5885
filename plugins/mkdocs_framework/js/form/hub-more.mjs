/* The hub's parts that start once assess-more.js is loaded (see index.mjs, which says when): the
 * notice about answers from another version (migration.mjs), the action plan, progress and the
 * list of assessments (progress/: each shown from core/ and results/ logic), export and import
 * (transfer.mjs) and starting again (start-again.mjs). None is needed for the hub's first paint or
 * its first answer: each is below the sections, or shown only when a record from another version
 * is met. Each is a component (component.mjs) given the page's context like every other. */

import { MigrationNotice } from "./migration.mjs";
import { Transfer } from "./transfer.mjs";
import { StartAgain } from "./start-again.mjs";
import { ActionPlan } from "./progress/action-plan.mjs";
import { Comparison } from "./progress/comparison.mjs";
import { Library } from "./progress/library.mjs";

/** @typedef {import("./component.mjs").App} App */
/** @typedef {import("./state.mjs").StateEvent} StateEvent */

/** Starts the hub's later parts on their roots in page and brings them up to the assessment open
 * now (they missed the event of its opening). @param {App} app @param {HTMLElement} page
 * @returns {{stop: () => void}} */
export function startHub(app, page) {
  /** @param {string} name */
  const rootOf = (name) => /** @type {HTMLElement | null} */ (page.querySelector(`[data-module="${name}"]`));
  // In the order of the page, so they hear of each change in that order.
  const components = [MigrationNotice, ActionPlan, Comparison, Library, Transfer, StartAgain].flatMap((Module) => {
    const root = rootOf(Module.moduleName);
    return root ? [new Module(root, app)] : [];
  });
  /** @type {StateEvent} */
  const opened = app.state.lastOpened || { type: "opened", how: "load", migration: null };
  components.forEach((component) => component.update(opened));
  return { stop: () => components.forEach((component) => component.stop()) };
}
