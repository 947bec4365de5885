/* Components in the manner of GOV.UK Frontend (its character-count.mjs and init.mjs): one class per
 * region of a page, constructed on its root element, which the template marks with
 * data-module="<the class's moduleName>"; the component finds its elements inside that root and
 * keeps its state on the instance. createAll starts one on every such root in a scope.
 * Used by the group comparison page and the shared results page.
 */

import { all } from "../dom.mjs";

/** A region of a page, on its root element. */
export class Component {
  /** The data-module value of the roots this component is started on. */
  static moduleName = "";

  /** @param {HTMLElement} root */
  constructor(root) {
    const name = /** @type {typeof Component} */ (this.constructor).moduleName;
    // Marked as started, so a root is never given two components (as govuk-frontend does).
    if (root.hasAttribute(`data-${name}-init`)) throw new Error(`${name} is already started on this element`);
    root.setAttribute(`data-${name}-init`, "");
    this.root = root;
    this.doc = root.ownerDocument;
  }

  /** The element inside the root that selector finds; the template must have it.
   * @param {string} selector @returns {any} */
  find(selector) {
    const node = this.root.querySelector(selector);
    if (!node) throw new Error(`${selector} is missing from ${/** @type {typeof Component} */ (this.constructor).moduleName}`);
    return node;
  }

  /** Removes the listeners the component put outside its root (on the window or document). */
  stop() {}
}

/**
 * Starts the component on every root in scope marked with its data-module and not yet started.
 * @template {Component} C @template A
 * @param {{new (root: HTMLElement, context: A): C, moduleName: string}} Class
 * @param {ParentNode} scope @param {A} context @returns {C[]}
 */
export function createAll(Class, scope, context) {
  /** @type {HTMLElement[]} */
  const roots = all(scope, `[data-module="${Class.moduleName}"]`);
  return roots
    .filter((root) => !root.hasAttribute(`data-${Class.moduleName}-init`))
    .map((root) => new Class(root, context));
}

/** A button that prints the page (the charts redraw themselves at the print width). */
export class PrintButton extends Component {
  static moduleName = "cif-print";

  /** @param {HTMLElement} root the button */
  constructor(root) {
    super(root);
    root.addEventListener("click", () => root.ownerDocument.defaultView?.print());
  }
}

/** Shows what only works with script, and hides what stands in for it without script.
 * @param {HTMLElement} page */
export function showScriptParts(page) {
  for (const node of all(page, ".cif-nojs")) node.hidden = true;
  for (const node of all(page, ".cif-js-only")) node.hidden = false;
}

/** A live region that screen readers read out: cleared, then filled a moment later, so the same
 * words twice are still read twice. */
export class Announcer extends Component {
  static moduleName = "cif-announcer";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /** @param {string} text */
  announce(text) {
    clearTimeout(this.timer);
    this.root.textContent = "";
    this.timer = setTimeout(() => {
      this.root.textContent = text;
    }, 100);
  }

  stop() {
    clearTimeout(this.timer);
  }
}
