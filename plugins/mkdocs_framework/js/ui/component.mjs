/* Components in the manner of GOV.UK Frontend (its component.mjs, character-count.mjs and
 * init.mjs): one class per region of a page, constructed on its root element, which the template
 * marks with data-module="<the class's moduleName>". A component finds its elements inside that
 * root (its static elements name them), reads its options from data-* attributes on the root (its
 * static defaults name them), keeps its state on the instance, and follows the page's state object
 * through update(event), from construction to stop(). Every page is started by startPage (ui/start.mjs), which makes the
 * page's context and starts its components with createAll.
 */

import { all, find } from "./dom.mjs";

/**
 * A page's state object, as its components see it: it tells every subscriber of each change, with
 * one event saying what changed (each kind of page has its own events).
 * @template [E=unknown]
 * @typedef {{subscribe(listener: (event: E) => void): () => void}} PageState
 */

/**
 * What every component of a page is given; each kind of page adds its own fields to it.
 * @template [E=unknown] the events of the page's state object
 * @typedef {object} Context
 * @property {Window} win
 * @property {Document} doc
 * @property {HTMLElement} page the page's article: the scope its components are found in
 * @property {import("../core/framework-types.mjs").Framework} framework the framework data the page was given
 * @property {PageState<E>} state the page's state object: each component hears of its changes in update(event)
 * @property {(text: string) => void} announce reads text out to screen reader users (the page's Announcer)
 */

/** A component's options: each read from the root's data-* attribute of the same name (formHref
 * from data-form-href), as a string, number or true/false like its default.
 * @typedef {Record<string, string | number | boolean>} Options */

/**
 * A region of a page, on its root element, given what the page shares with its components.
 * @template {Context<any>} [C=Context<any>] what the page gives
 * @template {Options} [O=Options] the component's options (its class's static defaults)
 */
export class Component {
  /** The data-module value of the roots this component is started on. */
  static moduleName = "";

  /** The component's options and their values when the root has no data-* attribute for them.
   * @type {Options} */
  static defaults = {};

  /** The elements inside the root that the component uses, by name: a selector each, which the
   * template must match (see find). @type {Record<string, string>} */
  static elements = {};

  /** @param {HTMLElement} root @param {C} context */
  constructor(root, context) {
    const Class = /** @type {typeof Component} */ (this.constructor);
    const name = Class.moduleName;
    // Marked as started, so a root is never given two components (as govuk-frontend does).
    if (root.hasAttribute(`data-${name}-init`)) throw new Error(`${name} is already started on this element`);
    root.setAttribute(`data-${name}-init`, "");
    this.root = root;
    this.doc = root.ownerDocument;
    this.context = context;
    this.options = /** @type {O} */ (readOptions(root, Class.defaults));
    /** The elements named in the class's static elements, found in the root. @type {Record<string, any>} */
    this.el = Object.fromEntries(Object.entries(Class.elements).map(([key, selector]) => [key, find(root, selector)]));
    /** @type {(() => void)[]} what stop() undoes */
    this.undo = [];
    this.keep(context.state.subscribe((event) => this.update(event)));
  }

  /** Called with each event of the page's state object; each component that shows the state
   * implements it. @param {unknown} _event */
  update(_event) {}

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

  /** Keeps until stop() something that a function ends, such as a timer or a sizer.
   * @param {() => void} end */
  keep(end) {
    this.undo.push(end);
  }

  /** Ends everything the component listens to, for when another page is shown. */
  stop() {
    for (const end of this.undo.splice(0)) end();
  }
}

/**
 * A component class: what createAll and startPage are given.
 * @template {Context<any>} C
 * @typedef {{new (root: HTMLElement, context: C): Component<any, any>, moduleName: string}} ComponentClass
 */

/** The options named in defaults, each from the root's data-* attribute of that name when it has
 * one ("true"/"false" for a true/false option, a number for a number), else its default.
 * @template {Options} O @param {HTMLElement} root @param {O} defaults @returns {O} */
export function readOptions(root, defaults) {
  /** @type {Options} */
  const options = { ...defaults };
  for (const [key, fallback] of Object.entries(defaults)) {
    const text = root.dataset[key];
    if (text === undefined) continue;
    if (typeof fallback === "boolean") options[key] = text !== "false";
    else if (typeof fallback === "number") options[key] = Number.isFinite(Number(text)) && text.trim() !== "" ? Number(text) : fallback;
    else options[key] = text;
  }
  return /** @type {O} */ (options);
}

/**
 * Starts the component on every root in scope marked with its data-module and not yet started.
 * @template {Context<any>} C
 * @param {ComponentClass<C>} Class @param {ParentNode} scope @param {C} context @returns {Component<any, any>[]}
 */
export function createAll(Class, scope, context) {
  /** @type {HTMLElement[]} */
  const roots = all(scope, `[data-module="${Class.moduleName}"]`);
  return roots.filter((root) => !root.hasAttribute(`data-${Class.moduleName}-init`)).map((root) => new Class(root, context));
}

/** Lets a box take files dragged onto it, for as long as the component runs. Files dropped
 * anywhere else on the page are caught, so a near miss never opens a file in place of the page;
 * only drops on the box are read, and handed to take.
 * @param {Component<any, any>} component @param {HTMLElement} box @param {(files: FileList) => void} take */
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

/** A button that prints the page (the charts redraw themselves at the print width). The root is
 * the button, or holds it. */
export class PrintButton extends Component {
  static moduleName = "cif-print";

  /** @param {HTMLElement} root @param {Context<any>} context */
  constructor(root, context) {
    super(root, context);
    this.on(root, "click", (event) => {
      if (event.target instanceof Element && event.target.closest("button")) context.win.print();
    });
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

/** How long the Announcer lets things settle before reading out what the page's state announced
 * (milliseconds), so arrowing through a radio group is not read out option by option. */
export const SETTLE = 600;

/** The page's live region (the element marked data-module="cif-announcer", polite and atomic):
 * context.announce(text) reads text out at once (startPage wires it to this component); an event
 * of the page's state {type: "announce", text} is read out once things settle (SETTLE). */
export class Announcer extends Component {
  static moduleName = "cif-announcer";

  /** @param {HTMLElement} root @param {Context<any>} context */
  constructor(root, context) {
    super(root, context);
    this.region = new LiveRegion(root);
    this.keep(() => this.region.stop());
  }

  /** @param {string} text @param {number} [wait] milliseconds to let things settle first */
  announce(text, wait = 0) {
    this.region.say(text, wait);
  }

  /** @param {unknown} event */
  update(event) {
    const said = /** @type {{type?: unknown, text?: unknown} | null} */ (event);
    if (said && typeof said === "object" && said.type === "announce" && typeof said.text === "string") this.announce(said.text, SETTLE);
  }
}
