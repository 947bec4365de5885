/* Starts the form page's components (govuk-frontend's init.mjs, in small): each element inside
 * scope with a data-module attribute this file knows gets its component. Other data-module names
 * (the library, progress and action plan: progress.mjs) are left to their own code. */

import { all } from "../dom.mjs";
import { Criterion, Details, DimensionNotes } from "./answers.mjs";
import { AnsweredCount, DimensionScore, Results, TaskList } from "./results.mjs";
import { Announcer, Banner, SaveStatus, StorageWarning } from "./status.mjs";
import { MigrationNotice } from "./migration.mjs";
import { Transfer } from "./transfer.mjs";
import { StartAgain } from "./start-again.mjs";
import { PrintResults } from "./print.mjs";
import { SharePanel } from "../share-panel.mjs";

/** @typedef {import("./component.mjs").Component} Component */
/** @typedef {import("./component.mjs").App} App */

/** @type {Map<string, new (root: HTMLElement, app: App) => Component>} */
const MODULES = new Map([
  ["cif-storage-warning", StorageWarning],
  ["cif-banner", Banner],
  ["cif-announcer", Announcer],
  ["cif-save-status", SaveStatus],
  ["cif-migration", MigrationNotice],
  ["cif-details", Details],
  ["cif-task-list", TaskList],
  ["cif-answered", AnsweredCount],
  ["cif-criterion", Criterion],
  ["cif-dimension-notes", DimensionNotes],
  ["cif-dimension-score", DimensionScore],
  ["cif-print", PrintResults],
  ["cif-results", Results],
  ["cif-share", SharePanel],
  ["cif-transfer", Transfer],
  ["cif-start-again", StartAgain],
]);

/** @param {ParentNode} scope @param {App} app @returns {Component[]} */
export function initAll(scope, app) {
  return all(scope, "[data-module]").flatMap((root) => {
    const Module = MODULES.get(root.getAttribute("data-module"));
    return Module ? [new Module(root, app)] : [];
  });
}
