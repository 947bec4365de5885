/* The team view's display options: large text (for a projector; off at first, so the page never
 * grows as it opens) and hiding names. */

import { Component } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */
/** @typedef {import("./state.mjs").Change} Change */

/** @extends {Component<TeamContext>} */
export class TeamOptions extends Component {
  static moduleName = "cif-team-options";
  static elements = { large: "#cif-team-large", hide: "#cif-team-hide" };

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    this.on(this.el.large, "change", () => {
      context.state.setOption("large", this.el.large.checked);
      context.announce(this.el.large.checked ? "Large text is on." : "Large text is off.");
    });
    this.on(this.el.hide, "change", () => {
      context.state.setOption("hideNames", this.el.hide.checked);
      context.announce(this.el.hide.checked ? "Names are hidden: people are shown as Person 1, Person 2 and so on." : "Names are shown.");
    });
    this.keep(() => this.doc.documentElement.classList.remove("cif-team-large"));
    this.render();
  }

  /** @param {Change} change */
  update(change) {
    if (change === "options") this.render();
  }

  render() {
    const { work } = this.context.state;
    this.el.large.checked = work.large;
    this.el.hide.checked = work.hideNames;
    this.doc.documentElement.classList.toggle("cif-team-large", work.large);
  }
}
