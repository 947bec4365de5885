/* The team view's state: the people whose answers are open, the levels and notes the facilitator
 * has recorded, and the display options. No DOM: the components render from it and send changes
 * to it; it tells its listeners what kind of change happened. The work in progress is kept in the
 * tab's sessionStorage (so a reload keeps it, and closing the tab clears other people's answers
 * from this device) and read back through core/team.mjs's checks.
 */

import * as team from "../core/team.mjs";
import { MAX_BYTES } from "../core/decode.mjs";
import { Store } from "../core/storage.mjs";
import { Listeners } from "../ui/listeners.mjs";

/**
 * @typedef {import("../core/team.mjs").Person} Person
 * @typedef {import("../core/team.mjs").Work} Work
 * @typedef {{status: string, source: string, reason: string}} Problem
 * @typedef {{added: number, duplicates: string[], problems: Problem[]}} Outcome
 * @typedef {"people"|"names"|"agreed"|"options"|"saved"} Change
 */

export class TeamState {
  /** @param {ReturnType<import("../core/model.mjs").describe>} info @param {Window} win */
  constructor(info, win) {
    this.info = info;
    this.win = win;
    this.key = `cif:${info.framework.id}:team`;
    /** @type {Work} */
    this.work = { people: [], agreed: {}, notes: {}, hideNames: false, large: false, name: "", savedId: "", savedAs: null };
    /** @type {Listeners<[Change]>} */
    this.listeners = new Listeners();
    this.restored = false;
    try {
      const found = team.decodeWork(info, win.sessionStorage.getItem(this.key));
      if (found) {
        this.work = found;
        this.restored = found.people.length > 0;
      }
    } catch {
      // No tab storage: the work is kept on the page only.
    }
    this.nextKey = this.work.people.length + 1;
  }

  /** @param {(change: Change) => void} listener */
  subscribe(listener) {
    return this.listeners.add(listener);
  }

  /** Keeps the work in the tab and tells the listeners. @param {Change} change */
  changed(change) {
    try {
      if (this.work.people.length || this.work.savedId) {
        this.win.sessionStorage.setItem(this.key, team.encodeWork(this.info, this.work));
      } else this.win.sessionStorage.removeItem(this.key);
    } catch {
      // Storage full or blocked: the work stays on the page.
    }
    this.listeners.tell(change);
  }

  get people() {
    return this.work.people;
  }

  /** What a person is called on the page: "Person 2" when names are hidden. @param {number} index */
  nameOf(index) {
    const person = this.work.people[index];
    return this.work.hideNames || !person ? `Person ${index + 1}` : person.name.trim() || `Respondent ${index + 1}`;
  }

  /** Adds what was read, leaving out answers already open. @param {any[]} read @returns {Outcome} */
  take(read) {
    /** @type {Outcome} */
    const outcome = { added: 0, duplicates: [], problems: [] };
    for (const result of read) {
      if (result.status !== "ok") outcome.problems.push(result);
      else if (this.work.people.some((p) => team.sameAnswers(p.assessment, result.assessment))) outcome.duplicates.push(result.source);
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
        this.nextKey += 1;
        outcome.added += 1;
      }
    }
    if (outcome.added) this.changed("people");
    return outcome;
  }

  /** @param {File[]} files @returns {Promise<Outcome>} */
  async addFiles(files) {
    const read = await Promise.all(
      files.map(async (file) => {
        if (file.size > MAX_BYTES) return team.readFile(this.info, file.name, "", file.size);
        try {
          return team.readFile(this.info, file.name, new Uint8Array(await file.arrayBuffer()), file.size);
        } catch {
          return { status: "broken", source: file.name, reason: "The file could not be read. Choose it again." };
        }
      })
    );
    return this.take(read);
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
   * form opens; saved again, it updates the same assessment (keeping changes made in the form since).
   * @returns {{ok: boolean, again: boolean, error?: string}} */
  save() {
    const win = this.win;
    const store = new Store(() => win.localStorage, this.info.framework.id, () => win.sessionStorage);
    const record = this.draft();
    const again = Boolean(this.work.savedId);
    if (again) {
      record.id = this.work.savedId;
      if (this.work.savedAs && typeof this.work.savedAs.created === "string") record.created = this.work.savedAs.created;
    }
    const result = store.save(record, again ? this.work.savedAs : undefined);
    if (!result.ok) return { ok: false, again, error: result.error };
    this.work.savedId = record.id;
    this.work.savedAs = result.saved;
    this.changed("saved");
    return { ok: true, again };
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
