/* Self-assessment: the framework as the form sees it, and the assessment being edited. No DOM.
 *
 * An assessment is plain data (the Assessment type below), so it can be saved, exported and
 * compared. Anything read from outside (the device, a file, a link, a group file) is checked and
 * made safe by decode.mjs and the table of fields (fields.mjs), never here; the fields' values,
 * limits and restore() are re-exported from there for the pages.
 * Framework ids never contain "_" (the schema forbids it), so the two special answers can never
 * clash with a level id.
 */

import {
  DETAILS,
  NOTE_KINDS,
  NOT_APPLICABLE,
  NOT_SURE,
  PLAN_FIELDS,
  PLAN_PRIORITIES,
  PLAN_STATUSES,
  MAX_DETAIL,
  blankAssessment,
  has,
  isAllowedAnswer,
  newId,
  restore,
  today,
} from "./fields.mjs";
import * as words from "../results/words.mjs";

/**
 * The framework data every page receives (data.py), described once in schema/browser-data.schema.json;
 * its types are generated from there (framework-types.mjs).
 * @typedef {import("./framework-types.mjs").Level} Level
 * @typedef {import("./framework-types.mjs").Criterion} Criterion
 * @typedef {import("./framework-types.mjs").Dimension} Dimension
 * @typedef {import("./framework-types.mjs").Framework} Framework
 *
 * @typedef {object} Info  indexes over the framework, so look-ups never touch prototypes
 * @property {Framework} framework
 * @property {Map<string, number>} levelIndex  level id -> 1..N
 * @property {Map<string, {criterion: Criterion, dimension: Dimension}>} criteria
 * @property {Map<string, Dimension>} dimensions
 * @property {number} criteriaCount
 *
 * @typedef {{evidence: string, views: string}} Notes
 * @typedef {{action: string, owner: string, due: string, priority?: string, status?: string, progress?: string}} PlanEntry
 *   priority: "" or one of PLAN_PRIORITIES; status: "" (not started) or one of PLAN_STATUSES
 * @typedef {PlanEntry & {id: string, criterion: string, formerCriterion?: string}} OwnAction  an action
 *   the team added (plan.mjs); criterion: the criterion it is about, or ""; formerCriterion: the id of
 *   a criterion it was about that a later version of the framework removed
 * @typedef {{kind: string, id: string, value: any, reason: string, version: string}} NotCarried
 * @typedef {{from: string, to: string, at: string, report?: object, dismissed?: boolean}} MigrationMade
 *
 * @typedef {object} Assessment  one self-assessment, as saved, exported and shown
 * @property {string} id
 * @property {string} frameworkId
 * @property {string} frameworkVersion  the version its answers belong to
 * @property {string} name
 * @property {string} authority
 * @property {string} [participants]  who took part (older records have none)
 * @property {string} date  YYYY-MM-DD, or ""
 * @property {string} created  ISO time
 * @property {string} updated  ISO time
 * @property {Record<string, string>} answers  criterion id -> level id, NOT_APPLICABLE or NOT_SURE
 * @property {Record<string, string>} targets  dimension id -> level id
 * @property {Record<string, Notes>} notes  dimension id -> notes
 * @property {Record<string, PlanEntry>} plan  criterion id -> what was written in the action plan
 * @property {OwnAction[]} [actions]  the team's own actions (older records have none)
 * @property {Record<string, string>} [fingerprints]  criterion id -> wording the answer was given on
 * @property {Record<string, string>} [review]  criterion id -> why the answer needs checking
 * @property {NotCarried[]} [notCarried]  what migration could not carry (kept for exports)
 * @property {MigrationMade[]} [migrations]  the migrations made, the latest with its report
 * @property {{exported?: string, kept?: string, dismissed?: string, answers?: Record<string, string>}} [keep]  when it was
 *   last exported, when its answers were last the same as in a file, and those answers (core/keep.mjs)
 */

/** @param {Framework} framework @returns {Info} */
function describe(framework) {
  const levelIndex = new Map(framework.levels.map((level, i) => [level.id, i + 1]));
  const criteria = new Map();
  const dimensions = new Map();
  for (const dimension of framework.dimensions) {
    dimensions.set(dimension.id, dimension);
    for (const criterion of dimension.criteria) criteria.set(criterion.id, { criterion, dimension });
  }
  return { framework, levelIndex, criteria, dimensions, criteriaCount: criteria.size };
}

/** A level's label from its id ("" for none): results/words.mjs's, the one place a label is looked up.
 * @param {Info} info @param {string} levelId */
