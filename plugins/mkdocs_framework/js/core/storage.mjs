/* Self-assessment: keeping assessments in the browser's localStorage. No DOM here.
 *
 * Two keys, exactly as the privacy notice lists them:
 *   cif:<framework id>:assessments  {schemaVersion: 1, assessments: {<assessment id>: assessment}}
 *   cif:<framework id>:settings     {schemaVersion: 1, currentAssessment: <assessment id>}
 * Several assessments have always been kept under the first key, so keeping several on one device
 * needs no change of shape: data saved by earlier versions of the site (one assessment, no action
 * plan) is read as it is. Records come back raw; decodeStored(info, record, migrate) in decode.mjs
 * carries one to this version of the framework and makes it safe (fields.mjs's restore only makes it safe).
 * Every call reports failure instead of throwing, because storage can be blocked (site data
 * turned off), full, or unavailable in some private modes, and the form must keep working.
 *
 * Tabs: each save reads what is saved now, merges this tab's changes into it by field (merge) and
 * writes the result. exclusive() runs such a read-merge-write under a lock shared by every tab of
 * the site (the Web Locks API, navigator.locks), so two tabs never read the same state and then
 * each write over the other's change. Where the browser has no Web Locks, the read-merge-write
 * runs at once: it is still one step no other script of the tab can interleave with, and the
 * "storage" event then merges another tab's change into this one (FormState.reload).
 *
 * A lock is not enough on its own: a browser may hand a tab the lock before that tab's copy of
 * localStorage has the other tab's last write, so a save can read an older state. So the first
 * key also says, for each assessment, the last save of each tab that the saved record includes
 * (seen: {<assessment id>: {<tab id>: <number of that tab's save>}}). A tab that finds its own
 * latest saves missing from what is saved counts the fields it changed in them as its own changes
 * (see Tab and FormState.baseFor), so they are kept and written again, never lost.
 */

import { isPlainObject, isSafeKey, own } from "./util.mjs";

/** @typedef {"full"|"blocked"|"failed"|"unreadable"|"newer"} Failure */

const SCHEMA_VERSION = 1;

/** @param {string} frameworkId */
function keys(frameworkId) {
  return { assessments: `cif:${frameworkId}:assessments`, settings: `cif:${frameworkId}:settings` };
}

/** "full", "blocked" or "failed": what went wrong, in terms a message can explain.
 * @param {any} error @returns {Failure} */
function reason(error) {
  const name = error && error.name;
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || (error && error.code === 22)) return "full";
  if (name === "SecurityError") return "blocked";
  return "failed";
}

/** Like reason(), but data we could not read is "unreadable". @param {any} error @returns {Failure} */
function readProblem(error) {
  if (error instanceof SyntaxError || (error && error.message === "unreadable")) return "unreadable";
  if (error && error.message === "newer") return "newer";
  return reason(error);
}

/** Newest first, by the time each was last changed. @param {Record<string, any>} a @param {Record<string, any>} b */
function byUpdated(a, b) {
  const x = typeof a.updated === "string" ? a.updated : "";
  const y = typeof b.updated === "string" ? b.updated : "";
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Lists merged entry by entry, by id (each entry then field by field): the team's own actions. */
const LISTS_BY_ID = ["actions"];

/** A three-way merge by field: where mine differs from base (what this tab last read or saved),
 * mine; elsewhere theirs (what is saved now, perhaps by another tab). So a change made in one tab
 * never erases a different change made in another. @param {any} base @param {any} mine @param {any} theirs
 * @returns {any} */
function merge(base, mine, theirs) {
  if (!isPlainObject(mine) || !isPlainObject(theirs)) return JSON.stringify(mine) === JSON.stringify(base) ? theirs : mine;
  /** @type {Record<string, any>} */
  const out = {};
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const before = isPlainObject(base) ? base[key] : undefined;
    const value = LISTS_BY_ID.includes(key) ? mergeById(before, mine[key], theirs[key]) : merge(before, mine[key], theirs[key]);
    if (value !== undefined && isSafeKey(key)) out[key] = value;
  }
  return out;
}

