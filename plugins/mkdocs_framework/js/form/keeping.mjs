/* Keeping the work, under "About this assessment" (root: #cif-keep, whose warning about computers
 * that clear browser data at log-off is in the template). Loaded with assess-more.js once the open
 * assessment has something in it (progress/library.mjs starts it), since it is not needed at first
 * paint. It asks the browser, once per page, to keep this site's data (navigator.storage.persist(),
 * where the browser has it) and says what the browser answered; and it shows a reminder to export
 * after changes that are in no file (core/keep.mjs decides when), which the person can dismiss.
 * It also offers to keep the assessment in a file (file-keep.mjs), or says why the browser cannot;
 * there is no reminder while every change is written to a file.
 * The reminder is not a live region: it is read out once, politely, when it first appears.
 */

import * as keep from "../core/keep.mjs";
import { FormComponent } from "./component.mjs";
import { FileKeeper, keptInFile } from "./file-keep.mjs";

const KEPT =
  "Your browser has agreed to keep your answers on this device: it will not clear them to free up space. Clearing your browsing data still deletes them.";
const MAY_CLEAR =
  "Your browser may clear your answers from this device, for example when it runs short of space.";

/** Whether this page has asked the browser already (a refusal is not asked again). */
let asked = false;

export class Keeping extends FormComponent {
  static moduleName = "cif-keep";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app @param {() => void} exportJson */
  constructor(root, app, exportJson) {
    super(root, app);
    this.reminder = this.byId("cif-reminder");
    this.persisted = this.byId("cif-keep-persist");
    /** Whether the reminder has been read out on this page. */
    this.announced = false;
    this.on(root, "click", (event) => {
      const button = event.target.closest("button");
      if (button && button.id === "cif-reminder-export") exportJson();
      else if (button && button.id === "cif-reminder-dismiss") this.dismiss();
    });
    this.askToKeep();
    this.check(false);
    this.offerFile();
  }

  /** Keeping the assessment in a file (file-keep.mjs), under "Keep a copy": offered where the
   * browser can (the File System Access API: Edge, Chrome); elsewhere one sentence says why not. */
  offerFile() {
    const root = this.doc.getElementById("cif-filekeep");
    if (!root) return;
    if (typeof (/** @type {any} */ (this.doc.defaultView).showSaveFilePicker) !== "function") {
      /** @type {HTMLElement} */ (root.querySelector(".cif-filekeep__missing")).hidden = false;
      root.hidden = false;
      return;
    }
    const keeper = FileKeeper.start(root, this.app);
    this.keep(() => keeper.stop());
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type === "changed" || event.type === "opened" || event.type === "storage") this.check(true);
  }

  /** Shows the reminder when one is due (never while the browser is not saving: the warning at the
   * top of the form says so already). @param {boolean} tell read it out if it appears now */
  check(tell) {
    // A file kept up to date (file-keep.mjs) needs no reminder to export.
    const due = this.state.storageProblem || keptInFile(this.doc) ? null : keep.reminderDue(this.state.assessment);
    const appears = Boolean(due) && this.reminder.hidden;
    if (due) this.byId("cif-reminder-text").textContent = keep.reminderText(due);
    this.reminder.hidden = !due;
    if (appears && tell && !this.announced) {
      this.announced = true;
      this.state.announce("Reminder: export your answers to keep a copy. The reminder is under \u201cAbout this assessment\u201d.");
    }
  }

  dismiss() {
    this.state.change((assessment) => keep.dismissed(assessment));
    this.root.focus();
  }

  /** Asks the browser to keep this site's data, unless it already does or was asked on this page,
   * and says what it answered. Browsers without the Storage API may clear data too, so say so. */
  askToKeep() {
    if (this.state.storageProblem) return;
    const storage = this.doc.defaultView?.navigator.storage;
    /** @param {boolean} kept */
    const show = (kept) => {
      this.persisted.textContent = kept ? KEPT : MAY_CLEAR;
      this.persisted.hidden = false;
    };
    if (!storage || typeof storage.persist !== "function" || typeof storage.persisted !== "function") return show(false);
    storage
      .persisted()
      .then((kept) => {
        if (kept || asked) return kept;
        asked = true;
        return storage.persist();
      })
      .then(show, () => show(false));
  }
}
