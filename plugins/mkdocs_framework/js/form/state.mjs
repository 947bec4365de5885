/* The self-assessment form's state: ONE object for the assessment open in the form. No DOM.
 *
 * It loads the assessment from the device, changes it (through the model's setters), saves it
 * (through storage.mjs), opens another one or starts again, and tells its listeners about every
 * change. Problems with the browser's storage (blocked, full, unreadable) are part of the state.
 *
 * API (FormState; every component of the form reads it as context.state: see component.mjs, App):
 *   state.info, state.framework, state.store   the framework (model.describe) and the store
 *   state.assessment                           the open assessment (plain data; read it, and change
 *                                              it only through change() or edit-then-changed())
 *   state.storageProblem                       null, or "blocked" | "full" | "failed" | "unreadable" | "newer"
 *   state.saveMessage                          the text of the save status ("Saved on this device…")
 *   state.results()                            scoring.results of the open assessment (cached), or
 *                                              null when this form cannot score the framework
 *   state.account()                            results/account.mjs's account of the open assessment
 *                                              (cached): every count, result and sentence the form states
 *   state.levelName(n)                         the label of level number n ("" for 0 or null)
 *   state.subscribe(listener) -> unsubscribe   listener(event) is called for each event below
 *   state.lastOpened                           the last "opened" event (for a listener that starts later)
 *   state.migrate                              core/migrate.mjs's migrateAssessment once the page has
 *                                              it (it comes with assess-more.js), else null
 *   state.needsMigration()                     whether a record on the device needs state.migrate
 *   state.load()                               opens what the device holds (once, at start)
 *   state.change(edit)                         edit(assessment) (a model setter), then save + "changed"
 *   state.changed()                            the open assessment was edited in place: save + "changed"
 *   state.save()                               saves now ("storage" event)
 *   state.open(raw, how)                       shows another assessment ("opened"); how: "save" (a new
 *                                              one or a copy), "select" (one already saved), "none"
 *                                              (a blank one, saved once something is entered).
 *                                              Returns false, leaving the form as it is ("refused"
 *                                              event), for a newer version or another framework.
 *   state.replace(imported, migrated)          an imported assessment replaces the open one
 *   state.startAgain()                         deletes the open assessment and opens a blank one
 *   state.reload()                             another window changed the saved answers: show them
 *   state.announce(text)                       asks the page to read text out (polite live region)
 *   state.banner(title, text)                  asks the page to show (and focus) its banner
 *
 * Events (the listener's argument):
 *   {type: "opened", how, migration}  another assessment is in the form; how: "load", "save",
 *                                     "select", "none", "import", "start-again" or "other-window";
 *                                     migration: null or {status: "current" | "migrated" | "refused", report}
 *   {type: "changed"}                 the open assessment's content changed (and was saved)
 *   {type: "storage"}                 storageProblem or saveMessage changed
 *   {type: "refused", report, after}  an assessment could not be opened; the form is unchanged
 *   {type: "announce", text}          {type: "banner", title, text}
 * Listeners run in the order they subscribed.
 */

import * as model from "../core/model.mjs";
import * as scoring from "../core/scoring.mjs";
import { account } from "../results/account.mjs";
import { levelLabel } from "../results/words.mjs";
import { decodeStored, needsMigration } from "../core/decode.mjs";
import { merge } from "../core/storage.mjs";

/** @typedef {{status: string, report?: any, assessment?: any}} Migration */
/** @typedef {{type: string, how?: string, migration?: Migration | null, report?: any, after?: string, text?: string, title?: string}} StateEvent */
/** @typedef {(event: StateEvent) => void} Listener */

const SAVING = "Your answers are saved on this device as you enter them.";
/* How many of its recent saves a tab remembers the changed fields of (see baseFor). */
const MAX_SAVES_KEPT = 50;

/** The paths (lists of keys) of the fields that differ between two records, field by field
 * down through maps; a list (such as the team's own actions) counts as one field.
 * @param {any} a @param {any} b @param {string[]} [at] @returns {string[][]} */
