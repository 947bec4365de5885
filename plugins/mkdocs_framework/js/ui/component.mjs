/* Components in the manner of GOV.UK Frontend (its character-count.mjs and init.mjs): one class per
 * region of a page, constructed on its root element, which the template marks with
 * data-module="<the class's moduleName>"; the component finds its elements inside that root and
 * keeps its state on the instance. createAll starts one on every such root in a scope, and
 * startEveryPage starts a whole page's components, with Material's instant navigation too.
 * Every page's components extend Component: the form's through FormComponent (form/component.mjs).
 */

import { all, find, onEveryPage } from "./dom.mjs";

/**
 * A region of a page, on its root element, given what the page shares with its components.
 * @template [Context=any]
 */
export class Component {
  /** The data-module value of the roots this component is started on. */
  static moduleName = "";

  /** @param {HTMLElement} root @param {Context} [context] */
  constructor(root, context) {
    const name = /** @type {typeof Component} */ (this.constructor).moduleName;
    // Marked as started, so a root is never given two components (as govuk-frontend does).
    if (root.hasAttribute(`data-${name}-init`)) throw new Error(`${name} is already started on this element`);
    root.setAttribute(`data-${name}-init`, "");
    this.root = root;
    this.doc = root.ownerDocument;
    this.context = context;
    /** @type {(() => void)[]} what stop() undoes */
    this.undo = [];
  }

  /** The element inside the root that selector finds; the template must have it.
   * @param {string} selector @returns {any} */
  find(selector) {
    return find(this.root, selector);
  }

  /** Listens until stop().
   * @param {EventTarget} target @param {string} type @param {(event: any) => void} handler */
  on(target, type, handler) {
    target.addEventListener(type, handler);
    this.undo.push(() => target.removeEventListener(type, handler));
  }

  /** Keeps until stop() something that a function ends, such as a subscription to the page's state.
   * @param {() => void} end */
  keep(end) {
    this.undo.push(end);
  }

  /** Ends everything the component listens to, for when another page is shown. */
  stop() {
    for (const end of this.undo.splice(0)) end();
  }
}

/** Lets a box take files dragged onto it, for as long as the component runs. Files dropped
 * anywhere else on the page are caught, so a near miss never opens a file in place of the page;
 * only drops on the box are read, and handed to take.
 * @param {Component<any>} component @param {HTMLElement} box @param {(files: FileList) => void} take */
export function acceptDroppedFiles(component, box, take) {
  const hasFiles = (/** @type {DragEvent} */ event) => Array.from(event.dataTransfer?.types || []).includes("Files");
  const inBox = (/** @type {EventTarget | null} */ target) => Boolean(target) && box.contains(/** @type {Node} */ (target));
  component.on(component.doc, "dragover", (/** @type {DragEvent} */ event) => {
    if (!hasFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    const over = inBox(event.target);
    event.dataTransfer.dropEffect = over ? "copy" : "none";
    box.classList.toggle("cif-dropzone--over", over);
  });
  component.on(box, "dragleave", (/** @type {DragEvent} */ event) => {
    if (!inBox(event.relatedTarget)) box.classList.remove("cif-dropzone--over");
  });
  component.on(component.doc, "drop", (/** @type {DragEvent} */ event) => {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    box.classList.remove("cif-dropzone--over");
    if (inBox(event.target)) take(event.dataTransfer.files);
  });
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
    this.on(root, "click", () => this.doc.defaultView?.print());
  }
}

/** Text that screen readers read out from a live region: cleared, then filled a moment later, so the
 * same words twice are still read twice. With a wait, only the last of quick successive texts is
 * read (so arrowing through a radio group is not read out option by option). */
export class LiveRegion {
  /** @param {HTMLElement} element */
  constructor(element) {
    this.element = element;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /** @param {string} text @param {number} [wait] milliseconds to let things settle first */
  say(text, wait = 0) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.element.textContent = "";
      this.timer = setTimeout(() => (this.element.textContent = text), 50);
    }, wait);
  }

  stop() {
    clearTimeout(this.timer);
  }
}

/** A page's live region as a component: announce(text) reads text out. */
export class Announcer extends Component {
  static moduleName = "cif-announcer";

  /** @param {HTMLElement} root */
  constructor(root) {
    super(root);
    this.region = new LiveRegion(root);
    this.keep(() => this.region.stop());
  }

  /** @param {string} text */
  announce(text) {
    this.region.say(text);
  }
}

/**
 * What a page's start function is given: the framework embedded in the page, the page's article
 * (the scope its components are looked up in) and its window.
 * @typedef {{framework: any, page: HTMLElement, win: Window, doc: Document}} PageParts
 */

/**
 * Starts a page's components whenever a page with an unstarted `marker` module is shown (with
 * Material's instant navigation, on every page shown), after stopping the components of the page
 * started before. Before start runs, the page's root element gets htmlClass (its print styles
 * follow it), and what works only with script is shown in place of what stands in for it.
 * @param {string} marker a data-module of the page @param {string} htmlClass
 * @param {(parts: PageParts) => Component[]} start starts the components; returns them
 */
export function startEveryPage(marker, htmlClass, start) {
  /** @type {Component[]} */
  let previous = [];
  onEveryPage(() => {
    const doc = document;
    const root = doc.querySelector(`[data-module="${marker}"]`);
    if (!root || root.hasAttribute(`data-${marker}-init`)) return;
    for (const component of previous) component.stop();
    const data = /** @type {HTMLElement} */ (doc.getElementById("cif-framework"));
    const page = data.closest("article") || doc.body;
    doc.documentElement.classList.add(htmlClass);
    for (const node of all(page, ".cif-nojs")) node.hidden = true;
    for (const node of all(page, ".cif-js-only")) node.hidden = false;
    const win = /** @type {Window} */ (doc.defaultView);
    previous = start({ framework: JSON.parse(data.textContent || ""), page, win, doc });
  });
}
