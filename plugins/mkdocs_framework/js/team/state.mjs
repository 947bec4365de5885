/* The team view's state: the people whose answers are open, the levels and notes the facilitator
 * has recorded, and the display options. No DOM: the components render from it and send changes
 * to it; it tells its listeners what kind of change happened. The work in progress is kept in the
 * tab's sessionStorage (so a reload keeps it, and closing the tab clears other people's answers
 * from this device) and read back through core/team.mjs's checks. When the tab cannot keep it
 * (storage full or blocked) the page is told at once (unkept), the work stays in memory, and a
 * small mark is left so that a reload says the work it brings back is from before then.
 */

import * as model from "../core/model.mjs";
import * as team from "../core/team.mjs";
import { account } from "../results/account.mjs";
import { MAX_BYTES } from "../core/decode.mjs";
import { Store, reason } from "../core/storage.mjs";
import { Listeners } from "../ui/listeners.mjs";

/**
 * @typedef {import("../core/team.mjs").Person} Person
 * @typedef {import("../core/team.mjs").Work} Work
 * @typedef {{status: string, source: string, reason: string}} Problem
 * @typedef {{added: number, duplicates: string[], problems: Problem[], refused: string[], notesBack: boolean}} Outcome
 *   refused: what was not added because the team view holds MAX_PEOPLE people already;
 *   notesBack: a file given again brought back notes a reload had lost (TeamState.notesAgain)
 * @typedef {"people"|"names"|"agreed"|"accepted"|"options"|"saved"} Change
 *   accepted: agreed levels set all at once ("Accept every criterion where everyone agrees")
 */

/* Files are read this many at a time, the page drawn and told of progress between, so that opening
 * a folder of exports never freezes the tab. */
const CHUNK = 100;

/** Lets the browser draw and handle input before the next chunk of work. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/* Each person's answersKey, worked out once: checking a new file against thousands already open
 * must not work out every key again. */
/** @type {WeakMap<object, string>} */
const keyCache = new WeakMap();

/** @param {import("../core/team.mjs").Assessment} assessment */
function keyOf(assessment) {
  let key = keyCache.get(assessment);
  if (key === undefined) {
    key = team.answersKey(assessment);
    keyCache.set(assessment, key);
  }
  return key;
}

/* Each person's answers in the framework's order and results per dimension, worked out once (as
 * each is added, in the chunks files are read in), so that drawing the page for thousands of
 * people does not work them all out again in one go. */
/** @type {WeakMap<object, string[]>} */
const rowCache = new WeakMap();
/** @type {WeakMap<object, import("../core/scoring.mjs").DimensionResult[]>} */
const resultCache = new WeakMap();

/** @returns {Outcome} */
const nothing = () => ({ added: 0, duplicates: [], problems: [], refused: [], notesBack: false });

export class TeamState {
  /** @param {ReturnType<import("../core/model.mjs").describe>} info @param {Window} win */
  constructor(info, win) {
    this.info = info;
    this.win = win;
    this.key = `cif:${info.framework.id}:team`;
    /* Written beside the work when the tab could not keep a change: the time, so a reload can say
     * that what it brings back is the work as kept before then. */
    this.staleKey = `${this.key}:unkept`;
    /* The people are kept under a key of their own, written only when they change, so that a level
     * or a key pressed in a note writes a few characters, not every person again. */
    this.peopleKey = `${this.key}:people`;
    this.peopleKept = false;
    /* People's notes, under a key of their own: long, so the tab may not hold them when it holds the
     * answers. notesUnkept says so (the page tells the facilitator); notesLost, that a reload found
     * the people but not their notes. */
    this.notesKey = `${this.key}:notes`;
    this.notesKept = false;
    this.notesUnkept = false;
    this.notesLost = false;
    /** @type {""|"full"|"blocked"|"failed"} why the latest change could not be kept in the tab */
    this.unkept = "";
    /** @type {string} when the work read back at load stopped being kept (ISO time), else "" */
    this.staleSince = "";
    /** @type {string|null} the people as last encoded (core/team.mjs encodePeople), null when changed */
    this.peopleText = null;
    /** @type {Set<string>|null} every open person's answersKey, null when to be worked out again */
    this.keys = null;
    /** @type {Work} */
    this.work = { people: [], agreed: {}, notes: {}, hideNames: false, large: false, name: "", savedId: "", savedAs: null };
    /** @type {Listeners<[Change]>} */
    this.listeners = new Listeners();
    this.restored = false;
    try {
      const found = team.decodeWork(info, win.sessionStorage.getItem(this.key), win.sessionStorage.getItem(this.peopleKey));
      if (found) {
        this.work = found;
        this.restored = found.people.length > 0;
        if (this.restored) this.notesLost = !team.decodeNotes(info, win.sessionStorage.getItem(this.notesKey), found.people);
      }
      const mark = win.sessionStorage.getItem(this.staleKey);
      if (mark) this.staleSince = /^[0-9T:.Z-]{10,30}$/.test(mark) ? mark : "unknown";
    } catch {
      // No tab storage: the work is kept on the page only.
    }
    this.nextKey = this.work.people.length + 1;
  }

