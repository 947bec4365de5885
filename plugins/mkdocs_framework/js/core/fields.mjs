/* THE TABLE of an assessment's fields, and the one checker that reads them. No DOM, no storage.
 *
 * Every field an assessment is saved or exported with is declared once in FIELDS: its name, its
 * type, its limit, its value in a new assessment, and the messages a person sees when a file
 * breaks it. checkAssessment(info, source, {lenient}) reads a record field by field with that
 * table:
 *   strict (files and links, through decode.mjs): anything not allowed refuses the whole record
 *     with a message naming the field (errors); a date or choice the form cannot hold is kept
 *     aside (aside); ids this version lacks are listed (unknown) and left out.
 *   lenient (a record read back from the device: restore()): what cannot be used is repaired to
 *     the field's value in a new assessment and the field named in `repaired`, because the person
 *     cannot fix it; ids this version lacks are kept, so answers saved against another version of
 *     the framework are never lost from the device.
 * Nothing is carried between versions here (migrate.mjs does that) and nothing is decided about
 * envelopes (files, links) here (decode.mjs does that). model.mjs and migrate.mjs take the
 * answers' special values, the plan's choices and the limits from here, so they are written once.
 */

import { isPlainObject, isRealDate, isSafeKey, own, quote } from "./util.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").NotCarried} NotCarried
 * @typedef {"id"|"version"|"text"|"date"|"time"|"answers"|"targets"|"notes"|"plan"|"actions"|"keep"|"fingerprints"|"review"|"notCarried"|"migrations"} FieldType
 * @typedef {object} Field  one field of an assessment
 * @property {string} name
 * @property {FieldType} type
 * @property {number} [limit]  the most characters (text) or entries (lists) it may hold
 * @property {(info: Info, now: Date) => any} [initial]  its value in a new assessment (none: left out)
 * @property {boolean} [deviceOnly]  only read back from the device; a file's or link's is not taken
 * @property {boolean} [fixed]  never read: always its initial value
 * @typedef {"type"|"long"|"shape"|"bad"} Problem  what is wrong with a field: not of its type, longer
 *   than its limit, not a map (or list), or holding entries (ids) that are not allowed
 * @typedef {{criteria: string[], dimensions: string[], plan: number}} Unknown  ids this version lacks
 * @typedef {object} Checked
 * @property {Assessment} assessment
 * @property {string[]} errors  strict: why the record cannot be used (none: it can)
 * @property {string[]} repaired  lenient: the fields that could not be used as they were
 * @property {Unknown} unknown  strict: ids this version lacks, left out
 * @property {NotCarried[]} aside  dates and choices this form cannot hold, kept aside
 * @property {number} unreadable  strict: entries kept from earlier versions that could not be read
 * @typedef {object} Context
 * @property {Info} info
 * @property {boolean} lenient
 * @property {Record<string, any>} source
 * @property {Assessment} out
 * @property {Checked} checked
 * @property {Options["report"]} report
 * @property {Options["say"]} say
 * @typedef {object} Options
 * @property {boolean} [lenient]  repair and report (the device) rather than refuse (files and links)
 * @property {Date} [now]  the time of a new assessment's fields
 * @property {(assessment: Assessment, report: Record<string, any>, from: string, to: string) => any} [report]
 *   strict: the latest migration's report made again from what has been checked (decode.mjs);
 *   null when it is not one this site could have made. Without it the report is left out.
 * @property {(field: Field, problem: Problem, ids: string[]) => string} [say]  strict: the message a
 *   person sees about a field (decode.mjs words them for files and links)
 */

/* ---- The answers' special values, and how a results link writes them ---------------------- */

export const NOT_APPLICABLE = "not_applicable";
export const NOT_SURE = "not_sure";
/* A results link writes a level as its number (1..N) and these two as these codes (share.mjs
 * writes them, decode.mjs reads them). */
export const LINK_CODES = { [NOT_SURE]: 0, [NOT_APPLICABLE]: -1 };

/** The code a results link writes for an answer; undefined for a value that is not an answer.
 * @param {Info} info @param {unknown} value @returns {number|undefined} */
export function linkCode(info, value) {
  if (value === NOT_SURE || value === NOT_APPLICABLE) return LINK_CODES[value];
  return typeof value === "string" ? info.levelIndex.get(value) : undefined;
}

