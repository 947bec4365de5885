/* The group page's rounds: for each authority with files from more than one round, its baseline
 * and latest round side by side, and the change in each dimension, worked out like for like by the
 * form's own comparison (core/compare.mjs). The series are drawn by series.mjs, loaded with
 * assess-group-more.js when first needed.
 * Hidden when no authority has more than one round.
 */

import { load } from "../ui/loader.mjs";
import { make } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */
/** @typedef {import("./state.mjs").Row} Row */

/** @extends {Component<GroupContext>} */
export class GroupRounds extends Component {
  static moduleName = "cif-group-rounds";
  static elements = { holder: ".cif-group-series" };

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** Counts renders, so a render waiting for the script gives way to a later one. */
    this.generation = 0;
  }

  /** @param {Change} change */
  update(change) {
    if (change !== "view") this.render();
  }

  render() {
    const { state } = this.context;
    const series = state.comparison.rows.filter((row) => row.rounds.length > 1);
    this.generation += 1;
    const generation = this.generation;
    if (!series.length) {
      this.root.hidden = true;
      this.el.holder.textContent = "";
      return;
    }
    load("assess-group-more", this.doc).catch(() => null).then((more) => {
      if (generation !== this.generation) return;
      this.root.hidden = false;
      if (!more) {
        this.el.holder.replaceChildren(make(this.doc, "p", "cif-error-message", "The rounds could not be compared because part of this page did not load. Reload the page and choose the files again."));
        return;
      }
      const fragment = this.doc.createDocumentFragment();
      series.forEach((row, i) => fragment.appendChild(more.seriesSection(this.doc, this.context, row, i)));
      this.el.holder.replaceChildren(fragment);
    });
  }
}
