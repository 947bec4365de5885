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
    /** @type {HTMLButtonElement} */
    this.csv = this.find("button.cif-group-csv");
    this.on(this.csv, "click", () => this.onCsv());
    this.keep(context.state.subscribe((change) => change === "files" && this.render()));
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
    this.waiting.hidden = rows.length > 0;
    this.results.hidden = rows.length === 0;
    if (rows.length) this.summary.textContent = summary(rows, terms(this.context.framework));
  }

  onHide() {
    this.context.state.setHideNames(this.hide.checked);
    const names = `${capitalise(terms(this.context.framework).organisation)} names`;
    this.context.announce(this.hide.checked ? `${names} are hidden.` : `${names} are shown.`);
  }
}
