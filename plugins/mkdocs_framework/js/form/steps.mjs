/* The form in steps: what tells a person where they are and what is left. On the hub, each
 * section's status in the list of sections ("2 criteria not answered"); on each step, the progress
 * indicator that stays in view ("12 of 39 criteria answered"); and on Check your answers, every
 * answer, target and note of the open assessment. The page's template gives every label, link and
 * "Change" link; these components only fill in what the person entered, with textContent. */

import * as model from "../core/model.mjs";
import { WORDS, fill, count, answerWords, levelLabel } from "../results/words.mjs";
import { all } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { exportAnswers } from "./transfer.mjs";

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
