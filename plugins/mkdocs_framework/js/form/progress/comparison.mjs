/* "Progress over time" on the form: choose another assessment (one on this device, or one
 * exported to a file) to compare the open one with; says what to fix when the choice cannot be
 * compared; shows the result, keeps it up to date as the open assessment changes, and prints it.
 * Constructed on the element with data-module="cif-progress"; follows the page's state. The
 * result's view (comparison-report.mjs) comes with assess-more.js, which comparing loads first.
 */

import * as model from "../../core/model.mjs";
import { chartPrintWidth, make, find } from "../../ui/dom.mjs";
import { printAs } from "../print.mjs";
import * as transfer from "../../core/transfer.mjs";
import { ComparisonReport } from "./comparison-report.mjs";
import { FormComponent } from "../component.mjs";
import { everyAssessment, hiddenText, longDate, nameOf, savedRecord } from "./shared.mjs";
import { WORDS } from "../../results/words.mjs";

/** @typedef {import("./shared.mjs").Assessment} Assessment */
/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("./comparison-report.mjs").ComparedWith} ComparedWith */
/** @typedef {import("../state.mjs").StateEvent} StateEvent */

export class Comparison extends FormComponent {
  static moduleName = "cif-progress";

  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.ctx = ctx;
    this.choice = /** @type {HTMLSelectElement} */ (find(root, "#cif-compare-with"));
    this.file = /** @type {HTMLInputElement} */ (find(root, "#cif-compare-file"));
    this.fileField = find(root, "#cif-compare-file-field");
    this.errors = find(root, "#cif-compare-errors");
    this.errorList = find(this.errors, "ul");
    this.results = find(root, "#cif-compare-results");
    /** The result's view, made on first use. @type {ComparisonReport | null} */
    this.view = null;
    /** What the open assessment is compared with, once compared. @type {ComparedWith | null} */
    this.comparedWith = null;
    /** The id of the open assessment the comparison is of. @type {string | null} */
    this.openId = null;

    this.on(this.choice, "change", () => this.showFileField());
    this.on(find(root, "#cif-compare"), "click", () => this.start());
    this.on(find(root, "#cif-print-compare"), "click", () => {
      this.showForPrint();
      printAs(ctx.doc, "progress");
    });
    // Printed, the chart is drawn to fit the page; back on screen, to fit the screen.
    this.on(window, "beforeprint", () => this.showForPrint());
    this.on(window, "afterprint", () => this.showForScreen());
  }

  /** @param {StateEvent} event */
  update(event) {
    if (event.type === "opened" || event.type === "changed") this.render();
  }

  /* Keeps the choices and the result up to date with the open assessment: a different one opened
   * ends the comparison. */
  render() {
    const current = this.ctx.state.assessment;
    this.showChoices(everyAssessment(this.ctx).filter((a) => a.id !== current.id));
    if (this.openId !== current.id) {
      this.openId = current.id;
      this.comparedWith = null;
      this.results.hidden = true;
    } else if (this.comparedWith) this.show(this.comparedWith);
  }

  /** Shows the result (call once assess-more.js is loaded).
   * @param {ComparedWith} other @param {{focus?: boolean, printWidth?: number}} [how] */
  show(other, how) {
    if (!this.view) this.view = new ComparisonReport(this.results, this.ctx);
    this.view.show(other, how);
  }

  showForPrint() {
    if (this.comparedWith && !this.results.hidden) this.show(this.comparedWith, { printWidth: chartPrintWidth() });
  }

  showForScreen() {
    if (this.comparedWith && !this.results.hidden) this.show(this.comparedWith);
  }

  /** @param {Assessment[]} others the assessments on the device other than the open one */
  showChoices(others) {
    const doc = this.doc;
    const chosen = this.choice.value;
    while (this.choice.options.length > 1) this.choice.remove(1);
    for (const a of others) {
      const option = make(doc, "option", "", `${nameOf(a)} (${longDate(a.date)})`);
      option.value = a.id;
      this.choice.append(option);
    }
    const file = make(doc, "option", "", "An assessment exported to a file");
    file.value = "file";
    this.choice.append(file);
    this.choice.value = chosen;
    if (this.choice.value !== chosen) this.choice.value = "";
    this.showFileField();
  }

  showFileField() {
    this.fileField.hidden = this.choice.value !== "file";
  }

  start() {
    this.clearErrors();
    const choice = this.choice.value;
    if (!choice) {
      this.showError(this.choice, ["Choose an assessment to compare with."]);
    } else if (choice === "file") {
      this.compareWithFile();
    } else {
      const raw = savedRecord(this.ctx, choice);
      if (!raw) {
        this.showError(this.choice, ["That assessment is no longer on this device. Choose another."]);
        return;
      }
      const assessment = model.restore(this.ctx.state.info, raw);
      this.compareWith({ assessment, source: "device", warnings: [] });
    }
  }

  compareWithFile() {
    const file = this.file.files && this.file.files[0];
    if (!file) {
      this.showError(this.file, ["Select a JSON file exported from this form."]);
      return;
    }
    if (file.size > transfer.MAX_BYTES) {
      this.showError(this.file, ["The selected file is larger than 1 MB, so it cannot be an export from this form."]);
      return;
    }
    file.arrayBuffer().then(
      (buffer) => {
        const text = new Uint8Array(buffer);
        const result = transfer.parseImport(this.ctx.state.info, text, file.size);
        if (!result.ok) {
          this.showError(this.file, result.errors || []);
          return;
        }
        const { assessment, warnings } = result;
        if (assessment) this.compareWith({ assessment, source: "file", fileName: file.name, warnings: warnings || [] });
      },
      () => this.showError(this.file, [WORDS.form.fileUnreadable])
    );
  }

  /** @param {ComparedWith} other */
  compareWith(other) {
    this.comparedWith = other;
    this.show(other, { focus: true });
  }

  clearErrors() {
    this.errors.hidden = true;
    for (const input of [this.choice, this.file]) {
      find(this.root, `#${input.id}-error`).hidden = true;
      find(this.root, `#${input.id}-field`).classList.remove("cif-field--error");
    }
    this.choice.removeAttribute("aria-describedby");
    this.file.setAttribute("aria-describedby", "cif-compare-file-hint");
  }

  /** Says what to fix, in the error summary (focused) and beside the field, GOV.UK style.
   * @param {HTMLSelectElement | HTMLInputElement} input @param {string[]} messages */
  showError(input, messages) {
    const doc = this.doc;
    this.errorList.replaceChildren(
      ...messages.map((message) => {
        const link = make(doc, "a", "", message);
        link.href = "#" + input.id;
        const item = doc.createElement("li");
        item.append(link);
        return item;
      })
    );
    const inline = find(this.root, `#${input.id}-error`);
    inline.replaceChildren(hiddenText(doc, "Error: "), messages[0]);
    inline.hidden = false;
    find(this.root, `#${input.id}-field`).classList.add("cif-field--error");
    const hint = input === this.file ? "cif-compare-file-hint " : "";
    input.setAttribute("aria-describedby", `${hint}${input.id}-error`);
    this.results.hidden = true;
    this.comparedWith = null;
    this.errors.hidden = false;
    this.errors.focus();
  }
}
