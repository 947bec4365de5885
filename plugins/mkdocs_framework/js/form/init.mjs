/* Starts the form page's components (govuk-frontend's init.mjs, in small): each element inside
 * scope with a data-module attribute that names one of the page's components gets it, in the order
 * of the page. Other data-module names (the hub's parts that come with assess-more.js:
 * hub-more.mjs) are left to their own code. Each kind of page lists its components (index.mjs for
 * the hub, step.mjs for the steps and Check your answers), so a page's bundle holds only what it uses. */

import { all } from "../ui/dom.mjs";

/** @typedef {import("./component.mjs").App} App */
/** @typedef {import("../ui/component.mjs").Component<any, any>} AnyComponent */

/** Starts the component of every root in scope marked with a data-module of one of components, in
 * the order of the page (so they hear of each change in that order).
 * @param {ParentNode} scope @param {App} app @param {import("../ui/component.mjs").ComponentClass<App>[]} components
 * @returns {AnyComponent[]} */
export function initAll(scope, app, components) {
  const byName = new Map(components.map((Module) => [Module.moduleName, Module]));
  /** @type {HTMLElement[]} */
  const roots = all(scope, "[data-module]");
  return roots.flatMap((root) => {
    const Module = byName.get(root.getAttribute("data-module") || "");
    return Module ? [new Module(root, app)] : [];
  });
}
