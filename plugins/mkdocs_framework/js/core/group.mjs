/* Comparing a group of organisations (authorities, say): reading several exported files and working out the heatmap,
 * the spread per dimension and each authority's profile. No DOM here.
 *
 * Files are checked by decode.mjs, as the form checks an import, and scored with the form's own
 * scoring (scoring.mjs), so the comparison always agrees with the form.
 */

import * as scoring from "./scoring.mjs";
import { account } from "../results/account.mjs";
import { decodeFile } from "./decode.mjs";
import { NOT_APPLICABLE, NOT_SURE } from "./model.mjs";
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

/** Reads one exported file. Returns one of
 *   {status: "broken", name, reason}                    cannot be used; the reason says why
 *   {status: "foreign", name, frameworkId, reason}      made with another framework
 *   {status: "ok", name, assessment, otherVersion ("" when the same), migrated, counts,
 *    notCarried (ids of answers this version has no question for)}
 *   {status: "migrate", name}                           from another version, and migrate was not
 *                                                       given: read it again with core/migrate.mjs's
 *                                                       migrateAssessment (the page loads it then)
 * @param {Info} info @param {string} name @param {string | Uint8Array} text the file's text or bytes @param {number} [size]
 * @param {import("./decode.mjs").Migrate} [migrate] @returns {Entry|Problem|{status: "migrate", name: string}} */
