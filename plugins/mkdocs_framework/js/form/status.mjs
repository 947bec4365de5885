/* What the form tells the person about itself: whether answers are saved (each save status line
 * and the warning when the browser will not save) and the banner after something big happened. The
 * live region that reads out the effect of a change is the Announcer of ui/component.mjs. */

import { setText } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";

const STORAGE_REASONS = {
  blocked: "Your browser is blocking this site from saving data, for example because site data or cookies are turned off.",
  full: "Your browser's storage for this site is full.",
  failed: "Your browser did not let this site save data. This can happen in private browsing.",
  unreadable:
    "The answers already saved on this device could not be read (they are damaged), so the form has started a new assessment and will not save over them.",
  newer:
    "The answers already saved on this device were saved by a newer version of this site, so the form has started a new assessment and will not save over them.",
};

/** A save status line: root is p.cif-save-status. */
export class SaveStatus extends FormComponent {
  static moduleName = "cif-save-status";

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "storage") return;
    this.root.textContent = this.state.saveMessage;
    this.root.classList.toggle("cif-save-status--failed", this.state.storageProblem !== null);
  }
}

/** "Your answers are not being saved": root is #cif-storage-warning. */
export class StorageWarning extends FormComponent {
  static moduleName = "cif-storage-warning";

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "storage") return;
    const problem = this.state.storageProblem;
    if (problem) setText(this.byId("cif-storage-warning-reason"), STORAGE_REASONS[/** @type {keyof typeof STORAGE_REASONS} */ (problem)] || STORAGE_REASONS.failed);
    this.root.hidden = problem === null;
  }
}

/** The banner: root is #cif-banner. */
export class Banner extends FormComponent {
  static moduleName = "cif-banner";

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "banner") return;
    setText(this.byId("cif-banner-title"), event.title || "");
    setText(this.byId("cif-banner-text"), event.text || "");
    this.root.hidden = false;
    this.root.focus();
  }
}
