/* The form in steps: what tells a person where they are and what is left. On the hub, each
 * section's status in the list of sections ("2 criteria not answered"); on each step, the progress
 * indicator that stays in view ("12 of 39 criteria answered"); and on Check your answers, every
 * answer, target and note of the open assessment. The page's template gives every label, link and
 * "Change" link; these components only fill in what the person entered, with textContent. */

import * as model from "../core/model.mjs";
import { WORDS, fill, count, answerWords, levelLabel } from "../results/words.mjs";
import { all } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { exportAnswers } from "./export.mjs";

/** What is left of a section, in words, and the kind of tag that shows it, from the account's
 * coverage of the dimension: "Completed" when every criterion has a level or "Not applicable";
 * otherwise what is not answered and what is marked "Not sure yet" (the hub's count agrees).
 * @param {import("../results/account.mjs").DimensionAccount} d */
export function sectionStatus(d) {
  const c = d.coverage;
  const answered = c.withLevel + c.notApplicable;
  if (answered + c.notSure === 0) return { kind: "not-started", text: WORDS.form.notStarted };
  if (answered === c.total) return { kind: "completed", text: WORDS.form.completed };
  const parts = [];
  if (c.blank) parts.push(fill(WORDS.form.notAnswered, { count: count(c.blank, "criterion") }));
  if (c.notSure) parts.push(fill(WORDS.form.notSure, { count: count(c.notSure, "criterion") }));
  return { kind: "in-progress", text: parts.join(", ") };
}

/** Shows the open assessment again whenever it opens or changes. */
class Follows extends FormComponent {
  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type === "opened" || event.type === "changed") this.show();
  }

  show() {}
}

/** The status of each section on the hub: root is ol.cif-tasks, whose items hold a tag
 * [data-task-status="<dimension id>"]. */
export class SectionStatus extends Follows {
  static moduleName = "cif-sections";

  show() {
    showSectionTags(this.root, "data-task-status", this.state);
  }
}

/** The hub's way on: root holds a#cif-continue-link, which the template points at the first step
 * ("Start with 1. …"). Once anything is answered it says "Continue with" the first section not
 * completed, by the same status as the list of sections, and points at its step; with every section
 * completed, it is the page's a#cif-check-link (Check your answers). The link's address pattern is
 * the page data's data-step-href. */
export class ContinueLink extends Follows {
  static moduleName = "cif-continue";

  show() {
    const link = /** @type {HTMLAnchorElement} */ (this.root.querySelector("#cif-continue-link"));
    const sections = this.state.account().dimensions.map((d) => ({ d, kind: sectionStatus(d).kind }));
    const started = sections.some((s) => s.kind !== "not-started");
    const to = started ? sections.find((s) => s.kind !== "completed") : sections[0];
    if (!to) {
      const check = /** @type {HTMLAnchorElement} */ (this.app.doc.getElementById("cif-check-link"));
      link.textContent = check.textContent;
      link.href = check.href;
      return;
    }
    const pattern = this.app.doc.getElementById("cif-framework")?.getAttribute("data-step-href") || "";
    link.href = pattern.replace("__ID__", to.d.id);
    link.textContent = fill(started ? WORDS.form.continueWith : WORDS.form.startWith, { section: to.d.words.name });
  }
}

/** Fills each tag [attribute="<dimension id>"] inside root with its section's status.
 * @param {HTMLElement} root @param {string} attribute @param {import("./state.mjs").FormState} state */
function showSectionTags(root, attribute, state) {
  const dimensions = state.account().dimensions;
  all(root, `[${attribute}]`).forEach((tag) => {
    const dimension = dimensions.find((d) => d.id === tag.getAttribute(attribute));
    if (!dimension) return;
    const status = sectionStatus(dimension);
    tag.textContent = status.text;
    tag.className = "cif-tag cif-tag--" + status.kind;
  });
}

/** The progress indicator of a step or of Check your answers: root holds [data-answered], which
 * says how many of all the criteria are answered (a level or "Not applicable"), as the account counts them. */
export class StepProgress extends Follows {
  static moduleName = "cif-step-progress";

