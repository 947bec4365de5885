/* The result of comparing two assessments, as the form shows and prints it: a heading naming the
 * two, the headline, where the comparison is not like for like, a chart and a table of each
 * dimension then and now (each with its coverage) with its change and the levels on the criteria
 * answered both times that the change comes from, the criteria left out of the changes, named, and
 * a table of the criteria whose answers moved. Every fact and its words come from the account of
 * progress (results/progress.mjs); this only lays them out. Constructed on the element that holds
 * it (#cif-compare-results) by comparison.mjs, which chooses what is compared. Part of
 * assess-more.js (see more.mjs): only needed once someone compares.
 */

import * as model from "../../core/model.mjs";
import { make, quoted, find } from "../../ui/dom.mjs";
import { progress, inDateOrder } from "../../results/progress.mjs";
import { answerWords } from "../../results/words.mjs";
import { drawComparison } from "./comparison-chart.mjs";
import { lowKey as chartKey } from "../../ui/chart.mjs";
import { longDate, nameOf } from "./shared.mjs";

/** @typedef {import("./shared.mjs").Assessment} Assessment */
/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../../results/progress.mjs").Progress} Result */
/** @typedef {import("../../results/progress.mjs").Moved} Moved */
/** @typedef {import("../../results/account.mjs").DimensionAccount} DimensionAccount */
/**
 * The assessment the open one is compared with, where it came from, and what reading it found.
 * @typedef {{assessment: Assessment, source: "device" | "file", fileName?: string, warnings: string[]}} ComparedWith
 */

