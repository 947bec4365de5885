/* Starts the form page's components (govuk-frontend's init.mjs, in small): each element inside
 * scope with a data-module attribute this file knows gets its component. Other data-module names
 * (the library, progress and action plan: progress/index.mjs) are left to their own code. */

import { all } from "../ui/dom.mjs";
import { Criterion, Details, DimensionNotes } from "./answers.mjs";
import { AnsweredCount, DimensionScore, Results, TaskList } from "./results.mjs";
import { Announcer, Banner, SaveStatus, StorageWarning } from "./status.mjs";
import { MigrationNotice } from "./migration.mjs";
import { Transfer } from "./transfer.mjs";
import { StartAgain } from "./start-again.mjs";
import { PrintResults } from "./print.mjs";
import { SharePanel } from "./share-panel.mjs";

/** @typedef {import("./component.mjs").FormComponent} FormComponent */
/** @typedef {import("./component.mjs").App} App */

/** @type {(new (root: HTMLElement, app: App) => FormComponent)[]} */
const COMPONENTS = [
  StorageWarning,
  Banner,
  Announcer,
  SaveStatus,
  MigrationNotice,
  Details,
  TaskList,
  AnsweredCount,
  Criterion,
  DimensionNotes,
  DimensionScore,
  PrintResults,
  Results,
  SharePanel,
  Transfer,
  StartAgain,
];

const BY_NAME = new Map(COMPONENTS.map((Module) => [/** @type {any} */ (Module).moduleName, Module]));

/** Starts the component of every root in scope marked with a data-module this file knows, in the
 * order of the page (so they hear of each change in that order).
 * @param {ParentNode} scope @param {App} app @returns {FormComponent[]} */
export function initAll(scope, app) {
  return all(scope, "[data-module]").flatMap((root) => {
    const Module = BY_NAME.get(root.getAttribute("data-module"));
    return Module ? [new Module(root, app)] : [];
  });
}
