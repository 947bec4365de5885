/* The form's list of the assessments on this device: open one, rename the open one, start a new
 * one, copy the open one to start a review, and delete it (after asking, with the offer to export
 * it first). Constructed on the element with data-module="cif-library"; follows the page's state.
 */

import * as model from "../../core/model.mjs";
import { account } from "../../results/account.mjs";
import { make, quoted, find } from "../../ui/dom.mjs";
import { exportNow } from "../transfer.mjs";
import { Keeping } from "../keeping.mjs";
import { FormComponent } from "../component.mjs";
import { everyAssessment, hiddenText, longDate, nameOf, savedRecord } from "./shared.mjs";

/** @typedef {import("./shared.mjs").Assessment} Assessment */
/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../state.mjs").StateEvent} StateEvent */
/** @typedef {{id: string, name: string, date: string, done: string, exported: string, current: boolean}} Row */

export class Library extends FormComponent {
  static moduleName = "cif-library";

  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.ctx = ctx;
    this.list = find(root, ".cif-library__list");
    this.deleteButton = find(root, "#cif-delete");
    this.dialog = /** @type {HTMLDialogElement} */ (find(root, "dialog"));
    this.dialogTitle = find(this.dialog, "#cif-delete-title");
    this.dialogText = find(this.dialog, "#cif-delete-text");
    this.confirmButton = find(this.dialog, "#cif-delete-confirm");
    /** What the dialog's confirm button does now (it also asks before work that is not saved is left). */
    this.confirmed = () => this.deleteOpen();
    /** What the list shows now, to leave it alone when nothing in it changed. @type {string | null} */
    this.shown = null;
    /** Whether keeping.mjs has been started (or is loading). */
    this.keeping = false;

