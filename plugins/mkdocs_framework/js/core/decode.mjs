/* THE ONE PLACE where anything that claims to be an assessment is checked. No DOM, no storage.
 *
 * An imported file, a file on the group page, a results link and a record saved on the device
 * all come through here, and nowhere else decides what is allowed in them:
 *
 *   decodeFile(info, text, bytes, "file"|"group")  the text of an exported JSON file
 *   decodeLink(info, fragment)                     the part of a results link after "#"
 *   decodeStored(info, record)                     a record read from the device (storage.mjs)
 *   decode(info, data, kind)                       any of these, already read
 *
 * each give a Decoded: {assessment (null when it cannot be used), outcome, migration
 * {status, report, counts}, problems {errors, warnings}, frameworkId, version, notCarried}.
 * The steps are always the same: read the envelope (file, link or stored record) into a record;
 * carry it to this version of the framework with migrate.mjs (or refuse it: another framework, a
 * newer version); then check it. Files and links are checked strictly: anything not allowed
 * (not plain objects, __proto__/constructor/prototype keys, answers that are not levels, text too
 * long, dates that do not exist, files over 1 MB) refuses the whole file with messages a person
 * can act on, and ids this version lacks are warned about. A record from the device is only made
 * safe (restore()): what cannot be used is dropped quietly, because the person cannot fix it.
 * Every message the person sees about such input is written in this file.
 * transfer.mjs (import), share.mjs (links), group.mjs (group page) and storage.mjs/model.restore
 * only read bytes and call these functions.
 */

import * as model from "./model.mjs";
import { migrateAssessment, NOT_CARRIED_REASONS, REASONS } from "./migrate.mjs";
import { UNSAFE_KEYS, fromBase64Url, isPlainObject, isRealDate, isSafeKey, quote } from "./util.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").NotCarried} NotCarried
 * @typedef {"stored"|"file"|"group"|"link"} Kind  where the data came from; "group" is a file
 *   read on the group comparison page, whose messages are worded for a list of files
 * @typedef {"ok"|"empty"|"unreadable"|"foreign"|"refused"|"invalid"} Outcome
 * @typedef {{carried: number, moved: number, review: number, notCarried: number}} Counts
 * @typedef {object} Migration  what migrate.mjs did
 * @property {"current"|"migrated"|"refused"|"none"} status  "none": it was never reached
 * @property {any} report  migrate.mjs's report, or null
 * @property {Counts|null} counts  how many entries the report lists, by list
 * @typedef {object} Decoded
 * @property {Assessment|null} assessment  null when it cannot be used
 * @property {Outcome} outcome
 * @property {Migration} migration
 * @property {{errors: string[], warnings: string[]}} problems  errors: why it cannot be used
 * @property {string} frameworkId  the framework it says it belongs to ("" when it does not say)
 * @property {string} version  the framework version it says it was made with ("" when it does not say)
 * @property {string[]} notCarried  ids of answers this version of the framework has no question for
 * @typedef {object} Envelope  the record inside a file or link
 * @property {Record<string, any>} record  what is handed to migration
 * @property {Record<string, any>} source  what is checked when migration cannot be used for that
 * @property {boolean} shapesOk  false when the maps inside are not maps (then source is checked)
 * @property {string} frameworkId
 * @property {string} version
 */

export const FORMAT = "cif-self-assessment";
export const FORMAT_VERSION = 1;
export const LINK_PREFIX = "r1.";
export const MAX_BYTES = 1024 * 1024;
const MAX_LINK = 64 * 1024;
/* The longest text a note or plan field may hold: a longer one makes the file unreadable. */
export const MAX_TEXT = 20000;
const MAX_DETAIL = 300;
const MAX_PARTICIPANTS = 5000;
const MAX_FINGERPRINT = 64;
const MAX_MIGRATIONS = 50;
const MAX_LISTED = 5;
const MAX_ACTIONS = 500;
const LINK_NOT_SURE = 0;
const LINK_NOT_APPLICABLE = -1;
/* detail: one of the assessment's details (its date) that could not be used; kept aside. */
const NOT_CARRIED_KINDS = ["answer", "target", "notes", "plan", "detail"];

/* ---- The messages ----------------------------------------------------------------------- */

