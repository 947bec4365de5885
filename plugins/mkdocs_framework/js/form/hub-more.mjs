/* The hub's parts that start once assess-more.js is loaded (see index.mjs, which says when): the
 * notice about answers from another version (migration.mjs), the list of assessments, progress
 * and the action plan (progress/), export and import (transfer.mjs) and starting again (start-again.mjs). None is needed for the
 * hub's first paint or its first answer, and each is below the sections, or shown only when a
 * record from another version is met. */

import * as model from "../core/model.mjs";
import { download } from "../ui/dom.mjs";
import { attach as attachProgress } from "./progress/index.mjs";
import { printAs } from "./print.mjs";
import { MigrationNotice } from "./migration.mjs";
import { Transfer } from "./transfer.mjs";
import { StartAgain } from "./start-again.mjs";

/** @typedef {import("./component.mjs").App} App */
/** @typedef {import("./state.mjs").StateEvent} StateEvent */

/** The view of the page progress/index.mjs is given (see progress/shared.mjs, PageContext), backed by
 * the state object, which it is also given.
 * @param {App} app @param {HTMLElement} page */
function pageContext(app, page) {
  const { state, doc } = app;
  return {
    info: state.info,
    framework: state.framework,
    win: app.win,
    doc,
    page,
    store: state.store,
    state,
    byId: (/** @type {string} */ id) => doc.getElementById(id),
    announce: (/** @type {string} */ text) => state.announce(text),
    showBanner: (/** @type {string} */ title, /** @type {string} */ text) => state.banner(title, text),
    download: (/** @type {string} */ text, /** @type {string} */ name, /** @type {string} */ type) => download(doc, text, name, type),
    plural: model.plural,
    levelName: (/** @type {number} */ number) => state.levelName(number),
    getAssessment: () => state.assessment,
    open: (/** @type {any} */ next, /** @type {string} */ how) => state.open(next, how),
    changed: () => state.changed(),
    printAs: (/** @type {string} */ what) => printAs(doc, what),
    withMore: app.withMore,
  };
}

/** Starts the hub's later parts on their roots in page and brings them up to the assessment open
 * now (they missed the event of its opening). @param {App} app @param {HTMLElement} page
 * @returns {{stop: () => void}} */
export function startHub(app, page) {
  /** @param {string} name */
  const rootOf = (name) => /** @type {HTMLElement | null} */ (page.querySelector(`[data-module="${name}"]`));
  const own = [MigrationNotice, Transfer, StartAgain].flatMap((Module) => {
    const root = rootOf(Module.moduleName);
    return root ? [new Module(root, app)] : [];
  });
  const progress = attachProgress(pageContext(app, page));
  /** @type {StateEvent} */
  const opened = app.state.lastOpened || { type: "opened", how: "load", migration: null };
  own.forEach((component) => component.update(opened));
  progress.update(opened);
  return {
    stop: () => {
      own.forEach((component) => component.stop());
      progress.stop();
    },
  };
}