/** @param {unknown} list @returns {list is {id: string}[] | undefined} */
function isIdList(list) {
  return list === undefined || (Array.isArray(list) && list.every((entry) => isPlainObject(entry) && typeof entry.id === "string"));
}

/** A list of entries with ids merged entry by entry, each field by field (merge): so two tabs
 * changing different fields of one action, or different actions, keep both changes; an entry one
 * tab removed and the other left alone is removed. In theirs' order, then entries only mine has.
 * Undefined when the result is empty (an empty list is not kept). A list that is not of entries
 * with ids is merged as one value. @param {any} base @param {any} mine @param {any} theirs */
function mergeById(base, mine, theirs) {
  if (![base, mine, theirs].every(isIdList)) return merge(base, mine, theirs);
  const byId = (/** @type {{id: string}[] | undefined} */ list) => new Map((list || []).map((entry) => [entry.id, entry]));
  const [before, mineById, theirsById] = [byId(base), byId(mine), byId(theirs)];
  const order = [...theirsById.keys(), ...[...mineById.keys()].filter((id) => !theirsById.has(id))];
  const out = order.map((id) => merge(before.get(id), mineById.get(id), theirsById.get(id))).filter((entry) => entry !== undefined);
  return out.length ? out : undefined;
}

/** @typedef {object} Tab  a tab saving: its id, the number of this save, and what to merge
 * against given the number of its last save that what is saved includes (null: none) and that record
 * @property {string} id
 * @property {number} seq
 * @property {(seen: number | null, theirs: any) => any} baseFor */

const MAX_TABS_SEEN = 16;

/** The tabs' saves a record includes, with this tab's save added; the most recent tabs only
 * (tab ids begin with the time the tab opened). @param {unknown} marks @param {Tab} tab */
function withSave(marks, tab) {
  const next = { ...(isPlainObject(marks) ? marks : {}), [tab.id]: tab.seq };
  const ids = Object.keys(next).filter(isSafeKey).sort().slice(-MAX_TABS_SEEN);
  return Object.fromEntries(ids.map((id) => [id, next[id]]));
}

/** @typedef {{request: (name: string, callback: () => any) => Promise<any>}} Locks the part of
 * the Web Locks API (navigator.locks) used here */

/** The browser's Web Locks, or null where it has none. @returns {Locks | null} */
function browserLocks() {
  const found = typeof navigator !== "undefined" ? /** @type {any} */ (navigator).locks : null;
  return found && typeof found.request === "function" ? found : null;
}

/** The assessments kept on this device for one framework. Every method reports failure instead of
 * throwing (see the top of this file).
 *
 * getStorage is a function so that merely touching window.localStorage (which throws when site
 * data is blocked) happens inside our try blocks. getTab gives the tab's own storage
 * (sessionStorage), where the tab keeps which assessment it has open, so that tabs showing
 * different assessments never follow each other; the shared setting is only the default for a new tab. */
class Store {
  /** @param {() => Storage} getStorage @param {string} frameworkId @param {() => Storage} [getTab]
   * @param {() => Locks | null} [getLocks] the cross-tab locks (navigator.locks by default) */
  constructor(getStorage, frameworkId, getTab, getLocks = browserLocks) {
    this.getStorage = getStorage;
    this.getTab = getTab;
    this.keys = keys(frameworkId);
    this.tabKey = `cif:${frameworkId}:open`;
    this.lockName = `cif:${frameworkId}:saving`;
    this.getLocks = getLocks;
  }

  /** Whether exclusive() waits for a lock (true) or runs at once (no Web Locks here). */
  locked() {
    try {
      return Boolean(this.getLocks());
    } catch (error) {
      return false;
    }
  }

