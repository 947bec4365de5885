/* The group page's profiles: for each authority, a bar chart of its scores with its targets and a
 * table of the same figures. The charts are drawn at the width they are shown, and at the print
 * width for printing.
 */

import { longDate, plural } from "../core/model.mjs";
import * as chart from "../ui/chart.mjs";
import { all, make, sentence } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { allNotApplicable, levelName, scoreText, versionNote } from "./text.mjs";
import { dimensionName } from "../core/terms.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Row} Row */

/** @extends {Component<GroupContext>} */
export class GroupProfiles extends Component {
  static moduleName = "cif-group-profiles";

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLElement} */
    this.holder = this.find(".cif-profiles");
    const measure = () => this.holder.querySelector("[data-profile]")?.clientWidth || 0;
    this.sizer = new chart.ChartSizer(context.win, measure, (width) => this.drawCharts(width), 360);
    this.keep(() => this.sizer.stop());
    this.keep(context.state.subscribe(() => this.render()));
  }

  render() {
    const { rows } = this.context.state.comparison;
    this.holder.textContent = "";
    rows.forEach((row, i) => this.holder.appendChild(this.profile(row, i)));
    this.sizer.redraw(true);
  }

  /** @param {Row} row @param {number} index */
  profile(row, index) {
    const { doc } = this;
    const { state, framework } = this.context;
    const name = state.nameOf(row);
    const section = make(doc, "section", "cif-profile");
    const headingId = `cif-profile-${index + 1}`;
    section.setAttribute("aria-labelledby", headingId);
    const heading = sentence(make(doc, "h4", "cif-profile__title"), [name]);
    heading.id = headingId;
    section.appendChild(heading);
    const a = row.assessment;
    const meta = [];
    if (a.date) meta.push(longDate(a.date));
    meta.push(`${row.results.criteriaDecided} of ${plural(row.results.criteriaTotal, "criterion", "criteria")} answered`);
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
    const headRow = make(doc, "tr");
    for (const text of ["Dimension", "Score and level", "Target"]) {
      const th = make(doc, "th", "", text);
      th.scope = "col";
      headRow.appendChild(th);
    }
    table.appendChild(make(doc, "thead")).appendChild(headRow);
    const tbody = make(doc, "tbody");
    for (const r of row.dimensions) {
      const tr = make(doc, "tr");
      const th = make(doc, "th", "", dimensionName(r.dimension));
      th.scope = "row";
      tr.appendChild(th);
      tr.appendChild(make(doc, "td", "", allNotApplicable(r) ? "Not applicable" : scoreText(levels, r.score, r.level)));
      tr.appendChild(make(doc, "td", "", r.target ? levelName(levels, r.target) : "Not set"));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  /** Draws every profile's chart at this width.
   * @param {number} width */
  drawCharts(width) {
    const { state, levels } = this.context;
    const { rows } = state.comparison;
    for (const holder of all(this.holder, "[data-profile]")) {
      const row = rows[Number(holder.getAttribute("data-profile"))];
      if (!row) continue;
      const svg = chart.draw(this.doc, {
        width,
        levels,
        label: `Bar chart of the score of each dimension for ${state.nameOf(row)}, on the scale 1 to ${levels.length}, with targets. The table below gives the same figures.`,
        rows: chart.resultRows(row.results, (level) => levelName(levels, level), "No score"),
      });
      holder.textContent = "";
      holder.appendChild(svg);
    }
  }
}
