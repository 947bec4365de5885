/* The group page's heatmap (a row per authority, a cell per dimension with its score and level,
 * shaded by level; sortable by any column, filtered by theme) and the spread table (lowest, middle and highest level of each dimension).
 * Every cell says its figures in words; the shade only repeats them. The shades are set once, as
 * custom properties in assess.css.
 */

import * as group from "../core/group.mjs";
import { all, bdi, make } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { middleText } from "./text.mjs";
import { capitalise, dimensionName, terms } from "../core/terms.mjs";
import { plural } from "../core/model.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */
/** @typedef {import("./state.mjs").Row} Row */

/** Rows from which the heatmap is laid out only when near the screen. */
const MANY = 50;

/** @extends {Component<GroupContext>} */
export class GroupHeatmap extends Component {
  static moduleName = "cif-group-heatmap";
  static elements = { headRow: "table.cif-heatmap thead tr", body: "table.cif-heatmap tbody" };

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLSelectElement | null} the theme filter, when the framework has themes */
    this.theme = root.querySelector("select.cif-group-theme");
    // The key's swatches take the shade of their level, however many levels the framework has.
    for (const swatch of all(root, "[data-heat-level]")) {
      const shade = group.shade(Number(swatch.getAttribute("data-heat-level")), Number(swatch.getAttribute("data-heat-count")));
      swatch.classList.add(`cif-heat--${shade}`);
    }
    /** @type {HTMLTableCellElement[]} the column headings, made by makeHeader */
    this.heads = [];
    this.makeHeader();
    this.on(this.el.headRow, "click", (event) => this.onSort(event));
    if (this.theme) {
      const theme = this.theme;
      this.on(theme, "change", () => this.onTheme(theme));
    }
    /** The rows on the page, in their order, and what they were drawn for: the comparison, the
     * columns shown and whether names were hidden. @type {Row[]} */
    this.drawn = [];
    /** @type {import("./state.mjs").Comparison | null} */
    this.drawnFor = null;
    this.drawnColumns = "";
    this.drawnNames = false;
  }

  /** @param {Change} change */
  update(change) {
    if (change === "names") this.renameRows();
    else this.render();
  }

  /** Names hidden or shown: only the rows' headers change, unless the rows are sorted by name. */
  renameRows() {
    const { state } = this.context;
    if (state.sort.by === "name") return this.render();
    const trs = this.el.body.rows;
    this.drawn.forEach((row, i) => {
      const tr = trs[i];
      if (tr) tr.replaceChild(this.rowHeader(row, state.hideNames), /** @type {Node} */ (tr.firstChild));
    });
    this.drawnNames = state.hideNames;
  }

  /** The header's cells as sort buttons (a sortable table, as in the GOV.UK Design System): the
   * organisation column, then a column per dimension, each hidden when the theme filter leaves it out. */
  makeHeader() {
    const { doc } = this;
    const { framework } = this.context;
    const cells = [
      { key: "name", text: capitalise(terms(framework).organisation), theme: "" },
      ...framework.dimensions.map((/** @type {any} */ d, /** @type {number} */ i) => ({ key: String(i), text: dimensionName(d), theme: d.theme || "" })),
    ];
    this.heads = cells.map(({ key, text, theme }) => {
      const th = make(doc, "th");
      th.scope = "col";
      th.setAttribute("data-sort", key);
      th.setAttribute("data-theme", theme);
      const button = make(doc, "button", "cif-sort", text);
      button.type = "button";
      // On paper the column's name is printed as text: Chromium leaves a button out of the header
      // it repeats on each page, so a column would have no name after the first page.
      th.append(button, make(doc, "span", "cif-sort__printed", text));
      return th;
    });
    this.el.headRow.replaceChildren(...this.heads);
  }

  /** The dimensions the theme filter leaves in, by index. @returns {number[]} */
  shown() {
    const { framework, state } = this.context;
    /** @type {number[]} */
    const indexes = [];
    framework.dimensions.forEach((/** @type {any} */ d, /** @type {number} */ i) => {
      if (!state.theme || d.theme === state.theme) indexes.push(i);
    });
    return indexes;
  }

  /** The table, built once per change: the header's order and filter set in place (so a focused
   * sort button keeps its focus), the rows built in a fragment and put in at once. */
  render() {
    const { state } = this.context;
    const shown = this.shown();
    const sortKey = String(state.sort.by);
    for (const th of this.heads) {
      const key = th.getAttribute("data-sort") || "";
      th.hidden = key !== "name" && !shown.includes(Number(key));
      if (key === sortKey) th.setAttribute("aria-sort", state.sort.direction);
      else th.removeAttribute("aria-sort");
    }
    /** @type {HTMLElement} */ (this.el.body.parentElement).style.setProperty("--cif-heat-columns", String(shown.length));
    const fragment = this.doc.createDocumentFragment();
    const rows = state.sortedRows;
    // Only the order changed (a sort): the rows already on the page are moved, not built again.
    const same = this.drawnFor === state.comparison && this.drawnColumns === shown.join() && this.drawnNames === state.hideNames;
    const old = same ? new Map(this.drawn.map((row, i) => [row, this.el.body.rows[i]])) : null;
    for (const row of rows) {
      const kept = old && old.get(row);
      if (kept) {
        fragment.appendChild(kept);
        continue;
      }
      const tr = make(this.doc, "tr");
      tr.appendChild(this.rowHeader(row, state.hideNames));
      for (const d of shown) tr.appendChild(this.cell(row.dimensions[d]));
      fragment.appendChild(tr);
    }
    this.el.body.replaceChildren(fragment);
    // With many rows the browser lays the heatmap out only when it is near the screen (share-group.css).
    this.root.classList.toggle("cif-group-heatmap--many", rows.length > MANY);
    this.drawn = rows;
    this.drawnFor = state.comparison;
    this.drawnColumns = shown.join();
    this.drawnNames = state.hideNames;
  }

  /** A sort button pressed: sorts by its column, lowest (or A to Z) first, then the other way on a
   * second press. @param {MouseEvent} event */
  onSort(event) {
    const th = /** @type {Element} */ (event.target).closest("th[data-sort]");
    const button = /** @type {Element} */ (event.target).closest("button");
    if (!th || !button) return;
    const key = th.getAttribute("data-sort") || "name";
    const { state } = this.context;
    const by = key === "name" ? "name" : Number(key);
    const direction = state.sort.by === by && state.sort.direction === "ascending" ? "descending" : "ascending";
    state.setSort(by, direction);
    const up = direction === "ascending";
    const order = by === "name" ? (up ? "A to Z" : "Z to A") : up ? "lowest level first" : "highest level first";
    this.context.announce(`Sorted by ${button.textContent}, ${order}.`);
  }

  /** @param {HTMLSelectElement} select */
  onTheme(select) {
    this.context.state.setTheme(select.value);
    const count = this.shown().length;
    const option = select.options[select.selectedIndex];
    const which = select.value ? `the dimensions of ${option.textContent}` : "every dimension";
    this.context.announce(`The table shows ${which}: ${plural(count, "dimension", "dimensions")}.`);
  }

  /** @param {Row} row @param {boolean} hidden */
  rowHeader(row, hidden) {
    const head = make(this.doc, "th");
    head.scope = "row";
    head.appendChild(bdi(this.doc, "cif-heat__name", hidden ? row.code : row.name));
    if (!hidden) head.appendChild(make(this.doc, "span", "cif-heat__code", ` (${row.code})`));
    if (row.entry.otherVersion) head.appendChild(make(this.doc, "span", "cif-tag cif-tag--version", `Version ${row.entry.otherVersion}`));
    if (row.rounds.length > 1) head.appendChild(make(this.doc, "span", "cif-heat__rounds", `Latest of ${row.rounds.length} rounds`));
    return head;
  }

  /** @param {import("../results/account.mjs").DimensionAccount} result a dimension's account */
  cell(result) {
    const { levels } = this.context;
    const cell = make(this.doc, "td", `cif-heat cif-heat--${group.shade(result.level, levels.length)}`);
    if (result.score === null) {
      cell.textContent = result.words.level; // "No result yet" or "Not applicable"
      return cell;
    }
    // Score, level and coverage in words, a line each, as one text (the score's line in bold, by
    // share-group.css), so that 200 rows draw fast; a result from fewer than half of its criteria
    // is also outlined (assess.css).
    cell.textContent = `${result.words.score}\n${result.label}\n${result.words.coverage}`;
    if (result.lowCoverage) cell.classList.add("cif-heat--low");
    return cell;
  }
}

/** @extends {Component<GroupContext>} */
export class GroupSpread extends Component {
  static moduleName = "cif-group-spread";
  static elements = { body: "table.cif-spread tbody" };

  /** The spread names no one and does not follow the heatmap's order: only new files change it.
   * @param {Change} change */
  update(change) {
    if (change === "files") this.render();
  }

  render() {
    const { levels, state } = this.context;
    const { rows, spread } = state.comparison;
    this.el.body.textContent = "";
    for (const s of spread) {
      const tr = make(this.doc, "tr");
      const head = make(this.doc, "th", "", dimensionName(s.dimension));
      head.scope = "row";
      tr.appendChild(head);
      const cells = [
        middleText(levels, s.lowest),
        middleText(levels, s.median),
        middleText(levels, s.highest),
        `${s.count} of ${rows.length}`,
      ];
      for (const text of cells) tr.appendChild(make(this.doc, "td", "", text));
      this.el.body.appendChild(tr);
    }
  }
}