export class ComparisonReport {
  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.doc = ctx.doc;
    this.title = find(root, "#cif-compare-title");
    this.printMeta = find(root, "#cif-compare-print-meta");
    this.summary = find(root, "#cif-compare-summary");
    this.caveats = find(root, "#cif-compare-caveats");
    this.chart = find(root, "#cif-compare-chart");
    this.dimensions = find(root, "#cif-compare-body");
    this.moved = find(root, "#cif-moved-body");
    this.movedNone = find(root, "#cif-moved-none");
    this.movedTable = find(root, "#cif-moved-wrap");
    /** What is shown now, to leave it alone when nothing in it changed. @type {string | null} */
    this.shown = null;
  }

  /** Shows the open assessment compared with another; drawn again only when something in it changed.
   * @param {ComparedWith} other @param {{focus?: boolean, printWidth?: number}} [how] focus moves
   *   the focus to the result; printWidth draws the chart compactly, at that width, for print */
  show(other, how = {}) {
    const current = this.ctx.state.assessment;
    const wasHidden = this.root.hidden;
    this.root.hidden = false;
    const compact = Boolean(how.printWidth);
    const width = how.printWidth || this.chart.clientWidth || 640;
    const shown = JSON.stringify([other.source, other.fileName, other.assessment, current, width, compact]);
    if (wasHidden || shown !== this.shown) {
      this.shown = shown;
      this.draw(other, current, width, compact);
    }
    if (how.focus) this.root.focus();
  }

  /** @param {ComparedWith} other @param {Assessment} current @param {number} width @param {boolean} compact */
  draw(other, current, width, compact) {
    const [earlier, laterOne] = inDateOrder(other.assessment, current);
    /** @param {Assessment} a */
    const describe = (a) => {
      const source = a === other.assessment && other.source === "file" ? `, from the file ${other.fileName}` : "";
      return `${quoted(nameOf(a))} (${longDate(a.date)}${source})`;
    };
    const result = progress(this.ctx.state.info, earlier, laterOne);
    this.title.textContent = `Progress from ${describe(earlier)} to ${describe(laterOne)}`;
    const framework = this.ctx.state.info.framework;
    const version = `${framework.shortTitle}, version ${framework.version}`;
    this.printMeta.textContent = [current.authority, version].filter(Boolean).join(" \u00b7 ");
    this.summary.textContent = result.headline;
    this.showCaveats(other.warnings, result);
    this.showDimensions(result);
    this.showApart(result);
    this.showMoved(result);
    this.drawChart(result, width, compact);
  }

  /** Where the comparison is not like for like: what reading the file found, answers to criteria
   * this version does not have, and answers carried over from another version that need checking.
   * @param {string[]} warnings @param {Result} result */
  showCaveats(warnings, result) {
    const { plural } = model;
    const info = this.ctx.state.info;
    /** @param {string} id */
    const criterionName = (id) => {
      const found = info.criteria.get(id);
      if (!found) return quoted(id);
      const position = found.dimension.criteria.indexOf(found.criterion) + 1;
      return `${found.dimension.number}.${position} ${found.criterion.title}`;
    };
    const notes = warnings.slice();
    const lost = result.notCompared.length;
    if (lost) {
      notes.push(
        `${plural(lost, "answer is", "answers are")} for criteria that this version of the framework does not have, ` +
          `so ${lost === 1 ? "it was" : "they were"} not compared: ${result.notCompared.map(criterionName).join(", ")}.`
      );
    }
    const flagged = result.flagged.length;
    if (flagged) {
      notes.push(
        `${plural(flagged, "answer was", "answers were")} carried over from another version of the framework and ` +
          `${flagged === 1 ? "needs" : "need"} checking (for example, the wording changed), so ` +
          `${flagged === 1 ? "it is" : "they are"} not strictly like for like: ` +
          `${result.flagged.map(criterionName).join(", ")}.`
      );
    }
    this.caveats.textContent = "";
    if (!notes.length) return;
    const box = make(this.doc, "div", "cif-notice");
    const list = this.doc.createElement("ul");
    list.append(...notes.map((text) => make(this.doc, "li", "", text)));
    box.append(make(this.doc, "p", "", "This comparison is not fully like for like:"), list);
    this.caveats.append(box);
  }

  /** Each dimension: its full results then and now, its target, and its change said with the levels
   * on the criteria answered both times. @param {Result} result */
  showDimensions(result) {
    const rows = result.rows.map((row) =>
      this.row(row.words.name, [row.words.then, row.words.now, row.now.words.target, row.words.changeFull])
    );
    this.dimensions.replaceChildren(...rows);
  }

  /** The criteria with a level in only one of the two, which the changes leave out, named.
   * @param {Result} result */
  showApart(result) {
    let box = this.root.querySelector(".cif-compare__apart");
    if (!box) {
      box = make(this.doc, "div", "cif-compare__apart");
      const table = this.dimensions.closest(".cif-table-wrap");
      if (table) table.after(box);
      else this.root.append(box);
    }
    box.textContent = "";
    const items = result.rows.flatMap((row) =>
      row.leftOut.map((l) => make(this.doc, "li", "", `${l.number} ${l.title}: ${l.then} then, ${l.now} now`))
    );
    if (!items.length) return;
    const list = this.doc.createElement("ul");
    list.append(...items);
    box.append(
      make(this.doc, "p", "", `Answered with a level in only one of the two, so left out of the changes above (${model.plural(items.length, "criterion", "criteria")}):`),
      list
    );
  }

  /** @param {Result} result */
  showMoved(result) {
    const rows = result.moved.map((m) =>
      this.row(`${m.number} ${m.criterion.title}${m.flagged ? " (wording changed)" : ""}`, [
        this.answerName(m.from),
        this.answerName(m.to),
        this.movedText(m),
      ])
    );
    this.moved.replaceChildren(...rows);
    this.movedNone.hidden = rows.length > 0;
    this.movedTable.hidden = rows.length === 0;
  }

  /** A table row: a row header, then cells. @param {string} heading @param {string[]} cells */
  row(heading, cells) {
    const tr = this.doc.createElement("tr");
    const th = make(this.doc, "th", "", heading);
    th.scope = "row";
    tr.append(th, ...cells.map((text) => make(this.doc, "td", "", text)));
    return tr;
  }

  /** @param {Result} result @param {number} width @param {boolean} compact */
  drawChart(result, width, compact) {
    const levels = this.ctx.state.info.framework.levels;
    const svg = drawComparison(this.doc, {
      width,
      compact,
      levels,
      label:
        `Bar chart of the level of each dimension then and now, on the scale 1 to ${levels.length}, with targets. ` +
        "The table below gives the same figures.",
      rows: result.rows.map((row) => ({
        label: row.words.name + lowLabel(row.then.kind === "low-coverage", row.now.kind === "low-coverage"),
        then: row.then.level,
        now: row.now.level,
        thenText: row.words.thenBar,
        nowText: row.words.nowBar,
        thenLow: row.then.kind === "low-coverage",
        nowLow: row.now.kind === "low-coverage",
        target: row.now.target,
      })),
    });
    this.chart.replaceChildren(svg);
    chartKey(this.doc, this.chart, result.rows.some((row) => row.then.kind === "low-coverage" || row.now.kind === "low-coverage"));
  }

  /** @param {string} value an answer */
  answerName(value) {
    return answerWords(this.ctx.state.info.framework, this.ctx.state.info.levelIndex, value, value);
  }

  /** @param {Moved} m a criterion that moved */
  movedText(m) {
    if (m.direction === "changed") return "Changed";
    const steps = Math.abs((m.toNumber || 0) - (m.fromNumber || 0));
    return (m.direction === "up" ? "Up " : "Down ") + model.plural(steps, "level", "levels");
  }
}

/** " (low coverage then and now)", " (low coverage then)", " (low coverage now)" or "": said in a
 * row's label, where it always fits, beside its hatched bars. @param {boolean} then @param {boolean} now */
function lowLabel(then, now) {
  if (!then && !now) return "";
  return ` (low coverage ${then && now ? "then and now" : then ? "then" : "now"})`;
}
