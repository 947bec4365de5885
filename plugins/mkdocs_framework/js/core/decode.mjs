/* THE ONE PLACE where anything that claims to be an assessment is read. No DOM, no storage.
 *
 * An imported file, a file on the group page, a results link and a record saved on the device
 * all come through here, and nowhere else decides what is allowed in them:
 *
 *   decodeFile(info, text, bytes, "file"|"group", migrate?)  the text of an exported JSON file
 *   decodeLink(info, fragment, migrate?)                     the part of a results link after "#"
 *   decodeStored(info, record, migrate?)                     a record read from the device (storage.mjs)
 *   decode(info, data, kind, migrate?)                       any of these, already read
 *   decodeAny(info, data, kind, loadMigrate)                 the same, loading migrate.mjs only when needed
 *
 * each give a Decoded: {assessment (null when it cannot be used), outcome, migration
 * {status, report, counts}, problems {errors, warnings}, frameworkId, version, notCarried}.
 * The steps are always the same: read the envelope (file, link or stored record) into a record;
 * carry it to this version of the framework with migrate.mjs (or refuse it: another framework, a
 * newer version); then check it with the table of fields (fields.mjs): strictly for files and
 * links (anything not allowed refuses the whole file with messages a person can act on; files
 * over 1 MB, unsafe keys and JSON that is not UTF-8 are refused here), leniently for the device
 * (what cannot be used is repaired, because the person cannot fix it).
 *
 * migrate.mjs is not imported here: the caller passes its migrateAssessment as `migrate`, so a page
 * only loads it when it meets a record from another version. Without it, a record that needs it
 * (needsMigration) gives outcome "migrate" and no assessment, and is left exactly as it is.
 * transfer.mjs (import), share.mjs (links), group.mjs and team.mjs (group pages) and the form's
 * state only read bytes and call these functions.
 */

import {
  MAX_TEXT,
  NOT_CARRIED_KINDS,
  NOT_CARRIED_REASONS,
  REASONS,
  checkAssessment,
  has,
  isAllowedAnswer,
  isId,
  linkAnswer,
  listed,
  restore,
  safeEntries,
} from "./fields.mjs";
import { plural } from "./model.mjs";
import { UNSAFE_KEYS, fromBase64Url, isPlainObject, isSafeKey, quote } from "./util.mjs";

export { MAX_TEXT, restore };

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").NotCarried} NotCarried
 * @typedef {import("./fields.mjs").Unknown} Unknown
 * @typedef {import("./fields.mjs").Field} Field
 * @typedef {import("./fields.mjs").Problem} Problem
 * @typedef {"stored"|"file"|"group"|"link"} Kind  where the data came from; "group" is a file
 *   read on the group comparison page, whose messages are worded for a list of files
 * @typedef {"ok"|"empty"|"unreadable"|"foreign"|"refused"|"invalid"|"migrate"} Outcome  "migrate": it
 *   needs migrate.mjs, which was not given
 * @typedef {{carried: number, moved: number, review: number, notCarried: number}} Counts
 * @typedef {{status: "current"|"migrated"|"refused", assessment: any, report: any}} Carried  what migrate.mjs gives
 * @typedef {(record: any, framework: any) => Carried} Migrate  migrate.mjs's migrateAssessment
 * @typedef {object} Migration  what migrate.mjs did
 * @property {"current"|"migrated"|"refused"|"none"|"needed"} status  "none": it was never reached;
 *   "needed": the record is from another version (or holds what only migration can place), and no
 *   migrate function was given
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

/* ---- The messages ----------------------------------------------------------------------- */

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

/** What a file says about a field of its assessment that is not allowed (fields.mjs finds it).
 * @type {Record<Problem, (field: Field, ids: string[]) => string>} */
