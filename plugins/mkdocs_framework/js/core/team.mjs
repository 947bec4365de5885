/* A team's consensus: several people's answers to the same framework, side by side, and the
 * levels the team agrees. No DOM, no storage.
 *
 * Each person's answers come from an exported file or a results link, checked by decode.mjs
 * exactly as the group page and the form's import check them. For each criterion the view shows
 * every answer, the spread (lowest to highest level) and whether people are two or more levels
 * apart; the median of the levels given is offered as a suggestion, never chosen for the team.
 * The agreed levels become a new assessment (teamAssessment) that the form opens like any other.
 * The facilitator's work in progress is kept in the tab (encodeWork) and checked again, as a
 * file would be, when it is read back (decodeWork).
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { decode, decodeFile, decodeLink } from "./decode.mjs";
import { exportData } from "./transfer.mjs";
import { isPlainObject } from "./util.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {object} Source  one person's answers, read and checked
 * @property {"ok"} status
 * @property {"file"|"link"} kind
 * @property {string} source  the file's name, or which link it was
 * @property {Assessment} assessment
 * @property {string} otherVersion  the framework version it was made with when not this one
 * @typedef {{status: "broken"|"foreign", source: string, reason: string}} Problem
 * @typedef {object} Person  a respondent in the team view
 * @property {number} key
 * @property {string} name  as the facilitator has it (editable)
 * @property {"file"|"link"} kind
 * @property {string} source
 * @property {Assessment} assessment
 * @property {string} otherVersion
 * @typedef {object} CriterionView
 * @property {Criterion} criterion
 * @property {Dimension} dimension
 * @property {string} number  "1.2"
 * @property {string[]} answers  each person's answer: a level id, NOT_SURE, NOT_APPLICABLE or ""
 * @property {(number|null)[]} levels  each person's level number, null when not a level
 * @property {number|null} lowest
 * @property {number|null} highest
 * @property {number} gap  highest - lowest (0 with fewer than two levels)
 * @property {boolean} apart  two or more levels apart
 * @property {string} suggestion  the level id, NOT_APPLICABLE when everyone said so, else ""
 * @typedef {object} DimensionView
 * @property {Dimension} dimension
 * @property {scoring.DimensionResult[]} results  each person's result
 * @property {number|null} lowest  the lowest level among the results
 * @property {number|null} highest
 * @property {boolean} apart
 */

/** @typedef {import("./scoring.mjs").DimensionResult} DimensionResult */

export const MAX_NAME = 120;
export const MAX_NOTE = 2000;
const MAX_EVIDENCE = 20000;
const MAX_PEOPLE = 60;

/* ---- Reading each person's answers --------------------------------------------------------- */

/** @param {Info} info @param {"file"|"link"} kind @param {string} source @param {import("./decode.mjs").Decoded} decoded
 * @returns {Source|Problem} */
function fromDecoded(info, kind, source, decoded) {
  const reason = decoded.problems.errors.join(" ");
  if (decoded.outcome === "foreign") return { status: "foreign", source, reason };
  if (!decoded.assessment) return { status: "broken", source, reason };
  const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
  return { status: "ok", kind, source, assessment: decoded.assessment, otherVersion };
}

/** An exported file, as text or as the bytes a file chooser gives (size: its size on disk).
 * @param {Info} info @param {string} name @param {string | Uint8Array} content @param {number} [size] */
export function readFile(info, name, content, size) {
  return fromDecoded(info, "file", name, decodeFile(info, content, size, "group"));
}

/** The results links in pasted text: every address (or bare fragment) holding "r1.", one per line
 * or separated by spaces. @param {string} text @returns {string[]} */
export function linksIn(text) {
  return String(text || "")
    .split(/\s+/)
    .filter((word) => word.includes("#") || word.startsWith("r1."))
    .map((word) => word.slice(word.indexOf("#") + 1));
}

/** One results link's fragment (the part after "#"). @param {Info} info @param {string} fragment */
export function readLink(info, fragment) {
  return fromDecoded(info, "link", "results link", decodeLink(info, fragment));
}

/** True when two people's answers are the same file or link given twice (or one person's file and
 * link): the same name, authority, date, answers and targets. @param {Assessment} a @param {Assessment} b */
export function sameAnswers(a, b) {
  const key = (/** @type {Assessment} */ x) => JSON.stringify([x.name, x.authority, x.date, sorted(x.answers), sorted(x.targets)]);
  return key(a) === key(b);
}

/** @param {Record<string, string>} map */
function sorted(map) {
  return Object.keys(map)
    .sort()
    .map((id) => [id, map[id]]);
}

/** The "who took part" field of an assessment, when it has one. @param {Assessment} assessment */
export function participantsOf(assessment) {
  const value = /** @type {any} */ (assessment).participants;
  return typeof value === "string" ? value : "";
}

