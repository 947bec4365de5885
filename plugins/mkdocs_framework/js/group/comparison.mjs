/* The group page's comparison section: shown once there are files, with the sentence that sums
 * it up and the option to hide the organisations' names ("Hide authority names", in the
 * framework's words), and the combined CSV. The heatmap, spread, criteria, rounds and profiles
 * inside it are components of their own.
 */

import { Component } from "../ui/component.mjs";
import { summary } from "./text.mjs";
import { capitalise, terms } from "../core/terms.mjs";
import { load } from "../ui/loader.mjs";
import { plural } from "../core/model.mjs";
import { download } from "../ui/dom.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */

/** @extends {Component<GroupContext>} */
export class GroupComparison extends Component {
  static moduleName = "cif-group-comparison";
  static elements = { waiting: ".cif-group-waiting", results: ".cif-group-results", summary: ".cif-group-summary", hide: ".cif-group-controls input[type=checkbox]", csv: "button.cif-group-csv" };

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    this.on(this.el.hide, "change", () => this.onHide());
    this.on(this.el.csv, "click", () => this.onCsv());
  }

  /** @param {Change} change */
  update(change) {
    if (change === "files") this.render();
  }

  /** Offers the comparison as one CSV file (core/group-csv.mjs, loaded with assess-group-more.js),
   * names hidden if they are. */
  async onCsv() {
    const { state, framework, announce } = this.context;
    const more = await load("assess-group-more", this.doc).catch(() => null);
    if (!more) {
      announce("The CSV file could not be made because part of this page did not load. Reload the page and choose the files again.");
      return;
    }
    const rows = state.comparison.rows;
    const text = more.combinedCsv(state.info, rows, state.hideNames);
    download(this.doc, text, `${framework.id}-group-comparison.csv`, "text/csv;charset=utf-8");
    announce(`The comparison of ${plural(rows.length, terms(framework).organisation, terms(framework).organisations)} is downloading as a CSV file.`);
  }

  render() {
    const { rows } = this.context.state.comparison;
    this.el.waiting.hidden = rows.length > 0;
    this.el.results.hidden = rows.length === 0;
    if (rows.length) this.el.summary.textContent = summary(rows, terms(this.context.framework));
  }

  onHide() {
    this.context.state.setHideNames(this.el.hide.checked);
    const names = `${capitalise(terms(this.context.framework).organisation)} names`;
    this.context.announce(this.el.hide.checked ? `${names} are hidden.` : `${names} are shown.`);
  }
}