function levelLabel(info, levelId) {
  return words.levelLabel(info.framework, info.levelIndex.get(levelId));
}

/** An answer in the words every page uses (results/words.mjs): a level's label, "Not applicable"
 * or "Not sure yet"; `none` for no answer (or an id this framework does not have).
 * @param {Info} info @param {string} value @param {string} [none] */
function answerText(info, value, none) {
  return words.answerWords(info.framework, info.levelIndex, value, none);
}

/** A new assessment that starts from another's answers, targets, notes and action plan: for a
 * review that begins from last year's answers. It gets its own id, today's date and a new name.
 * @param {Info} info @param {Assessment} source @param {Date} [now] @returns {Assessment} */
function duplicate(info, source, now) {
  const when = now || new Date();
  const copy = restore(info, JSON.parse(JSON.stringify(source)), when);
  copy.id = newId();
  copy.name = `${source.name || "Untitled assessment"} (copy)`.slice(0, MAX_DETAIL);
  copy.date = today(when);
  copy.created = when.toISOString();
  copy.updated = when.toISOString();
  copy.frameworkVersion = source.frameworkVersion || info.framework.version;
  return copy;
}

/** @param {Assessment} assessment */
function touch(assessment) {
  assessment.updated = new Date().toISOString();
  return assessment;
}

/* Each change below returns the assessment, changed in place and stamped with the time. */

/** @param {Info} info @param {Assessment} assessment @param {string} criterionId
 * @param {string|null} value a level id, NOT_APPLICABLE, NOT_SURE, or null/"" to clear */
function setAnswer(info, assessment, criterionId, value) {
  if (!info.criteria.has(criterionId)) throw new Error(`Unknown criterion ${criterionId}`);
  if (value === null || value === "") delete assessment.answers[criterionId];
  else if (isAllowedAnswer(info, value)) assessment.answers[criterionId] = value;
  else throw new Error(`Not an answer: ${value}`);
  return answeredNow(info, assessment, criterionId);
}

/* Answering (or clearing) a question settles any "check this answer" flag on it, and records
 * the fingerprint of the wording the answer was given against (see migrate.mjs). */
/** @param {Info} info @param {Assessment} assessment @param {string} criterionId */
function answeredNow(info, assessment, criterionId) {
  if (!assessment.fingerprints) assessment.fingerprints = {};
  if (has(assessment.answers, criterionId)) {
    assessment.fingerprints[criterionId] = info.criteria.get(criterionId)?.criterion.fingerprint || "";
  } else delete assessment.fingerprints[criterionId];
  if (assessment.review) delete assessment.review[criterionId];
  return touch(assessment);
}

/** The person has checked a flagged answer and keeps it as it is.
 * @param {Info} info @param {Assessment} assessment @param {string} criterionId */
function confirmAnswer(info, assessment, criterionId) {
  if (!info.criteria.has(criterionId)) throw new Error(`Unknown criterion ${criterionId}`);
  return answeredNow(info, assessment, criterionId);
}

/** {criterionId: fingerprint} for every answered question: the wording it was answered against,
 * or the current wording when none was recorded (the answer was given on this version).
 * @param {Info} info @param {Assessment} assessment @returns {Record<string, string>} */
function fingerprintsOf(info, assessment) {
  /** @type {Record<string, string>} */
  const out = {};
  const recorded = assessment.fingerprints || {};
  for (const id of Object.keys(assessment.answers)) {
    if (has(recorded, id) && typeof recorded[id] === "string" && recorded[id]) out[id] = recorded[id];
    else if (info.criteria.has(id)) out[id] = info.criteria.get(id)?.criterion.fingerprint || "";
  }
  return out;
}

/** "reworded", "merged", "split" or "unverified" when the answer is flagged for checking, else "".
 * @param {Assessment} assessment @param {string} criterionId */
function reviewReason(assessment, criterionId) {
  return assessment.review && has(assessment.review, criterionId) && has(assessment.answers, criterionId)
    ? assessment.review[criterionId]
    : "";
}

/** @param {Info} info @param {Assessment} assessment @param {string} dimensionId @param {string} levelId */
function setTarget(info, assessment, dimensionId, levelId) {
  if (!info.dimensions.has(dimensionId)) throw new Error(`Unknown dimension ${dimensionId}`);
  if (!levelId) delete assessment.targets[dimensionId];
  else if (info.levelIndex.has(levelId)) assessment.targets[dimensionId] = levelId;
  else throw new Error(`Not a level: ${levelId}`);
  return touch(assessment);
}