function readFile(info, name, text, size, migrate) {
  const decoded = decodeFile(info, text, size, "group", migrate);
  if (decoded.outcome === "migrate") return { status: "migrate", name };
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

/** The name a file gives its organisation, as the page shows it: the organisation's name, else the
 * assessment's name, else the file's name, with each run of spaces shown as one (as a page shows
 * text), so a file's own name is the same on the page and in the CSV. @param {Entry} entry */
function label(entry) {
  const a = entry.assessment;
  const shown = (/** @type {string} */ text) => text.replace(/\s+/g, " ").trim();
  return shown(a.authority) || shown(a.name) || entry.name;
}

/* Direction-control, zero-width and byte-order characters: invisible, so never part of a name. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** What tells one organisation from another: the name its files give, without invisible
 * characters, in one Unicode form (NFKC), with spacing and case folded, so "Anyshire" and
 * " ANYSHIRE " are one organisation; "" when the file names none. @param {string} name */
function organisationKey(name) {
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The median of sorted numbers, to one decimal place; null for none. @param {number[]} sorted */
function median(sorted) {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/** The order of an organisation's files: by the assessment's date, then when it was last changed,
 * then by file name. @param {Entry} x @param {Entry} y */
function byDate(x, y) {
  const a = x.assessment;
  const b = y.assessment;
  const key = (/** @type {Assessment} */ z, /** @type {Entry} */ e) => [z.date || "", z.updated || "", e.name].join("\u0000");
  const p = key(a, x);
  const q = key(b, y);
  return p < q ? -1 : p > q ? 1 : 0;
}

/** What tells an organisation from every other for as long as the page is open: its name
 * (organisationKey), or for a file that names none, what is in the file (fingerprint), as such a
 * file is an organisation of its own. @param {Entry} entry */
function organisationId(entry) {
  const key = organisationKey(entry.assessment.authority);
  return key ? `o:${key}` : `f:${fingerprint(entry)}`;
}

/** The files grouped by organisation (organisationId), each group's files in date order: its
 * rounds, baseline first.
 * @template {Entry} E @param {E[]} entries @returns {Map<string, E[]>} */
function byOrganisation(entries) {
  /** @type {Map<string, E[]>} */
  const groups = new Map();
  for (const entry of entries) {
    const id = organisationId(entry);
    const list = groups.get(id);
    if (list) list.push(entry);
    else groups.set(id, [entry]);
  }
  for (const list of groups.values()) list.sort(byDate);
  return groups;
}

/** The letters (as numbers: 0 for A) of the organisations, those given before kept as they were, so
 * that an organisation keeps its letter whatever files are added or removed; a letter once given is
 * never given to another. Organisations new to `given` take the next letters, in an order fixed by
 * their contents (a hash of their name), not their names' alphabetical order or the order the files
 * were chosen, so the letters do not give away who is who.
 * @param {Map<string, number>} given the letters given so far, by organisationId
 * @param {Map<string, Entry[]>} groups the organisations now in the comparison
 * @returns {Map<string, number>} `given` with the new organisations' letters added */
function giveLetters(given, groups) {
  const fresh = [...groups.entries()]
    .filter(([id]) => !given.has(id))
    .map(([id, files]) => {
      const a = files[0].assessment;
      const key = organisationKey(a.authority);
      const text = key || [a.authority, a.name, a.date, files[0].name, JSON.stringify(a.answers)].join("\u0000");
      return { id, key: hash(text), text };
    })
    .sort((x, y) => x.key - y.key || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  const letters = new Map(given);
  let next = Math.max(-1, ...given.values()) + 1;
  for (const { id } of fresh) {
    letters.set(id, next);
    next += 1;
  }
  return letters;
}

/** Everything the comparison shows, for entries returned by readFile with status "ok".
 * Files of one organisation (the same name, organisationKey) are its rounds: the organisation has
 * one row, showing its latest round, with every round in `rounds` (baseline first), each with the
 * name its own file gives the organisation.
 * Organisations get codes (Authority A, B, ..., in the framework's word) by giveLetters: pass the
 * letters returned last time and an organisation keeps its code while files are added and removed.
 * Rows are in code order.
 * @template {Entry} E
 * @param {Info} info @param {E[]} entries
 * @param {Map<string, number>} [given] the letters given so far (`letters` of an earlier comparison) */
function compare(info, entries, given = new Map()) {
  const groups = byOrganisation(entries);
  const assigned = giveLetters(given, groups);
  const keyed = [...groups.entries()]
    .map(([id, files]) => ({ files, letter: /** @type {number} */ (assigned.get(id)) }))
    .sort((x, y) => x.letter - y.letter);
  const latest = keyed.map((k) => k.files[k.files.length - 1]);
  const labels = latest.map(label);
  const word = capitalise(terms(info.framework).organisation);
  const rows = keyed.map(({ files, letter }, i) => {
    const entry = latest[i];
    const a = entry.assessment;
    let name = labels[i];
    if (labels.filter((other) => other === name).length > 1) {
      const extra = [a.authority.trim() && a.name.trim() !== name ? a.name.trim() : "", a.date].filter(Boolean).join(", ");
      name += ` (${extra || entry.name})`;
    }
    // Each round's account (results/account.mjs) gives its results in the words every page uses.
    const rounds = files.map((file) => ({
      entry: file,
      assessment: file.assessment,
      name: label(file),
      results: scoring.results(info, file.assessment),
      account: account(info, file.assessment),
    }));
    const { results, account: latestAccount } = rounds[rounds.length - 1];
    const code = `${word} ${letters(letter)}`;
    return { code, name, fileName: entry.name, entry, assessment: a, results, account: latestAccount, dimensions: latestAccount.dimensions, rounds };
  });
  // The spread is of the organisations' whole levels, as the heatmap shows them; the middle of an
  // even number of levels may fall halfway between two (2.5).
  const spread = info.framework.dimensions.map((dimension, d) => {
    const levels = rows
      .map((row) => row.dimensions[d].level)
      .filter((level) => level !== null)
      .sort((x, y) => x - y);
    return {
      dimension,
      count: levels.length,
      lowest: levels.length ? levels[0] : null,
      median: median(levels),
      highest: levels.length ? levels[levels.length - 1] : null,
    };
  });
  return { rows, spread, letters: assigned };
}

/**
 * How the organisations (their latest rounds) spread across the levels on one criterion.
 * @typedef {object} CriterionSpread
 * @property {import("./model.mjs").Dimension} dimension
 * @property {import("./model.mjs").Criterion} criterion
 * @property {string} number  "2.3"
 * @property {number[]} levels  how many organisations are at each level, lowest first
 * @property {number} notApplicable
 * @property {number} notSure
 * @property {number} unanswered
 * @property {number} answered  organisations with a level
 * @property {number|null} medianLevel  the middle level of those (rounded down), null for none
 * @property {number} atOrBelow  organisations at the median level or lower
 */

/** For every criterion, how the rows' latest rounds spread across the levels.
 * @param {Info} info @param {{assessment: Assessment}[]} rows @returns {CriterionSpread[]} */
function criteria(info, rows) {
  const levelCount = info.framework.levels.length;
  /** @type {CriterionSpread[]} */
  const out = [];
  for (const dimension of info.framework.dimensions) {
    dimension.criteria.forEach((criterion, c) => {
      const levels = new Array(levelCount).fill(0);
      let notApplicable = 0;
      let notSure = 0;
      /** @type {number[]} */
      const numbers = [];
      for (const row of rows) {
        const answers = row.assessment.answers;
        const value = Object.prototype.hasOwnProperty.call(answers, criterion.id) ? answers[criterion.id] : null;
        const number = value ? info.levelIndex.get(value) : undefined;
        if (number) {
          levels[number - 1] += 1;
          numbers.push(number);
        } else if (value === NOT_APPLICABLE) notApplicable += 1;
        else if (value === NOT_SURE) notSure += 1;
      }
      numbers.sort((x, y) => x - y);
      const mid = median(numbers);
      const medianLevel = mid === null ? null : Math.floor(mid);
      out.push({
        dimension,
        criterion,
        number: `${dimension.number}.${c + 1}`,
        levels,
        notApplicable,
        notSure,
        unanswered: rows.length - numbers.length - notApplicable - notSure,
        answered: numbers.length,
        medianLevel,
        atOrBelow: medianLevel === null ? 0 : numbers.filter((n) => n <= medianLevel).length,
      });
    });
  }
  return out;
}

/** The weakest criteria across the group: those with a level from at least one organisation, lowest
 * middle level first, then the most organisations at or below it, then the lowest average; at most
 * `count`. @param {CriterionSpread[]} spread @param {number} count */
function weakest(spread, count) {
  const mean = (/** @type {CriterionSpread} */ s) => s.levels.reduce((sum, n, i) => sum + n * (i + 1), 0) / s.answered;
  return spread
    .filter((s) => s.answered > 0)
    .map((s) => ({ s, mean: mean(s) }))
    .sort((x, y) => /** @type {number} */ (x.s.medianLevel) - /** @type {number} */ (y.s.medianLevel) || y.s.atOrBelow - x.s.atOrBelow || x.mean - y.mean)
    .slice(0, count)
    .map((x) => x.s);
}

/** Rows sorted by a column of the heatmap: "name" (by the name shown) or a dimension's index,
 * by level (as the heatmap shows it, never the score behind it) with no level always last; ties
 * keep code order.
 * @template {{code: string, dimensions: {level: number|null}[]}} R
 * @param {R[]} rows @param {string | number} by @param {"ascending"|"descending"} direction
 * @param {(row: R) => string} nameOf @returns {R[]} */
function sortRows(rows, by, direction, nameOf) {
  const sign = direction === "descending" ? -1 : 1;
  const indexed = rows.map((row, i) => ({ row, i, name: by === "name" ? nameOf(row) : "" }));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  indexed.sort((x, y) => {
    if (by === "name") return sign * collator.compare(x.name, y.name) || x.i - y.i;
    const p = x.row.dimensions[/** @type {number} */ (by)].level;
    const q = y.row.dimensions[/** @type {number} */ (by)].level;
    if (p === null || q === null) return (p === null ? 1 : 0) - (q === null ? 1 : 0) || x.i - y.i;
    return sign * (p - q) || x.i - y.i;
  });
  return indexed.map((x) => x.row);
}

/** The shade (1 to 7) for a level of a scale of n levels, so any number of levels uses the whole
 * range of shades; likewise for a count of n organisations (n of n darkest).
 * @param {number|null} level @param {number} levelCount */
function shade(level, levelCount) {
  if (!level) return 0;
  if (levelCount <= 1) return 7;
  return 1 + Math.round(((level - 1) * 6) / (levelCount - 1));
}

/** What makes a file the same file: its assessment's details, answers, targets and notes, whatever
 * the file is called (a copy saved under another name holds the same assessment). Worked out once
 * per file and kept on it, so checking many files against each other stays fast.
 * @param {Entry & {fingerprint?: string}} entry */
function fingerprint(entry) {
  if (entry.fingerprint === undefined) {
    const x = entry.assessment;
    entry.fingerprint = JSON.stringify([x.name, x.authority, x.date, x.answers, x.targets, x.notes]);
  }
  return entry.fingerprint;
}

/** True when two files are the same file chosen twice (fingerprint). @param {Entry} a @param {Entry} b */
function sameFile(a, b) {
  return fingerprint(a) === fingerprint(b);
}

export { readFile, compare, criteria, weakest, sortRows, organisationKey, fingerprint, letters, median, shade, sameFile };