/** The name a person is first given: who took part, as their export says; else the assessment's
 * name; else "Respondent 1", "Respondent 2"... @param {Assessment} assessment @param {number} index 0, 1, ... */
export function defaultName(assessment, index) {
  const name = participantsOf(assessment).trim() || assessment.name.trim();
  return name ? name.slice(0, MAX_NAME) : `Respondent ${index + 1}`;
}

/* ---- Side by side ------------------------------------------------------------------------ */

/** The median of level numbers, rounded down to a level when it falls between two (as the form
 * rounds a score down to its level); null for none. @param {number[]} numbers */
export function medianLevel(numbers) {
  if (!numbers.length) return null;
  const list = [...numbers].sort((x, y) => x - y);
  const middle = Math.floor(list.length / 2);
  return list.length % 2 ? list[middle] : Math.floor((list[middle - 1] + list[middle]) / 2);
}

/** @param {Info} info @param {Assessment} assessment @param {string} id */
function answerOf(info, assessment, id) {
  const value = model.has(assessment.answers, id) ? assessment.answers[id] : "";
  return model.isAllowedAnswer(info, value) ? value : "";
}

/** Every criterion with each person's answer, the spread and the suggestion.
 * @param {Info} info @param {Assessment[]} assessments @returns {CriterionView[]} */
export function criteria(info, assessments) {
  const views = [];
  for (const dimension of info.framework.dimensions) {
    dimension.criteria.forEach((criterion, i) => {
      const answers = assessments.map((a) => answerOf(info, a, criterion.id));
      const levels = answers.map((value) => info.levelIndex.get(value) || null);
      const given = levels.filter((level) => level !== null);
      const lowest = given.length ? Math.min(...given) : null;
      const highest = given.length ? Math.max(...given) : null;
      const gap = given.length > 1 ? highest - lowest : 0;
      const middle = medianLevel(given);
      const everyoneNotApplicable = answers.length > 0 && answers.every((value) => value === model.NOT_APPLICABLE);
      const suggestion = middle ? info.framework.levels[middle - 1].id : everyoneNotApplicable ? model.NOT_APPLICABLE : "";
      views.push({ criterion, dimension, number: `${dimension.number}.${i + 1}`, answers, levels, lowest, highest, gap, apart: gap >= 2, suggestion });
    });
  }
  return views;
}

/** Every dimension with each person's result (scoring.mjs, as the form works it out) and the
 * spread of their levels. @param {Info} info @param {Assessment[]} assessments @returns {DimensionView[]} */
export function dimensions(info, assessments) {
  return info.framework.dimensions.map((dimension) => {
    const results = assessments.map((a) => scoring.scoreDimension(info, a, dimension));
    const given = results.map((r) => r.level).filter((level) => level !== null);
    const lowest = given.length ? Math.min(...given) : null;
    const highest = given.length ? Math.max(...given) : null;
    return { dimension, results, lowest, highest, apart: given.length > 1 && highest - lowest >= 2 };
  });
}

/** How a criterion's or dimension's levels spread, in words: "Emerging to Embedded",
 * "All at Developing", "No levels given". @param {Info} info @param {number|null} lowest @param {number|null} highest */
export function spreadText(info, lowest, highest) {
  if (lowest === null || highest === null) return "No levels given";
  const label = (/** @type {number} */ n) => info.framework.levels[n - 1].label;
  return lowest === highest ? `All at ${label(lowest)}` : `${label(lowest)} to ${label(highest)}`;
}

export const answerText = model.answerText;

/* ---- The team's assessment ----------------------------------------------------------------- */

/** "Ann, Bob and Carol". @param {string[]} names */
export function joinNames(names) {
  const list = names.map((name) => name.trim()).filter(Boolean);
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list.join("");
}

/** The evidence note of one dimension: what the team discussed where people disagreed, criterion
 * by criterion (those with a note, or two or more levels apart). "" when there is nothing to say.
 * @param {Info} info @param {CriterionView[]} views the dimension's criteria @param {string[]} names
 * @param {Record<string, string>} agreed @param {Record<string, string>} notes */
