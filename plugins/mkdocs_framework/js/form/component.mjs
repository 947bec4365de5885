/* What every component of the form page shares (GOV.UK Frontend style): it is constructed on its
 * root element (the one with its data-module attribute), finds its elements inside that root,
 * keeps its own state on the instance, and follows the page's state object (state.mjs) through
 * update(event). stop() removes everything it listens to, for Material's instant navigation.
 */

/** @typedef {import("./state.mjs").FormState} FormState */
/** @typedef {import("./state.mjs").StateEvent} StateEvent */

/**
 * What the page gives each component.
 * @typedef {object} App
 * @property {FormState} state
 * @property {Document} doc
 * @property {(action: () => void) => void} withMore runs action once assess-more.js is loaded
 */

export class Component {
  /** @param {HTMLElement} root @param {App} app */
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.state = app.state;
    this.doc = app.doc;
    /** @type {(() => void)[]} */
    this.undo = [app.state.subscribe((event) => this.update(event))];
  }

  /** Called with each event of the state object. @param {StateEvent} _event */
  update(_event) {}

  /** The element inside the root with this id. @param {string} id @returns {any} */
  byId(id) {
    return this.root.querySelector("#" + id);
  }

  /** Listens until stop(). @param {EventTarget} target @param {string} type @param {(event: any) => void} handler */
  on(target, type, handler) {
    target.addEventListener(type, handler);
    this.undo.push(() => target.removeEventListener(type, handler));
  }

  stop() {
    this.undo.forEach((undo) => undo());
  }
}
