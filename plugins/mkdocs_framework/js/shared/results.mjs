/* The shared results page's regions: the notices (no results in the address; a link that cannot
 * be shown), the read-only results (title, details, version notice, completeness, the results
 * table and the answer to each criterion) and the results chart.
 */

import { has, longDate } from "../core/model.mjs";
import * as chart from "../ui/chart.mjs";
import { all, isolate, sentence } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { answerText, versionText } from "./text.mjs";

/**
 * What every component of the page is given: state, the results in the address; baseTitle, the
 * page's title before results were shown.
 * @typedef {import("../ui/component.mjs").Context<Shown> & {state: import("./state.mjs").SharedState,
 *   info: ReturnType<import("../core/model.mjs").describe>, baseTitle: string}} SharedContext
 * @typedef {import("./state.mjs").Shown} Shown
 */

/** What the page shows from the address: reads the results in it when started, and again when
 * its fragment changes (another link pasted into the open page), then moves focus to what is shown.
 * @extends {Component<SharedContext>} */
export class SharedAddress extends Component {
  static moduleName = "cif-shared-address";

  /** @param {HTMLElement} root @param {SharedContext} context */
  constructor(root, context) {
    super(root, context);
    const { state, win } = context;
    this.on(win, "hashchange", () => state.load(win.location.hash, true));
    state.load(win.location.hash, false);
  }
}

/** The notice shown when the address holds no results.
 * @extends {Component<SharedContext>} */
export class SharedEmpty extends Component {
  static moduleName = "cif-shared-empty";

  /** @param {Shown} shown */
  update({ view }) {
    this.root.hidden = view.kind !== "empty";
  }
}

/** The warning shown when the link cannot be shown, saying why.
 * @extends {Component<SharedContext>} */
export class SharedProblem extends Component {
  static moduleName = "cif-shared-problem";

  /** @param {Shown} shown */
  update({ view, focus }) {
    this.root.hidden = view.kind !== "problem";
    if (view.kind !== "problem") return;
    this.find(".cif-shared-problem__text").textContent = view.message;
    if (focus) this.root.focus();
  }
}

/** The read-only results.
 * @extends {Component<SharedContext>} */
export class SharedResults extends Component {
  static moduleName = "cif-shared-results";

  /** @param {Shown} shown */
  update({ view, focus }) {
    this.root.hidden = view.kind !== "results";
    if (view.kind !== "results") return;
    this.render(view);
    if (focus) this.root.focus();
  }

  /** @param {Extract<import("./state.mjs").View, {kind: "results"}>} view */
  render({ link, assessment: a, account }) {
    const { framework, info, baseTitle } = this.context;
    // The name and authority were typed by whoever sent the link: each is isolated (item 8 of issue 17).
    sentence(this.find(".cif-shared__title"), "Results: ", a.name ? [a.name] : "untitled assessment");
    this.doc.title = `Results: ${a.name ? isolate(a.name) : "untitled assessment"} - ${baseTitle}`;
    const version = `${framework.shortTitle}, version ${link.otherVersion || framework.version}`;
    const date = a.date ? longDate(a.date) : "";
    const tail = [date, version].filter(Boolean).join(" \u00b7 ");
    const meta = this.find(".cif-shared__meta");
    if (a.authority) sentence(meta, [a.authority], " \u00b7 " + tail);
    else sentence(meta, tail);
    const notice = this.find(".cif-shared__version");
    notice.hidden = !link.otherVersion;
    if (link.otherVersion) this.find(".cif-shared__version-text").textContent = versionText(framework.version, link);
    // The account's counts and results, in the words the form and the report use.
    this.find(".cif-results__complete").textContent = `${account.words.counts}. ${account.words.withResult}.`;
    chart.fillHighlights(this.doc, this.find(".cif-results__highlights"), account);
    chart.fillAccountTable(this.doc, this.find(".cif-shared__results tbody"), account);
    for (const cell of all(this.root, "[data-answer-for]")) {
      const id = cell.getAttribute("data-answer-for") || "";
      cell.textContent = answerText(info, has(a.answers, id) ? a.answers[id] : "");
    }
  }
}

/** The results chart, drawn at the width it is shown and at the print width for printing.
 * @extends {Component<SharedContext>} */
export class SharedChart extends Component {
  static moduleName = "cif-shared-chart";

  /** @param {HTMLElement} root @param {SharedContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {HTMLElement} */
    const body = this.find(".cif-chart__body");
    /** @type {import("../results/account.mjs").Account | null} the account shown, or null */
    this.shown = null;
    const draw = (/** @type {number} */ width) => {
      if (!this.shown) return;
      body.textContent = "";
      body.appendChild(chart.drawAccount(this.doc, width, context.framework.levels, this.shown));
      chart.lowKey(this.doc, body, this.shown.lowCoverage.length > 0);
    };
    this.sizer = new chart.ChartSizer(context.win, () => body.clientWidth, draw, 640);
    this.keep(() => this.sizer.stop());
  }

  /** @param {Shown} shown */
  update({ view }) {
    this.shown = view.kind === "results" ? view.account : null;
    this.sizer.redraw(true);
  }
}
