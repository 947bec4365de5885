/* Keeping the open assessment in a file the person chose (root: #cif-filekeep, templates/
 * _file_keep.html.j2), with assess-more.js: keeping.mjs starts it on the hub (where it offers the
 * choice of a file) and file-hook.mjs on any page once a file was ever chosen on this device. Every change is written to the file as well as to the browser's
 * storage: a moment after the last change (WAIT), never on the way from an answer to the results,
 * one write at a time. The file is an ordinary export (core/transfer.mjs exportJson); a file opened
 * is read by the import (form/transfer.mjs, through the "cif:import-file" event), never another way.
 * Which file an assessment is kept in survives a reload in IndexedDB (core/file-store.mjs); a
 * browser that asks again for permission to write gets a "Carry on writing to <file>" button (the
 * request needs a click). Anything that stops a write (permission refused, the file moved or
 * deleted, a full disk) is said at once in the page's alert, with the work kept in the browser and
 * "Choose the file again". A file changed elsewhere since this page wrote it is never written over
 * unasked: the person chooses which answers to keep, and the other version is kept aside whole, as
 * another assessment in the list on this device.
 */

import * as model from "../core/model.mjs";
import { fileStore } from "../core/file-store.mjs";
import { exportJson, parseImport } from "../core/transfer.mjs";
import { fileName } from "../core/util.mjs";
import { make, sentence } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";

const TYPES = [{ description: "Assessment exported from this form (JSON)", accept: { "application/json": [".json"] } }];

/** How long after the last change the file is written (ms): a burst of typing is one write. */
export const WAIT = 400;

/** What stopped a write, in words, by kind. */
const PROBLEMS = {
  denied: "This page is not allowed to write to the file any more.",
  missing: "The file has been moved, renamed or deleted.",
  full: "There is no room left where the file is kept.",
  foreign: "The file was changed somewhere else, and no longer holds an export from this form, so this page has not written over it.",
  failed: "The file could not be written.",
};

/** @typedef {keyof PROBLEMS} Problem */

/** @param {any} error @returns {Problem} */
function problemOf(error) {
  const name = error && error.name;
  if (name === "NotFoundError") return "missing";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "QuotaExceededError") return "full";
  return "failed";
}

/** "19:42", or "7 December 2026 at 19:42" on another day. @param {string} iso */
function when(iso) {
  const date = new Date(iso);
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return model.today(date) === model.today() ? time : `${model.longDate(model.today(date))} at ${time}`;
}

/** Whether the page may write to the file: "granted", "prompt" or "denied" (a browser without the
 * question lets the write itself say). @param {any} handle @returns {Promise<string>} */
function permission(handle) {
  if (typeof handle.queryPermission !== "function") return Promise.resolve("granted");
  return handle.queryPermission({ mode: "readwrite" }).catch(() => "denied");
}

/** @type {WeakMap<HTMLElement, FileKeeper>} */
const keepers = new WeakMap();

/** The page's keeper, if it keeps the open assessment in a file now (keeping.mjs then sends no
 * reminder to export). @param {Document} doc */
export function keptInFile(doc) {
  const root = doc.getElementById("cif-filekeep");
  const keeper = root && keepers.get(root);
  return Boolean(keeper && keeper.kept && keeper.status === "writing");
}

export class FileKeeper extends FormComponent {
  static moduleName = "cif-filekeep";

