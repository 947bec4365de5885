/* The group page's profiles: for each authority, a bar chart of its scores with its targets and a
 * table of the same figures. The charts are drawn at the width they are shown, and at the print
 * width for printing. With many files the profiles are added in batches, after the heatmap.
 */

import { longDate, plural } from "../core/model.mjs";
import { load } from "../ui/loader.mjs";
import { all, headedRow, labelledSection, make, sentence, tableHead } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { versionNote } from "./text.mjs";
import { WORDS, fill } from "../results/words.mjs";
import { dimensionName } from "../core/terms.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */
/** @typedef {import("./state.mjs").Row} Row */

/** Profiles put on the page at once, then in each batch after. */
const FIRST = 12;
const BATCH = 24;

/** @extends {Component<GroupContext>} */
export class GroupProfiles extends Component {
  static moduleName = "cif-group-profiles";
  static elements = { holder: ".cif-profiles" };

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** The charts' drawing (ui/chart.mjs, loaded with assess-group-more.js once there are files).
     * @type {import("../ui/loader.mjs").Bundles["assess-group-more"] | null} */
    this.chart = null;
    /** @type {InstanceType<import("../ui/loader.mjs").Bundles["assess-group-more"]["ChartSizer"]> | null} */
    this.sizer = null;
    this.keep(() => this.sizer?.stop());
    /** Counts renders, so a batch left from an earlier one stops. */
    this.generation = 0;
    /** How many profiles of the current render are on the page. */
    this.shownCount = 0;
    this.keep(() => (this.generation += 1));
  }

  /** The profiles do not follow the heatmap's order or theme. @param {Change} change */
  update(change) {
    if (change !== "view") this.render();
  }

  /** The first profiles at once, the rest in batches after the page has been drawn, so that
   * opening many files shows the heatmap without waiting for every chart. */
  render() {
    this.generation += 1;
    const generation = this.generation;
    if (!this.context.state.comparison.rows.length) {
      this.el.holder.textContent = "";
      return;
    }
    load("assess-group-more", this.doc).catch(() => null).then((more) => {
      if (generation !== this.generation) return;
      if (!more) {
        this.el.holder.replaceChildren(make(this.doc, "p", "cif-error-message", "The profiles could not be drawn because part of this page did not load. Reload the page and choose the files again."));
        return;
      }
      if (!this.sizer) {
        this.chart = more;
        const measure = () => this.el.holder.querySelector("[data-profile]")?.clientWidth || 0;
        this.sizer = new more.ChartSizer(this.context.win, measure, (width) => this.drawCharts(width), 360);
      }
      const { rows } = this.context.state.comparison;
      this.shownCount = 0;
      this.el.holder.textContent = "";
      this.addProfiles(rows, FIRST);
      // Once the width is known, a change of files or names does not measure it again (a resize does).
      if (this.sizer.lastWidth) this.drawCharts(this.sizer.lastWidth);
      else this.sizer.redraw(true);
      this.later(generation);
    });
  }

  /** @param {number} generation */
  later(generation) {
    const { rows } = this.context.state.comparison;
    if (this.shownCount >= rows.length) return;
    this.context.win.setTimeout(() => {
      if (generation !== this.generation) return;
      const from = this.shownCount;
      this.addProfiles(rows, BATCH);
      this.drawFrom(from, this.sizer?.lastWidth || 360);
      this.later(generation);
    }, 0);
  }

  /** Puts the next `count` profiles on the page at once. @param {Row[]} rows @param {number} count */
  addProfiles(rows, count) {
    const fragment = this.doc.createDocumentFragment();
    const end = Math.min(rows.length, this.shownCount + count);
    for (let i = this.shownCount; i < end; i += 1) fragment.appendChild(this.profile(rows[i], i));
    this.el.holder.appendChild(fragment);
    this.shownCount = end;
  }

  /** @param {Row} row @param {number} index */
  profile(row, index) {
    const { doc } = this;
    const { state, framework } = this.context;
    const name = state.nameOf(row);
    const section = labelledSection(doc, "cif-profile", `cif-profile-${index + 1}`, [name]);
    const a = row.assessment;
    const meta = [];
    if (a.date) meta.push(longDate(a.date));
    meta.push(row.account.words.counts);
    const named = !state.hideNames && a.name && a.name !== row.name;
    const metaLine = make(doc, "p", "cif-profile__meta");
    section.appendChild(named ? sentence(metaLine, "\u201c", [a.name], `\u201d. ${meta.join(". ")}.`) : sentence(metaLine, `${meta.join(". ")}.`));
    if (row.entry.otherVersion) section.appendChild(make(doc, "p", "cif-profile__meta", versionNote(framework.version, row.entry)));
    const chartBody = make(doc, "div", "cif-chart__body cif-profile__chart");
    chartBody.setAttribute("data-profile", String(index));
    section.appendChild(chartBody);
    section.appendChild(this.table(row, name));
    return section;
  }

  /** The profile's figures as a table: the chart's text equivalent.
   * @param {Row} row @param {string} name */
  table(row, name) {
    const { doc } = this;
    const { levels } = this.context;
    const table = make(doc, "table", "cif-table cif-profile__table");
    table.appendChild(sentence(make(doc, "caption"), "Score, level and target of each dimension for ", [name]));
    table.appendChild(tableHead(doc, ["Dimension", "Score and level", "Target"]));
    const tbody = make(doc, "tbody");
    for (const r of row.dimensions) {
      const tr = headedRow(doc, dimensionName(r.dimension));
      const result = r.kind === "low-coverage" ? fill(WORDS.result.low, { text: r.words.result }) : r.words.result;
      tr.appendChild(make(doc, "td", "", result));
      tr.appendChild(make(doc, "td", "", r.words.target));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  /** Draws every profile's chart at this width.
   * @param {number} width */
  drawCharts(width) {
    this.drawFrom(0, width);
  }

  /** Draws the charts of the profiles from number `from` on at this width.
   * @param {number} from @param {number} width */
  drawFrom(from, width) {
    const { state, levels } = this.context;
    const { rows } = state.comparison;
    const holders = all(this.el.holder, "[data-profile]");
    for (const holder of holders.slice(from)) {
      const row = rows[Number(holder.getAttribute("data-profile"))];
      if (!row) continue;
      const chart = /** @type {import("../ui/loader.mjs").Bundles["assess-group-more"]} */ (this.chart);
      const svg = chart.draw(this.doc, {
        width,
        levels,
        label: `Bar chart of the level of each dimension for ${state.nameOf(row)}, on the scale 1 to ${levels.length}, with targets. The table below gives the same figures.`,
        rows: chart.accountRows(row.account),
      });
      holder.textContent = "";
      holder.appendChild(svg);
    }
  }
}
