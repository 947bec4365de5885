/* The group page's heatmap (a row per authority, a cell per dimension with its score and level,
 * shaded by level) and the spread table (lowest, median and highest score of each dimension).
 * Every cell says its figures in words; the shade only repeats them. The shades are set once, as
 * custom properties in assess.css.
 */

import * as group from "../core/group.mjs";
import { coverageText, formatScore } from "../core/scoring.mjs";
import { all, make } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { allNotApplicable, levelName, scoreText } from "./text.mjs";
import { dimensionName } from "../core/terms.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Row} Row */

/** @extends {Component<GroupContext>} */
export class GroupHeatmap extends Component {
  static moduleName = "cif-group-heatmap";

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLTableSectionElement} */
    this.body = this.find("table.cif-heatmap tbody");
    // The key's swatches take the shade of their level, however many levels the framework has.
    for (const swatch of all(root, "[data-heat-level]")) {
      const shade = group.shade(Number(swatch.getAttribute("data-heat-level")), Number(swatch.getAttribute("data-heat-count")));
      swatch.classList.add(`cif-heat--${shade}`);
    }
    this.keep(context.state.subscribe(() => this.render()));
  }

  render() {
    const { state } = this.context;
    this.body.textContent = "";
    for (const row of state.comparison.rows) {
      const tr = make(this.doc, "tr");
      tr.appendChild(this.rowHeader(row, state.hideNames));
      for (const result of row.dimensions) tr.appendChild(this.cell(result));
      this.body.appendChild(tr);
    }
  }

  /** @param {Row} row @param {boolean} hidden */
  rowHeader(row, hidden) {
    const head = make(this.doc, "th");
    head.scope = "row";
    head.appendChild(make(this.doc, "bdi", "cif-heat__name", hidden ? row.code : row.name));
    if (!hidden) head.appendChild(make(this.doc, "span", "cif-heat__code", ` (${row.code})`));
    if (row.entry.otherVersion) head.appendChild(make(this.doc, "span", "cif-tag cif-tag--version", `Version ${row.entry.otherVersion}`));
    return head;
  }

  /** @param {any} result a dimension's result (scoring.results) */
  cell(result) {
    const { levels } = this.context;
    const cell = make(this.doc, "td", `cif-heat cif-heat--${group.shade(result.level, levels.length)}`);
    if (result.score === null) {
      cell.textContent = allNotApplicable(result) ? "Not applicable" : "No score";
      return cell;
    }
    cell.appendChild(make(this.doc, "span", "cif-heat__score", formatScore(result.score)));
    cell.appendChild(this.doc.createTextNode(" "));
    cell.appendChild(make(this.doc, "span", "cif-heat__level", levelName(levels, result.level)));
    // Coverage in words; a result from fewer than half of its criteria is also outlined (assess.css).
    cell.appendChild(make(this.doc, "span", "cif-heat__coverage", ` ${coverageText(result)}`));
    if (result.lowCoverage) cell.classList.add("cif-heat--low");
    return cell;
  }
}

/** @extends {Component<GroupContext>} */
export class GroupSpread extends Component {
  static moduleName = "cif-group-spread";

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLTableSectionElement} */
    this.body = this.find("table.cif-spread tbody");
    this.keep(context.state.subscribe(() => this.render()));
  }

  render() {
    const { levels, state } = this.context;
    const { rows, spread } = state.comparison;
    this.body.textContent = "";
    for (const s of spread) {
      const tr = make(this.doc, "tr");
      const head = make(this.doc, "th", "", dimensionName(s.dimension));
      head.scope = "row";
      tr.appendChild(head);
      const cells = [
        scoreText(levels, s.lowest, s.lowestLevel),
        scoreText(levels, s.median, s.medianLevel),
        scoreText(levels, s.highest, s.highestLevel),
        `${s.count} of ${rows.length}`,
      ];
      for (const text of cells) tr.appendChild(make(this.doc, "td", "", text));
      this.body.appendChild(tr);
    }
  }
}
