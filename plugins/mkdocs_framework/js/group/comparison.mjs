/* The group page's comparison section: shown once there are files, with the sentence that sums
 * it up and the "Hide authority names" option. The heatmap, spread and profiles inside it are
 * components of their own.
 */

import { Component } from "../ui/component.mjs";
import { summary } from "./text.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */

/** @extends {Component<GroupContext>} */
export class GroupComparison extends Component {
  static moduleName = "cif-group-comparison";

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLElement} */
    this.waiting = this.find(".cif-group-waiting");
    /** @type {HTMLElement} */
    this.results = this.find(".cif-group-results");
    /** @type {HTMLElement} */
    this.summary = this.find(".cif-group-summary");
    /** @type {HTMLInputElement} */
    this.hide = this.find(".cif-group-controls input[type=checkbox]");
    this.on(this.hide, "change", () => this.onHide());
    this.keep(context.state.subscribe(() => this.render()));
  }

  render() {
    const { rows } = this.context.state.comparison;
    this.waiting.hidden = rows.length > 0;
    this.results.hidden = rows.length === 0;
    if (rows.length) this.summary.textContent = summary(rows);
  }

  onHide() {
    this.context.state.setHideNames(this.hide.checked);
    this.context.announce(this.hide.checked ? "Authority names are hidden." : "Authority names are shown.");
  }
}
