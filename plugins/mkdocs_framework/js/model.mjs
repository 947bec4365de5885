/* Self-assessment: the framework as the form sees it, and the assessment being edited.
 *
 * An assessment is plain data, so it can be saved, exported and compared:
 *   {id, frameworkId, frameworkVersion, name, authority, date, created, updated,
 *    answers: {criterionId: levelId | "not_applicable" | "not_sure"},
 *    targets: {dimensionId: levelId}, notes: {dimensionId: {evidence, views}},
 *    plan: {criterionId: {action, owner, due}}}
 * plan holds what the person wrote against the items of the generated action plan (assess-plan.js);
 * older saved assessments have no plan, and restore() gives them an empty one.
 * Framework ids never contain "_" (the schema forbids it), so the two special answers can never
 * clash with a level id.
 */

import { UNSAFE_KEYS } from "./util.mjs";

var NOT_APPLICABLE = "not_applicable";
var NOT_SURE = "not_sure";
var NOTE_KINDS = ["evidence", "views"];
var PLAN_FIELDS = ["action", "owner", "due"];
var MAX_NAME = 300;
var has = Function.prototype.call.bind(Object.prototype.hasOwnProperty);

/* Indexes over the framework data embedded in the page, so look-ups never touch prototypes. */
function describe(framework) {
  var levelIndex = new Map();
  framework.levels.forEach(function (level, i) {
    levelIndex.set(level.id, i + 1);
  });
  var criteria = new Map();
  var dimensions = new Map();
  framework.dimensions.forEach(function (dimension) {
    dimensions.set(dimension.id, dimension);
    dimension.criteria.forEach(function (criterion) {
      criteria.set(criterion.id, { criterion: criterion, dimension: dimension });
    });
  });
  return {
    framework: framework,
    levelIndex: levelIndex,
    criteria: criteria,
    dimensions: dimensions,
    criteriaCount: criteria.size,
  };
}

function levelLabel(info, levelId) {
  var index = info.levelIndex.get(levelId);
  return index ? info.framework.levels[index - 1].label : "";
}

function isAllowedAnswer(info, value) {
  return value === NOT_APPLICABLE || value === NOT_SURE || info.levelIndex.has(value);
}

function newId() {
  var random = Math.random().toString(36).slice(2, 10);
  return "a-" + Date.now().toString(36) + "-" + random;
}