/** The first few items, quoted, and how many more. @param {string[]} items */
function listed(items) {
  const shown = items.slice(0, MAX_LISTED).map(quote).join(", ");
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

const CORRUPT_LINK =
  "This link is incomplete or has been changed, so its results cannot be shown. Ask the person who sent it for the link again, and copy all of it.";

/** What each kind of input says when it cannot be used, by kind. Written out in full (no shared
 * parts built at load time) so a bundle that only reads the device leaves them all out.
 * @type {Record<string, Record<string, any>>} */
const SAYS = {
  file: {
    empty: "The selected file is empty.",
    tooLarge: "The selected file is larger than 1 MB, so it cannot be an export from this form.",
    notJson: "The selected file is not a JSON export from this form: it could not be read as JSON.",
    notUtf8:
      "The selected file is not a JSON export from this form as it was saved: it is not UTF-8 text, so letters in it would be changed. If you edited it, save it again as UTF-8, or export the assessment again.",
    notExport: "The selected file is not an export from this self-assessment form.",
    newerFormat: "The selected file was made by a newer version of this form. Use the site it was exported from.",
    badFormat:
      "The selected file's \u201cformatVersion\u201d is not a whole number, so the file has been changed since it was exported. Export the assessment again, or put back the number (1) the form wrote.",
    /** @param {string} id @param {Info} info */
    foreign: (id, info) =>
      `The selected file is for a different framework (${quote(id)}). This form can only import assessments made with the ${info.framework.shortTitle}.`,
    /** @param {string} reason */
    refused: (reason) => `The selected file cannot be imported. ${reason}`,
  },
  group: {
    empty: "The file is empty.",
    tooLarge: "The file is larger than 1 MB, so it cannot be an export from the self-assessment form.",
    notJson: "The file is not a JSON export from this form: it could not be read as JSON.",
    notUtf8:
      "The file is not UTF-8 text, so letters in it would be changed. If it was edited, save it again as UTF-8, or export the assessment again.",
    notExport: "The file is not an export from this self-assessment form.",
    newerFormat: "The file was made by a newer version of this form. Use the site it was exported from.",
    badFormat:
      "The file's \u201cformatVersion\u201d is not a whole number, so the file has been changed since it was exported. Export the assessment again, or put back the number (1) the form wrote.",
    /** @param {string} id */
    foreign: (id) => `The file is for a different framework (\u201c${id.slice(0, 80)}\u201d), so it is not included.`,
    /** @param {string} reason */
    refused: (reason) => reason,
  },
  link: {
    empty: "This link has no results in it.",
    /** @param {string} id */
    foreign: (id) =>
      `This link holds results for another framework (\u201c${id.slice(0, 80)}\u201d), so this site cannot show them. Open the link on the site of that framework.`,
    /** @param {string} reason */
    refused: (reason) => reason,
  },
};

const UNREADABLE_ANSWERS = "The answers could not be read. They have been left exactly as they are.";

/* ---- Small checks ----------------------------------------------------------------------- */

/** @param {unknown} value @param {number} [limit] @returns {value is string} */
function isShortText(value, limit) {
  return typeof value === "string" && value.length <= (limit || MAX_DETAIL);
}

const isValidDate = isRealDate;

/** The [key, value] pairs of a plain object under safe keys; none for anything else.
 * @param {unknown} object @returns {[string, any][]} */
function safeEntries(object) {
  return isPlainObject(object) ? Object.entries(object).filter(([key]) => isSafeKey(key)) : [];
}

/** True for a plain object whose fields, where present, are text of no more than MAX_TEXT.
 * @param {unknown} entry @param {string[]} fields */
function isTextFields(entry, fields) {
  return isPlainObject(entry) && fields.every((field) => !model.has(entry, field) || isShortText(entry[field], MAX_TEXT));
}

/** @param {string[]} list @param {string} item */
function addOnce(list, item) {
  if (!list.includes(item)) list.push(item);
}

/* ---- Reading bytes ---------------------------------------------------------------------- */

/** JSON without any key that could reach a prototype; the keys left out are listed in dropped.
 * Throws SyntaxError on anything that is not JSON. @param {string} text @param {string[]} dropped */
function parseJson(text, dropped) {
  return JSON.parse(text, (key, value) => {
    if (!UNSAFE_KEYS.includes(key)) return value;
    dropped.push(key);
    return undefined;
  });
}

/** An exported file's text, or its bytes as a file chooser gives them (bytes: its size on disk).
 * Bytes that are not UTF-8 are refused rather than read with replacement characters.
 * @param {Info} info @param {string | Uint8Array} content @param {number} [bytes] @param {"file"|"group"} [kind]
 * @returns {Decoded} */
export function decodeFile(info, content, bytes, kind = "file") {
  const says = SAYS[kind];
  let text = "";
  if (typeof content === "string") text = content;
  else if (content.length <= MAX_BYTES) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch (error) {
      return rejected("unreadable", says.notUtf8);
    }
  }
  const size = typeof bytes === "number" ? bytes : text.length;
  if (size > MAX_BYTES) return rejected("unreadable", says.tooLarge);
  if (size === 0 || !text.trim()) return rejected("empty", says.empty);
  /** @type {string[]} */
  const dropped = [];
  let data;
  try {
    data = parseJson(text, dropped);
  } catch (error) {
    return rejected("unreadable", says.notJson);
  }
  return decodeData(info, data, kind, dropped);
}

/** The fragment of a results link (with or without "#"): "r1." and base64url of UTF-8 JSON.
 * @param {Info} info @param {string} fragment @returns {Decoded} */