  show() {
    const { answered, total } = this.state.account().counts;
    const line = /** @type {HTMLElement} */ (this.root.querySelector("[data-answered]"));
    line.textContent = fill(WORDS.counts.answered, { answered, total: count(total, "criterion") });
    line.hidden = false;
  }
}

/** Check your answers: root holds, for every criterion, [data-check-answer="<criterion id>"]; for
 * every dimension [data-check-target="<dimension id>"] and [data-check-note="evidence|views"]
 * [data-check-for="<dimension id>"]; and [data-check-status="<dimension id>"] under its heading. */
export class CheckAnswers extends Follows {
  static moduleName = "cif-check";
  /** whether the row changed, named in the address, has been shown */
  returned = false;

  show() {
    const { info, assessment } = this.state;
    all(this.root, "[data-check-answer]").forEach((cell) => {
      const value = model.has(assessment.answers, cell.getAttribute("data-check-answer"))
        ? assessment.answers[cell.getAttribute("data-check-answer")]
        : "";
      cell.textContent = answerWords(info.framework, info.levelIndex, value);
      cell.classList.toggle("cif-summary__value--missing", !value || value === model.NOT_SURE);
    });
    all(this.root, "[data-check-target]").forEach((cell) => {
      const id = cell.getAttribute("data-check-target");
      const target = model.has(assessment.targets, id) ? info.levelIndex.get(assessment.targets[id]) : 0;
      cell.textContent = target ? `${target} ${levelLabel(info.framework, target)}` : WORDS.form.noTarget;
    });
    all(this.root, "[data-check-note]").forEach((cell) => {
      const text = model.note(assessment, cell.getAttribute("data-check-for"), cell.getAttribute("data-check-note"));
      cell.textContent = text || "Nothing written";
      cell.classList.toggle("cif-summary__value--missing", !text);
    });
    showSectionTags(this.root, "data-check-status", this.state);
    if (!this.returned) this.returned = showChangedRow(this.app.doc);
  }
}

/** Back from a Change link (#change-<row> in the address, see ReturnToCheck): the row changed
 * (#row-<row>) is brought into view and its Change link focused, so the person carries on from where
 * they were. The fragment names no element: a browser that finds its target once the page has
 * loaded takes the focus away from any other element.
 * @param {Document} doc @returns {boolean} whether there was a row to show */
function showChangedRow(doc) {
  const hash = doc.location.hash;
  // Only a row's own id is looked for (as ReturnToCheck writes it); anything else in the address is ignored.
  const row = /^#change-[\w-]+$/.test(hash) ? doc.getElementById("row-" + hash.slice(8)) : null;
  const link = row && row.querySelector("a");
  if (!link) return false;
  row.scrollIntoView({ block: "center" });
  link.focus({ preventScroll: true });
  return true;
}

/** A step reached by a Change link of Check your answers (?change=<row> in its address): "Save and
 * continue" and Back lead back to that row of Check your answers (#change-<row>) rather than on through
 * the steps. Root: the step's footer, whose data-check-href is the address of Check your answers. */
export class ReturnToCheck extends FormComponent {
  static moduleName = "cif-return";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    const row = new URLSearchParams(app.doc.location.search).get("change");
    if (!row || !/^[\w-]+$/.test(row)) return;
    const back = `${root.getAttribute("data-check-href")}#change-${row}`;
    /** @type {HTMLAnchorElement} */ (root.querySelector("#cif-continue")).href = back;
    const link = /** @type {HTMLAnchorElement | null} */ (app.doc.querySelector(".cif-back__link"));
    if (!link) return;
    link.href = back;
    const hidden = link.querySelector(".cif-visually-hidden");
    if (hidden) hidden.textContent = " to Check your answers";
  }
}

/** "Export answers (JSON)" in a step's warning that answers are not being saved: leaving the step
 * would lose them, so the step offers the export itself. Root: the element around the button. */
export class StepExport extends FormComponent {
  static moduleName = "cif-step-export";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.on(root, "click", (event) => {
      if (event.target.closest("button")) exportAnswers(app, "json");
    });
  }
}
