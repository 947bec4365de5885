/* Self-assessment: the page (assess/index.html). Makes the page's state object (form/state.mjs),
 * starts the components of the form (form/init.mjs) and the views of several assessments, progress
 * and the action plan (progress/index.mjs, through attach(context)), and stops them all when Material's
 * instant navigation shows another page. User text is only ever set with textContent or form values.
 */

import * as model from "../core/model.mjs";
import * as storage from "../core/storage.mjs";
import { all, download, onEveryPage } from "../ui/dom.mjs";
import { load as loadLater, later as loadedLater } from "./later.mjs";
import { attach as attachProgress } from "./progress/index.mjs";
import { FormState } from "./state.mjs";
import { initAll } from "./init.mjs";
import { printAs } from "./print.mjs";

/** @type {(() => void) | null} stops the page shown before an instant navigation */
let previous = null;

function start() {
  const doc = window.document;
  const dataNode = doc.getElementById("cif-framework");
  if (!dataNode || dataNode.hasAttribute("data-cif-started")) return;
  dataNode.setAttribute("data-cif-started", "");
  if (previous) previous();
  previous = createPage(doc, dataNode);
}

/** @param {Document} doc @param {HTMLElement} dataNode @returns {() => void} stop */
function createPage(doc, dataNode) {
  const framework = JSON.parse(dataNode.textContent);
  const page = dataNode.closest("article") || doc.body;
  const moreUrl = new URL(dataNode.getAttribute("data-more"), doc.baseURI).href;
  const state = new FormState(framework, storage.createStore(() => window.localStorage, framework.id, () => window.sessionStorage));
  /** Runs action once assess-more.js is loaded, or says it could not be. @param {() => void} action */
  const withMore = (action) =>
    loadLater(doc, moreUrl, (ok) => {
      if (ok) action();
      else {
        const text =
          "Check your internet connection and try again." + (state.storageProblem ? "" : " Your answers are still saved on this device.");
        state.banner("This part of the form could not be loaded", text);
      }
    });

  doc.documentElement.classList.add("cif-js");
  all(page, ".cif-nojs").forEach((node) => (node.hidden = true));
  all(page, ".cif-js-only, .cif-save-status, #cif-progress").forEach((node) => (node.hidden = false));

  const components = initAll(page, { state, doc, withMore });
  /* progress/index.mjs follows the state object it is given in context.state (its refresh() hook is
   * not called as well: that would draw the library, comparison and plan twice per keystroke). */
  /** @type {{stop?: () => void}[]} */
  const extensions = [attachProgress(pageContext(state, page, withMore)) || {}];

  /* Another window changed the saved answers. @param {StorageEvent} event */
  const onStorage = (event) => {
    if (event.key !== state.store.keys.assessments && event.key !== state.store.keys.settings) return;
    if (state.reload()) state.announce("This assessment was changed in another window or tab. This page now shows the changes.");
  };
  window.addEventListener("storage", onStorage);
  /* Work the browser would not save is lost when the page goes: the browser asks first. @param {BeforeUnloadEvent} event */
  const onLeave = (event) => {
    if (state.storageProblem && model.hasContent(state.assessment)) event.preventDefault();
  };
  window.addEventListener("beforeunload", onLeave);
  /* A paste longer than the field holds is cut by the browser: the field says so (form/pasted.mjs).
   * @param {ClipboardEvent} event */
  const onPaste = (event) => {
    const field = /** @type {HTMLTextAreaElement} */ (event.target);
    const text = event.clipboardData ? event.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n") : "";
    const over = text.length - field.maxLength + field.value.length - (field.selectionEnd || 0) + (field.selectionStart || 0);
    if (field.maxLength > 0 && over > 0) withMore(() => loadedLater().pasteCut(field, over));
  };
  page.addEventListener("paste", onPaste);
  state.load();

  return () => {
    extensions.forEach((extension) => extension.stop && extension.stop());
    components.forEach((component) => component.stop());
    window.removeEventListener("storage", onStorage);
    window.removeEventListener("beforeunload", onLeave);
  };
}

/** The view of the page progress/index.mjs is given (see progress/shared.mjs, PageContext), backed by
 * the state object, which it is also given.
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

onEveryPage(start);