  /** team.answerRow, worked out once per person. @param {import("../core/team.mjs").Assessment} assessment */
  rowOf(assessment) {
    let row = rowCache.get(assessment);
    if (!row) rowCache.set(assessment, (row = team.answerRow(this.info, assessment)));
    return row;
  }

  /** team.resultRow, worked out once per person. @param {import("../core/team.mjs").Assessment} assessment */
  resultsOf(assessment) {
    let row = resultCache.get(assessment);
    if (!row) resultCache.set(assessment, (row = team.resultRow(this.info, assessment)));
    return row;
  }

  /** @param {(change: Change) => void} listener */
  subscribe(listener) {
    return this.listeners.add(listener);
  }

  /** Keeps the work in the tab and tells the listeners. @param {Change} change */
  changed(change) {
    if (change === "people" || change === "names") {
      this.peopleText = null;
      this.peopleKept = false;
      if (change === "people") {
        this.keys = null;
        this.notesKept = false;
      }
    }
    this.write();
    this.listeners.tell(change);
  }

  /** Writes the work to the tab; on failure, says why (unkept) and marks what the tab holds as stale. */
  write() {
    try {
      const storage = this.win.sessionStorage;
      if (this.work.people.length || this.work.savedId) {
        if (!this.peopleKept) {
          if (this.peopleText === null) this.peopleText = team.encodePeople(this.info, this.work.people);
          storage.setItem(this.peopleKey, this.peopleText);
          this.peopleKept = true;
        }
        if (!this.notesKept) this.writeNotes(storage);
        storage.setItem(this.key, team.encodeWork(this.info, this.work, team.APART));
      } else {
        storage.removeItem(this.key);
        storage.removeItem(this.peopleKey);
        storage.removeItem(this.notesKey);
      }
      storage.removeItem(this.staleKey);
      this.unkept = "";
      this.staleSince = "";
    } catch (error) {
      this.unkept = /** @type {""|"full"|"blocked"|"failed"} */ (reason(error) === "full" ? "full" : reason(error) === "blocked" ? "blocked" : "failed");
      this.markStale();
    }
  }

  /** Keeps people's notes in the tab; when it cannot hold them, removes what it held (older notes
   * must never come back beside newer people) and says so (notesUnkept). @param {Storage} storage */
  writeNotes(storage) {
    try {
      storage.setItem(this.notesKey, team.encodeNotes(this.work.people));
      this.notesUnkept = false;
    } catch {
      storage.removeItem(this.notesKey);
      this.notesUnkept = true;
    }
    this.notesKept = true;
  }

  /** Leaves the mark that the work in the tab is older than the page's. When even the mark does not
   * fit, the stale work is removed instead, so that a reload never brings it back as if current. */
  markStale() {
    const now = new Date().toISOString();
    try {
      this.win.sessionStorage.setItem(this.staleKey, now);
    } catch {
      try {
        this.win.sessionStorage.removeItem(this.key);
        this.win.sessionStorage.removeItem(this.peopleKey);
        this.win.sessionStorage.removeItem(this.notesKey);
        this.peopleKept = false;
        this.notesKept = false;
        this.win.sessionStorage.setItem(this.staleKey, now);
      } catch {
        // Storage blocked altogether: nothing was kept, so nothing stale can come back.
      }
    }
  }

