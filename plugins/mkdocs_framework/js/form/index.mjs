/* Self-assessment: the form's hub (assess/index.html): the list of assessments, the assessment's
 * details, the sections (each a step of the form, with its status), results, action plan, progress
 * and keeping a copy. The questions are on the steps (step.mjs). form/page.mjs makes the page's
 * state object and starts the components below and the views of several assessments, progress and
 * the action plan (progress/index.mjs, through attach(context)).
 */

import * as model from "../core/model.mjs";
import { download } from "../ui/dom.mjs";
import { attach as attachProgress } from "./progress/index.mjs";
import { startForm } from "./page.mjs";
import { printAs, PrintResults } from "./print.mjs";
import { Details } from "./answers.mjs";
import { AnsweredCount, Results } from "./results.mjs";
import { Announcer, Banner, SaveStatus, StorageWarning } from "./status.mjs";
import { ContinueLink, SectionStatus } from "./steps.mjs";
import { MigrationNotice } from "./migration.mjs";
import { Transfer } from "./transfer.mjs";
import { StartAgain } from "./start-again.mjs";
import { SharePanel } from "./share-panel.mjs";

/** @typedef {import("./state.mjs").FormState} FormState */

const COMPONENTS = [
  StorageWarning,
  Banner,
  Announcer,
  SaveStatus,
  MigrationNotice,
  Details,
  SectionStatus,
  ContinueLink,
  AnsweredCount,
  PrintResults,
  Results,
  SharePanel,
  Transfer,
  StartAgain,
];

/** The view of the page progress/index.mjs is given (see progress/shared.mjs, PageContext), backed by
 * the state object, which it is also given. progress/index.mjs follows the state object itself.
 * @param {FormState} state @param {HTMLElement} page @param {(action: () => void) => void} withMore */
function pageContext(state, page, withMore) {
  const doc = page.ownerDocument;
  return {
    info: state.info,
    framework: state.framework,
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
    withMore,
  };
}

startForm(COMPONENTS, (state, page, withMore) => attachProgress(pageContext(state, page, withMore)));
