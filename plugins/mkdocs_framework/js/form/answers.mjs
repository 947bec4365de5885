/* The form's answers: one Criterion per question (its radios, "Clear answer" and, after answers
 * were carried over from another version, its "Check this answer" flag), the assessment's
 * details, and each dimension's target and notes. */

import * as model from "../core/model.mjs";
import * as fields from "../core/fields.mjs";
import { all, make, setText } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { criterionName, dimensionSentence } from "./words.mjs";
import { dateFieldOk } from "./date-field.mjs";

/** A question: root is its fieldset[data-criterion]. */
export class Criterion extends FormComponent {
  static moduleName = "cif-criterion";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.id = root.getAttribute("data-criterion") || "";
    this.radios = /** @type {HTMLInputElement[]} */ (all(root, "input[type=radio]"));
    this.on(root, "change", (event) => this.answer(event.target));
    this.on(root, "click", (event) => this.click(event));
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type === "opened") {
      const answers = this.state.assessment.answers;
      const value = model.has(answers, this.id) ? answers[this.id] : "";
      this.radios.forEach((radio) => (radio.checked = radio.value === value));
    }
    if (event.type === "opened" || event.type === "changed") this.show();
  }

  show() {
    this.flag();
    // As before the split: "Clear answer" follows the answers only where the form can score.
    if (this.state.results()) /** @type {HTMLElement} */ (this.root.querySelector(".cif-clear")).hidden = !model.has(this.state.assessment.answers, this.id);
  }

  /** @param {HTMLInputElement} radio */
  answer(radio) {
    if (!this.radios.includes(radio)) return;
    this.state.change((assessment) => model.setAnswer(this.state.info, assessment, this.id, radio.value));
    this.state.announce(dimensionSentence(this.state, this.id));
  }

  /** @param {MouseEvent} event */
  click(event) {
    const button = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!button) return;
    const state = this.state;
    if (button.hasAttribute("data-clear")) {
      this.radios.forEach((radio) => (radio.checked = false));
      state.change((assessment) => model.setAnswer(state.info, assessment, this.id, null));
      this.radios[0].focus();
      state.announce("Answer cleared. " + dimensionSentence(state, this.id));
    } else if (button.hasAttribute("data-confirm")) {
      state.change((assessment) => model.confirmAnswer(state.info, assessment, this.id));
      (this.radios.find((radio) => radio.checked) || this.radios[0]).focus();
      state.announce("Answer kept: " + criterionName(state.info, this.id) + ".");
    }
  }

  /* "Check this answer", until the question is answered again or the answer is kept. */
  flag() {
    const root = this.root;
    const reason = model.reviewReason(this.state.assessment, this.id);
    let flag = root.querySelector(".cif-review");
    if (!reason) {
      if (flag) {
        flag.remove();
        root.classList.remove("cif-criterion--review");
        root.removeAttribute("aria-describedby");
      }
      return;
    }
    if (!flag) {
      const doc = this.doc;
      flag = make(doc, "div", "cif-review");
      flag.id = "review-" + this.id;
      const button = make(doc, "button", "cif-link-button cif-review__keep", "Keep this answer");
      button.type = "button";
      button.setAttribute("data-confirm", this.id);
      button.append(make(doc, "span", "cif-visually-hidden", " to " + criterionName(this.state.info, this.id)));
      flag.append(make(doc, "p", "cif-review__text"), button);
      /** @type {HTMLElement} */ (root.querySelector("legend")).after(flag);
      root.classList.add("cif-criterion--review");
      root.setAttribute("aria-describedby", flag.id);
    }
    setText(flag.querySelector(".cif-review__text"), fields.REASONS[/** @type {keyof typeof fields.REASONS} */ (reason)] || fields.REASONS.reworded);
  }
}

/** The assessment's name, local authority and date: root is div.cif-details. */
export class Details extends FormComponent {
  static moduleName = "cif-details";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.fields = /** @type {HTMLInputElement[]} */ (all(root, "input, textarea"));
    this.on(root, "input", (event) => {
      const field = /** @type {HTMLInputElement} */ (event.target);
      if (!this.fields.includes(field)) return;
      // A date the form's import would refuse (a year of six digits, say) is never saved.
      if (field.type === "date" && !dateFieldOk(field)) return;
      this.state.change((assessment) => model.setDetail(assessment, field.name, field.value));
    });
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "opened") return;
    this.fields.forEach((field) => {
      field.value = this.state.assessment[field.name];
      // One saved by an earlier version of the form is shown as it is, with the error next to it.
      if (field.type === "date") dateFieldOk(field);
    });
  }
}

/** A dimension's target and notes: root is div.cif-dimension__extra. */
export class DimensionNotes extends FormComponent {
  static moduleName = "cif-dimension-notes";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.target = /** @type {HTMLSelectElement} */ (root.querySelector("select[data-target]"));
    this.notes = /** @type {HTMLTextAreaElement[]} */ (all(root, "textarea[data-note]"));
    const info = app.state.info;
    this.on(this.target, "change", () => {
      this.state.change((a) => model.setTarget(info, a, this.target.getAttribute("data-target") || "", this.target.value));
    });
    this.on(root, "input", (event) => {
      const area = event.target;
      if (!this.notes.includes(area)) return;
      this.state.change((a) => model.setNote(info, a, area.getAttribute("data-note-for") || "", area.getAttribute("data-note") || "", area.value));
    });
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "opened") return;
    const assessment = this.state.assessment;
    const id = this.target.getAttribute("data-target") || "";
    this.target.value = model.has(assessment.targets, id) ? assessment.targets[id] : "";
    this.notes.forEach((area) => {
      area.value = model.note(assessment, area.getAttribute("data-note-for") || "", area.getAttribute("data-note") || "");
    });
  }
}
