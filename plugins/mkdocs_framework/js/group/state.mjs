/* The group comparison page's state: the files read so far and the options (hide names). No DOM:
 * the components render from it and send changes to it; it tells its listeners after every change.
 * Files are read in the browser only (group.readFile); nothing is uploaded and nothing is stored.
 */

import * as group from "../core/group.mjs";
import * as transfer from "../core/transfer.mjs";
import { Listeners } from "../ui/listeners.mjs";

/**
 * @typedef {{status: string, name: string, reason: string}} Problem a file that could not be included
 * @typedef {{status: "ok", name: string, assessment: any, otherVersion: string, migrated: boolean,
 *   counts: any, notCarried: string[], key: number}} Entry a file in the comparison
 * @typedef {{code: string, name: string, fileName: string, entry: Entry, assessment: any,
 *   results: any, dimensions: any[]}} Row an authority in the comparison (group.compare)
 * @typedef {{rows: Row[], spread: any[]}} Comparison
 * @typedef {{added: number, problems: Problem[]}} Outcome what adding files did
 */

export class GroupState {
  /** @param {ReturnType<import("../core/model.mjs").describe>} info the framework as model.describe gives it */
  constructor(info) {
    this.info = info;
    /** @type {Entry[]} */
    this.entries = [];
    this.hideNames = false;
    this.nextKey = 1;
    /** @type {Comparison | null} */
    this.cached = null;
    /** @type {Listeners<[]>} */
    this.listeners = new Listeners();
  }

  /** Calls listener after every change; returns a function that stops it.
   * @param {() => void} listener */
  subscribe(listener) {
    return this.listeners.add(listener);
  }

  changed() {
    this.cached = null;
    this.listeners.tell();
  }

  /** The comparison of the files in it (heatmap rows, spread), worked out once per change.
   * @returns {Comparison} */
  get comparison() {
    if (!this.cached) this.cached = group.compare(this.info, this.entries);
    return this.cached;
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
    for (const result of results) {
      if (result.status !== "ok") problems.push(result);
      else if (this.entries.some((entry) => group.sameFile(entry, result))) {
        problems.push({ status: "duplicate", name: result.name, reason: "This file is already in the comparison." });
      } else {
        this.entries.push({ ...result, key: this.nextKey });
        this.nextKey += 1;
        added += 1;
      }
    }
    this.changed();
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
    return group.readFile(this.info, file.name, text, file.size);
  }

  /** Takes the file with this key out of the comparison; false when there is none.
   * @param {number} key */
  remove(key) {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index < 0) return false;
    this.entries.splice(index, 1);
    this.changed();
    return true;
  }

  /** @param {boolean} hidden */
  setHideNames(hidden) {
    this.hideNames = hidden;
    this.changed();
  }
}
