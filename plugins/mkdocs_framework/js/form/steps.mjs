/* The form in steps: what tells a person where they are and what is left. On the hub, each
 * section's status in the list of sections ("2 criteria not answered"); on each step, the progress
 * indicator that stays in view ("12 of 39 criteria answered"); and on Check your answers, every
 * answer, target and note of the open assessment. The page's template gives every label, link and
 * "Change" link; these components only fill in what the person entered, with textContent. */

import * as model from "../core/model.mjs";
import { all } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { exportAnswers } from "./transfer.mjs";

const plural = model.plural;

/** How far a dimension's criteria are answered: answered counts a level or "Not applicable",
 * notSure the criteria marked "Not sure yet", unanswered those with neither.
 * @param {any} assessment @param {any} dimension */
export function sectionCounts(assessment, dimension) {
  let answered = 0;
  let notSure = 0;
  for (const criterion of dimension.criteria) {
    if (!model.has(assessment.answers, criterion.id)) continue;
    if (assessment.answers[criterion.id] === model.NOT_SURE) notSure += 1;
    else answered += 1;
  }
  return { total: dimension.criteria.length, answered, notSure, unanswered: dimension.criteria.length - answered - notSure };
}

/** What is left of a section, in words, and the kind of tag that shows it.
 * @param {{total: number, answered: number, notSure: number, unanswered: number}} counts */
export function sectionStatus(counts) {
  if (counts.answered + counts.notSure === 0) return { kind: "not-started", text: "Not started" };
  if (counts.answered === counts.total) return { kind: "completed", text: "Completed" };
  const parts = [];
  if (counts.unanswered) parts.push(plural(counts.unanswered, "criterion", "criteria") + " not answered");
  if (counts.notSure) parts.push(plural(counts.notSure, "criterion", "criteria") + " marked \u201cNot sure yet\u201d");
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

/** Fills each tag [attribute="<dimension id>"] inside root with its section's status.
 * @param {HTMLElement} root @param {string} attribute @param {import("./state.mjs").FormState} state */
function showSectionTags(root, attribute, { info, assessment }) {
  all(root, `[${attribute}]`).forEach((tag) => {
    const dimension = info.dimensions.get(tag.getAttribute(attribute));
    if (!dimension) return;
    const status = sectionStatus(sectionCounts(assessment, dimension));
    tag.textContent = status.text;
    tag.className = "cif-tag cif-tag--" + status.kind;
  });
}

/** The progress indicator of a step or of Check your answers: root holds [data-answered], which
 * says how many of all the criteria are answered (a level or "Not applicable"). */
export class StepProgress extends Follows {
  static moduleName = "cif-step-progress";

  show() {
    const { framework, assessment } = this.state;
    let answered = 0;
    let total = 0;
    for (const dimension of framework.dimensions) {
      const counts = sectionCounts(assessment, dimension);
      answered += counts.answered;
      total += counts.total;
    }
    const line = /** @type {HTMLElement} */ (this.root.querySelector("[data-answered]"));
    line.textContent = `${answered} of ${plural(total, "criterion", "criteria")} answered`;
    line.hidden = false;
  }
}

/** Check your answers: root holds, for every criterion, [data-check-answer="<criterion id>"]; for
 * every dimension [data-check-target="<dimension id>"] and [data-check-note="evidence|views"]
 * [data-check-for="<dimension id>"]; and [data-check-status="<dimension id>"] under its heading. */
export class CheckAnswers extends Follows {
  static moduleName = "cif-check";

  show() {
    const { info, assessment } = this.state;
    all(this.root, "[data-check-answer]").forEach((cell) => {
      const value = model.has(assessment.answers, cell.getAttribute("data-check-answer"))
        ? assessment.answers[cell.getAttribute("data-check-answer")]
        : "";
      cell.textContent =
        value === model.NOT_APPLICABLE
          ? "Not applicable"
          : value === model.NOT_SURE
            ? "Not sure yet"
            : model.levelLabel(info, value) || "Not answered";
      cell.classList.toggle("cif-summary__value--missing", !value || value === model.NOT_SURE);
    });
    all(this.root, "[data-check-target]").forEach((cell) => {
      const id = cell.getAttribute("data-check-target");
      const target = model.has(assessment.targets, id) ? info.levelIndex.get(assessment.targets[id]) : 0;
      cell.textContent = target ? `${target} ${this.state.levelName(target)}` : "No target set";
    });
    all(this.root, "[data-check-note]").forEach((cell) => {
      const text = model.note(assessment, cell.getAttribute("data-check-for"), cell.getAttribute("data-check-note"));
      cell.textContent = text || "Nothing written";
      cell.classList.toggle("cif-summary__value--missing", !text);
    });
    showSectionTags(this.root, "data-check-status", this.state);
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