/** @param {Info} info @param {Assessment} assessment @param {string} dimensionId
 * @param {string} kind "evidence" or "views" @param {unknown} text */
function setNote(info, assessment, dimensionId, kind, text) {
  if (!info.dimensions.has(dimensionId) || !NOTE_KINDS.includes(kind)) throw new Error("Unknown note");
  const notes = has(assessment.notes, dimensionId) ? assessment.notes[dimensionId] : { evidence: "", views: "" };
  /** @type {Record<string, string>} */ (notes)[kind] = String(text);
  if (!notes.evidence && !notes.views) delete assessment.notes[dimensionId];
  else assessment.notes[dimensionId] = notes;
  return touch(assessment);
}

/** @param {Assessment} assessment @param {string} field "name", "authority", "date" or "participants" @param {unknown} value */
function setDetail(assessment, field, value) {
  if (!DETAILS.includes(field)) throw new Error(`Unknown detail ${field}`);
  /** @type {Record<string, any>} */ (assessment)[field] = String(value);
  return touch(assessment);
}

/** One field (action, owner, due date, priority, status or progress note) of the action plan's item for a criterion.
 * @param {Info} info @param {Assessment} assessment @param {string} criterionId
 * @param {string} field @param {unknown} text */
function setPlanField(info, assessment, criterionId, field, text) {
  if (!info.criteria.has(criterionId) || !PLAN_FIELDS.includes(field)) throw new Error("Unknown plan field");
  if (!assessment.plan) assessment.plan = {};
  const entry = has(assessment.plan, criterionId) ? assessment.plan[criterionId] : { action: "", owner: "", due: "" };
  /** @type {Record<string, string>} */
  const fields = entry;
  fields[field] = String(text);
  if (!PLAN_FIELDS.some((name) => fields[name])) delete assessment.plan[criterionId];
  else assessment.plan[criterionId] = entry;
  return touch(assessment);
}

/** @param {Assessment} assessment @param {string} criterionId @param {string} field */
function planField(assessment, criterionId, field) {
  const plan = assessment.plan || {};
  return has(plan, criterionId) ? /** @type {Record<string, string>} */ (plan[criterionId])[field] || "" : "";
}

/** @param {Assessment} assessment @param {string} dimensionId @param {string} kind */
function note(assessment, dimensionId, kind) {
  return has(assessment.notes, dimensionId) ? /** @type {Record<string, string>} */ (assessment.notes[dimensionId])[kind] || "" : "";
}

/** True when the person has entered anything worth protecting from being overwritten.
 * @param {Assessment} assessment */
function hasContent(assessment) {
  return (
    Object.keys(assessment.answers).length > 0 ||
    Object.keys(assessment.targets).length > 0 ||
    Object.keys(assessment.notes).length > 0 ||
    Object.keys(assessment.plan || {}).length > 0 ||
    (assessment.actions || []).length > 0 ||
    Boolean(assessment.name) ||
    Boolean(assessment.authority) ||
    Boolean(assessment.participants)
  );
}

/** "1 answer", "3 answers". @param {number} count @param {string} one @param {string} many */
function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** A YYYY-MM-DD date as people write it ("1 October 2026"); anything else gives fallback
 * (the text itself when no fallback is given). @param {string} text @param {string} [fallback] */
function longDate(text, fallback) {
  const otherwise = fallback === undefined ? text : fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return otherwise;
  const date = new Date(`${text}T12:00:00Z`);
  if (isNaN(date.getTime())) return otherwise;
  // One formatter, made on first use: making one for every date is slow with many dates (the group page).
  if (!longDateFormat) longDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return longDateFormat.format(date);
}
/** @type {Intl.DateTimeFormat | null} */
let longDateFormat = null;

export {
  NOT_APPLICABLE,
  NOT_SURE,
  NOTE_KINDS,
  PLAN_FIELDS,
  PLAN_PRIORITIES,
  PLAN_STATUSES,
  DETAILS,
  has,
  describe,
  levelLabel,
  answerText,
  isAllowedAnswer,
  today,
  blankAssessment,
  restore,
  duplicate,
  setAnswer,
  confirmAnswer,
  fingerprintsOf,
  reviewReason,
  setTarget,
  setNote,
  setDetail,
  setPlanField,
  planField,
  note,
  hasContent,
  plural,
  longDate,
};

/* How pages name a dimension ("3. Culture (Skills)": its theme when its title is shared), and the
 * framework's own words and notes fields: core/terms.mjs, which needs nothing else. */
export { dimensionName, noteFields, terms } from "./terms.mjs";
