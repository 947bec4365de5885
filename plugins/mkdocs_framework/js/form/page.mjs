/* What every page of the self-assessment form shares (the hub assess/index.html, each step
 * assess/<dimension>.html and assess/check.html): it makes the page's state object (state.mjs) for
 * the assessment open in this tab, starts the page's components (init.mjs) and any extension
 * (the hub's parts that come with assess-more.js), and stops them all when Material's instant
 * navigation shows another page. User text is only ever set with textContent or form values.
 *
 * A record from another version of the framework is carried to this one by core/migrate.mjs, which
 * comes with assess-more.js: when the device holds such a record, the page loads that first, then
 * opens the assessment (a page marked data-cif-started has it open).
 */

import * as model from "../core/model.mjs";
import * as storage from "../core/storage.mjs";
import { all, onEveryPage } from "../ui/dom.mjs";
import { load } from "../ui/loader.mjs";
import { readFramework } from "../core/framework-data.mjs";
import { FormState } from "./state.mjs";
import { initAll } from "./init.mjs";
import { keepInFile } from "./file-hook.mjs";

/** @typedef {import("./component.mjs").App} App */
/** @typedef {import("./component.mjs").LaterModules} LaterModules */
/** @typedef {import("../ui/component.mjs").ComponentClass<App>} ComponentClass */
/** Starts more of the page once its assessment is open; returns stop, and may wait for something first
 * (the page is marked started once it is done). @typedef {(app: App, page: HTMLElement) => {stop: () => void, ready?: Promise<void>}} Extension */

/** @type {(() => void) | null} stops the page shown before an instant navigation */
let previous = null;

/** Starts the form on this page and on every page Material's instant navigation shows after it.
 * @param {ComponentClass[]} components the components this kind of page has
 * @param {Extension} [extend] starts more of the page (the hub's parts in assess-more.js) */
export function startForm(components, extend) {
  onEveryPage(() => {
    const doc = window.document;
    const dataNode = doc.getElementById("cif-framework");
    if (!dataNode || dataNode.hasAttribute("data-cif-started") || dataNode.hasAttribute("data-cif-starting")) return;
    // Marked at once, so the same page is never started twice while the migration loads.
    dataNode.setAttribute("data-cif-starting", "");
    if (previous) previous();
    previous = createPage(doc, dataNode, components, extend);
  });
}

/** @param {Document} doc @param {HTMLElement} dataNode @param {ComponentClass[]} list @param {Extension} [extend]
 * @returns {() => void} stop */
function createPage(doc, dataNode, list, extend) {
  const framework = readFramework(doc);
  const page = /** @type {HTMLElement} */ (dataNode.closest("article") || doc.body);
  const state = new FormState(framework, storage.createStore(() => window.localStorage, framework.id, () => window.sessionStorage));
  let stopped = false;
  /** The modules of assess-more.js, which also carry the state's records from other versions.
   * @returns {Promise<LaterModules>} */
  const more = () =>
    load("assess-more", doc).then((modules) => {
      state.migrate = modules.migrateAssessment;
      return modules;
    });
  /** Runs action once assess-more.js is loaded, or says it could not be. @type {App["withMore"]} */
  const withMore = (action) =>
    more().then(
      (modules) => {
        if (!stopped) action(modules);
      },
      () => {
        const text =
          "Check your internet connection and try again." + (state.storageProblem ? "" : " Your answers are still saved on this device.");
        state.banner("This part of the form could not be loaded", text);
      }
    );
  const win = /** @type {Window} */ (doc.defaultView);
  /** @type {App} */
  const app = { win, doc, page, framework, state, withMore, announce: (text) => state.announce(text) };

  doc.documentElement.classList.add("cif-js");
  all(page, ".cif-nojs").forEach((node) => (node.hidden = true));
  all(page, ".cif-js-only, .cif-save-status, #cif-progress").forEach((node) => (node.hidden = false));

  const components = initAll(page, app, list);
  /** @type {{stop: () => void}[]} */
  const extensions = [];

  /** Another window changed the saved answers. @param {StorageEvent} event */
  const onStorage = (event) => {
    if (event.key !== state.store.keys.assessments && event.key !== state.store.keys.settings) return;
    if (state.reload()) state.announce("This assessment was changed in another window or tab. This page now shows the changes.");
  };
  window.addEventListener("storage", onStorage);
  /** Work the browser would not save is lost when the page goes: the browser asks first. @param {BeforeUnloadEvent} event */
  const onLeave = (event) => {
    if (state.storageProblem && model.hasContent(state.assessment)) event.preventDefault();
  };
  window.addEventListener("beforeunload", onLeave);
  /** A paste longer than the field holds is cut by the browser: the field says so (form/pasted.mjs).
   * @param {ClipboardEvent} event */
  const onPaste = (event) => {
    const field = /** @type {HTMLTextAreaElement} */ (event.target);
    const text = event.clipboardData ? event.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n") : "";
    const over = text.length - field.maxLength + field.value.length - (field.selectionEnd || 0) + (field.selectionStart || 0);
    if (field.maxLength > 0 && over > 0) withMore((modules) => modules.pasteCut(field, over));
  };
  page.addEventListener("paste", onPaste);
  let stopFileKeeping = () => {};

  const open = () => {
    if (stopped) return;
    state.load();
    stopFileKeeping = keepInFile(app);
    const extension = extend ? extend(app, page) : null;
    if (extension) extensions.push(extension);
    // Set last: a page marked started has its assessment open and its components listening (tests wait for this mark).
    const started = () => stopped || dataNode.setAttribute("data-cif-started", "");
    if (extension && extension.ready) extension.ready.then(started);
    else started();
  };
  // A record from another version needs the migration first; the page opens either way (without
  // it, such a record is left as it is, and the form says the part could not be loaded).
  if (state.needsMigration()) withMore(() => {}).then(open);
  else open();

  return () => {
    stopped = true;
    stopFileKeeping();
    extensions.forEach((extension) => extension.stop());
    components.forEach((component) => component.stop());
    window.removeEventListener("storage", onStorage);
    window.removeEventListener("beforeunload", onLeave);
    page.removeEventListener("paste", onPaste);
  };
}