const FIELD_SAYS = {
  type: (field) => `The assessment's ${field.name} must be text.`,
  long: (field) => {
    if (field.name !== "participants") return `The assessment's ${field.name} is too long.`;
    const most = (field.limit || 0).toLocaleString("en-GB");
    return `The list of who took part is longer than ${most} characters, so the file has been changed since it was exported. Shorten it to ${most} characters or fewer.`;
  },
  shape: (field) => `The ${MAPS[field.name] || field.name} in the file ${field.name === "plan" ? "is" : "are"} not in the expected form.`,
  bad: (field, ids) => {
    if (field.name === "answers") {
      return `The answers for ${ids.length === 1 ? "criterion" : "criteria"} ${listed(ids)} are not levels of this framework, \u201cNot applicable\u201d or \u201cNot sure yet\u201d.`;
    }
    if (field.name === "targets") return `The target levels for ${listed(ids)} are not levels of this framework.`;
    if (field.name === "actions") {
      return `The team's own actions in the file are not in the expected form: at most ${field.limit}, each with an id and text of no more than ${MAX_TEXT} characters.`;
    }
    return `The ${field.name === "plan" ? "action plan entries" : "notes"} for ${listed(ids)} must be text of no more than ${field.limit} characters.`;
  },
};
/** @type {Record<string, string>} */
const MAPS = { answers: "answers", targets: "target levels", notes: "notes", plan: "action plan", assessment: "assessment" };
/** @param {Field} field @param {Problem} problem @param {string[]} ids */
const sayField = (field, problem, ids) => FIELD_SAYS[problem](field, ids);

const UNREADABLE_ANSWERS = "The answers could not be read. They have been left exactly as they are.";
const NEEDS_MIGRATION = "These answers were made with another version of the framework and must be carried over to this version first. They have been left exactly as they are.";

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
 * @param {Migrate} [migrate] @returns {Decoded} */
export function decodeFile(info, content, bytes, kind = "file", migrate) {
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
  return decodeData(info, data, kind, dropped, migrate);
}

/** The fragment of a results link (with or without "#"): "r1." and base64url of UTF-8 JSON.
 * @param {Info} info @param {string} fragment @param {Migrate} [migrate] @returns {Decoded} */