  /** Runs step (a read-merge-write) while no other tab of the site runs one: under the Web Lock
   * shared by the tabs, or at once where there is none (see the top of this file).
   * @param {() => void} step @returns {Promise<void>} */
  exclusive(step) {
    const locks = this.locked() ? /** @type {Locks} */ (this.getLocks()) : null;
    if (!locks) {
      step();
      return Promise.resolve();
    }
    return locks.request(this.lockName, () => step()).catch(() => step());
  }

  /** The tab's open assessment (after making it id, when given); null when unknown. @param {string} [id] */
  tab(id) {
    try {
      const storage = /** @type {() => Storage} */ (this.getTab)();
      if (id) storage.setItem(this.tabKey, id);
      return storage.getItem(this.tabKey);
    } catch (error) {
      return null; // no tab storage: the tab keeps its open assessment in memory only
    }
  }

  /** The value under key, null when there is none; throws when it cannot be read.
   * @param {string} key @returns {Record<string, any>|null} */
  read(key) {
    const text = this.getStorage().getItem(key);
    if (text === null) return null;
    const value = JSON.parse(text);
    if (isPlainObject(value) && Number.isInteger(value.schemaVersion) && value.schemaVersion > SCHEMA_VERSION) {
      throw new Error("newer");
    }
    if (!isPlainObject(value) || value.schemaVersion !== SCHEMA_VERSION) throw new Error("unreadable");
    return value;
  }

  /** Every saved record by id; throws when they cannot be read. @returns {Record<string, any>} */
  saved() {
    const store = this.read(this.keys.assessments);
    return store && isPlainObject(store.assessments) ? store.assessments : {};
  }

  /** Which save of each tab the saved records include, by assessment id (see the top of this file).
   * @returns {Record<string, any>} */
  seen() {
    const store = this.read(this.keys.assessments);
    return store && isPlainObject(store.seen) ? store.seen : {};
  }

  /** The number of the last save of tab tabId that the saved assessment includes, or null.
   * @param {string} assessmentId @param {string} tabId @returns {number | null} */
  seenSave(assessmentId, tabId) {
    try {
      const marks = own(this.seen(), assessmentId) ? this.seen()[assessmentId] : null;
      return own(marks, tabId) && Number.isInteger(marks[tabId]) ? marks[tabId] : null;
    } catch (error) {
      return null;
    }
  }

  /** The shared setting's open assessment, or null. */
  sharedCurrent() {
    const settings = this.read(this.keys.settings);
    return settings && typeof settings.currentAssessment === "string" ? settings.currentAssessment : null;
  }

  /** @param {Record<string, any>} all @param {string} id @param {Record<string, any>} [seen] */
  write(all, id, seen) {
    const storage = this.getStorage();
    const kept = seen || this.seen();
    storage.setItem(this.keys.assessments, JSON.stringify({ schemaVersion: SCHEMA_VERSION, assessments: all, seen: kept }));
    storage.setItem(this.keys.settings, JSON.stringify({ schemaVersion: SCHEMA_VERSION, currentAssessment: id }));
    this.tab(id);
  }

  /** The open assessment as saved: {ok, assessment (raw, or null when none is saved), error?}. */
  loadCurrent() {
    try {
      const all = this.saved();
      const has = (/** @type {string | null} */ id) => id && isSafeKey(id) && Object.prototype.hasOwnProperty.call(all, id);
      const mine = this.tab();
      const id = has(mine) ? mine : this.sharedCurrent();
      const found = id && has(id) ? all[id] : null;
      return { ok: true, assessment: isPlainObject(found) ? found : null };
    } catch (error) {
      return { ok: false, assessment: null, error: readProblem(error) };
    }
  }