    this.on(this.list, "click", (event) => this.onListClick(event));
    const actions = {
      "#cif-new": () => this.startNew(),
      "#cif-duplicate": () => this.duplicate(),
      "#cif-delete": () => this.askToDelete(),
      "#cif-delete-export": () => this.exportFirst(),
      "#cif-delete-confirm": () => this.confirmed(),
      "#cif-delete-cancel": () => this.cancelDelete(),
    };
    for (const [selector, action] of Object.entries(actions)) this.on(find(root, selector), "click", action);
    this.on(this.dialog, "close", () => {
      if (this.doc.activeElement === this.doc.body) this.deleteButton.focus();
    });
  }

  /** @param {StateEvent} event */
  update(event) {
    if (event.type === "opened" || event.type === "changed") {
      this.render();
      this.keepWork();
    }
  }

  /* Once the open assessment has something in it, starts the reminders to keep it (form/keeping.mjs).
   * The list itself starts only once the form has opened (form/index.mjs), so this never holds it up. */
  keepWork() {
    const root = this.doc.getElementById("cif-keep");
    if (this.keeping || !root || !model.hasContent(this.ctx.state.assessment)) return;
    this.keeping = true;
    const keeping = new Keeping(root, this.ctx, () => this.exportFirst());
    this.keep(() => keeping.stop());
  }

  /* Shows the assessments on the device, the open one marked. */
  render() {
    const assessments = everyAssessment(this.ctx);
    const current = this.ctx.state.assessment;
    /** @type {Row[]} */
    const rows = assessments.map((a) => ({
      id: a.id,
      name: nameOf(a),
      date: a.date,
      done: this.completeness(a),
      exported: a.keep && a.keep.exported ? "Last exported " + longDate(model.today(new Date(a.keep.exported))) : "Never exported",
      current: a.id === current.id,
    }));
    const shown = JSON.stringify(rows);
    if (shown === this.shown) return;
    this.shown = shown;
    this.list.replaceChildren(...rows.map((row) => this.item(row)));
  }

  /** @param {Assessment} assessment */
  completeness(assessment) {
    // The counts as every page says them (results/account.mjs).
    return account(this.ctx.state.info, assessment).words.counts;
  }

  /** @param {Row} row */
  item(row) {
    const doc = this.doc;
    const item = make(doc, "li", "cif-library__item" + (row.current ? " cif-library__item--current" : ""));
    if (row.current) item.setAttribute("aria-current", "true");
    const text = make(doc, "div", "cif-library__text");
    const name = make(doc, "p", "cif-library__name", row.name);
    if (row.current) name.append(" ", make(doc, "strong", "cif-tag cif-tag--in-progress", "Open now"));
    text.append(name, make(doc, "p", "cif-library__meta", `Dated ${longDate(row.date)} \u00b7 ${row.done} \u00b7 ${row.exported}`));
    item.append(text);
    if (row.current) {
      // The name is edited in the form, under "About this assessment": the link goes there.
      const rename = make(doc, "a", "cif-library__action", "Rename");
      rename.href = "#cif-name";
      rename.setAttribute("data-rename", "");
      rename.append(hiddenText(doc, " " + row.name));
      item.append(rename);
    } else {
      const open = make(doc, "button", "md-button cif-button cif-library__action", "Open");
      open.type = "button";
      open.setAttribute("data-open-assessment", row.id);
      open.append(hiddenText(doc, " " + row.name));
      item.append(open);
    }
    return item;
  }

  /** @param {MouseEvent} event */
  onListClick(event) {
    const node = /** @type {Element} */ (event.target).closest("button[data-open-assessment], a[data-rename]");
    if (!node) return;
    if (node instanceof HTMLAnchorElement) {
      event.preventDefault();
      this.doc.getElementById(node.hash.slice(1))?.focus();
    } else this.openSaved(node.getAttribute("data-open-assessment") || "");
  }

  /** Runs action at once when the answers in the form are saved on this device (or there are none);
   * otherwise asks first, offering to export them, since they would be lost.
   * @param {string} label what the confirm button says @param {() => void} action */
  guard(label, action) {
    if (!this.ctx.state.storageProblem || !model.hasContent(this.ctx.state.assessment)) return action();
    this.dialogTitle.textContent = "The answers in this form are not saved on this device";
    this.dialogText.textContent =
      "If you go on, the answers in this form will be lost. Export them first to keep them.";
    this.confirmButton.textContent = label;
    this.confirmed = () => {
      if (this.dialog.open) this.dialog.close();
      action();
    };
    if (typeof this.dialog.showModal === "function") this.dialog.showModal();
    else if (window.confirm(this.dialogText.textContent)) this.confirmed();
  }

  /** @param {string} id */
  openSaved(id) {
    this.guard("Open it anyway", () => this.openNow(id));
  }

  /** @param {string} id */
  openNow(id) {
    const raw = savedRecord(this.ctx, id);
    if (!raw || !this.ctx.state.open(raw, "select")) return;
    this.ctx.state.banner(
      quoted(nameOf(this.ctx.state.assessment)) + " is open",
      "The form below now shows this assessment's answers, notes, targets and action plan."
    );
  }

  startNew() {
    this.guard("Start a new one anyway", () => {
      this.ctx.state.open(model.blankAssessment(this.ctx.state.info), "save");
      this.ctx.state.banner(
        "New assessment started",
        "Give it a name under \u201cAbout this assessment\u201d. " +
          (this.ctx.state.storageProblem
            ? "This browser is not saving answers on this device, so export them to keep them."
            : "Your other assessments are kept on this device.")
      );
    });
  }

  duplicate() {
    const source = this.ctx.state.assessment;
    const copy = model.duplicate(this.ctx.state.info, source);
    delete copy.keep; // the copy has never been exported
    copy.participants = ""; // nor has anyone taken part in it yet
    this.ctx.state.open(copy, "save");
    this.ctx.state.banner(
      "Copy made: " + quoted(nameOf(this.ctx.state.assessment)),
      `It starts with the answers, notes, targets and action plan of ${quoted(nameOf(source))}, which is kept as ` +
        "it was. Rename the copy under \u201cAbout this assessment\u201d and update it for your review."
    );
  }

  askToDelete() {
    const name = quoted(nameOf(this.ctx.state.assessment));
    this.dialogTitle.textContent = `Delete ${name}?`;
    this.confirmButton.textContent = "Delete assessment";
    this.confirmed = () => this.deleteOpen();
    this.dialogText.textContent =
      `This deletes ${name}, with its answers, notes, targets and action plan, from this device. ` +
      "You cannot undo this. Export it first if you might need it.";
    if (typeof this.dialog.showModal === "function") this.dialog.showModal();
    else if (window.confirm(`Delete ${name} from this device?`)) this.deleteOpen();
  }

  cancelDelete() {
    if (this.dialog.open) this.dialog.close();
    this.deleteButton.focus();
  }

  exportFirst() {
    exportNow(this.ctx, "json");
  }

  /* Deletes the open assessment and opens the first one left, or a blank form when none is. */
  deleteOpen() {
    if (this.dialog.open) this.dialog.close();
    const gone = this.ctx.state.assessment;
    this.ctx.state.store.remove(gone.id);
    const loaded = this.ctx.state.store.loadAll();
    const next = loaded.ok && loaded.assessments.length ? loaded.assessments[0] : null;
    if (next) this.ctx.state.open(next, "select");
    else this.ctx.state.open(model.blankAssessment(this.ctx.state.info), "none");
    this.ctx.state.banner(
      quoted(nameOf(gone)) + " has been deleted",
      next
        ? quoted(nameOf(this.ctx.state.assessment)) + " is now open."
        : "There are no other assessments on this device. You can start a new one below."
    );
  }
}
