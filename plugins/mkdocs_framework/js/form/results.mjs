/* The form's results, each rendered from the account (state.account()): the count of answers, each
 * dimension's score under its questions, and the results (completeness, highlights, chart, table),
 * whose chart is redrawn to fit the screen or the printed page. */

import * as chart from "../ui/chart.mjs";
import { make, setText, chartPrintWidth } from "../ui/dom.mjs";
import { WORDS, fill, count } from "../results/words.mjs";
import { FormComponent } from "./component.mjs";

/** @typedef {import("../results/account.mjs").Account} Account */

/** Shows the results again whenever the open assessment changes (when the form can score it). */
class ResultsView extends FormComponent {
  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "opened" && event.type !== "changed") return;
    const account = this.state.account();
    if (account.supported) this.show(account);
  }

  /** @param {Account} _account */
  show(_account) {}
}

/** "31 of 39 criteria answered (4 Not applicable), 4 Not sure yet, 4 not answered. 0 of 11 sections
 * completed.": the account's counts, which the import message gives too. Root: the paragraph. */
export class AnsweredCount extends ResultsView {
  static moduleName = "cif-answered";

  /** @param {Account} a */
  show(a) {
    this.root.textContent = completeness(a);
  }
}

/** The account's counts and the sections completed, in words. @param {Account} a */
function completeness(a) {
  const sections = fill(WORDS.form.sectionsCompleted, { completed: a.dimensionCounts.completed, total: count(a.dimensionCounts.total, "section") });
  return `${a.words.counts}. ${sections}`;
}

/** A dimension's result under its questions: root is div.cif-dimension__footer. */
export class DimensionScore extends ResultsView {
  static moduleName = "cif-dimension-score";

  /** @param {Account} a */
  show(a) {
    const line = /** @type {HTMLElement} */ (this.root.querySelector("[data-score-for]"));
    const found = a.dimensions.find((d) => d.id === line.getAttribute("data-score-for"));
    if (found) line.textContent = found.words.sentence;
  }
}

/** The results: root is #cif-results. */
export class Results extends ResultsView {
  static moduleName = "cif-results";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.chartWidth = 0;
    /** The holder's width when last measured (0: not yet, or hidden then). */
    this.measured = 0;
    /** The figures last shown, so an update that changes none of them (a name typed, a note)
     * leaves the table and chart alone. @type {string | null} */
    this.shownKey = null;
    const print = window.matchMedia ? window.matchMedia("print") : null;
    this.on(window, "resize", () => this.drawChart(false));
    this.on(window, "beforeprint", () => this.drawChart(true, chartPrintWidth()));
    this.on(window, "afterprint", () => this.drawChart(true));
    if (print) this.on(print, "change", () => this.drawChart(true, print.matches ? chartPrintWidth() : 0));
    if (!app.state.account().supported) setText(this.byId("cif-completeness"), WORDS.form.cannotScore);
  }

  /** @param {Account} a */
  show(a) {
    const { assessment, framework } = this.state;
    setText(this.byId("cif-print-title"), "Self-assessment results: " + (assessment.name || "untitled assessment"));
    const meta = [assessment.authority, assessment.date, `${framework.shortTitle}, version ${framework.version} (${framework.status})`];
    setText(this.byId("cif-print-meta"), meta.filter((part) => part).join(" · "));
    setText(this.byId("cif-completeness"), completeness(a));
    const key = figures(a);
    if (key === this.shownKey) return;
    this.shownKey = key;
    chart.fillHighlights(this.doc, this.byId("cif-highlights"), a);
    this.wider(a);
    chart.fillAccountTable(this.doc, this.byId("cif-results-body"), a);
    this.drawChart(true);
  }

  /** Theme and overall results when the framework asks for them; otherwise why there are none
   * (the scoring rule's own sentence). @param {Account} a */
  wider(a) {
    let holder = this.root.querySelector(".cif-overall");
    if (!holder) {
      holder = make(this.doc, "div", "cif-overall");
      this.byId("cif-highlights").after(holder);
    }
    holder.textContent = "";
    for (const r of a.overall ? [a.overall, ...a.themes] : a.themes) {
      const p = make(this.doc, "p");
      p.append(make(this.doc, "strong", "", r.words.label + " "), r.words.line);
      holder.append(p);
    }
    const themes = /** @type {any} */ (this.state.framework).themes || [];
    const noThemes = themes.length > 0 && !a.themes.length;
    const why = WORDS.rule.wider;
    if (!a.overall) holder.append(make(this.doc, "p", "", noThemes ? why.noneWithThemes : why.none));
    else if (noThemes) holder.append(make(this.doc, "p", "", why.overallNoThemes.trim()));
  }

  /** printWidth: the width of the printed page's text, since the page cannot be measured before
   * it is laid out for print. @param {boolean} force @param {number} [printWidth] */
  drawChart(force, printWidth) {
    const holder = this.byId("cif-chart");
    // Measured on a resize, or until known: reading the width after the table changed would make
    // the browser lay the page out at once, in the middle of an answer's update.
    if (!printWidth && (!force || !this.measured)) this.measured = holder.clientWidth;
    const width = printWidth || this.measured || 640;
    if (!force && width === this.chartWidth) return;
    const a = this.state.account();
    if (!a.supported) return;
    this.chartWidth = width;
    const svg = chart.drawAccount(this.doc, width, this.state.framework.levels, a);
    holder.textContent = "";
    holder.append(svg);
    chart.lowKey(this.doc, holder, a.lowCoverage.length > 0);
  }
}

/** Every word the table, the chart and the highlights show, as one string to compare.
 * @param {Account} a */
function figures(a) {
  return JSON.stringify([a.dimensions.map((d) => d.words), a.words, a.themes.map((t) => t.words), a.overall && a.overall.words]);
}