function changedPaths(a, b, at = []) {
  const isMap = (/** @type {any} */ value) => value !== null && typeof value === "object" && !Array.isArray(value);
  if (!isMap(a) || !isMap(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => changedPaths(a[key], b[key], [...at, key]));
}

/** @param {any} record @param {string[]} path */
function getPath(record, path) {
  return path.reduce((value, key) => (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined), record);
}

/** Sets (or, for undefined, removes) the field at path, making the maps on the way.
 * @param {any} record @param {string[]} path @param {any} value */
function setPath(record, path, value) {
  if (!path.length || ["__proto__", "constructor", "prototype"].some((key) => path.includes(key))) return;
  let node = record;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== "object" || Array.isArray(node[key])) node[key] = {};
    node = node[key];
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = JSON.parse(JSON.stringify(value));
}

/** @param {Date} date */
function clockTime(date) {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

export class FormState {
  /** @param {any} framework the framework data embedded in the page @param {any} store storage.createStore(...) */
  constructor(framework, store) {
    this.framework = framework;
    this.info = model.describe(framework);
    this.store = store;
    /** @type {any} */
    this.assessment = model.blankAssessment(this.info);
    /** @type {string | null} */
    this.storageProblem = null;
    this.saveMessage = SAVING;
    /** @type {Listener[]} */
    this.listeners = [];
    /** @type {StateEvent | null} */
    this.lastOpened = null;
    /** Carries a record to this version (core/migrate.mjs), once the page has loaded it.
     * @type {((record: any, framework: any) => any) | null} */
    this.migrate = null;
    this.revision = 0;
    /** @type {{revision: number, value: any} | null} */
    this.cached = null;
    /** @type {{revision: number, value: import("../results/account.mjs").Account} | null} */
    this.accounted = null;
    /** The open assessment as this tab last read or saved it (null: never saved), to merge by field
     * with changes made in other tabs. @type {any} */
    this.base = null;
    /** This tab, as its saves are marked in storage (storage.mjs: seen), its saves numbered from 1,
     * and the fields it changed at each recent save (edits), to keep them when what is saved was
     * written by a tab that had not yet read them. */
    this.tabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.seq = 0;
    /** @type {Map<number, string[][]>} */
    this.edits = new Map();
    /** A save is waiting for the tabs' lock (see save()); tell: whether it tells the listeners. */
    this.queued = false;
    this.tellQueued = false;
    // A save still waiting for the lock when the page goes is made at once, so no edit is lost.
    if (typeof addEventListener === "function" && typeof window !== "undefined") {
      addEventListener("pagehide", () => this.flush());
    }
  }

  /** @param {Listener} listener @returns {() => void} */
  subscribe(listener) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  /** @param {StateEvent} event */
  notify(event) {
    if (event.type === "opened") this.lastOpened = event;
    this.listeners.slice().forEach((listener) => listener(event));
  }

  /** @param {number | null | undefined} number */
  levelName(number) {
    return levelLabel(this.framework, number);
  }

  /** The account of the open assessment's results (results/account.mjs, cached): every fact and
   * sentence the form's pages state about them (its counts even where the framework's scoring
   * method is unknown to this version: account.supported says so). */
  account() {
    if (!this.accounted || this.accounted.revision !== this.revision) {
      this.accounted = { revision: this.revision, value: account(this.info, this.assessment) };
    }
    return this.accounted.value;
  }

  results() {
    if (!scoring.isSupported(this.info)) return null;
    if (!this.cached || this.cached.revision !== this.revision) {
      this.cached = { revision: this.revision, value: scoring.results(this.info, this.assessment) };
    }
    return this.cached.value;
  }

  /** A record read from the device, carried forward to this version of the framework. One that
   * cannot be (another framework, a newer version) is left untouched where it is, and the form
   * starts a new assessment, saved beside it only once something is entered.
   * @param {any} raw @returns {{assessment: any, migration: Migration | null}} */
  openRecord(raw) {
    if (!raw) return { assessment: model.blankAssessment(this.info), migration: null };
    const decoded = decodeStored(this.info, raw, this.migrate || undefined);
    if (decoded.outcome === "migrate") {
      // The migration could not be loaded: the record is left as it is, as one this form cannot open now.
      const report = { refusedReason: "They were saved with another version of the framework, and the part of the form that carries them over could not be loaded. They have been left exactly as they are." };
      return { assessment: model.blankAssessment(this.info), migration: { status: "refused", report } };
    }
    return { assessment: decoded.assessment || model.blankAssessment(this.info), migration: decoded.migration };
  }

  /** Whether a record on the device (the open one, or another the list of assessments can open)
   * needs the migration (state.migrate) to be opened. */
  needsMigration() {
    const loaded = this.store.loadAll();
    return Boolean(loaded.ok && loaded.assessments.some((/** @type {any} */ record) => needsMigration(this.info, record)));
  }

  /** @param {any} assessment @param {any} [base] the record as saved, when it is one */
  put(assessment, base = null) {
    if (!this.assessment || assessment.id !== this.assessment.id) {
      // Another assessment: a save still waiting for the lock is of the one shown until now, so it
      // is made first; this tab's earlier edits are of that one.
      this.flush();
      this.edits = new Map();
    }
    this.assessment = assessment;
    this.base = base;
    this.revision += 1;
  }

  /** What to merge against (storage.merge's base) when theirs is what is saved and includes this
   * tab's saves up to number seen (null: none): the last record this tab knows of, except that
   * each field this tab changed in a save theirs does not include counts as changed here, so a tab
   * that wrote without having read it does not undo it. @param {number | null} seen @param {any} theirs */
  baseFor(seen, theirs) {
    if (!this.base || (seen !== null && seen >= this.seq)) return this.base;
    const base = JSON.parse(JSON.stringify(this.base));
    for (const [seq, paths] of this.edits) {
      if (seen === null || seq > seen) paths.forEach((path) => setPath(base, path, getPath(theirs, path)));
    }
    return base;
  }

  load() {
    const loaded = this.store.loadCurrent();
    if (loaded.ok && !loaded.assessment) {
      // None is marked as open (one was deleted, say): open the most recently changed, if any.
      const everything = this.store.loadAll();
      if (everything.ok && everything.assessments.length) loaded.assessment = everything.assessments[0];
    }
    const opened = this.openRecord(loaded.assessment);
    this.put(opened.assessment, loaded.assessment);
    // The save status says what will happen; when the device could not be read, it says so.
    if (!loaded.ok) this.problem(loaded.error, false);
    else this.saveMessage = loaded.assessment ? "Saved on this device." : SAVING;
    if (opened.migration && opened.migration.status === "migrated") this.save(false);
    this.notify({ type: "storage" });
    this.notify({ type: "opened", how: "load", migration: opened.migration });
  }

  /** Saves the open assessment: reads what is saved now, merges this tab's changes into it by
   * field and writes the result, under the lock the site's tabs share (storage.mjs exclusive()),
   * so two tabs saving at the same moment never write over each other's change. Saves asked for
   * while one waits for the lock are one save, of the assessment as it is when the lock comes.
   * @param {boolean} [tell] */
  save(tell = true) {
    this.tellQueued = this.tellQueued || tell;
    if (this.queued) return;
    this.queued = true;
    this.store.exclusive(() => this.flush());
  }

  /** Makes the waiting save now (under the lock, or as the page goes). */
  flush() {
    if (!this.queued) return;
    const tell = this.tellQueued;
    this.queued = false;
    this.tellQueued = false;
    this.write(tell);
  }

  /** The read-merge-write of save(). @param {boolean} tell */
  write(tell) {
    const seq = this.seq + 1;
    const paths = changedPaths(this.base, this.assessment);
    /** @type {import("../core/storage.mjs").Tab} */
    const tab = { id: this.tabId, seq, baseFor: (seen, theirs) => this.baseFor(seen, theirs) };
    const result = this.store.save(this.assessment, this.base, tab);
    if (result.ok) {
      this.seq = seq;
      this.edits.set(seq, paths);
      this.edits.delete(seq - MAX_SAVES_KEPT);
      this.storageProblem = null;
      this.saveMessage = "Saved on this device at " + clockTime(new Date()) + ".";
      this.base = result.saved;
      // Another tab had changed other parts of this assessment: show them too.
      if (JSON.stringify(result.saved) !== JSON.stringify(this.assessment)) this.follow(result.saved);
    } else {
      this.problem(result.error, false);
    }
    if (tell) this.notify({ type: "storage" });
  }

  /** @param {string} reason @param {boolean} [tell] */
  problem(reason, tell = true) {
    this.storageProblem = reason;
    this.saveMessage = "Not saved on this device. Export your answers to keep them.";
    if (tell) this.notify({ type: "storage" });
  }

  /** @param {(assessment: any) => void} edit */
  change(edit) {
    edit(this.assessment);
    this.changed();
  }

  changed() {
    this.revision += 1;
    this.save();
    this.notify({ type: "changed" });
  }

  /** @param {any} next @param {string} how */
  open(next, how) {
    const opening = this.openRecord(next);
    const migration = opening.migration || { status: "current" };
    if (migration.status === "refused") {
      this.notify({ type: "refused", report: migration.report, after: "The assessment shown in the form has not changed." });
      return false;
    }
    this.put(opening.assessment, how === "select" ? next : null);
    if (how === "save") this.save(false);
    else if (how === "select") {
      const selected = this.store.select(this.assessment.id);
      if (!selected.ok) this.problem(selected.error, false);
      if (migration.status === "migrated") this.save(false);
    }
    this.notify({ type: "storage" });
    this.notify({ type: "opened", how, migration });
    return true;
  }

  /** @param {any} imported @param {boolean} migrated */
  replace(imported, migrated) {
    imported.id = this.assessment.id;
    imported.updated = new Date().toISOString();
    this.put(imported, this.base);
    this.save();
    this.notify({ type: "opened", how: "import", migration: { status: migrated ? "migrated" : "current" } });
  }

  startAgain() {
    this.flush(); // a save waiting for the lock must not bring back what is deleted next
    const removed = this.store.remove(this.assessment.id);
    this.put(model.blankAssessment(this.info));
    if (removed.ok && this.storageProblem === null) this.saveMessage = SAVING;
    this.notify({ type: "storage" });
    this.notify({ type: "opened", how: "start-again", migration: null });
  }

  /** Another tab saved: when it changed this tab's assessment, its changes are merged by field
   * into what this tab shows. Another tab opening another assessment changes nothing here.
   * @returns {boolean} whether this tab's assessment was changed */
  reload() {
    const all = this.store.loadAll();
    const theirs = all.ok ? all.assessments.find((/** @type {any} */ a) => a.id === this.assessment.id) : null;
    if (!theirs || JSON.stringify(theirs) === JSON.stringify(this.base)) return false;
    // Merged against this tab's record at its last save that theirs includes: a tab that wrote
    // without having read this tab's latest saves does not undo them.
    const base = this.baseFor(this.store.seenSave(this.assessment.id, this.tabId), theirs);
    const merged = merge(base, this.assessment, theirs);
    this.follow(merged, theirs);
    // Changes of this tab that what is saved lacks are written again.
    if (JSON.stringify(merged) !== JSON.stringify(theirs)) this.save(false);
    return true;
  }

  /** Shows a record merged with another tab's changes, and says so on the save status.
   * @param {any} record @param {any} [base] */
  follow(record, base = record) {
    // Written by a tab of another version of the site while the migration is not loaded: shown as it is.
    const unmigrated = !this.migrate && needsMigration(this.info, record);
    this.put(unmigrated ? model.restore(this.info, record) : this.openRecord(record).assessment, base);
    this.saveMessage = "Updated at " + clockTime(new Date()) + " with changes made in another tab.";
    this.notify({ type: "storage" });
    this.notify({ type: "opened", how: "other-window", migration: null });
  }

  /** @param {string} text */
  announce(text) {
    this.notify({ type: "announce", text });
  }

  /** @param {string} title @param {string} text */
  banner(title, text) {
    this.notify({ type: "banner", title, text });
  }
}
