/* The group page's view by criterion: the weakest criteria across the group, in a sentence each
 * ("8 of 12 authorities are Emerging on 2.3 ..."), and a table of how many authorities (their latest
 * rounds) are at each level on every criterion, each count shaded by its size. Names no one, so
 * only new files change it.
 */

import { levelLabel } from "../results/words.mjs";
import * as group from "../core/group.mjs";
import { make } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { dimensionName, terms } from "../core/terms.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */
/** @typedef {import("../core/group.mjs").CriterionSpread} CriterionSpread */

/** How many of the weakest criteria are named. */
const WEAKEST = 5;

/** "8 of 12 authorities are Emerging on 2.3 Consent records", or "... are Developing or lower on ...".
 * @param {CriterionSpread} s @param {number} total organisations in the comparison
 * @param {{label: string}[]} levels @param {import("../core/terms.mjs").Terms} words */
export function weakText(s, total, levels, words) {
  const level = /** @type {number} */ (s.medianLevel);
  const verb = s.atOrBelow === 1 ? "is" : "are";
  const where = level === 1 ? levelLabel({ levels }, 1) : `${levelLabel({ levels }, level)} or lower`;
  const whole = total === 1 ? words.organisation : words.organisations;
  return `${s.atOrBelow} of ${total} ${whole} ${verb} ${where} on ${s.number} ${s.criterion.title}`;
}

/** @extends {Component<GroupContext>} */
export class GroupCriteria extends Component {
  static moduleName = "cif-group-criteria";
  static elements = { weakest: "ul.cif-group-weakest", table: "table.cif-criteria" };

  /** @param {Change} change */
  update(change) {
    if (change === "files") this.render();
  }

  render() {
    const { state, levels, framework } = this.context;
    const rows = state.comparison.rows;
    const spread = state.criteria;
    const words = terms(framework);
    const list = this.doc.createDocumentFragment();
    for (const s of group.weakest(spread, WEAKEST)) {
      const item = make(this.doc, "li", "", `${weakText(s, rows.length, levels, words)} (${dimensionName(s.dimension)}).`);
      list.appendChild(item);
    }
    if (!list.childNodes.length) list.appendChild(make(this.doc, "li", "", "No criterion has been answered with a level yet."));
    this.el.weakest.replaceChildren(list);
    const bodies = this.doc.createDocumentFragment();
    const columns = levels.length + 4;
    let current = null;
    let body = null;
    for (const s of spread) {
      if (s.dimension !== current) {
        current = s.dimension;
        body = make(this.doc, "tbody");
        const head = make(this.doc, "tr", "cif-criteria__dimension");
        const th = make(this.doc, "th", "", dimensionName(s.dimension));
        th.scope = "rowgroup";
        th.colSpan = columns;
        head.appendChild(th);
        body.appendChild(head);
        bodies.appendChild(body);
      }
      const tr = make(this.doc, "tr");
      const th = make(this.doc, "th", "", `${s.number} ${s.criterion.title}`);
      th.scope = "row";
      tr.appendChild(th);
      // Each count is shaded by how many of the organisations it is (all of them darkest), the
      // shades running as the heatmap's do, so the eye finds where most of them are.
      for (const count of [...s.levels, s.notApplicable, s.notSure, s.unanswered]) {
        const shade = count ? ` cif-heat cif-heat--${group.shade(count, rows.length)}` : " cif-criteria__count--none";
        tr.appendChild(make(this.doc, "td", `cif-criteria__count${shade}`, String(count)));
      }
      /** @type {HTMLElement} */ (body).appendChild(tr);
    }
    for (const old of Array.from(this.el.table.tBodies)) old.remove();
    this.el.table.appendChild(bodies);
  }
}
