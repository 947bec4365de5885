/* Comparing a group of organisations (authorities, say): reading several exported files and working out the heatmap,
 * the spread per dimension and each authority's profile. No DOM here.
 *
 * Files are checked by decode.mjs, as the form checks an import, and scored with the form's own
 * scoring (scoring.mjs), so the comparison always agrees with the form.
 */

import * as scoring from "./scoring.mjs";
import { decodeFile } from "./decode.mjs";
import { capitalise, terms } from "./terms.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./decode.mjs").Counts} Counts
 * @typedef {object} Entry  a file that can be compared
 * @property {string} status  "ok"
 * @property {string} name  the file's name
 * @property {Assessment} assessment
 * @property {string} otherVersion  the version it was made with when not this one, else ""
 * @property {boolean} migrated
 * @property {Counts|null} counts
 * @property {string[]} notCarried
 * @typedef {{status: string, name: string, reason: string, frameworkId?: string}} Problem
 *   status "broken" or "foreign" (then with frameworkId)
 */

/** Reads one exported file (any trailing arguments are ignored). Returns one of
 *   {status: "broken", name, reason}                    cannot be used; the reason says why
 *   {status: "foreign", name, frameworkId, reason}      made with another framework
 *   {status: "ok", name, assessment, otherVersion ("" when the same), migrated, counts,
 *    notCarried (ids of answers this version has no question for)}
 * @param {Info} info @param {string} name @param {string | Uint8Array} text the file's text or bytes @param {number} [size]
 * @param {unknown} [_unused] @returns {Entry|Problem} */
function readFile(info, name, text, size, _unused) {
  const decoded = decodeFile(info, text, size, "group");
  const { assessment, outcome, migration } = decoded;
  const reason = decoded.problems.errors.join(" ");
  if (outcome === "foreign") return { status: "foreign", name, frameworkId: decoded.frameworkId, reason };
  if (!assessment) return { status: "broken", name, reason };
  const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
  const migrated = Boolean(otherVersion) && migration.status === "migrated";
  return {
    status: "ok",
    name,
    assessment,
    otherVersion,
    migrated,
    counts: migrated ? migration.counts : null,
    notCarried: decoded.notCarried,
  };
}

/** "A", "B", ... "Z", "AA", "AB", ... @param {number} index 0, 1, ... */
function letters(index) {
  let text = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  }
  return text;
}

/** A 32-bit FNV-1a hash, to put authorities in an order that does not follow their names.
 * @param {string} text */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** @param {Entry} entry */
function label(entry) {
  const a = entry.assessment;
  return a.authority.trim() || a.name.trim() || entry.name;
}

/** The median of sorted numbers, to one decimal place; null for none. @param {number[]} sorted */
function median(sorted) {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/** Entries in code order: fixed by their contents, not their names or the order chosen.
 * @template {Entry} E
 * @param {E[]} entries @returns {E[]} */
function inCodeOrder(entries) {
  const keyed = entries.map((entry) => {
    const a = entry.assessment;
    return { entry, key: hash([a.authority, a.name, a.date, entry.name, JSON.stringify(a.answers)].join("\u0000")) };
  });
  keyed.sort((x, y) => x.key - y.key || (x.entry.name < y.entry.name ? -1 : x.entry.name > y.entry.name ? 1 : 0));
  return keyed.map((k) => k.entry);
}

/** Everything the comparison shows, for entries returned by readFile with status "ok".
 * Organisations get codes (Authority A, B, ..., in the framework's word) in an order fixed by their contents, not their
 * names or the order the files were chosen, so hiding names does not give away who is who and
 * the same files always get the same codes. Rows are in code order.
 * @template {Entry} E
 * @param {Info} info @param {E[]} entries */
function compare(info, entries) {
  const ordered = inCodeOrder(entries);
  const labels = ordered.map(label);
  const rows = ordered.map((entry, i) => {
    const a = entry.assessment;
    const results = scoring.results(info, a);
    let name = labels[i];
    if (labels.filter((other) => other === name).length > 1) {
      const extra = [a.authority.trim() && a.name.trim() !== name ? a.name.trim() : "", a.date].filter(Boolean).join(", ");
      name += ` (${extra || entry.name})`;
    }
    const code = `${capitalise(terms(info.framework).organisation)} ${letters(i)}`;
    return { code, name, fileName: entry.name, entry, assessment: a, results, dimensions: results.dimensions };
  });
  const spread = info.framework.dimensions.map((dimension, d) => {
    const scores = rows
      .map((row) => row.dimensions[d].score)
      .filter((score) => score !== null)
      .sort((x, y) => x - y);
    const mid = median(scores);
    const lowest = scores.length ? scores[0] : null;
    const highest = scores.length ? scores[scores.length - 1] : null;
    return {
      dimension,
      count: scores.length,
      lowest,
      median: mid,
      highest,
      lowestLevel: lowest === null ? null : Math.floor(lowest),
      medianLevel: mid === null ? null : Math.floor(mid),
      highestLevel: highest === null ? null : Math.floor(highest),
    };
  });
  return { rows, spread };
}

/** The shade (1 to 7) for a level of a scale of n levels, so any number of levels uses the whole
 * range of shades. @param {number|null} level @param {number} levelCount */
function shade(level, levelCount) {
  if (!level) return 0;
  if (levelCount <= 1) return 7;
  return 1 + Math.round(((level - 1) * 6) / (levelCount - 1));
}

/** True when two files are the same file chosen twice. @param {Entry} a @param {Entry} b */
function sameFile(a, b) {
  const fields = (/** @type {Entry} */ entry) => {
    const x = entry.assessment;
    return JSON.stringify([entry.name, x.name, x.authority, x.date, x.answers, x.targets]);
  };
  return fields(a) === fields(b);
}

export { readFile, compare, letters, median, shade, sameFile };
