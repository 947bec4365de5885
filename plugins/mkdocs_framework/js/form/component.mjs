/* What every component of the form page is given (App: the shared Context of ui/component.mjs,
 * with the form's state object, state.mjs, and its loader of first-use code). Each component
 * follows the state through update(event), from construction to stop(), as every page's do. */

import { Component } from "../ui/component.mjs";

/** @typedef {import("./state.mjs").FormState} FormState */
/** @typedef {import("./state.mjs").StateEvent} StateEvent */
/** @typedef {typeof import("./more.mjs")} LaterModules */

/**
 * What the page gives each component.
 * @typedef {import("../ui/component.mjs").Context<StateEvent> & {
 *   state: FormState,
 *   withMore: (action: (more: LaterModules) => void) => Promise<void>,
 * }} App
 *   withMore runs action with the modules of assess-more.js once it is loaded (ui/loader.mjs), or
 *   shows the banner saying it could not be
 */

/** @template {App} [Context=App] @extends {Component<Context>} */
export class FormComponent extends Component {
  /** @param {HTMLElement} root @param {Context} app */
  constructor(root, app) {
    super(root, app);
    this.app = app;
    this.state = app.state;
  }

  /** Called with each event of the state object. @param {any} _event */
  update(_event) {}

  /** The element inside the root with this id. @param {string} id @returns {any} */
  byId(id) {
    return this.root.querySelector("#" + id);
  }
}