/** The answer a results link's code stands for, given the link's own level ids; null for none.
 * @param {unknown} code @param {string[]} levels */
export function linkAnswer(code, levels) {
  if (code === LINK_CODES[NOT_SURE]) return NOT_SURE;
  if (code === LINK_CODES[NOT_APPLICABLE]) return NOT_APPLICABLE;
  return typeof code === "number" && Number.isInteger(code) && code >= 1 && code <= levels.length ? levels[code - 1] : null;
}

/* ---- Limits and choices ----------------------------------------------------------------- */

/* The longest text a note or plan field may hold: a longer one makes a file unreadable. */
export const MAX_TEXT = 20000;
export const MAX_DETAIL = 300;
export const MAX_PARTICIPANTS = 5000;
const MAX_FINGERPRINT = 64;
export const MAX_MIGRATIONS = 50;
export const MAX_ACTIONS = 500;
export const NOTE_KINDS = ["evidence", "views"];
export const PLAN_FIELDS = ["action", "owner", "due", "priority", "status", "progress"];
export const PLAN_PRIORITIES = ["high", "medium", "low"];
export const PLAN_STATUSES = ["not-started", "in-progress", "done"];
export const DETAILS = ["name", "authority", "date", "participants"];
/* Why an answer needs checking: the review field holds one of these keys (the words: migrate.mjs). */
export const REASONS = {
  reworded: "Check this answer: the wording changed.",
  merged: "Check this answer: it comes from questions that have been combined into this one.",
  split: "Check this answer: it was copied from a question that has been divided into several.",
  unverified: "Check this answer: the wording may have changed since you answered.",
};
/* Why an entry could not be carried to this version: the reason of each notCarried entry. */
export const NOT_CARRIED_REASONS = {
  removed: "the question was removed from the framework",
  unknown: "this version of the framework has no question with this id",
  level: "the answer is not one of this version's levels",
  long: "joined to the others it would be too long",
  merged:
    "it was combined with another entry into one; where the two differed, the combined entry has the higher priority, the less finished status and the earlier due date, and this entry is kept here as it was written",
  date: "it is not a real date in the form YYYY-MM-DD",
  choice: "it is not one of the choices this form offers",
};
/* detail: one of the assessment's details (its date) that could not be used; kept aside. */
export const NOT_CARRIED_KINDS = ["answer", "target", "notes", "plan", "detail"];
const MAX_LISTED = 5;

/** @type {(object: object, key: string) => boolean} */
export const has = Function.prototype.call.bind(Object.prototype.hasOwnProperty);