  /** Every assessment on the device, most recently changed first, and the id of the open one.
   * Returns {ok, assessments: [raw assessment], currentId (or null), error?}. Each record's id is
   * the key it is stored under. */
  loadAll() {
    try {
      let currentId;
      try {
        currentId = this.sharedCurrent();
      } catch (unreadableSettings) {
        currentId = null;
      }
      const list = Object.entries(this.saved())
        .filter(([id, record]) => isPlainObject(record) && isSafeKey(id))
        .map(([id, record]) => ({ ...record, id }))
        .sort(byUpdated);
      return { ok: true, assessments: list, currentId };
    } catch (error) {
      return { ok: false, assessments: [], currentId: null, error: readProblem(error) };
    }
  }

  /** Makes a saved assessment the open one, without changing it. @param {string} assessmentId */
  select(assessmentId) {
    try {
      const storage = this.getStorage();
      storage.setItem(this.keys.settings, JSON.stringify({ schemaVersion: SCHEMA_VERSION, currentAssessment: assessmentId }));
      this.tab(assessmentId);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: reason(error) };
    }
  }

  /** Saves one assessment beside any others already on the device, and makes it the open one.
   * Given base (the record as this tab last read or saved it), it is merged by field with what
   * is saved now (see merge); saved is what was written. Given tab, the base is the record as
   * the tab saved it at its last save that what is saved now includes (see the top of this file).
   * @param {{id: string}} assessment @param {any} [base] @param {Tab} [tab]
   * @returns {{ok: boolean, saved?: any, error?: Failure}} */
  save(assessment, base, tab) {
    try {
      // Saved data this version cannot read (damaged, or written by a newer version of the site) is
      // never written over: the person is told, and can export what they have in the form.
      const all = this.saved();
      const seen = { ...this.seen() };
      const id = assessment.id;
      const theirs = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : null;
      const marks = own(seen, id) ? seen[id] : null;
      const from = tab && theirs ? tab.baseFor(own(marks, tab.id) && Number.isInteger(marks[tab.id]) ? marks[tab.id] : null, theirs) : base;
      all[id] = from && theirs ? merge(from, assessment, theirs) : assessment;
      if (tab && isSafeKey(id)) seen[id] = withSave(marks, tab);
      this.write(all, id, seen);
      // A copy, sharing nothing with the assessment the form goes on changing.
      return { ok: true, saved: JSON.parse(JSON.stringify(all[id])) };
    } catch (error) {
      return { ok: false, error: readProblem(error) };
    }
  }

  /** Keeps a record beside the others without opening it: a version of an assessment the person
   * chose not to keep, set aside whole (form/file-keep.mjs). @param {{id: string}} record
   * @returns {{ok: boolean, error?: Failure}} */
  keepAside(record) {
    try {
      const all = this.saved(); // unreadable data throws: never write over what we cannot read
      all[record.id] = record;
      this.getStorage().setItem(this.keys.assessments, JSON.stringify({ schemaVersion: SCHEMA_VERSION, assessments: all, seen: this.seen() }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: readProblem(error) };
    }
  }

  /** Deletes one assessment; removes our keys entirely when nothing is left. @param {string} assessmentId */
  remove(assessmentId) {
    try {
      const storage = this.getStorage();
      const all = this.saved(); // unreadable data throws: never delete what we cannot read
      const seen = { ...this.seen() };
      delete all[assessmentId];
      delete seen[assessmentId];
      if (Object.keys(all).length) {
        storage.setItem(this.keys.assessments, JSON.stringify({ schemaVersion: SCHEMA_VERSION, assessments: all, seen }));
      } else {
        storage.removeItem(this.keys.assessments);
      }
      storage.removeItem(this.keys.settings);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: readProblem(error) };
    }
  }
}

/** @param {() => Storage} getStorage @param {string} frameworkId @param {() => Storage} [getTab]
 * @param {() => Locks | null} [getLocks] */
function createStore(getStorage, frameworkId, getTab, getLocks) {
  return new Store(getStorage, frameworkId, getTab, getLocks);
}

export { SCHEMA_VERSION, Store, keys, reason, merge, createStore };