export function decodeLink(info, fragment) {
  const text = String(fragment || "").replace(/^#/, "");
  if (!text) return rejected("empty", SAYS.link.empty);
  if (text.length > MAX_LINK || !text.startsWith(LINK_PREFIX)) return rejected("unreadable", CORRUPT_LINK);
  let data;
  try {
    data = parseJson(fromBase64Url(text.slice(LINK_PREFIX.length)), []);
  } catch (error) {
    return rejected("unreadable", CORRUPT_LINK);
  }
  return decodeData(info, data, "link", []);
}

/** Data already read: a record from the device ("stored"), an export's parsed JSON ("file",
 * "group") or a link's payload ("link").
 * @param {Info} info @param {unknown} data @param {Kind} kind @returns {Decoded} */
export function decode(info, data, kind) {
  return decodeData(info, data, kind, []);
}

/* ---- The steps -------------------------------------------------------------------------- */

/** @param {Outcome} outcome @param {string} message @param {Partial<Decoded>} [more] @returns {Decoded} */
function rejected(outcome, message, more) {
  return {
    assessment: null,
    outcome,
    migration: { status: "none", report: null, counts: null },
    problems: { errors: [message], warnings: [] },
    frameworkId: "",
    version: "",
    notCarried: [],
    ...more,
  };
}

/** A record saved on the device, carried to this version and made safe; one that cannot be
 * carried (another framework, a newer version) is refused, to be left exactly as it is. Kept apart
 * from files and links so that the form's first bundle needs none of their checks.
 * @param {Info} info @param {unknown} record @returns {Decoded} */
export function decodeStored(info, record) {
  const frameworkId = isPlainObject(record) && typeof record.frameworkId === "string" ? record.frameworkId : "";
  const version = isPlainObject(record) && typeof record.frameworkVersion === "string" ? record.frameworkVersion : "";
  const carried = carry(info, record);
  if (carried.status === "refused") return refusedBy(carried, carried.report.refusedReason, frameworkId, version);
  return { ...carriedAs(carried, frameworkId, version), assessment: restore(info, carried.assessment) };
}

/** @param {{report: any}} carried @param {string} message @param {string} frameworkId @param {string} version */
function refusedBy(carried, message, frameworkId, version) {
  /** @type {Migration} */
  const migration = { status: "refused", report: carried.report, counts: null };
  return rejected("refused", message, { migration, frameworkId, version });
}

/** What a successful migration gives, before the assessment is checked.
 * @param {{status: string, report: any}} carried @param {string} frameworkId @param {string} version
 * @returns {Decoded} */
function carriedAs(carried, frameworkId, version) {
  /** @type {Migration} */
  const migration = {
    status: carried.status === "migrated" ? "migrated" : "current",
    report: carried.report,
    counts: countsOf(carried.report),
  };
  /** @type {NotCarried[]} */
  const lost = carried.report.notCarried;
  const notCarried = lost.filter((item) => item.kind === "answer").map((item) => item.id);
  return { assessment: null, outcome: "ok", migration, problems: { errors: [], warnings: [] }, frameworkId, version, notCarried };
}

/** @param {Info} info @param {unknown} data @param {Kind} kind @param {string[]} dropped @returns {Decoded} */
function decodeData(info, data, kind, dropped) {
  if (kind === "stored") return decodeStored(info, data);
  const envelope = kind === "link" ? linkEnvelope(info, data) : fileEnvelope(info, data, kind);
  if ("outcome" in envelope) return envelope;
  const { frameworkId, version } = envelope;
  const carried = carry(info, envelope.record);
  if (carried.status === "refused") {
    return refusedBy(carried, SAYS[kind].refused(carried.report.refusedReason), frameworkId, version);
  }
  const decoded = carriedAs(carried, frameworkId, version);
  const source = envelope.shapesOk ? carried.assessment : envelope.source;
  const checked = checkStrictly(info, source);
  if (checked.errors.length) {
    const errors = kind === "link" ? [CORRUPT_LINK] : checked.errors;
    return { ...decoded, outcome: "invalid", problems: { errors, warnings: [] } };
  }
  const assessment = checked.assessment;
  const unreadable = keepVersioning(info, source, assessment);
  if (checked.aside.length) assessment.notCarried = [...(assessment.notCarried || []), ...checked.aside];
  if (kind === "link") assessment.frameworkVersion = version;
  const found = { ...checked.unknown, unreadable, dropped, aside: checked.aside };
  const warnings = warningsFor(info, found, carried.report, kind === "link" ? "" : version);
  return { ...decoded, assessment, problems: { errors: [], warnings } };
}

/** @param {Info} info @param {unknown} data @param {Kind} kind @returns {Envelope|Decoded} */
function fileEnvelope(info, data, kind) {
  const says = SAYS[kind];
  if (!isPlainObject(data) || data.format !== FORMAT || !isPlainObject(data.assessment)) {
    return rejected("unreadable", says.notExport);
  }
  if (data.formatVersion !== FORMAT_VERSION) {
    const newer = Number.isInteger(data.formatVersion) && data.formatVersion > FORMAT_VERSION;
    return rejected("unreadable", newer ? says.newerFormat : says.badFormat);
  }
  const claimed = isPlainObject(data.framework) ? data.framework : {};
  const frameworkId = typeof claimed.id === "string" ? claimed.id : "";
  if (claimed.id !== info.framework.id) {
    return rejected("foreign", says.foreign(frameworkId || "unknown", info), { frameworkId });
  }
  const version = typeof claimed.version === "string" ? claimed.version : "";
  const source = data.assessment;
  const shapesOk = ["answers", "targets", "notes", "plan"].every(
    (field) => !model.has(source, field) || isPlainObject(source[field])
  );
  // The file's version decides how migration carries it; when the maps are not maps the strict
  // checks explain what is wrong with the file itself.
  const record = {
    ...(shapesOk ? source : {}),
    frameworkId: info.framework.id,
    frameworkVersion: version || info.framework.version,
  };
  return { record, source, shapesOk, frameworkId, version };
}

/** A link's payload: {f: framework id, v: version, n: name, u: authority, d: date, l: [level ids],
 * a: {criterion id: [answer, fingerprint?]}, t: {dimension id: level number}} (see share.mjs).
 * @param {Info} info @param {unknown} data @returns {Envelope|Decoded} */
function linkEnvelope(info, data) {
  const shaped =
    isPlainObject(data) &&
    typeof data.f === "string" &&
    typeof data.v === "string" &&
    Array.isArray(data.l) &&
    data.l.every((id) => typeof id === "string") &&
    isPlainObject(data.a) &&
    (data.t === undefined || isPlainObject(data.t));
  if (!shaped) return rejected("unreadable", CORRUPT_LINK);
  if (data.f !== info.framework.id) return rejected("foreign", SAYS.link.foreign(data.f), { frameworkId: data.f });
  const record = linkRecord(data);
  if (!record) return rejected("unreadable", CORRUPT_LINK);
  return { record, source: record, shapesOk: true, frameworkId: data.f, version: data.v };
}

/** The link's payload as an assessment record of the version it was made with; null when an
 * answer or target is not a level of the link's own list of levels.
 * @param {Record<string, any>} data */
function linkRecord(data) {
  /** @param {unknown} code */
  const levelId = (code) =>
    typeof code === "number" && Number.isInteger(code) && code >= 1 && code <= data.l.length ? data.l[code - 1] : null;
  /** @type {Record<string, string>} */
  const answers = {};
  /** @type {Record<string, string>} */
  const fingerprints = {};
  /** @type {Record<string, string>} */
  const targets = {};
  const answersOk = safeEntries(data.a).every(([id, entry]) => {
    if (!Array.isArray(entry) || entry.length < 1 || entry.length > 2) return false;
    const code = entry[0];
    const value = code === LINK_NOT_SURE ? model.NOT_SURE : code === LINK_NOT_APPLICABLE ? model.NOT_APPLICABLE : levelId(code);
    if (!value) return false;
    answers[id] = value;
    if (typeof entry[1] === "string") fingerprints[id] = entry[1];
    return true;
  });
  const targetsOk = safeEntries(data.t).every(([id, code]) => {
    const value = levelId(code);
    if (value) targets[id] = value;
    return Boolean(value);
  });
  if (!answersOk || !targetsOk) return null;
  const text = (/** @type {unknown} */ value) => (typeof value === "string" ? value : "");
  return {
    frameworkId: data.f,
    frameworkVersion: data.v,
    name: text(data.n),
    authority: text(data.u),
    date: text(data.d),
    answers,
    targets,
    notes: {},
    fingerprints,
  };
}

/** The record carried to this version by migrate.mjs; a record it cannot read is refused.
 * @param {Info} info @param {unknown} record
 * @returns {{status: string, assessment: any, report: any}} status: "current", "migrated" or "refused" */
function carry(info, record) {
  try {
    return migrateAssessment(record, info.framework);
  } catch (error) {
    return { status: "refused", assessment: null, report: { refused: "unreadable", refusedReason: UNREADABLE_ANSWERS } };
  }
}

/** @param {any} report @returns {Counts} */
function countsOf(report) {
  return {
    carried: report.carried.length,
    moved: report.moved.length,
    review: report.review.length,
    notCarried: report.notCarried.length,
  };
}

/* ---- Strict checks (files and links) ---------------------------------------------------- */

/** @typedef {{criteria: string[], dimensions: string[], plan: number}} Unknown ids this version lacks */

/** @param {Info} info @param {Record<string, any>} source
 * @returns {{assessment: Assessment, errors: string[], unknown: Unknown, aside: NotCarried[]}} */
function checkStrictly(info, source) {
  /** @type {string[]} */
  const errors = [];
  /** @type {Unknown} */
  const unknown = { criteria: [], dimensions: [], plan: 0 };
  const assessment = model.blankAssessment(info);
  /** @type {NotCarried[]} */
  const aside = [];
  checkDetails(source, assessment, errors, aside);
  checkAnswers(info, source, assessment, errors, unknown);
  checkTargets(info, source, assessment, errors, unknown);
  checkNotes(info, source, assessment, errors, unknown);
  checkPlan(info, source, assessment, errors, unknown, aside);
  checkActions(source, assessment, errors, aside);
  if (typeof source.created === "string" && !isNaN(Date.parse(source.created))) assessment.created = source.created;
  return { assessment, errors, unknown, aside };
}

/** A date or choice this form cannot hold, kept aside whole (in notCarried) so the rest of the
 * file can be used: a date typed with a year of more than four digits, say, or a priority that
 * is not one of the form's. @param {NotCarried[]} aside @param {"plan"|"detail"} kind
 * @param {string} id @param {string} field @param {string} value */
function setAside(aside, kind, id, field, value) {
  const reason = field === "due" || field === "date" ? "date" : "choice";
  aside.push({ kind, id, value: kind === "detail" ? value : { [field]: value }, reason, version: "" });
}

/** A plan entry (or own action) with each field that is text but not a value this form offers
 * (a due date that is not real, an unknown priority or status) taken out and kept aside.
 * @param {Record<string, any>} entry @param {string} id @param {NotCarried[]} aside
 * @param {boolean} [dates] false: due dates are left as they are (the form shows one it cannot
 *   hold next to its field, with an error, so the person sees what they typed and can correct it) */
function withoutBadChoices(entry, id, aside, dates = true) {
  const fine = { ...entry };
  const allowed = { due: isValidDate, priority: (/** @type {string} */ v) => model.PLAN_PRIORITIES.includes(v), status: (/** @type {string} */ v) => model.PLAN_STATUSES.includes(v) };
  for (const [field, ok] of Object.entries(allowed)) {
    if (typeof fine[field] === "string" && fine[field] && !ok(fine[field]) && (dates || field !== "due")) {
      setAside(aside, "plan", id, field, fine[field]);
      delete fine[field];
    }
  }
  return fine;
}

/** The entries of source[field]; none, with an error, when it is there but not a map.
 * @param {Record<string, any>} source @param {string} field @param {string} error @param {string[]} errors */
function mapIn(source, field, error, errors) {
  const value = model.has(source, field) ? source[field] : {};
  if (!isPlainObject(value)) errors.push(error);
  return safeEntries(value);
}

/** @param {Record<string, any>} source @param {Assessment} assessment @param {string[]} errors
 * @param {NotCarried[]} aside */
function checkDetails(source, assessment, errors, aside) {
  for (const field of model.DETAILS) {
    const value = model.has(source, field) ? source[field] : "";
    if (typeof value !== "string") errors.push(`The assessment's ${field} must be text.`);
    else if (field === "participants" && value.length > MAX_PARTICIPANTS) {
      const most = MAX_PARTICIPANTS.toLocaleString("en-GB");
      errors.push(`The list of who took part is longer than ${most} characters, so the file has been changed since it was exported. Shorten it to ${most} characters or fewer.`);
    } else if (field !== "participants" && value.length > MAX_DETAIL) errors.push(`The assessment's ${field} is too long.`);
    else if (field === "date" && value && !isValidDate(value)) {
      setAside(aside, "detail", "date", "date", value);
      assessment.date = ""; // not today's: the file's date is kept aside, to be entered again
    }
    else assessment[field] = value;
  }
}

/** @param {Info} info @param {Record<string, any>} source @param {Assessment} assessment
 * @param {string[]} errors @param {Unknown} unknown */
function checkAnswers(info, source, assessment, errors, unknown) {
  const bad = [];
  for (const [id, value] of mapIn(source, "answers", "The answers in the file are not in the expected form.", errors)) {
    if (!info.criteria.has(id)) unknown.criteria.push(id);
    else if (!model.isAllowedAnswer(info, value)) bad.push(id);
    else assessment.answers[id] = value;
  }
  if (bad.length) {
    errors.push(
      `The answers for ${bad.length === 1 ? "criterion" : "criteria"} ${listed(bad)} are not levels of this framework, \u201cNot applicable\u201d or \u201cNot sure yet\u201d.`
    );
  }
}

/** @param {Info} info @param {Record<string, any>} source @param {Assessment} assessment
 * @param {string[]} errors @param {Unknown} unknown */
function checkTargets(info, source, assessment, errors, unknown) {
  const bad = [];
  for (const [id, value] of mapIn(source, "targets", "The target levels in the file are not in the expected form.", errors)) {
    if (!info.dimensions.has(id)) addOnce(unknown.dimensions, id);
    else if (typeof value !== "string" || !info.levelIndex.has(value)) bad.push(id);
    else assessment.targets[id] = value;
  }
  if (bad.length) errors.push(`The target levels for ${listed(bad)} are not levels of this framework.`);
}

/** @param {Info} info @param {Record<string, any>} source @param {Assessment} assessment
 * @param {string[]} errors @param {Unknown} unknown */
function checkNotes(info, source, assessment, errors, unknown) {
  const bad = [];
  for (const [id, entry] of mapIn(source, "notes", "The notes in the file are not in the expected form.", errors)) {
    if (!info.dimensions.has(id)) addOnce(unknown.dimensions, id);
    else if (!isTextFields(entry, model.NOTE_KINDS)) bad.push(id);
    else if (entry.evidence || entry.views) {
      assessment.notes[id] = { evidence: entry.evidence || "", views: entry.views || "" };
    }
  }
  if (bad.length) errors.push(`The notes for ${listed(bad)} must be text of no more than ${MAX_TEXT} characters.`);
}

/** The action plan: what was written against each item, by criterion id. Older exports have none.
 * A due date, priority or status the form cannot hold is kept aside and the rest of the entry used.
 * @param {Info} info @param {Record<string, any>} source @param {Assessment} assessment
 * @param {string[]} errors @param {Unknown} unknown @param {NotCarried[]} aside */
function checkPlan(info, source, assessment, errors, unknown, aside) {
  const bad = [];
  /** @type {Record<string, any>} */
  const kept = {};
  for (const [id, entry] of mapIn(source, "plan", "The action plan in the file is not in the expected form.", errors)) {
    if (!isTextFields(entry, model.PLAN_FIELDS)) bad.push(id);
    else if (!info.criteria.has(id)) unknown.plan += 1;
    else kept[id] = entry;
  }
  if (bad.length) {
    errors.push(`The action plan entries for ${listed(bad)} must be text of no more than ${MAX_TEXT} characters.`);
    return;
  }
  for (const id of Object.keys(kept)) kept[id] = withoutBadChoices(kept[id], id, aside);
  assessment.plan = restorePlan(kept);
}

/** The team's own actions (plan.mjs): a list of entries, each with an id. Older exports have none.
 * A due date, priority or status the form cannot hold is kept aside and the rest of the action used.
 * @param {Record<string, any>} source @param {Assessment} assessment @param {string[]} errors
 * @param {NotCarried[]} aside */
function checkActions(source, assessment, errors, aside) {
  if (!model.has(source, "actions")) return;
  const list = source.actions;
  const fine = (/** @type {any} */ entry) =>
    isTextFields(entry, model.PLAN_FIELDS) && isId(entry.id) && ["criterion", "formerCriterion"].every((f) => !model.has(entry, f) || entry[f] === "" || isId(entry[f]));
  if (!Array.isArray(list) || list.length > MAX_ACTIONS || !list.every(fine)) {
    errors.push(
      `The team's own actions in the file are not in the expected form: at most ${MAX_ACTIONS}, each with an id and text of no more than ${MAX_TEXT} characters.`
    );
  } else {
    const actions = restoreActions(list.map((entry) => withoutBadChoices(entry, entry.id, aside)));
    if (actions.length) assessment.actions = actions;
  }
}

/* ---- What migration keeps with an assessment -------------------------------------------- */

/** One entry of notCarried, checked: text only, of bounded size; null when it cannot be read.
 * @param {unknown} entry @returns {NotCarried|null} */
function cleanNotCarried(entry) {
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

/** Copies what migration keeps with an assessment (fingerprints, answers to check, answers not
 * carried over, migrations made) from the checked source into the assessment. Returns how many
 * entries could not be read. @param {Info} info @param {Record<string, any>} source @param {Assessment} assessment */
function keepVersioning(info, source, assessment) {
  const fingerprints = isPlainObject(source.fingerprints) ? source.fingerprints : {};
  const review = isPlainObject(source.review) ? source.review : {};
  assessment.fingerprints = {};
  for (const id of Object.keys(assessment.answers)) {
    if (model.has(fingerprints, id) && isShortText(fingerprints[id], MAX_FINGERPRINT)) {
      assessment.fingerprints[id] = fingerprints[id];
    }
    if (model.has(review, id) && model.has(REASONS, review[id])) {
      assessment.review = assessment.review || {};
      assessment.review[id] = review[id];
    }
  }
  assessment.fingerprints = model.fingerprintsOf(info, assessment);
  // Every entry is kept (never cut): a file of at most 1 MB bounds how many there can be.
  const entries = Array.isArray(source.notCarried) ? source.notCarried : [];
  const cleaned = entries.map(cleanNotCarried).filter((entry) => entry !== null);
  if (cleaned.length) assessment.notCarried = cleaned;
  const migrations = (Array.isArray(source.migrations) ? source.migrations : []).filter(
    (entry) => isPlainObject(entry) && isShortText(entry.from) && isShortText(entry.to) && isShortText(entry.at)
  );
  if (migrations.length) {
    // Only the latest migration keeps its report: it is the one the notice shows. It is rebuilt
    // from checked data, so a file cannot put words of its own into the form's notice.
    assessment.migrations = migrations.slice(-MAX_MIGRATIONS).map(({ from, to, at, report }, i, kept) => {
      if (!isPlainObject(report) || i !== kept.length - 1) return { from, to, at };
      const rebuilt = rebuildReport(info, assessment, report, from, to);
      return rebuilt ? { from, to, at, report: rebuilt } : { from, to, at };
    });
  }
  return entries.length - cleaned.length;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isId = (/** @type {unknown} */ value) => typeof value === "string" && value.length <= 64 && ID.test(value);

/** True when the framework's declared history says id `from` leads to id `to`.
 * @param {Info} info @param {unknown} from @param {unknown} to */
function declaredMove(info, from, to) {
  const lineage = /** @type {any} */ (info.framework).lineage;
  const routes = isPlainObject(lineage) && isPlainObject(lineage.from) ? Object.values(lineage.from) : [];
  return routes.some((route) => {
    const fate =
      typeof from === "string" && isPlainObject(route) && isPlainObject(route.ids) && model.has(route.ids, from) ? route.ids[from] : null;
    return Boolean(fate && Array.isArray(fate.to) && fate.to.some((/** @type {any} */ d) => d && d.id === to));
  });
}

/** A migration report kept in a file, made again from what has been checked: versions this
 * framework's history lists, ids of its questions or declared in its history, and answers that
 * are levels. Null when the migration it describes is not one this site could have made.
 * @param {Info} info @param {Assessment} assessment @param {Record<string, any>} report
 * @param {string} from @param {string} to @returns {any} */
function rebuildReport(info, assessment, report, from, to) {
  const lineage = /** @type {any} */ (info.framework).lineage;
  const versions = isPlainObject(lineage) && Array.isArray(lineage.versions) ? lineage.versions : [info.framework.version];
  if (to !== info.framework.version || from === to || !versions.includes(from)) return null;
  const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? value.filter(isPlainObject) : []);
  const answered = (/** @type {unknown} */ id) => typeof id === "string" && info.criteria.has(id) && model.has(assessment.answers, id);
  const isValue = (/** @type {unknown} */ value) => model.isAllowedAnswer(info, value) || isId(value);
  const review = assessment.review || {};
  return {
    fromVersion: from,
    toVersion: to,
    undeclared: false,
    carried: (Array.isArray(report.carried) ? report.carried : []).filter(answered),
    moved: list(report.moved)
      .filter((m) => NOT_CARRIED_KINDS.includes(m.kind) && declaredMove(info, m.from, m.to))
      .map((m) => ({ kind: m.kind, from: m.from, to: m.to })),
    review: list(report.review)
      .filter((item) => answered(item.criterion) && model.has(review, item.criterion) && review[item.criterion] === item.reason)
      .map((item) => {
        const sources = list(item.sources).filter((s) => declaredMove(info, s.id, item.criterion) && isValue(s.value));
        const entry = { criterion: item.criterion, reason: item.reason };
        return sources.length ? { ...entry, sources: sources.map((s) => ({ id: s.id, value: s.value })) } : entry;
      }),
    notCarried: list(report.notCarried)
      .filter((item) => NOT_CARRIED_KINDS.includes(item.kind) && isId(item.id) && model.has(NOT_CARRIED_REASONS, item.reason))
      .map((item) => ({
        kind: item.kind,
        id: item.id,
        value: isValue(item.value) ? item.value : "",
        reason: item.reason,
        version: versions.includes(item.version) ? item.version : "",
      })),
    refused: null,
    refusedReason: null,
  };
}

/* ---- Warnings --------------------------------------------------------------------------- */

const plural = model.plural;

/** What a person should know before importing: entries set aside, ids this version lacks,
 * unsafe keys ignored, and the version the file was made with.
 * @param {Info} info @param {Unknown & {unreadable: number, dropped: string[], aside: NotCarried[]}} found
 * @param {any} report migrate.mjs's report @param {string} version the file's version ("" to say nothing) */
function warningsFor(info, found, report, version) {
  const { criteria, dimensions, unreadable, dropped, aside } = found;
  let plan = found.plan + (Array.isArray(report.actionsKept) ? report.actionsKept.length : 0);
  for (const item of report.notCarried) {
    if (item.reason !== "unknown") continue;
    if (item.kind === "answer") criteria.push(item.id);
    else if (item.kind === "plan") plan += 1;
    else addOnce(dimensions, item.id);
  }
  const them = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) => (n === 1 ? one : many);
  const warnings = [];
  if (unreadable) {
    warnings.push(
      `${plural(unreadable, "entry", "entries")} kept from earlier versions of the framework could not be read, so ${them(unreadable, "it", "they")} will not be imported.`
    );
  }
  if (plan) {
    warnings.push(
      `${plural(plan, "action plan entry is", "action plan entries are")} for criteria that this version of the framework does not have. ${them(plan, "It is", "They are")} kept in the action plan as the team's own actions, marked as such.`
    );
  }
  if (criteria.length) {
    warnings.push(
      `${plural(criteria.length, "answer is", "answers are")} for criteria that this version of the framework does not have, so ${them(criteria.length, "it is", "they are")} not scored, but kept with the assessment and in exports: ${listed(criteria)}.`
    );
  }
  if (dimensions.length) {
    warnings.push(
      `Targets or notes for dimensions that this version of the framework does not have are not used, but kept with the assessment and in exports: ${listed(dimensions)}.`
    );
  }
  if (aside.length) warnings.push(asideWarning(aside));
  if (dropped.length) {
    warnings.push(`The file contained entries that are not allowed (${listed(dropped)}). They were ignored for safety.`);
  }
  if (version && version !== info.framework.version) {
    warnings.push(
      `The file was made with version ${version} of the framework. This site uses version ${info.framework.version}, so the answers will be carried over using the changes published with it${migrationSummary(report)}.`
    );
  }
  return warnings;
}

const ASIDE_FIELDS = { due: "due date", priority: "priority", status: "status" };

/** What was kept aside because the form cannot hold it, each named with its value.
 * @param {NotCarried[]} aside */
function asideWarning(aside) {
  const named = aside.map((item) => {
    if (item.kind === "detail") return `the assessment's date ${quote(item.value)}`;
    const [field, value] = Object.entries(item.value)[0];
    const label = /** @type {Record<string, string>} */ (ASIDE_FIELDS)[field] || field;
    return `the ${label} ${quote(value)} of the action plan entry ${quote(item.id)}`;
  });
  const shown = named.slice(0, MAX_LISTED).join("; ") + (named.length > MAX_LISTED ? `; and ${named.length - MAX_LISTED} more` : "");
  const n = aside.length;
  return (
    `${plural(n, "date or choice", "dates and choices")} in the file ${n === 1 ? "is" : "are"} not one this form can hold ` +
    `(dates must be real dates in the form YYYY-MM-DD, with a four-digit year), so ${n === 1 ? "it is" : "they are"} kept aside with the assessment and in exports, ` +
    `and the rest of the file is imported: ${shown}. Enter ${n === 1 ? "it" : "them"} again in the form.`
  );
}

/** ": 1 answer unchanged, 2 answers moved to new questions, ..." or "". @param {any} report */
function migrationSummary(report) {
  const parts = [];
  if (report.carried.length) parts.push(`${plural(report.carried.length, "answer", "answers")} unchanged`);
  const moved = report.moved.filter((/** @type {{kind: string}} */ move) => move.kind === "answer").length;
  if (moved) parts.push(`${plural(moved, "answer", "answers")} moved to new questions`);
  if (report.review.length) parts.push(`${plural(report.review.length, "answer", "answers")} to check`);
  const combined = report.notCarried.filter((/** @type {{reason: string}} */ item) => item.reason === "merged").length;
  const lost = report.notCarried.length - combined;
  if (lost) parts.push(`${plural(lost, "entry", "entries")} that cannot be carried over, kept in exports`);
  if (combined) {
    parts.push(`${plural(combined, "action plan entry", "action plan entries")} combined with others, each also kept as it was written in exports`);
  }
  return parts.length ? `: ${parts.join(", ")}` : "";
}

/* ---- Making a record from the device safe ----------------------------------------------- */

/** {key: value} keeping only values that pass check, under safe keys. Entries for ids that this
 * version of the framework lacks are kept, so answers saved against another version are never
 * lost from the device; scoring only ever looks at the framework's own ids.
 * @param {unknown} source @param {(value: any) => boolean} check @returns {Record<string, any>} */
function copyWhere(source, check) {
  return Object.fromEntries(safeEntries(source).filter(([, value]) => check(value)));
}

const isText = (/** @type {unknown} */ value) => typeof value === "string";

/** A plan entry's fields as text, with a priority and status this form offers ("" otherwise).
 * @param {Record<string, any>} entry @returns {Record<string, string>} */
function cleanEntry(entry) {
  /** @type {Record<string, string>} */
  const clean = {};
  for (const field of model.PLAN_FIELDS) clean[field] = isText(entry[field]) ? entry[field].slice(0, MAX_TEXT) : "";
  if (!model.PLAN_PRIORITIES.includes(clean.priority)) clean.priority = "";
  if (!model.PLAN_STATUSES.includes(clean.status)) clean.status = "";
  for (const field of ["priority", "status", "progress"]) if (!clean[field]) delete clean[field];
  return clean;
}

/** {criterionId: {action, owner, due, priority, status, progress}} with text fields only; anything
 * else is dropped. @param {unknown} source @returns {Record<string, import("./model.mjs").PlanEntry>} */
function restorePlan(source) {
  /** @type {Record<string, any>} */
  const plan = {};
  for (const [id, entry] of safeEntries(source)) {
    if (!isPlainObject(entry)) continue;
    const clean = cleanEntry(entry);
    if (model.PLAN_FIELDS.some((field) => clean[field])) plan[id] = clean;
  }
  return plan;
}

/** The team's own actions, each made safe like a plan entry, with an id (those without one, or
 * repeating one, are dropped) and the criterion it is about ("" for none).
 * @param {unknown} source @returns {import("./model.mjs").OwnAction[]} */
function restoreActions(source) {
  /** @type {any[]} */
  const actions = [];
  const ids = new Set();
  for (const entry of Array.isArray(source) ? source.slice(0, MAX_ACTIONS) : []) {
    if (!isPlainObject(entry) || !isId(entry.id) || ids.has(entry.id)) continue;
    ids.add(entry.id);
    /** @type {Record<string, string>} */
    const clean = { id: entry.id, criterion: isId(entry.criterion) ? entry.criterion : "", ...cleanEntry(entry) };
    if (isId(entry.formerCriterion)) clean.formerCriterion = entry.formerCriterion;
    actions.push(/** @type {any} */ (clean));
  }
  return actions;
}

/** An assessment read back from the device, made safe to use whatever state it is in. Nothing
 * is carried between versions here: decode(info, record, "stored") does that first.
 * @param {Info} info @param {unknown} raw @param {Date} [now] @returns {Assessment} */
export function restore(info, raw, now) {
  const fresh = model.blankAssessment(info, now);
  if (!isPlainObject(raw)) return fresh;
  for (const field of ["id", "name", "authority", "date", "created", "updated", "frameworkVersion"]) {
    if (isShortText(raw[field])) fresh[field] = raw[field];
  }
  fresh.answers = copyWhere(raw.answers, isText);
  fresh.targets = copyWhere(raw.targets, isText);
  const notes = copyWhere(raw.notes, (value) => value !== null && typeof value === "object");
  for (const [id, entry] of Object.entries(notes)) {
    notes[id] = { evidence: isText(entry.evidence) ? entry.evidence : "", views: isText(entry.views) ? entry.views : "" };
  }
  fresh.notes = notes;
  // A priority or status the form does not offer (an older version joined merged ones as text) is
  // kept aside, never dropped.
  /** @type {NotCarried[]} */
  const aside = [];
  const choices = (/** @type {unknown} */ entry, /** @type {string} */ id) =>
    isPlainObject(entry) ? withoutBadChoices(entry, id, aside, false) : entry;
  fresh.plan = restorePlan(Object.fromEntries(safeEntries(raw.plan).map(([id, entry]) => [id, choices(entry, id)])));
  if (isShortText(raw.participants, MAX_PARTICIPANTS)) fresh.participants = raw.participants;
  // When it was last exported (form/keeping.mjs): times as text and the answers then.
  if (isPlainObject(raw.keep)) fresh.keep = { ...copyWhere(raw.keep, isShortText), answers: copyWhere(raw.keep.answers, isText) };
  const listed = Array.isArray(raw.actions) ? raw.actions.map((entry) => choices(entry, isPlainObject(entry) && isId(entry.id) ? entry.id : "")) : [];
  const actions = restoreActions(listed);
  if (actions.length) fresh.actions = actions;
  restoreVersioning(info, raw, fresh);
  if (aside.length) fresh.notCarried = [...(fresh.notCarried || []), ...aside];
  return fresh;
}

/** What migration keeps with an assessment (see migrate.mjs): the fingerprint each answer was
 * given against, answers to check, answers that could not be carried over (kept so exports still
 * hold them) and the migrations made. An answered question without a fingerprint was answered in
 * this version of the framework, so it gets the current one.
 * @param {Info} info @param {Record<string, any>} raw @param {Assessment} fresh */
function restoreVersioning(info, raw, fresh) {
  const short = (/** @type {unknown} */ value) => isShortText(value);
  fresh.fingerprints = copyWhere(raw.fingerprints, short);
  // Only for this version: an older record keeps its gaps, for migration to flag.
  const thisVersion = !raw.frameworkVersion || raw.frameworkVersion === info.framework.version;
  for (const id of Object.keys(fresh.answers)) {
    if (thisVersion && !model.has(fresh.fingerprints, id) && info.criteria.has(id)) {
      fresh.fingerprints[id] = info.criteria.get(id).criterion.fingerprint || "";
    }
  }
  const review = copyWhere(raw.review, short);
  for (const id of Object.keys(review)) if (!model.has(fresh.answers, id)) delete review[id];
  if (Object.keys(review).length) fresh.review = review;
  for (const field of ["notCarried", "migrations"]) {
    if (Array.isArray(raw[field]) && raw[field].length) fresh[field] = JSON.parse(JSON.stringify(raw[field]));
  }
}