export function decodeLink(info, fragment, migrate) {
  const text = String(fragment || "").replace(/^#/, "");
  if (!text) return rejected("empty", SAYS.link.empty);
  if (text.length > MAX_LINK || !text.startsWith(LINK_PREFIX)) return rejected("unreadable", CORRUPT_LINK);
  let data;
  try {
    data = parseJson(fromBase64Url(text.slice(LINK_PREFIX.length)), []);
  } catch (error) {
    return rejected("unreadable", CORRUPT_LINK);
  }
  return decodeData(info, data, "link", [], migrate);
}

/** Data already read: a record from the device ("stored"), an export's parsed JSON ("file",
 * "group") or a link's payload ("link").
 * @param {Info} info @param {unknown} data @param {Kind} kind @param {Migrate} [migrate] @returns {Decoded} */
export function decode(info, data, kind, migrate) {
  return decodeData(info, data, kind, [], migrate);
}

/** decode(), loading migrate.mjs (through loadMigrate, e.g. the page's first-use loader) only when
 * the data needs it. @param {Info} info @param {unknown} data @param {Kind} kind
 * @param {() => Promise<Migrate | {migrateAssessment: Migrate}>} loadMigrate @returns {Promise<Decoded>} */
export async function decodeAny(info, data, kind, loadMigrate) {
  const decoded = decode(info, data, kind);
  if (decoded.outcome !== "migrate") return decoded;
  const loaded = await loadMigrate();
  return decode(info, data, kind, typeof loaded === "function" ? loaded : loaded.migrateAssessment);
}

/* ---- Whether migration is needed -------------------------------------------------------- */

/** True when this record cannot be opened without migrate.mjs: it is not a record, it says it
 * belongs to another framework or version, or it holds something migrate.mjs would move or flag
 * even at this version (an id this version lacks, an answer whose recorded wording differs from
 * the question's and is not yet flagged, an action about a criterion this version lacks).
 * Otherwise migrate.mjs would give it back as it is ("current"). Reads only; cheap.
 * @param {Info} info @param {unknown} record */
export function needsMigration(info, record) {
  if (!isPlainObject(record)) return true;
  if (record.frameworkId !== undefined && record.frameworkId !== info.framework.id) return true;
  if (record.frameworkVersion !== undefined && record.frameworkVersion !== info.framework.version) return true;
  const keys = (/** @type {unknown} */ map) => safeEntries(map).map(([id]) => id);
  const review = isPlainObject(record.review) ? record.review : {};
  const fingerprints = isPlainObject(record.fingerprints) ? record.fingerprints : {};
  const reworded = (/** @type {string} */ id) => {
    const recorded = has(fingerprints, id) ? fingerprints[id] : null;
    const flagged = has(review, id) && typeof review[id] === "string" && has(REASONS, review[id]);
    const criterion = info.criteria.get(id);
    return typeof recorded === "string" && recorded !== "" && !flagged && recorded !== criterion?.criterion.fingerprint;
  };
  const actions = Array.isArray(record.actions) ? record.actions.filter(isPlainObject) : [];
  return (
    keys(record.answers).some((id) => !info.criteria.has(id) || reworded(id)) ||
    keys(record.targets).some((id) => !info.dimensions.has(id)) ||
    keys(record.notes).some((id) => !info.dimensions.has(id)) ||
    keys(record.plan).some((id) => !info.criteria.has(id)) ||
    actions.some((action) => typeof action.criterion === "string" && action.criterion !== "" && isSafeKey(action.criterion) && !info.criteria.has(action.criterion))
  );
}

/** @param {string[]} list @param {string} item */
function addOnce(list, item) {
  if (!list.includes(item)) list.push(item);
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
 * carried (another framework, a newer version) is refused, to be left exactly as it is.
 * @param {Info} info @param {unknown} record @param {Migrate} [migrate] @returns {Decoded} */
export function decodeStored(info, record, migrate) {
  const frameworkId = isPlainObject(record) && typeof record.frameworkId === "string" ? record.frameworkId : "";
  const version = isPlainObject(record) && typeof record.frameworkVersion === "string" ? record.frameworkVersion : "";
  const carried = carry(info, record, migrate);
  if (carried.status === "needed") return rejected("migrate", NEEDS_MIGRATION, { migration: NEEDED, frameworkId, version });
  if (carried.status === "refused") return refusedBy(carried, carried.report.refusedReason, frameworkId, version);
  return { ...carriedAs(carried, frameworkId, version), assessment: restore(info, carried.assessment) };
}

/** @type {Migration} */
const NEEDED = { status: "needed", report: null, counts: null };

/** @param {{report: any}} carried @param {string} message @param {string} frameworkId @param {string} version */
function refusedBy(carried, message, frameworkId, version) {
  /** @type {Migration} */
  const migration = { status: "refused", report: carried.report, counts: null };
  return rejected("refused", message, { migration, frameworkId, version });
}

/** What a successful migration gives, before the assessment is checked.
 * @param {Carried} carried @param {string} frameworkId @param {string} version
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

/** @param {Info} info @param {unknown} data @param {Kind} kind @param {string[]} dropped
 * @param {Migrate} [migrate] @returns {Decoded} */
function decodeData(info, data, kind, dropped, migrate) {
  if (kind === "stored") return decodeStored(info, data, migrate);
  const envelope = kind === "link" ? linkEnvelope(info, data) : fileEnvelope(info, data, kind);
  if ("outcome" in envelope) return envelope;
  const { frameworkId, version } = envelope;
  const carried = carry(info, envelope.record, migrate);
  if (carried.status === "needed") return rejected("migrate", NEEDS_MIGRATION, { migration: NEEDED, frameworkId, version });
  if (carried.status === "refused") {
    return refusedBy(carried, SAYS[kind].refused(carried.report.refusedReason), frameworkId, version);
  }
  const decoded = carriedAs(carried, frameworkId, version);
  const source = envelope.shapesOk ? carried.assessment : envelope.source;
  const report = (/** @type {Assessment} */ assessment, /** @type {Record<string, any>} */ kept, /** @type {string} */ from, /** @type {string} */ to) =>
    rebuildReport(info, assessment, kept, from, to);
  const checked = checkAssessment(info, source, { report, say: sayField });
  if (checked.errors.length) {
    const errors = kind === "link" ? [CORRUPT_LINK] : checked.errors;
    return { ...decoded, outcome: "invalid", problems: { errors, warnings: [] } };
  }
  const assessment = checked.assessment;
  if (kind === "link") assessment.frameworkVersion = version;
  const found = { ...checked.unknown, unreadable: checked.unreadable, dropped, aside: checked.aside };
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
    (field) => !has(source, field) || isPlainObject(source[field])
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
 * answer or target is not a level of the link's own list of levels (codes: fields.mjs LINK_CODES).
 * @param {Record<string, any>} data */
function linkRecord(data) {
  /** @type {Record<string, string>} */
  const answers = {};
  /** @type {Record<string, string>} */
  const fingerprints = {};
  /** @type {Record<string, string>} */
  const targets = {};
  const answersOk = safeEntries(data.a).every(([id, entry]) => {
    if (!Array.isArray(entry) || entry.length < 1 || entry.length > 2) return false;
    const value = linkAnswer(entry[0], data.l);
    if (!value) return false;
    answers[id] = value;
    if (typeof entry[1] === "string") fingerprints[id] = entry[1];
    return true;
  });
  const targetsOk = safeEntries(data.t).every(([id, code]) => {
    const value = typeof code === "number" && code >= 1 ? linkAnswer(code, data.l) : null;
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

/** The record carried to this version: by migrate when given (a record it cannot read is
 * refused); without it, as it is when migration would leave it so, else "needed".
 * @param {Info} info @param {unknown} record @param {Migrate} [migrate]
 * @returns {Carried | {status: "needed"}} */
function carry(info, record, migrate) {
  if (!migrate) return needsMigration(info, record) ? { status: "needed" } : { status: "current", assessment: record, report: currentReport(info, /** @type {Record<string, any>} */ (record)) };
  try {
    return migrate(record, info.framework);
  } catch (error) {
    return { status: "refused", assessment: null, report: { refused: "unreadable", refusedReason: UNREADABLE_ANSWERS } };
  }
}

/** The report migrate.mjs gives a record it leaves as it is (see needsMigration): every answer
 * not flagged for checking carried, nothing else. @param {Info} info @param {Record<string, any>} record */
function currentReport(info, record) {
  const version = info.framework.version;
  const review = isPlainObject(record.review) ? record.review : {};
  const flagged = (/** @type {string} */ id) => has(review, id) && typeof review[id] === "string" && has(REASONS, review[id]);
  const carried = safeEntries(record.answers).map(([id]) => id).filter((id) => !flagged(id));
  const empty = { moved: [], review: [], notCarried: [], refused: null, refusedReason: null, actionsKept: [] };
  return { fromVersion: version, toVersion: version, undeclared: false, carried, ...empty };
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

/* ---- What migration keeps with an assessment -------------------------------------------- */

/** True when the framework's declared history says id `from` leads to id `to`.
 * @param {Info} info @param {unknown} from @param {unknown} to */
function declaredMove(info, from, to) {
  const lineage = /** @type {any} */ (info.framework).lineage;
  const routes = isPlainObject(lineage) && isPlainObject(lineage.from) ? Object.values(lineage.from) : [];
  return routes.some((route) => {
    const fate =
      typeof from === "string" && isPlainObject(route) && isPlainObject(route.ids) && has(route.ids, from) ? route.ids[from] : null;
    return Boolean(fate && Array.isArray(fate.to) && fate.to.some((/** @type {any} */ d) => d && d.id === to));
  });
}

/** A migration report kept in a file, made again from what has been checked: versions this
 * framework's history lists, ids of its questions or declared in its history, and answers that
 * are levels. Null when the migration it describes is not one this site could have made.
 * (fields.mjs's strict check asks for it, for the latest migration a file lists.)
 * @param {Info} info @param {Assessment} assessment @param {Record<string, any>} report
 * @param {string} from @param {string} to @returns {any} */
function rebuildReport(info, assessment, report, from, to) {
  const lineage = /** @type {any} */ (info.framework).lineage;
  const versions = isPlainObject(lineage) && Array.isArray(lineage.versions) ? lineage.versions : [info.framework.version];
  if (to !== info.framework.version || from === to || !versions.includes(from)) return null;
  const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? value.filter(isPlainObject) : []);
  const answered = (/** @type {unknown} */ id) => typeof id === "string" && info.criteria.has(id) && has(assessment.answers, id);
  const isValue = (/** @type {unknown} */ value) => isAllowedAnswer(info, value) || isId(value);
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
      .filter((item) => answered(item.criterion) && has(review, item.criterion) && review[item.criterion] === item.reason)
      .map((item) => {
        const sources = list(item.sources).filter((s) => declaredMove(info, s.id, item.criterion) && isValue(s.value));
        const entry = { criterion: item.criterion, reason: item.reason };
        return sources.length ? { ...entry, sources: sources.map((s) => ({ id: s.id, value: s.value })) } : entry;
      }),
    notCarried: list(report.notCarried)
      .filter((item) => NOT_CARRIED_KINDS.includes(item.kind) && isId(item.id) && has(NOT_CARRIED_REASONS, item.reason))
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
  const shown = named.slice(0, 5).join("; ") + (named.length > 5 ? `; and ${named.length - 5} more` : "");
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