  get people() {
    return this.work.people;
  }

  /** What a person is called on the page: "Person 2" when names are hidden. @param {number} index */
  nameOf(index) {
    const person = this.work.people[index];
    return this.work.hideNames || !person ? `Person ${index + 1}` : person.name.trim() || `Respondent ${index + 1}`;
  }

  /** Adds what was read, leaving out answers already open, and refusing anyone beyond MAX_PEOPLE.
   * @param {any[]} read @param {Outcome} [outcome] to add to (reading in chunks) @param {boolean} [tell] @returns {Outcome} */
  take(read, outcome = nothing(), tell = true) {
    if (!this.keys) this.keys = new Set(this.work.people.map((p) => keyOf(p.assessment)));
    for (const result of read) {
      if (result.status !== "ok") outcome.problems.push(result);
      else if (this.keys.has(keyOf(result.assessment))) {
        outcome.duplicates.push(result.source);
        if (this.notesAgain(result.assessment)) outcome.notesBack = true;
      }
      else if (this.work.people.length >= team.MAX_PEOPLE) outcome.refused.push(result.source);
      else {
        const index = this.work.people.length;
        this.work.people.push({
          key: this.nextKey,
          name: team.defaultName(result.assessment, index),
          kind: result.kind,
          source: result.source,
          assessment: result.assessment,
          otherVersion: result.otherVersion,
        });
        this.keys.add(keyOf(result.assessment));
        this.rowOf(result.assessment);
        this.resultsOf(result.assessment);
        this.nextKey += 1;
        outcome.added += 1;
      }
    }
    if ((outcome.added || outcome.notesBack) && tell) this.changed("people");
    return outcome;
  }

  /** A file given again for someone already open whose notes the tab could not bring back after a
   * reload: their notes are taken from it. True when they were. @param {import("../core/team.mjs").Assessment} assessment */
  notesAgain(assessment) {
    if (!this.notesLost || !Object.keys(assessment.notes || {}).length) return false;
    const key = keyOf(assessment);
    const person = this.work.people.find((p) => keyOf(p.assessment) === key && !Object.keys(p.assessment.notes || {}).length);
    if (!person) return false;
    person.assessment.notes = assessment.notes;
    this.notesLost = false;
    return true;
  }

  /** Reads the files CHUNK at a time, letting the page draw between (progress: how many are read).
   * @param {File[]} files @param {(done: number, total: number) => void} [progress] @returns {Promise<Outcome>} */
  async addFiles(files, progress) {
    const outcome = nothing();
    for (let start = 0; start < files.length; start += CHUNK) {
      const read = await Promise.all(files.slice(start, start + CHUNK).map((file) => this.readOne(file)));
      this.take(read, outcome, false);
      if (progress && files.length > CHUNK) {
        progress(Math.min(start + CHUNK, files.length), files.length);
        await breathe();
      }
    }
    if (outcome.added || outcome.notesBack) this.changed("people");
    return outcome;
  }

  /** @param {File} file */
  async readOne(file) {
    if (file.size > MAX_BYTES) return team.readFile(this.info, file.name, "", file.size);
    try {
      return team.readFile(this.info, file.name, new Uint8Array(await file.arrayBuffer()), file.size);
    } catch {
      return { status: "broken", source: file.name, reason: "The file could not be read. Choose it again." };
    }
  }

  /** @param {string} text pasted links @returns {Outcome} */
  addLinks(text) {
    const links = team.linksIn(text);
    return this.take(
      links.map((fragment, i) => {
        const result = team.readLink(this.info, fragment);
        return { ...result, source: links.length > 1 ? `results link ${i + 1} of those pasted` : "the results link pasted" };
      })
    );
  }

  /** @param {number} key @param {string} name */
  rename(key, name) {
    const person = this.work.people.find((p) => p.key === key);
    if (!person) return;
    person.name = name.slice(0, team.MAX_NAME);
    this.changed("names");
  }

  /** @param {number} key */
  remove(key) {
    const index = this.work.people.findIndex((p) => p.key === key);
    if (index < 0) return false;
    this.work.people.splice(index, 1);
    this.changed("people");
    return true;
  }