  /** One per page. @param {HTMLElement} root @param {import("./component.mjs").App} app */
  static start(root, app) {
    const found = keepers.get(root);
    if (found) return found;
    const keeper = new FileKeeper(root, app);
    keepers.set(root, keeper);
    keeper.keep(() => keepers.delete(root));
    return keeper;
  }

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.files = fileStore(/** @type {any} */ (this.doc.defaultView).indexedDB, this.state.framework.id);
    /** The open assessment's file, or null. @type {(import("../core/file-store.mjs").Kept & {id: string}) | null} */
    this.kept = null;
    /** "none", "asking" (for permission), "writing" (every change), "problem" or "conflict". */
    this.status = "none";
    this.timer = 0;
    this.busy = false;
    this.again = false;
    /** The file's text when it was found changed elsewhere. */
    this.theirs = "";
    /** The assessment whose file this keeper follows. */
    this.following = "";
    this.alert = this.byId("cif-filekeep-alert");
    this.conflictPanel = this.byId("cif-filekeep-conflict");
    /** @type {Record<string, () => void>} */
    const actions = {
      "cif-filekeep-resume": () => this.resume(),
      "cif-filekeep-again": () => this.pick("save"),
      "cif-filekeep-keep-browser": () => this.keepBrowser(),
      "cif-filekeep-keep-file": () => this.keepFile(),
    };
    this.on(root, "click", (event) => {
      const button = event.target.closest("button");
      if (button && Object.prototype.hasOwnProperty.call(actions, button.id)) actions[button.id]();
      else if (button && button.hasAttribute("data-filekeep")) this.pick(button.getAttribute("data-filekeep"));
    });
    this.keep(() => clearTimeout(this.timer));
    const offer = /** @type {HTMLElement | null} */ (root.querySelector(".cif-filekeep__offer"));
    if (offer) offer.hidden = false;
    root.hidden = false;
    this.follow();
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type === "opened" && this.state.assessment.id !== this.following) this.follow();
    else if (event.type === "changed" || event.type === "opened") this.schedule();
  }

  /** Finds the file of the assessment now open, if it has one, and carries on writing to it. */
  async follow() {
    const id = this.state.assessment.id;
    this.following = id;
    clearTimeout(this.timer);
    this.kept = null;
    this.show("none");
    const kept = await this.files.get(id);
    if (!kept || this.state.assessment.id !== id) return;
    this.kept = { ...kept, id };
    const allowed = await permission(kept.handle);
    if (allowed === "granted") this.writing(kept.updated !== this.state.assessment.updated);
    else if (allowed === "prompt") this.show("asking");
    else this.fail("denied");
  }

  /** Opens the browser's picker, inside the click (browsers require one): "save" to choose a file
   * to keep the open assessment in ("Keep this assessment in a file", "Choose the file again",
   * suggesting the file's name), "open" to open one. @param {string | null} how */
  pick(how) {
    const win = /** @type {any} */ (this.doc.defaultView);
    const way = how || undefined;
    const suggestedName = this.kept ? this.kept.name : fileName(this.state.assessment, ".json");
    try {
      if (how === "open") this.picked(win.showOpenFilePicker({ types: TYPES }).then((/** @type {any[]} */ list) => list[0]), way);
      else this.picked(win.showSaveFilePicker({ types: TYPES, suggestedName }), way);
    } catch (error) {
      this.picked(Promise.reject(error), way);
    }
  }

  /** A file the person just picked: "save" keeps the assessment in it (written at once), "open"
   * imports it first. @param {Promise<any>} picked @param {string} [how] */
  picked(picked, how) {
    picked.then(
      (handle) => (how === "open" ? this.open(handle) : this.bind(handle, -1, "")),
      (error) => {
        // Closed without a choice: nothing changes.
        if (error && error.name !== "AbortError") this.state.announce("The file could not be chosen. Try again.");
      }
    );
  }

  /** Keeps the open assessment in the file, and writes it now. modified and text: the file as last
   * read (-1: the person chose to write over it). @param {any} handle @param {number} modified @param {string} text */
  async bind(handle, modified, text) {
    const id = this.state.assessment.id;
    // A new assessment is saved once something is entered: a file chosen first is something.
    if (!this.state.base) this.state.save(false);
    this.following = id;
    this.kept = { id, handle, name: handle.name, written: "", modified, text, updated: "" };
    await this.files.put(id, this.stored());
    this.writing(true);
  }

  /** Opens a file through the import (its checks, its confirmation), then keeps the assessment in it.
   * @param {any} handle */
  async open(handle) {
    let file;
    try {
      file = await handle.getFile();
    } catch (error) {
      this.state.announce("The file could not be read. Choose it again.");
      return;
    }
    const text = await file.text().catch(() => "");
    const applied = async () => {
      // A file opened is read only, until the person lets the page write to it.
      const asked = typeof handle.requestPermission === "function" ? handle.requestPermission({ mode: "readwrite" }).catch(() => "prompt") : "granted";
      const allowed = await asked;
      await this.bind(handle, file.lastModified, text);
      if (allowed !== "granted") this.show("asking");
    };
    this.doc.dispatchEvent(new CustomEvent("cif:import-file", { detail: { file, applied } }));
  }

  /** The record kept in IndexedDB (without the assessment's id, its key). */
  stored() {
    const { handle, name, written, modified, text, updated } = /** @type {any} */ (this.kept);
    return { handle, name, written, modified, text, updated };
  }

  /** Writes every change from now on; now: write at once. @param {boolean} now */
  writing(now) {
    this.show("writing");
    if (now) this.write();
  }

  /** A write a moment after the last change, off the way from an answer to its results. */
  schedule() {
    if (this.status !== "writing") return;
    clearTimeout(this.timer);
    this.timer = Number(setTimeout(() => this.write(), WAIT));
  }

  /** Writes the open assessment to its file, unless the file was changed elsewhere since. */
  async write() {
    if (this.busy) {
      this.again = true;
      return;
    }
    const kept = this.kept;
    if (!kept || this.status !== "writing") return;
    this.busy = true;
    const { assessment, info } = this.state;
    const text = exportJson(info, assessment);
    const updated = assessment.updated;
    try {
      const before = await kept.handle.getFile();
      if (kept.modified !== -1 && before.lastModified !== kept.modified) {
        // Another tab of this browser wrote it (and said so in IndexedDB): not a change elsewhere.
        const ours = await this.files.get(kept.id);
        if (ours && ours.modified === before.lastModified) Object.assign(kept, { modified: ours.modified, text: ours.text });
        const theirs = await before.text();
        if (theirs !== kept.text) return this.changedElsewhere(theirs);
      }
      const writable = await kept.handle.createWritable();
      try {
        await writable.write(text);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
      const after = await kept.handle.getFile();
      if (this.kept !== kept) return;
      Object.assign(kept, { written: new Date().toISOString(), modified: after.lastModified, text, updated });
      await this.files.put(kept.id, this.stored());
      this.show("writing");
    } catch (error) {
      if (this.kept === kept) this.fail(problemOf(error));
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  /** @param {Problem} problem */
  fail(problem) {
    clearTimeout(this.timer);
    this.show("problem", problem);
  }

  /** The file holds what another device wrote: the person chooses. @param {string} theirs */
  changedElsewhere(theirs) {
    const parsed = /** @type {any} */ (parseImport(this.state.info, theirs));
    if (!parsed.ok) return this.fail("foreign");
    this.theirs = theirs;
    this.show("conflict");
    const name = /** @type {any} */ (this.kept).name;
    sentence(
      this.byId("cif-filekeep-conflict-text"),
      "The file ",
      [name],
      " has been changed somewhere else, for example on another device, since this page last wrote to it. Your latest changes are kept in this browser. Choose which answers to keep: the other version is kept aside whole, as another assessment in the list of assessments on this device."
    );
    this.conflictPanel.focus();
  }

  /** Keeps a version beside the others on this device, named to say what it is; returns its name.
   * @param {any} assessment @param {string} which */
  keepAside(assessment, which) {
    const aside = JSON.parse(JSON.stringify(assessment));
    aside.id = model.blankAssessment(this.state.info).id;
    aside.name = `${assessment.name || "Untitled assessment"} (${which}, kept aside ${when(new Date().toISOString())})`.slice(0, 300);
    const store = this.state.store;
    store.exclusive(() => {
      const kept = store.keepAside(aside);
      if (!kept.ok) this.state.announce("The other version could not be kept on this device: export it now to keep it.");
    });
    return aside.name;
  }

  /** This browser's answers go to the file; the file's are kept aside. */
  keepBrowser() {
    const parsed = /** @type {any} */ (parseImport(this.state.info, this.theirs));
    const name = this.keepAside(parsed.assessment, "the file's version");
    /** @type {any} */ (this.kept).modified = -1;
    this.writing(true);
    this.state.announce(`Kept the answers in this browser, and written them to the file. The file's version is in the list of assessments on this device as ${name}.`);
  }

  /** The file's answers replace this browser's, which are kept aside. */
  async keepFile() {
    const kept = /** @type {any} */ (this.kept);
    const parsed = /** @type {any} */ (parseImport(this.state.info, this.theirs));
    const name = this.keepAside(this.state.assessment, "this browser's version");
    try {
      kept.modified = (await kept.handle.getFile()).lastModified;
    } catch (error) {
      kept.modified = -1;
    }
    kept.text = this.theirs;
    this.show("writing");
    this.state.replace(parsed.assessment, Boolean(parsed.migration));
    this.state.announce(`Kept the answers in the file. This browser's version is in the list of assessments on this device as ${name}.`);
  }

  /** "Carry on writing to <file>": asks for permission (inside the click, as browsers require). */
  resume() {
    const kept = this.kept;
    if (!kept) return;
    const asked = typeof kept.handle.requestPermission === "function" ? kept.handle.requestPermission({ mode: "readwrite" }) : Promise.resolve("granted");
    asked.then(
      (/** @type {string} */ allowed) => (allowed === "granted" ? this.writing(kept.updated !== this.state.assessment.updated) : this.fail("denied")),
      () => this.fail("denied")
    );
  }


  /** Shows what is happening with the file. @param {string} status @param {Problem} [problem] */
  show(status, problem) {
    this.status = status;
    const kept = this.kept;
    const line = this.byId("cif-filekeep-status");
    line.hidden = !kept;
    if (kept) {
      const last = kept.written ? ` Last written at ${when(kept.written)}.` : "";
      const where = status === "writing" ? " as well as in this browser." + last : ". Changes are kept in this browser only until it can be written again.";
      sentence(line, "This assessment is kept in the file ", [kept.name], where);
    }
    const resume = this.byId("cif-filekeep-resume");
    /** @type {HTMLElement} */ (resume.parentElement).hidden = status !== "asking";
    if (kept) sentence(resume, "Carry on writing to ", [kept.name]);
    if (status === "asking") line.append(" Your browser asks you to allow this page to write to it again.");
    this.conflictPanel.hidden = status !== "conflict";
    this.alert.textContent = "";
    if (status === "problem" && problem && kept) this.alert.append(this.problemBox(problem, kept.name));
    if (status === "conflict") this.alert.append(make(this.doc, "p", "cif-visually-hidden", "The file was changed somewhere else: choose which answers to keep."));
  }

  /** @param {Problem} problem @param {string} name */
  problemBox(problem, name) {
    const box = make(this.doc, "div", "cif-warning");
    box.append(sentence(make(this.doc, "h3", "cif-warning__title"), "Your changes are not being written to ", [name]));
    box.append(make(this.doc, "p", "", `${PROBLEMS[problem]} Your answers are still saved in this browser, and nothing has been lost.`));
    const button = make(this.doc, "button", "md-button md-button--primary cif-button", "Choose the file again");
    button.type = "button";
    button.id = "cif-filekeep-again";
    const line = make(this.doc, "p");
    line.append(button);
    box.append(line);
    return box;
  }
}
