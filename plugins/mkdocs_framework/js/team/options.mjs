/* The team view's display options: large text (for a projector; off at first, so the page never
 * grows as it opens) and hiding names. */

import { Component } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */

/** @extends {Component<TeamContext>} */
export class TeamOptions extends Component {
  static moduleName = "cif-team-options";

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLInputElement} */
    this.large = this.find("#cif-team-large");
    /** @type {HTMLInputElement} */
    this.hide = this.find("#cif-team-hide");
    this.on(this.large, "change", () => {
      context.state.setOption("large", this.large.checked);
      context.announce(this.large.checked ? "Large text is on." : "Large text is off.");
    });
    this.on(this.hide, "change", () => {
      context.state.setOption("hideNames", this.hide.checked);
      context.announce(this.hide.checked ? "Names are hidden: people are shown as Person 1, Person 2 and so on." : "Names are shown.");
    });
    this.keep(context.state.subscribe((change) => change === "options" && this.render()));
    this.keep(() => this.doc.documentElement.classList.remove("cif-team-large"));
    this.render();
  }

  render() {
    const { work } = this.context.state;
    this.large.checked = work.large;
    this.hide.checked = work.hideNames;
    this.doc.documentElement.classList.toggle("cif-team-large", work.large);
  }
}