function today(now) {
  var d = now || new Date();
  var pad = function (n) {
    return String(n).padStart(2, "0");
  };
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

function blankAssessment(info, now) {
  var when = now || new Date();
  return {
    id: newId(),
    frameworkId: info.framework.id,
    frameworkVersion: info.framework.version,
    name: "",
    authority: "",
    date: today(when),
    created: when.toISOString(),
    updated: when.toISOString(),
    answers: {},
    targets: {},
    notes: {},
    plan: {},
  };
}

/* A new assessment that starts from another's answers, targets, notes and action plan: for a
 * review that begins from last year's answers. It gets its own id, today's date and a new name. */
function duplicate(info, source, now) {
  var when = now || new Date();
  var copy = restore(info, JSON.parse(JSON.stringify(source)), when);
  copy.id = newId();
  copy.name = ((source.name || "Untitled assessment") + " (copy)").slice(0, MAX_NAME);
  copy.date = today(when);
  copy.created = when.toISOString();
  copy.updated = when.toISOString();
  copy.frameworkVersion = source.frameworkVersion || info.framework.version;
  return copy;
}

function touch(assessment) {
  assessment.updated = new Date().toISOString();
  return assessment;
}

/* Each change below returns the assessment, changed in place and stamped with the time. */
function setAnswer(info, assessment, criterionId, value) {
  if (!info.criteria.has(criterionId)) throw new Error("Unknown criterion " + criterionId);
  if (value === null || value === "") delete assessment.answers[criterionId];
  else if (isAllowedAnswer(info, value)) assessment.answers[criterionId] = value;
  else throw new Error("Not an answer: " + value);
  return answeredNow(info, assessment, criterionId);
}

/* Answering (or clearing) a question settles any "check this answer" flag on it, and records
 * the fingerprint of the wording the answer was given against (see assess-migrate.js). */
function answeredNow(info, assessment, criterionId) {
  if (!assessment.fingerprints) assessment.fingerprints = {};
  if (has(assessment.answers, criterionId)) {
    assessment.fingerprints[criterionId] = info.criteria.get(criterionId).criterion.fingerprint || "";
  } else delete assessment.fingerprints[criterionId];
  if (assessment.review) delete assessment.review[criterionId];
  return touch(assessment);
}

/* The person has checked a flagged answer and keeps it as it is. */
function confirmAnswer(info, assessment, criterionId) {
  if (!info.criteria.has(criterionId)) throw new Error("Unknown criterion " + criterionId);
  return answeredNow(info, assessment, criterionId);
}

/* {criterionId: fingerprint} for every answered question: the wording it was answered against,
 * or the current wording when none was recorded (the answer was given on this version). */
function fingerprintsOf(info, assessment) {
  var out = {};
  var recorded = assessment.fingerprints || {};
  Object.keys(assessment.answers).forEach(function (id) {
    if (has(recorded, id) && typeof recorded[id] === "string" && recorded[id]) out[id] = recorded[id];
    else if (info.criteria.has(id)) out[id] = info.criteria.get(id).criterion.fingerprint || "";
  });
  return out;
}

/* "reworded", "merged", "split" or "unverified" when the answer is flagged for checking, else "". */
function reviewReason(assessment, criterionId) {
  return assessment.review && has(assessment.review, criterionId) && has(assessment.answers, criterionId)
    ? assessment.review[criterionId]
    : "";
}

function setTarget(info, assessment, dimensionId, levelId) {
  if (!info.dimensions.has(dimensionId)) throw new Error("Unknown dimension " + dimensionId);
  if (!levelId) delete assessment.targets[dimensionId];
  else if (info.levelIndex.has(levelId)) assessment.targets[dimensionId] = levelId;
  else throw new Error("Not a level: " + levelId);
  return touch(assessment);
}

function setNote(info, assessment, dimensionId, kind, text) {
  if (!info.dimensions.has(dimensionId) || NOTE_KINDS.indexOf(kind) < 0) throw new Error("Unknown note");
  var notes = has(assessment.notes, dimensionId) ? assessment.notes[dimensionId] : { evidence: "", views: "" };
  notes[kind] = String(text);
  if (!notes.evidence && !notes.views) delete assessment.notes[dimensionId];
  else assessment.notes[dimensionId] = notes;
  return touch(assessment);
}

function setDetail(assessment, field, value) {
  if (["name", "authority", "date"].indexOf(field) < 0) throw new Error("Unknown detail " + field);
  assessment[field] = String(value);
  return touch(assessment);
}

/* One field (action, owner or due date) of the action plan's item for a criterion. */
function setPlanField(info, assessment, criterionId, field, text) {
  if (!info.criteria.has(criterionId) || PLAN_FIELDS.indexOf(field) < 0) throw new Error("Unknown plan field");
  if (!assessment.plan) assessment.plan = {};
  var entry = has(assessment.plan, criterionId) ? assessment.plan[criterionId] : { action: "", owner: "", due: "" };
  entry[field] = String(text);
  if (!entry.action && !entry.owner && !entry.due) delete assessment.plan[criterionId];
  else assessment.plan[criterionId] = entry;
  return touch(assessment);
}

function planField(assessment, criterionId, field) {
  var plan = assessment.plan || {};
  return has(plan, criterionId) ? plan[criterionId][field] || "" : "";
}

function note(assessment, dimensionId, kind) {
  return has(assessment.notes, dimensionId) ? assessment.notes[dimensionId][kind] || "" : "";
}

/* True when the person has entered anything worth protecting from being overwritten. */
function hasContent(assessment) {
  return (
    Object.keys(assessment.answers).length > 0 ||
    Object.keys(assessment.targets).length > 0 ||
    Object.keys(assessment.notes).length > 0 ||
    Object.keys(assessment.plan || {}).length > 0 ||
    Boolean(assessment.name) ||
    Boolean(assessment.authority)
  );
}

/* Copies {key: value} keeping only string values under safe keys. Entries for ids that this
 * version of the framework lacks are kept, so answers saved against another version are never
 * lost from the device; scoring only ever looks at the framework's own ids. */
function copyStrings(source, check) {
  var out = {};
  if (!source || typeof source !== "object" || Array.isArray(source)) return out;
  Object.keys(source).forEach(function (key) {
    if (UNSAFE_KEYS.indexOf(key) < 0 && check(source[key])) out[key] = source[key];
  });
  return out;
}

/* {criterionId: {action, owner, due}} with text fields only; anything else is dropped. */
function restorePlan(source) {
  var plan = copyStrings(source, function (v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  });
  Object.keys(plan).forEach(function (id) {
    var entry = plan[id];
    var clean = {};
    PLAN_FIELDS.forEach(function (field) {
      clean[field] = typeof entry[field] === "string" ? entry[field].slice(0, 20000) : "";
    });
    if (clean.action || clean.owner || clean.due) plan[id] = clean;
    else delete plan[id];
  });
  return plan;
}

/* An assessment read back from the device, made safe to use whatever state it is in. */
function restore(info, raw, now) {
  var fresh = blankAssessment(info, now);
  if (!raw || typeof raw !== "object") return fresh;
  ["id", "name", "authority", "date", "created", "updated", "frameworkVersion"].forEach(function (field) {
    if (typeof raw[field] === "string" && raw[field].length <= 300) fresh[field] = raw[field];
  });
  fresh.answers = copyStrings(raw.answers, function (v) {
    return typeof v === "string";
  });
  fresh.targets = copyStrings(raw.targets, function (v) {
    return typeof v === "string";
  });
  var notes = copyStrings(raw.notes, function (v) {
    return v !== null && typeof v === "object";
  });
  Object.keys(notes).forEach(function (id) {
    var entry = notes[id];
    notes[id] = {
      evidence: typeof entry.evidence === "string" ? entry.evidence : "",
      views: typeof entry.views === "string" ? entry.views : "",
    };
  });
  fresh.notes = notes;
  fresh.plan = restorePlan(raw.plan);
  restoreVersioning(info, raw, fresh);
  return fresh;
}

/* What migration keeps with an assessment (see assess-migrate.js): the fingerprint each answer
 * was given against, answers to check, answers that could not be carried over (kept so exports
 * still hold them) and the migrations made. An answered question without a fingerprint was
 * answered in this version of the framework, so it gets the current one. */
function restoreVersioning(info, raw, fresh) {
  var text = function (v) {
    return typeof v === "string" && v.length <= 300;
  };
  fresh.fingerprints = copyStrings(raw.fingerprints, text);
  // Only for this version: an older record keeps its gaps, for CIF.migrate to flag.
  var thisVersion = !raw.frameworkVersion || raw.frameworkVersion === info.framework.version;
  Object.keys(fresh.answers).forEach(function (id) {
    if (thisVersion && !has(fresh.fingerprints, id) && info.criteria.has(id)) {
      fresh.fingerprints[id] = info.criteria.get(id).criterion.fingerprint || "";
    }
  });
  var review = copyStrings(raw.review, text);
  Object.keys(review).forEach(function (id) {
    if (!has(fresh.answers, id)) delete review[id];
  });
  if (Object.keys(review).length) fresh.review = review;
  ["notCarried", "migrations"].forEach(function (field) {
    if (Array.isArray(raw[field]) && raw[field].length) fresh[field] = JSON.parse(JSON.stringify(raw[field]));
  });
}

/* A YYYY-MM-DD date as people write it ("1 October 2026"); anything else gives fallback
 * (the text itself when no fallback is given). */
/* "1 answer", "3 answers". */
function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}

function longDate(text, fallback) {
  var otherwise = fallback === undefined ? text : fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return otherwise;
  var date = new Date(text + "T12:00:00Z");
  if (isNaN(date.getTime())) return otherwise;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}


export { NOT_APPLICABLE, longDate, plural, restore, NOT_SURE, NOTE_KINDS, PLAN_FIELDS, restorePlan, duplicate, setPlanField, planField, has, describe, levelLabel, isAllowedAnswer, today, blankAssessment, setAnswer, confirmAnswer, fingerprintsOf, reviewReason, setTarget, setNote, setDetail, note, hasContent };