export function disagreementNote(info, views, names, agreed, notes) {
  const lines = [];
  for (const view of views) {
    const id = view.criterion.id;
    const note = model.has(notes, id) ? notes[id].trim() : "";
    if (!note && !view.apart) continue;
    const who = view.answers.map((value, i) => `${names[i]}: ${answerText(info, value)}`).join("; ");
    const decided = model.has(agreed, id) && agreed[id] ? `agreed ${answerText(info, agreed[id])}` : "no level agreed yet";
    let line = `${view.number} ${view.criterion.title}: answers ${spreadText(info, view.lowest, view.highest).replace(/^All at/, "all at")} (${who}); ${decided}.`;
    if (note) line += ` ${note}`;
    lines.push(line);
  }
  if (!lines.length) return "";
  const text = `Team discussion where people's answers differed:\n${lines.join("\n")}`;
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE - 1)}\u2026` : text;
}

/**
 * The team's assessment, ready to save: the agreed levels as its answers, who took part from the
 * people's names, the discussion in each dimension's evidence notes.
 * @param {Info} info @param {{people: {name: string, assessment: Assessment}[], agreed: Record<string, string>,
 *   notes: Record<string, string>, name: string, authority: string}} work @param {Date} [now]
 * @returns {Assessment}
 */
export function teamAssessment(info, work, now) {
  const record = model.blankAssessment(info, now);
  const names = work.people.map((p) => p.name.trim() || "Unnamed");
  record.name = work.name.trim().slice(0, 300) || "Team assessment";
  record.authority = work.authority.trim().slice(0, 300);
  /** @type {any} */ (record).participants = joinNames(names).slice(0, 5000);
  for (const [id, value] of Object.entries(work.agreed)) {
    if (info.criteria.has(id) && model.isAllowedAnswer(info, value)) model.setAnswer(info, record, id, value);
  }
  const views = criteria(info, work.people.map((p) => p.assessment));
  for (const dimension of info.framework.dimensions) {
    const text = disagreementNote(info, views.filter((v) => v.dimension === dimension), names, work.agreed, work.notes);
    if (text) model.setNote(info, record, dimension.id, "evidence", text);
  }
  if (now) record.updated = now.toISOString();
  return record;
}

/** The authority the people share, or "" when they name none or different ones.
 * @param {Assessment[]} assessments */
export function sharedAuthority(assessments) {
  const named = new Set(assessments.map((a) => a.authority.trim()).filter(Boolean));
  return named.size === 1 ? [...named][0] : "";
}

/* ---- The work in progress, kept in the tab ------------------------------------------------- */

/**
 * @typedef {object} Work  what the facilitator has done so far
 * @property {Person[]} people
 * @property {Record<string, string>} agreed  criterion id -> answer
 * @property {Record<string, string>} notes  criterion id -> note
 * @property {boolean} hideNames
 * @property {boolean} large
 * @property {string} name  the team assessment's name
 * @property {string} savedId  the id of the team's assessment once saved, else ""
 * @property {any} savedAs  the record as it was last saved (to merge with changes made since), or null
 */

/** @param {Info} info @param {Work} work @returns {string} */
export function encodeWork(info, work) {
  return JSON.stringify({
    version: 1,
    frameworkId: info.framework.id,
    people: work.people.map((p) => ({ name: p.name, kind: p.kind, source: p.source, file: exportData(info, p.assessment) })),
    agreed: work.agreed,
    notes: work.notes,
    hideNames: work.hideNames,
    large: work.large,
    name: work.name,
    savedId: work.savedId,
    savedAs: work.savedAs,
  });
}

/** @param {unknown} value @param {number} limit */
const text = (value, limit) => (typeof value === "string" ? value.slice(0, limit) : "");

/** The work in progress read back from the tab, checked as strictly as files are: each person's
 * answers go through decode.mjs again, and anything else that is not what encodeWork writes is
 * left out. Null when there is nothing usable. @param {Info} info @param {string | null} stored @returns {Work|null} */
export function decodeWork(info, stored) {
  let raw;
  try {
    raw = JSON.parse(stored || "null");
  } catch {
    return null;
  }
  if (!isPlainObject(raw) || raw.version !== 1 || raw.frameworkId !== info.framework.id) return null;
  /** @type {Person[]} */
  const people = [];
  for (const entry of (Array.isArray(raw.people) ? raw.people : []).slice(0, MAX_PEOPLE)) {
    if (!isPlainObject(entry)) continue;
    const decoded = decode(info, entry.file, "group");
    if (!decoded.assessment) continue;
    const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
    people.push({
      key: people.length + 1,
      name: text(entry.name, MAX_NAME),
      kind: entry.kind === "file" ? "file" : "link",
      source: text(entry.source, 300) || "results link",
      assessment: decoded.assessment,
      otherVersion,
    });
  }
  /** @type {Record<string, string>} */
  const agreed = {};
  for (const [id, value] of Object.entries(isPlainObject(raw.agreed) ? raw.agreed : {})) {
    if (info.criteria.has(id) && model.isAllowedAnswer(info, value)) agreed[id] = value;
  }
  /** @type {Record<string, string>} */
  const notes = {};
  for (const [id, value] of Object.entries(isPlainObject(raw.notes) ? raw.notes : {})) {
    if (info.criteria.has(id) && typeof value === "string" && value) notes[id] = value.slice(0, MAX_NOTE);
  }
  const savedId = /^[A-Za-z0-9-]{1,64}$/.test(raw.savedId) ? raw.savedId : "";
  return {
    people,
    agreed,
    notes,
    hideNames: raw.hideNames === true,
    large: raw.large === true,
    name: text(raw.name, 300),
    savedId,
    savedAs: savedId && isPlainObject(raw.savedAs) ? raw.savedAs : null,
  };
}