  /** @param {string} criterionId @param {string} value */
  setAgreed(criterionId, value) {
    if (value) this.work.agreed[criterionId] = value;
    else delete this.work.agreed[criterionId];
    this.changed("agreed");
  }

  /** Sets the agreed level of every criterion where everyone gave the same level (or Not
   * applicable) and none is agreed yet (core/team.mjs acceptUnanimous). @param {import("../core/team.mjs").CriterionView[]} views */
  acceptUnanimous(views) {
    const outcome = team.acceptUnanimous(this.info, views, this.work.agreed);
    this.work.agreed = outcome.agreed;
    this.changed("accepted");
    return outcome;
  }

  /** @param {string} criterionId @param {string} note */
  setNote(criterionId, note) {
    if (note) this.work.notes[criterionId] = note.slice(0, team.MAX_NOTE);
    else delete this.work.notes[criterionId];
    this.changed("agreed");
  }

  /** @param {"hideNames"|"large"} option @param {boolean} on */
  setOption(option, on) {
    this.work[option] = on;
    this.changed("options");
  }

  /** @param {string} name */
  setName(name) {
    this.work.name = name;
    this.changed("saved");
  }

  /** How far the agreed levels answer the framework, in the form's words and by the form's rule
   * (results/account.mjs): "30 of 49 criteria answered, 19 not answered". */
  agreedCounts() {
    const draft = model.blankAssessment(this.info);
    for (const [id, value] of Object.entries(this.work.agreed)) {
      if (this.info.criteria.has(id) && model.isAllowedAnswer(this.info, value)) draft.answers[id] = value;
    }
    const { counts, words } = account(this.info, draft);
    return { counts, text: words.counts };
  }

  /** The team's assessment as it would be saved now. */
  draft() {
    const people = this.work.people;
    return team.teamAssessment(this.info, {
      people,
      agreed: this.work.agreed,
      notes: this.work.notes,
      name: this.work.name || defaultTeamName(),
      authority: team.sharedAuthority(people.map((p) => p.assessment)),
    });
  }

  /** Saves the team's assessment on this device, beside the form's assessments, as the one the
   * form opens. Saved again, it updates the same assessment: what was changed in the form since is
   * read first and kept where the team view would now write something else (core/team.mjs
   * keepEdits); kept lists those places, for the page to say so.
   * @returns {{ok: boolean, again: boolean, kept: import("../core/team.mjs").KeptEdit[], error?: string}} */
  save() {
    const win = this.win;
    const store = new Store(() => win.localStorage, this.info.framework.id, () => win.sessionStorage);
    let record = this.draft();
    const again = Boolean(this.work.savedId);
    /** @type {import("../core/team.mjs").KeptEdit[]} */
    let kept = [];
    if (again) {
      record.id = this.work.savedId;
      if (this.work.savedAs && typeof this.work.savedAs.created === "string") record.created = this.work.savedAs.created;
      ({ record, kept } = team.keepEdits(this.info, this.work.savedAs, record, this.savedNow(store, record.id)));
    }
    const result = store.save(record, again ? this.work.savedAs : undefined);
    if (!result.ok) return { ok: false, again, kept: [], error: result.error };
    this.work.savedId = record.id;
    this.work.savedAs = result.saved;
    this.changed("saved");
    return { ok: true, again, kept };
  }

  /** The team's assessment as saved on the device now, perhaps changed in the form; null when it is
   * not there (or cannot be read: saving then says why). @param {Store} store @param {string} id */
  savedNow(store, id) {
    try {
      const all = store.saved();
      return Object.prototype.hasOwnProperty.call(all, id) ? all[id] : null;
    } catch {
      return null;
    }
  }

  /** Clears everything, for the next team. */
  clear() {
    this.work = { people: [], agreed: {}, notes: {}, hideNames: this.work.hideNames, large: this.work.large, name: "", savedId: "", savedAs: null };
    this.changed("people");
  }
}

/** "Team assessment, 30 November 2026". */
export function defaultTeamName() {
  const today = new Date();
  const text = today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return `Team assessment, ${text}`;
}