/** @param {Info} info @param {unknown} value @returns {value is string} */
export function isAllowedAnswer(info, value) {
  return value === NOT_APPLICABLE || value === NOT_SURE || (typeof value === "string" && info.levelIndex.has(value));
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An id as the framework and the team's own actions write them. @param {unknown} value @returns {value is string} */
export const isId = (value) => typeof value === "string" && value.length <= 64 && ID.test(value);

export function newId() {
  const random = Math.random().toString(36).slice(2, 10);
  return `a-${Date.now().toString(36)}-${random}`;
}

/** Today's date (or now's) as YYYY-MM-DD, in local time. @param {Date} [now] */
export function today(now) {
  const d = now || new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first few items, quoted, and how many more. @param {string[]} items */
export function listed(items) {
  const shown = items.slice(0, MAX_LISTED).map(quote).join(", ");
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

/* ---- The table -------------------------------------------------------------------------- */

/** Every field, in the order an assessment is written and checked. deviceOnly: a file's or link's
 * is not taken (an import gets a new id and this version); the messages a file gets about each
 * are worded in decode.mjs.
 * @type {Field[]} */
export const FIELDS = [
  { name: "id", type: "id", initial: newId, deviceOnly: true },
  { name: "frameworkId", type: "version", initial: (info) => info.framework.id, fixed: true },
  { name: "frameworkVersion", type: "version", initial: (info) => info.framework.version, deviceOnly: true },
  { name: "name", type: "text", limit: MAX_DETAIL, initial: () => "" },
  { name: "authority", type: "text", limit: MAX_DETAIL, initial: () => "" },
  { name: "date", type: "date", limit: MAX_DETAIL, initial: (_, now) => today(now) },
  { name: "participants", type: "text", limit: MAX_PARTICIPANTS, initial: () => "" },
  { name: "created", type: "time", initial: (_, now) => now.toISOString() },
  { name: "updated", type: "time", initial: (_, now) => now.toISOString(), deviceOnly: true },
  { name: "answers", type: "answers", initial: () => ({}) },
  { name: "targets", type: "targets", initial: () => ({}) },
  { name: "notes", type: "notes", limit: MAX_TEXT, initial: () => ({}) },
  { name: "plan", type: "plan", limit: MAX_TEXT, initial: () => ({}) },
  { name: "actions", type: "actions", limit: MAX_ACTIONS },
  { name: "keep", type: "keep", deviceOnly: true },
  { name: "fingerprints", type: "fingerprints", limit: MAX_FINGERPRINT },
  { name: "review", type: "review" },
  { name: "notCarried", type: "notCarried" },
  { name: "migrations", type: "migrations", limit: MAX_MIGRATIONS },
];

/** A new, empty assessment: each field's initial value. @param {Info} info @param {Date} [now] @returns {Assessment} */
export function blankAssessment(info, now) {
  const when = now || new Date();
  /** @type {Record<string, any>} */
  const fresh = {};
  for (const field of FIELDS) if (field.initial) fresh[field.name] = field.initial(info, when);
  return /** @type {Assessment} */ (fresh);
}

/* ---- The checker ------------------------------------------------------------------------ */

/** The [key, value] pairs of a plain object under safe keys; none for anything else.
 * @param {unknown} object @returns {[string, any][]} */
export function safeEntries(object) {
  return isPlainObject(object) ? Object.entries(object).filter(([key]) => isSafeKey(key)) : [];
}

/** @param {unknown} value @param {number} [limit] @returns {value is string} */
function isShortText(value, limit) {
  return typeof value === "string" && value.length <= (limit || MAX_DETAIL);
}

/** @param {string[]} list @param {string} item */
function addOnce(list, item) {
  if (!list.includes(item)) list.push(item);
}

/** Reads source (a record already carried to this version, or read back from the device) with the
 * table. See the top of this file for strict and lenient.
 * @param {Info} info @param {unknown} source @param {Options} [options] @returns {Checked} */
export function checkAssessment(info, source, options = {}) {
  const lenient = Boolean(options.lenient);
  const out = blankAssessment(info, options.now);
  /** @type {Checked} */
  const checked = { assessment: out, errors: [], repaired: [], unknown: { criteria: [], dimensions: [], plan: 0 }, aside: [], unreadable: 0 };
  if (!isPlainObject(source)) {
    if (lenient) checked.repaired.push("assessment");
    else problem(/** @type {Context} */ ({ lenient, checked, say: options.say }), { name: "assessment", type: "id" }, "shape");
    return checked;
  }
  /** @type {Context} */
  const ctx = { info, lenient, source, out, checked, report: options.report, say: options.say };
  for (const field of FIELDS) {
    if (field.fixed || (field.deviceOnly && !lenient)) continue;
    // A file without one of the details has it empty (not today's date).
    if (!has(source, field.name) && !lenient && DETAILS.includes(field.name)) READERS[field.type](field, "", ctx);
    else if (has(source, field.name) || field.type === "fingerprints") READERS[field.type](field, source[field.name], ctx);
  }
  if (checked.aside.length) out.notCarried = [...(out.notCarried || []), ...checked.aside];
  return checked;
}

/** What cannot be used as it is: named in an error (strict), or repaired and named (lenient).
 * @param {Context} ctx @param {Field} field @param {Problem} [what] @param {string[]} [ids] */
function problem(ctx, field, what = "type", ids = []) {
  if (ctx.lenient) addOnce(ctx.checked.repaired, field.name);
  else ctx.checked.errors.push(ctx.say ? ctx.say(field, what, ids) : `${field.name}: ${what}`);
}

/** The entries of a map field; none, with a problem, when it is not a map.
 * @param {Field} field @param {unknown} value @param {Context} ctx */
function entriesOf(field, value, ctx) {
  if (!isPlainObject(value)) problem(ctx, field, "shape");
  return safeEntries(value);
}

/** A date or choice this form cannot hold, kept aside whole (in notCarried) so the rest can be
 * used: a date typed with a year of more than four digits, say, or a priority the form lacks.
 * @param {NotCarried[]} aside @param {"plan"|"detail"} kind @param {string} id @param {string} field @param {string} value */
function setAside(aside, kind, id, field, value) {
  const reason = field === "due" || field === "date" ? "date" : "choice";
  aside.push({ kind, id, value: kind === "detail" ? value : { [field]: value }, reason, version: "" });
}

/* The choices of a plan entry, and what each allows. */
/** @type {Record<string, (value: string) => boolean>} */
const CHOICES = {
  due: isRealDate,
  priority: (value) => PLAN_PRIORITIES.includes(value),
  status: (value) => PLAN_STATUSES.includes(value),
};

/** A plan entry (or own action) as text fields of at most MAX_TEXT characters, with each choice
 * this form does not offer (an unknown priority or status; strict: a due date that is not real)
 * kept aside. Lenient: a field that is not text is emptied and a longer one cut; a due date is left
 * as it is (the form shows it by its field, with an error, so the person can correct it). Null:
 * strict, and the entry is not text of that size. @param {unknown} entry @param {string} id @param {Context} ctx
 * @returns {Record<string, string>|null} */
function planEntry(entry, id, ctx) {
  if (!isPlainObject(entry)) return null;
  /** @type {Record<string, string>} */
  const clean = {};
  for (const field of PLAN_FIELDS) {
    const value = has(entry, field) ? entry[field] : "";
    if (!ctx.lenient && !isShortText(value, MAX_TEXT)) return null;
    clean[field] = typeof value === "string" ? value.slice(0, MAX_TEXT) : "";
  }
  for (const [field, ok] of Object.entries(CHOICES)) {
    if (clean[field] && !ok(clean[field]) && (field !== "due" || !ctx.lenient)) {
      setAside(ctx.checked.aside, "plan", id, field, clean[field]);
      clean[field] = "";
    }
  }
  for (const field of ["priority", "status", "progress"]) if (!clean[field]) delete clean[field];
  return clean;
}

/** True when a plan entry holds anything. @param {Record<string, string>} entry */
const written = (entry) => PLAN_FIELDS.some((field) => entry[field]);

/** How each type of field is read: the value from the source (present), into ctx.out.
 * @type {Record<FieldType, (field: Field, value: any, ctx: Context) => void>} */
const READERS = {
  id(field, value, ctx) {
    if (isShortText(value)) ctx.out.id = value;
    else problem(ctx, field);
  },
  version(field, value, ctx) {
    if (isShortText(value)) /** @type {Record<string, any>} */ (ctx.out)[field.name] = value;
    else problem(ctx, field);
  },
  text(field, value, ctx) {
    if (typeof value !== "string") return problem(ctx, field);
    if (value.length <= (field.limit || MAX_DETAIL)) /** @type {Record<string, any>} */ (ctx.out)[field.name] = value;
    else problem(ctx, field, "long");
  },
  date(field, value, ctx) {
    if (typeof value !== "string") return problem(ctx, field);
    if (value.length > (field.limit || MAX_DETAIL)) return problem(ctx, field, "long");
    // Lenient: a date the form cannot hold is shown by its field, to be corrected. Strict: it is
    // kept aside and the date left empty (not today's), to be entered again.
    if (ctx.lenient || !value || isRealDate(value)) ctx.out.date = value;
    else {
      setAside(ctx.checked.aside, "detail", "date", "date", value);
      ctx.out.date = "";
    }
  },
  time(field, value, ctx) {
    if (isShortText(value) && !isNaN(Date.parse(value))) /** @type {Record<string, any>} */ (ctx.out)[field.name] = value;
    else if (ctx.lenient) problem(ctx, field);
  },
  answers(field, value, ctx) {
    /** @type {string[]} */
    const bad = [];
    for (const [id, answer] of entriesOf(field, value, ctx)) {
      if (!ctx.info.criteria.has(id)) {
        // Lenient: an answer saved against another version is kept, whatever it is; scoring only
        // ever looks at this framework's own ids.
        if (!ctx.lenient) ctx.checked.unknown.criteria.push(id);
        else if (typeof answer === "string") ctx.out.answers[id] = answer;
      } else if (isAllowedAnswer(ctx.info, answer) || (ctx.lenient && typeof answer === "string")) ctx.out.answers[id] = answer;
      else bad.push(id);
    }
    if (bad.length) problem(ctx, field, "bad", bad);
  },
  targets(field, value, ctx) {
    /** @type {string[]} */
    const bad = [];
    for (const [id, level] of entriesOf(field, value, ctx)) {
      if (!ctx.info.dimensions.has(id)) {
        if (!ctx.lenient) addOnce(ctx.checked.unknown.dimensions, id);
        else if (typeof level === "string") ctx.out.targets[id] = level;
      } else if ((typeof level === "string" && ctx.info.levelIndex.has(level)) || (ctx.lenient && typeof level === "string")) {
        ctx.out.targets[id] = level;
      } else bad.push(id);
    }
    if (bad.length) problem(ctx, field, "bad", bad);
  },
  notes(field, value, ctx) {
    /** @type {string[]} */
    const bad = [];
    for (const [id, entry] of entriesOf(field, value, ctx)) {
      if (!ctx.info.dimensions.has(id) && !ctx.lenient) {
        addOnce(ctx.checked.unknown.dimensions, id);
        continue;
      }
      const ok = isPlainObject(entry) && NOTE_KINDS.every((kind) => !has(entry, kind) || isShortText(entry[kind], field.limit));
      if (!ok && !ctx.lenient) {
        bad.push(id);
        continue;
      }
      if (!ok) problem(ctx, field);
      if (!isPlainObject(entry)) continue;
      const text = (/** @type {string} */ kind) => (typeof entry[kind] === "string" ? entry[kind] : "");
      if (text("evidence") || text("views")) ctx.out.notes[id] = { evidence: text("evidence"), views: text("views") };
    }
    if (bad.length) problem(ctx, field, "bad", bad);
  },
  plan(field, value, ctx) {
    /** @type {string[]} */
    const bad = [];
    /** @type {[string, unknown][]} */
    const kept = [];
    for (const [id, entry] of entriesOf(field, value, ctx)) {
      if (!isPlainObject(entry) || (!ctx.lenient && PLAN_FIELDS.some((f) => has(entry, f) && !isShortText(entry[f], field.limit)))) {
        if (ctx.lenient) problem(ctx, field);
        else bad.push(id);
      } else if (!ctx.info.criteria.has(id) && !ctx.lenient) ctx.checked.unknown.plan += 1;
      else kept.push([id, entry]);
    }
    if (bad.length) return problem(ctx, field, "bad", bad);
    for (const [id, entry] of kept) {
      const clean = planEntry(entry, id, ctx);
      if (clean && written(clean)) ctx.out.plan[id] = /** @type {any} */ (clean);
    }
  },
  actions(field, value, ctx) {
    const limit = field.limit || MAX_ACTIONS;
    // Strict: each names the criteria it is about by id (or ""); lenient: one that does not is kept, about none.
    const fine = (/** @type {any} */ entry) =>
      isPlainObject(entry) &&
      isId(entry.id) &&
      (ctx.lenient || ["criterion", "formerCriterion"].every((f) => !has(entry, f) || entry[f] === "" || isId(entry[f])));
    if (!ctx.lenient && (!Array.isArray(value) || value.length > limit || !value.every(fine))) {
      return problem(ctx, field, "bad");
    }
    /** @type {any[]} */
    const actions = [];
    const ids = new Set();
    for (const entry of Array.isArray(value) ? value.slice(0, limit) : []) {
      if (fine(entry) && ids.has(entry.id)) continue; // the same action twice: kept once
      const clean = fine(entry) ? planEntry(entry, entry.id, ctx) : null;
      if (!clean) {
        if (!ctx.lenient) return problem(ctx, field, "bad");
        problem(ctx, field);
        continue;
      }
      ids.add(entry.id);
      const action = { id: entry.id, criterion: isId(entry.criterion) ? entry.criterion : "", ...clean };
      if (isId(entry.formerCriterion)) Object.assign(action, { formerCriterion: entry.formerCriterion });
      actions.push(action);
    }
    if (actions.length) ctx.out.actions = actions;
  },
  keep(field, value, ctx) {
    // When it was last exported (form/keeping.mjs): times as text and the answers then.
    if (!isPlainObject(value)) return problem(ctx, field);
    /** @type {Record<string, any>} */
    const keep = Object.fromEntries(safeEntries(value).filter(([, v]) => isShortText(v)));
    keep.answers = Object.fromEntries(safeEntries(value.answers).filter(([, v]) => typeof v === "string"));
    ctx.out.keep = keep;
  },
  fingerprints(field, value, ctx) {
    // The wording each answer was given against (see migrate.mjs). An answer without one was
    // given on this version, so it gets the current one; a record of an older version keeps its
    // gaps, for migration to flag.
    const version = ctx.lenient ? ctx.source.frameworkVersion : ctx.out.frameworkVersion;
    const thisVersion = !version || version === ctx.info.framework.version;
    /** @type {Record<string, string>} */
    const fingerprints = {};
    for (const id of Object.keys(ctx.out.answers)) {
      if (own(value, id) && isShortText(value[id], field.limit) && value[id]) fingerprints[id] = value[id];
      else if (thisVersion && ctx.info.criteria.has(id)) {
        fingerprints[id] = /** @type {{criterion: {fingerprint?: string}}} */ (ctx.info.criteria.get(id)).criterion.fingerprint || "";
      }
    }
    ctx.out.fingerprints = fingerprints;
  },
  review(field, value, ctx) {
    /** @type {Record<string, string>} */
    const review = {};
    for (const [id, reason] of safeEntries(value)) {
      if (has(ctx.out.answers, id) && typeof reason === "string" && has(REASONS, reason)) review[id] = reason;
    }
    if (Object.keys(review).length) ctx.out.review = review;
  },
  notCarried(field, value, ctx) {
    // What migration could not carry, kept so exports still hold it. Lenient: kept as it is,
    // whatever it holds (nothing the person wrote is dropped); strict: each entry checked.
    const entries = Array.isArray(value) ? value : [];
    const kept = ctx.lenient ? JSON.parse(JSON.stringify(entries)) : entries.map(notCarriedEntry).filter((entry) => entry !== null);
    ctx.checked.unreadable += entries.length - kept.length;
    if (kept.length) ctx.out.notCarried = kept;
  },
  migrations(field, value, ctx) {
    // The migrations made. Lenient: kept as they are. Strict: only their versions and times, and
    // the latest one's report (the one the notice shows) made again by decode.mjs from what has
    // been checked, so a file cannot put words of its own into the form's notice.
    const entries = Array.isArray(value) ? value : [];
    if (ctx.lenient) {
      if (entries.length) ctx.out.migrations = JSON.parse(JSON.stringify(entries));
      return;
    }
    const made = entries.filter((entry) => isPlainObject(entry) && isShortText(entry.from) && isShortText(entry.to) && isShortText(entry.at));
    if (!made.length) return;
    ctx.out.migrations = made.slice(-(field.limit || MAX_MIGRATIONS)).map(({ from, to, at, report }, i, kept) => {
      const rebuilt = i === kept.length - 1 && isPlainObject(report) && ctx.report ? ctx.report(ctx.out, report, from, to) : null;
      return rebuilt ? { from, to, at, report: rebuilt } : { from, to, at };
    });
  },
};

/** One entry of notCarried, checked: text only, of bounded size; null when it cannot be read.
 * @param {unknown} entry @returns {NotCarried|null} */
function notCarriedEntry(entry) {
  if (!isPlainObject(entry) || !NOT_CARRIED_KINDS.includes(entry.kind) || !isShortText(entry.id)) return null;
  let value = entry.value;
  if (isPlainObject(value)) {
    const fields = Object.entries(value);
    if (!fields.every(([key, text]) => isSafeKey(key) && key.length <= 40 && isShortText(text, MAX_TEXT))) return null;
    value = Object.fromEntries(fields);
  } else if (!isShortText(value)) return null;
  return {
    kind: entry.kind,
    id: entry.id,
    value,
    reason: isShortText(entry.reason) ? entry.reason : "unknown",
    version: isShortText(entry.version) ? entry.version : "",
  };
}

/** An assessment read back from the device, made safe to use whatever state it is in (the
 * lenient check). Nothing is carried between versions here: decode.mjs's decodeStored does that first.
 * @param {Info} info @param {unknown} raw @param {Date} [now] @returns {Assessment} */
export function restore(info, raw, now) {
  return checkAssessment(info, raw, { lenient: true, now }).assessment;
}
