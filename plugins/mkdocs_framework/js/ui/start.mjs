/* The one way a page starts (as GOV.UK Frontend's initAll does): each kind of page (the form's hub,
 * its steps and Check your answers, the results link, the report, the team and group pages)
 * describes itself as a PageSpec in its own module, and its entry (entries/*.mjs) calls
 * startPage(spec). startPage runs on this page and, with Material's instant navigation, on every
 * page shown after it: it stops the page started before, reads the framework data
 * (#cif-framework), marks <html> with the page's class, shows what works only with script, makes
 * the page's context (with its state object), starts the Announcer and then the page's components
 * in the order listed, runs the page's own start-up, and last marks #cif-framework
 * data-cif-started (its components are listening from then on; tests wait for this mark). A page
 * whose start-up must first wait for something (the form loading the code that brings a record from
 * another version up to date) returns a promise as ready: the mark waits for it, and meanwhile the
 * element is marked data-cif-starting, so the page is never started twice.
 */

import { Announcer, createAll } from "./component.mjs";
import { all, onEveryPage } from "./dom.mjs";
import { frameworkElement, readFramework } from "../core/framework-data.mjs";

/** @typedef {import("./component.mjs").Component<any, any>} AnyComponent */

/**
 * What startPage gives a page's context function: the parts every context holds.
 * @typedef {object} PageParts
 * @property {import("../core/framework-types.mjs").Framework} framework the framework data the page was given (#cif-framework)
 * @property {HTMLElement} page the page's article, the scope its components are found in
 * @property {Window} win
 * @property {Document} doc
 * @property {(text: string) => void} announce reads text out at once (the page's Announcer; nothing without one)
 */

/**
 * A kind of page.
 * @template {import("./component.mjs").Context<any>} C what its components are given
 * @typedef {object} PageSpec
 * @property {string} marker a data-module only this kind of page has: the page is started only where one is
 * @property {string} htmlClass the class <html> gets (the page's print styles follow it)
 * @property {(parts: PageParts) => C} context makes the context, with the page's state object
 * @property {import("./component.mjs").ComponentClass<C>[]} components started in this order, each on every root with its data-module
 * @property {(context: C, components: AnyComponent[]) => Started} [start] what else the page does once
 *   its components listen (reading the address, listening to the window...)
 */

/** What a page's own start-up returns: nothing, what ends it, or that and a promise the page's
 * started mark waits for.
 * @typedef {(() => void) | void | {stop?: () => void, ready?: Promise<unknown>}} Started */

/** @type {(() => void) | null} stops the page started before */
let previous = null;

/** Starts this kind of page now, if this is one, and on every page of its kind shown after it.
 * @template {import("./component.mjs").Context<any>} C @param {PageSpec<C>} spec */
export function startPage(spec) {
  onEveryPage(() => {
    const stop = startOn(document, spec);
    if (!stop) return;
    if (previous) previous();
    previous = stop;
  });
}

/** Starts the page in doc if it is of this kind and not started yet; returns what stops it, or
 * null when there is nothing to start.
 * @template {import("./component.mjs").Context<any>} C @param {Document} doc @param {PageSpec<C>} spec
 * @returns {(() => void) | null} */
export function startOn(doc, spec) {
  const data = frameworkElement(doc);
  if (!data || data.hasAttribute("data-cif-started") || data.hasAttribute("data-cif-starting")) return null;
  if (!doc.querySelector(`[data-module="${spec.marker}"]`)) return null;
  data.setAttribute("data-cif-starting", "");
  const page = /** @type {HTMLElement} */ (data.closest("article") || doc.body);
  const win = /** @type {Window} */ (doc.defaultView);
  doc.documentElement.classList.add(spec.htmlClass);
  for (const node of all(page, ".cif-nojs")) node.hidden = true;
  for (const node of all(page, ".cif-js-only")) node.hidden = false;
  /** @type {Announcer | undefined} */
  let announcer;
  const parts = { framework: readFramework(doc), page, win, doc, announce: (/** @type {string} */ text) => announcer?.announce(text) };
  const context = spec.context(parts);
  announcer = /** @type {Announcer | undefined} */ (createAll(Announcer, page, context)[0]);
  const components = [...(announcer ? [announcer] : []), ...spec.components.flatMap((Class) => createAll(Class, page, context))];
  const started = spec.start ? spec.start(context, components) : undefined;
  const waits = started && typeof started === "object" ? started : null;
  const end = typeof started === "function" ? started : waits?.stop;
  // Set last: a page marked started has its components listening (and what it waited for is there).
  const mark = () => {
    data.removeAttribute("data-cif-starting");
    data.setAttribute("data-cif-started", "");
  };
  if (waits?.ready) waits.ready.then(mark, mark);
  else mark();
  return () => {
    if (end) end();
    for (const component of components) component.stop();
  };
}
