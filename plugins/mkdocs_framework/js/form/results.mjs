/* The form's results: the list of sections with their status, the count of answers, each
 * dimension's score under its questions, and the results (completeness, highlights, chart, table),
 * whose chart is redrawn to fit the screen or the printed page. */

import * as model from "../core/model.mjs";
import * as scoring from "../core/scoring.mjs";
import * as chart from "../ui/chart.mjs";
import { make, setText, chartPrintWidth } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { scoreSentence } from "./words.mjs";

const plural = model.plural;
const STATUS_TEXT = { "not-started": "Not started", "in-progress": "In progress", completed: "Completed" };

/** Shows the results again whenever the open assessment changes (when the form can score it). */
class ResultsView extends FormComponent {
  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    const results = (event.type === "opened" || event.type === "changed") && this.state.results();
    if (results) this.show(results);
  }

  /** @param {any} _results */
  show(_results) {}
}

/** The status tag of each section: root is ol.cif-tasks. */
export class TaskList extends ResultsView {
  static moduleName = "cif-task-list";

  /** @param {any} results */
  show(results) {
    results.dimensions.forEach((/** @type {any} */ result) => {
      const tag = this.root.querySelector(`[data-task-status="${result.dimension.id}"]`);
      if (!tag) return;
      tag.textContent = STATUS_TEXT[result.status];
      tag.className = "cif-tag cif-tag--" + result.status;
    });
  }
}

/** "3 of 40 criteria answered. 0 of 7 sections completed.": root is the paragraph. */
export class AnsweredCount extends ResultsView {
  static moduleName = "cif-answered";

  /** @param {any} r */
  show(r) {
    this.root.textContent =
      `${r.criteriaDecided} of ${plural(r.criteriaTotal, "criterion", "criteria")} answered. ` +
      `${r.dimensionsCompleted} of ${plural(r.dimensionsTotal, "section", "sections")} completed.`;
  }
}

/** A dimension's score under its questions: root is div.cif-dimension__footer. */
export class DimensionScore extends ResultsView {
  static moduleName = "cif-dimension-score";

  /** @param {any} results */
  show(results) {
    const line = this.root.querySelector("[data-score-for]");
    const id = line.getAttribute("data-score-for");
    const result = results.dimensions.find((/** @type {any} */ r) => r.dimension.id === id);
    if (result) line.textContent = scoreSentence(this.state, result);
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
    if (!scoring.isSupported(app.state.info)) {
      setText(this.byId("cif-completeness"), "This version of the form cannot work out scores for this framework.");
    }
  }

  /** @param {any} results */
  show(results) {
    const { assessment, framework } = this.state;
    setText(this.byId("cif-print-title"), "Self-assessment results: " + (assessment.name || "untitled assessment"));
    const meta = [assessment.authority, assessment.date, `${framework.shortTitle}, version ${framework.version} (${framework.status})`];
    setText(this.byId("cif-print-meta"), meta.filter((part) => part).join(" · "));
    let complete =
      `You have answered ${results.criteriaDecided} of ${plural(results.criteriaTotal, "criterion", "criteria")} ` +
      `(${results.percentComplete}%), and completed ${results.dimensionsCompleted} of ` +
      `${plural(results.dimensionsTotal, "section", "sections")}.`;
    if (results.criteriaNotSure) {
      complete += ` ${plural(results.criteriaNotSure, "criterion is", "criteria are")} marked \u201cNot sure yet\u201d.`;
    }
    setText(this.byId("cif-completeness"), complete);
    const key = figures(results);
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.highlight(results);
    this.wider(results);
    chart.fillResultsTable(this.doc, this.byId("cif-results-body"), results, (n) => this.state.levelName(n), "No score yet");
    this.drawChart(true);
  }

  /** The strongest and weakest dimensions. @param {any} results */
  highlight(results) {
    const holder = this.byId("cif-highlights");
    holder.textContent = "";
    /** @param {string} label @param {string} text */
    const line = (label, text) => {
      const p = make(this.doc, "p");
      if (label) p.append(make(this.doc, "strong", "", label + " "));
      p.append(text);
      holder.append(p);
    };
    /** @param {any[]} list */
    const describe = (list) =>
      list
        .map((r) => `${r.dimension.title} (${scoring.formatScore(r.score)}, ${this.state.levelName(r.level)}${r.lowCoverage ? ", low coverage" : ""})`)
        .join("; ");
    if (results.scoredCount === 0) line("", "Choose levels for the criteria to see your results.");
    else if (results.strongest.length) {
      line(results.strongest.length > 1 ? "Strongest dimensions:" : "Strongest dimension:", describe(results.strongest));
      line(results.weakest.length > 1 ? "Weakest dimensions:" : "Weakest dimension:", describe(results.weakest));
    } else if (results.scoredCount === 1) {
      line("", "Only one dimension has a score so far. Score more to see your strongest and weakest.");
    } else line("", "All the dimensions with a score have the same score.");
  }

  /** Theme and overall results when the framework asks for them; otherwise why there are none.
   * @param {any} results */
  wider(results) {
    let holder = this.root.querySelector(".cif-overall");
    if (!holder) {
      holder = make(this.doc, "div", "cif-overall");
      this.byId("cif-highlights").after(holder);
    }
    holder.textContent = "";
    /** @param {string} label @param {any} r */
    const line = (label, r) => {
      const p = make(this.doc, "p");
      p.append(make(this.doc, "strong", "", label + " "));
      const level = r.score === null ? "No result yet" : `${scoring.formatScore(r.score)}, ${this.state.levelName(r.level)}`;
      p.append(`${level}, ${scoring.coverageText(r)}.`);
      holder.append(p);
    };
    if (results.overall) line("Overall:", results.overall);
    for (const theme of results.themes) line(`${theme.theme.title} (theme):`, theme);
    const themes = /** @type {any} */ (this.state.framework).themes || [];
    const noThemes = themes.length > 0 && !results.themes.length;
    const why = ": a figure across different practices would hide the weak ones.";
    if (!results.overall) holder.append(make(this.doc, "p", "", `There is no overall result${noThemes ? " and no result for each theme" : ""}${why}`));
    else if (noThemes) holder.append(make(this.doc, "p", "", `Themes have no result of their own${why}`));
  }

  /* printWidth: the width of the printed page's text, since the page cannot be measured before
   * it is laid out for print. @param {boolean} force @param {number} [printWidth] */
  drawChart(force, printWidth) {
    const holder = this.byId("cif-chart");
    // Measured on a resize, or until known: reading the width after the table changed would make
    // the browser lay the page out at once, in the middle of an answer's update.
    if (!printWidth && (!force || !this.measured)) this.measured = holder.clientWidth;
    const width = printWidth || this.measured || 640;
    if (!force && width === this.chartWidth) return;
    const results = this.state.results();
    if (!results) return;
    this.chartWidth = width;
    const svg = chart.drawResults(this.doc, width, this.state.framework.levels, results, (n) => this.state.levelName(n), "No score yet");
    holder.textContent = "";
    holder.append(svg);
    chart.lowKey(this.doc, holder, results.dimensions.some((/** @type {any} */ r) => r.lowCoverage));
  }
}

/** Every figure the table, the chart and the highlights show, as one string to compare.
 * @param {any} results */
function figures(results) {
  /** @param {any} r */
  const one = (r) => [r.score, r.level, r.target, r.answered, r.applicable, r.notApplicable, r.lowCoverage, r.weakSpots && r.weakSpots.map((/** @type {any} */ w) => w.number + w.level).join()];
  return JSON.stringify([results.dimensions.map(one), results.themes.map(one), results.overall && one(results.overall)]);
}
