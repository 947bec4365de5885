/* What every component of the form page adds to the shared Component (ui/component.mjs): it
 * follows the page's state object (state.mjs) through update(event), from construction to stop().
 */

import { Component } from "../ui/component.mjs";

/** @typedef {import("./state.mjs").FormState} FormState */
/** @typedef {import("./state.mjs").StateEvent} StateEvent */

/**
 * What the page gives each component.
 * @typedef {object} App
 * @property {FormState} state
 * @property {Document} doc
 * @property {(action: () => void) => void} withMore runs action once assess-more.js is loaded
 */

/** @template {App} [Context=App] @extends {Component<Context>} */
export class FormComponent extends Component {
  /** @param {HTMLElement} root @param {Context} app */
  constructor(root, app) {
    super(root, app);
    this.app = app;
    this.state = app.state;
    this.keep(app.state.subscribe((event) => this.update(event)));
  }

  /** Called with each event of the state object. @param {StateEvent} _event */
  update(_event) {}

  /** The element inside the root with this id. @param {string} id @returns {any} */
  byId(id) {
    return this.root.querySelector("#" + id);
  }
}
