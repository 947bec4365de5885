/* The group comparison page's state: the files read so far and the options (hide names, the
 * heatmap's order and theme). No DOM: the components render from it and send changes to it; it
 * tells its listeners after every change, saying what changed ("files", "names" or "view", the
 * heatmap's order or theme), so a component redraws only what the change touches.
 * Files are read in the browser only (group.readFile); nothing is uploaded and nothing is stored.
 */

import * as group from "../core/group.mjs";
import * as transfer from "../core/transfer.mjs";
import { isolate } from "../ui/dom.mjs";
import { Listeners } from "../ui/listeners.mjs";
import { load, NOT_LOADED } from "../ui/loader.mjs";

/**
 * @typedef {{status: string, name: string, reason: string}} Problem a file that could not be included
 * @typedef {{status: "ok", name: string, assessment: any, otherVersion: string, migrated: boolean,
 *   counts: any, notCarried: string[], key: number, fingerprint?: string}} Entry a file in the comparison
 * @typedef {{code: string, name: string, fileName: string, entry: Entry, assessment: any,
 *   results: any, account: import("../results/account.mjs").Account,
 *   dimensions: import("../results/account.mjs").DimensionAccount[],
 *   rounds: {entry: Entry, assessment: any, name: string, results: any, account: import("../results/account.mjs").Account}[]}} Row
 *   an authority in the comparison (group.compare), showing its latest round; each round with the
 *   name its own file gives the authority
 * @typedef {"files" | "names" | "view"} Change what changed
 * @typedef {{rows: Row[], spread: any[], letters: Map<string, number>}} Comparison
 * @typedef {{added: number, problems: Problem[]}} Outcome what adding files did
 */

export class GroupState {
  /** @param {ReturnType<import("../core/model.mjs").describe>} info the framework as model.describe gives it */
  constructor(info) {
    this.info = info;
    /** @type {Entry[]} */
    this.entries = [];
    this.hideNames = false;
    /** The heatmap's order: "name" or a dimension's index, and the direction; "" for code order.
     * @type {{by: string | number, direction: "ascending" | "descending"}} */
    this.sort = { by: "", direction: "ascending" };
    /** The theme whose dimensions the heatmap shows; "" for all. */
    this.theme = "";
    /** @type {import("../core/group.mjs").CriterionSpread[] | null} */
    this.cachedCriteria = null;
    this.nextKey = 1;
    /** The letter each organisation has been given ("Authority A" and so on), kept for as long as
     * the page is open so that adding or removing files never moves them (group.compare). */
    this.letters = new Map();
    /** @type {Comparison | null} */
    this.cached = null;
    /** @type {Listeners<[Change]>} */
    this.listeners = new Listeners();
  }

  /** Calls listener after every change, with what changed; returns a function that stops it.
   * @param {(change: Change) => void} listener */
  subscribe(listener) {
    return this.listeners.add(listener);
  }

  /** @param {Change} change */
  changed(change) {
    if (change === "files") {
      this.cached = null;
      this.cachedCriteria = null;
    }
    this.listeners.tell(change);
  }

  /** The comparison of the files in it (heatmap rows, spread), worked out once per change.
   * @returns {Comparison} */
  get comparison() {
    if (!this.cached) {
      this.cached = group.compare(this.info, this.entries, this.letters);
      this.letters = this.cached.letters;
    }
    return this.cached;
  }

  /** How the authorities' latest rounds spread across the levels on each criterion, worked out once
   * per change of files. */
  get criteria() {
    if (!this.cachedCriteria) this.cachedCriteria = group.criteria(this.info, this.comparison.rows);
    return this.cachedCriteria;
  }

  /** The heatmap's rows in the chosen order. */
  get sortedRows() {
    const { rows } = this.comparison;
    if (this.sort.by === "") return rows;
    return group.sortRows(rows, this.sort.by, this.sort.direction, (row) => this.nameOf(row));
  }

  /** @param {string | number} by "name" or a dimension's index @param {"ascending" | "descending"} direction */
  setSort(by, direction) {
    this.sort = { by, direction };
    this.changed("view");
  }

  /** @param {string} theme a theme's id, or "" for all */
  setTheme(theme) {
    this.theme = theme;
    this.changed("view");
  }

  /** What an authority is called on the page: its code when names are hidden.
   * @param {Row} row */
  nameOf(row) {
    return this.hideNames ? row.code : row.name;
  }

  /** Reads the files and adds those that can be compared and are not in already.
   * @param {File[]} files @returns {Promise<Outcome>} */
  async addFiles(files) {
    const results = await Promise.all(files.map((file) => this.read(file)));
    /** @type {Problem[]} */
    const problems = [];
    let added = 0;
    /** @type {Map<string, Entry>} the files in, by fingerprint */
    const seen = new Map(this.entries.map((entry) => [group.fingerprint(entry), entry]));
    for (const result of results) {
      if (result.status !== "ok") problems.push(result);
      else if (seen.has(group.fingerprint(result))) {
        const first = /** @type {Entry} */ (seen.get(group.fingerprint(result)));
        const as = first.name !== result.name ? ` as \u201c${isolate(first.name)}\u201d` : "";
        problems.push({ status: "duplicate", name: result.name, reason: `The same file is already in the comparison${as}, so it is counted once.` });
      } else {
        seen.set(group.fingerprint(result), result);
        this.entries.push({ ...result, key: this.nextKey });
        this.nextKey += 1;
        added += 1;
      }
    }
    this.changed("files");
    return { added, problems };
  }

  /** One file, read and checked (group.readFile); a file over the size limit is not read at all.
   * @param {File} file @returns {Promise<any>} */
  async read(file) {
    if (file.size > transfer.MAX_BYTES) return group.readFile(this.info, file.name, "", file.size);
    let text;
    try {
      text = new Uint8Array(await file.arrayBuffer());
    } catch {
      return { status: "broken", name: file.name, reason: "The file could not be read. Choose it again." };
    }
    const first = group.readFile(this.info, file.name, text, file.size);
    if (first.status !== "migrate") return first;
    // From another version of the framework: carried over by the migration, which comes with
    // assess-group-more.js, loaded the first time such a file is met.
    try {
      const more = await load("assess-group-more");
      return group.readFile(this.info, file.name, text, file.size, more.migrateAssessment);
    } catch {
      return { status: "broken", name: file.name, reason: NOT_LOADED };
    }
  }

  /** Takes the file with this key out of the comparison; false when there is none.
   * @param {number} key */
  remove(key) {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index < 0) return false;
    this.entries.splice(index, 1);
    this.changed("files");
    return true;
  }

  /** @param {boolean} hidden */
  setHideNames(hidden) {
    this.hideNames = hidden;
    this.changed("names");
  }
}
