/* What every page of the self-assessment form shares (the hub assess/index.html, each step
 * assess/<dimension>.html and assess/check.html): it makes the page's state object (state.mjs) for
 * the assessment open in this tab, starts the page's components (init.mjs) and any extension
 * (the hub's library, progress and action plan), and stops them all when Material's instant
 * navigation shows another page. User text is only ever set with textContent or form values.
 */

import * as model from "../core/model.mjs";
import * as storage from "../core/storage.mjs";
import { all, onEveryPage } from "../ui/dom.mjs";
import { load as loadLater, later as loadedLater } from "./later.mjs";
import { FormState } from "./state.mjs";
import { initAll } from "./init.mjs";
import { keepInFile } from "./file-hook.mjs";

/** @typedef {import("./component.mjs").FormComponent} FormComponent */
/** @typedef {import("./component.mjs").App} App */
/** @typedef {new (root: HTMLElement, app: App) => FormComponent} ComponentClass */
/** @typedef {(state: import("./state.mjs").FormState, page: HTMLElement, withMore: (action: () => void) => void) => {stop?: () => void}} Extension */

/** @type {(() => void) | null} stops the page shown before an instant navigation */
let previous = null;

/** Starts the form on this page and on every page Material's instant navigation shows after it.
 * @param {ComponentClass[]} components the components this kind of page has
 * @param {Extension} [extend] starts more of the page (the hub's library, progress and plan) */
export function startForm(components, extend) {
  onEveryPage(() => {
    const doc = window.document;
    const dataNode = doc.getElementById("cif-framework");
    if (!dataNode || dataNode.hasAttribute("data-cif-started")) return;
    if (previous) previous();
    previous = createPage(doc, dataNode, components, extend);
    // Set last: a page marked started has its components listening (tests wait for this mark).
    dataNode.setAttribute("data-cif-started", "");
  });
}

/** @param {Document} doc @param {HTMLElement} dataNode @param {ComponentClass[]} list @param {Extension} [extend]
 * @returns {() => void} stop */
function createPage(doc, dataNode, list, extend) {
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

  const components = initAll(page, { state, doc, withMore }, list);
  /** @type {{stop?: () => void}[]} */
  const extensions = extend ? [extend(state, page, withMore) || {}] : [];

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
  const stopFileKeeping = keepInFile(state, doc, withMore);

  return () => {
    stopFileKeeping();
    extensions.forEach((extension) => extension.stop && extension.stop());
    components.forEach((component) => component.stop());
    window.removeEventListener("storage", onStorage);
    window.removeEventListener("beforeunload", onLeave);
    page.removeEventListener("paste", onPaste);
  };
}
