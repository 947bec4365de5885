/* Self-assessment: results in a link. No DOM here.
 *
 * A shared link carries the results in its fragment (the part after "#"), which browsers never send
 * to a server. The fragment is "r1." followed by base64url of UTF-8 JSON:
 *   {f: framework id, v: framework version, n: assessment name, u: authority, d: date (YYYY-MM-DD),
 *    l: [level ids, lowest first],
 *    a: {criterion id: [answer, fingerprint]}  answer: 1..N = l[answer - 1], 0 = not sure, -1 = not applicable
 *    t: {dimension id: 1..N}}
 * Answers are keyed by stable criterion ids and levels travel by id, so a link made with one version
 * of the framework can be mapped onto a later one. Fingerprints let the later version see whether a
 * criterion's wording has changed since. Notes (evidence, views) are never put in a link.
 *
 * Reading a link reuses the import checks of assess-transfer.js, so a link can hold nothing that a
 * file import would refuse.
 */

import * as model from "./model.mjs";
import * as transfer from "./transfer.mjs";
import { UNSAFE_KEYS, isPlainObject } from "./util.mjs";

var has = model.has;

var PREFIX = "r1.";
var MAX_FRAGMENT = 64 * 1024;
var NOT_SURE = 0;
var NOT_APPLICABLE = -1;

/* ---- base64url of UTF-8 -------------------------------------------------------------------- */

function toBase64Url(text) {
  var bytes = new TextEncoder().encode(text);
  var binary = "";
  for (var i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/* Throws on anything that is not base64url of valid UTF-8. */
function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/* ---- Making a link ------------------------------------------------------------------------- */

/* What a link made from this assessment would hold, for telling the person before they copy it. */
function contents(info, assessment) {
  var answered = 0;
  info.criteria.forEach(function (entry, id) {
    if (has(assessment.answers, id) && model.isAllowedAnswer(info, assessment.answers[id])) answered += 1;
  });
  var targets = 0;
  info.dimensions.forEach(function (dimension, id) {
    if (has(assessment.targets, id) && info.levelIndex.has(assessment.targets[id])) targets += 1;
  });
  return {
    name: assessment.name || "",
    authority: assessment.authority || "",
    date: assessment.date || "",
    answers: answered,
    targets: targets,
    criteriaTotal: info.criteriaCount,
  };
}

function payload(info, assessment) {
  var levels = info.framework.levels.map(function (level) {
    return level.id;
  });
  var answers = {};
  info.framework.dimensions.forEach(function (dimension) {
    dimension.criteria.forEach(function (criterion) {
      if (!has(assessment.answers, criterion.id)) return;
      var value = assessment.answers[criterion.id];
      var code =
        value === model.NOT_APPLICABLE
          ? NOT_APPLICABLE
          : value === model.NOT_SURE
            ? NOT_SURE
            : info.levelIndex.get(value);
      if (code === undefined) return;
      var fingerprints = assessment.fingerprints || {};
      var fingerprint = has(fingerprints, criterion.id) ? fingerprints[criterion.id] : criterion.fingerprint;
      answers[criterion.id] = fingerprint ? [code, fingerprint] : [code];
    });
  });
  var targets = {};
  info.framework.dimensions.forEach(function (dimension) {
    var level = has(assessment.targets, dimension.id) ? info.levelIndex.get(assessment.targets[dimension.id]) : undefined;
    if (level) targets[dimension.id] = level;
  });
  var data = { f: info.framework.id, v: info.framework.version, n: assessment.name || "", u: assessment.authority || "" };
  if (assessment.date) data.d = assessment.date;
  data.l = levels;
  data.a = answers;
  data.t = targets;
  return data;
}

/* The fragment (without "#") for an assessment's results. */
function encode(info, assessment) {
  return PREFIX + toBase64Url(JSON.stringify(payload(info, assessment)));
}

/* A full address: the shared-results page's address with the results as its fragment. */
function link(pageAddress, info, assessment) {
  return String(pageAddress).split("#")[0] + "#" + encode(info, assessment);
}

/* ---- Reading a link ------------------------------------------------------------------------ */

var CORRUPT =
  "This link is incomplete or has been changed, so its results cannot be shown. Ask the person who sent it for the link again, and copy all of it.";

function fail(kind, message, extra) {
  var result = { ok: false, kind: kind, message: message };
  Object.keys(extra || {}).forEach(function (key) {
    result[key] = extra[key];
  });
  return result;
}

/* Turns the fragment back into its JSON data, or says why it cannot. */
function decode(fragment) {
  var text = String(fragment || "").replace(/^#/, "");
  if (!text) return fail("empty", "This link has no results in it.");
  if (text.length > MAX_FRAGMENT) return fail("corrupt", CORRUPT);
  if (text.indexOf(PREFIX) !== 0) return fail("corrupt", CORRUPT);
  var data;
  try {
    data = JSON.parse(fromBase64Url(text.slice(PREFIX.length)));
  } catch (error) {
    return fail("corrupt", CORRUPT);
  }
  if (
    !isPlainObject(data) ||
    typeof data.f !== "string" ||
    typeof data.v !== "string" ||
    !Array.isArray(data.l) ||
    !data.l.every(function (id) {
      return typeof id === "string";
    }) ||
    !isPlainObject(data.a) ||
    (data.t !== undefined && !isPlainObject(data.t))
  ) {
    return fail("corrupt", CORRUPT);
  }
  return { ok: true, data: data };
}


/* The link's data as an assessment record of the version it was made with:
 * {frameworkId, frameworkVersion, name, authority, date, answers, targets, notes, fingerprints}.
 * Returns null when an answer or target is not a level of the link's own level list. */
function record(data) {
  var answers = {};
  var fingerprints = {};
  var targets = {};
  var levelId = function (code) {
    return typeof code === "number" && code >= 1 && code <= data.l.length && Math.floor(code) === code ? data.l[code - 1] : null;
  };
  var ok = Object.keys(data.a).every(function (id) {
    if (UNSAFE_KEYS.indexOf(id) >= 0) return true;
    var entry = data.a[id];
    if (!Array.isArray(entry) || entry.length < 1 || entry.length > 2) return false;
    var code = entry[0];
    var value = code === NOT_SURE ? model.NOT_SURE : code === NOT_APPLICABLE ? model.NOT_APPLICABLE : levelId(code);
    if (!value) return false;
    answers[id] = value;
    if (typeof entry[1] === "string") fingerprints[id] = entry[1];
    return true;
  });
  ok =
    ok &&
    Object.keys(data.t || {}).every(function (id) {
      if (UNSAFE_KEYS.indexOf(id) >= 0) return true;
      var value = levelId(data.t[id]);
      if (value) targets[id] = value;
      return Boolean(value);
    });
  if (!ok) return null;
  return {
    frameworkId: data.f,
    frameworkVersion: data.v,
    name: typeof data.n === "string" ? data.n : "",
    authority: typeof data.u === "string" ? data.u : "",
    date: typeof data.d === "string" ? data.d : "",
    answers: answers,
    targets: targets,
    notes: {},
    fingerprints: fingerprints,
  };
}

/* The words a migration report uses for its lists, whichever of these names it gives them. */
var REPORT_LISTS = {
  carried: ["carried", "kept", "unchanged"],
  moved: ["moved", "mapped", "renamed"],
  review: ["review", "flagged", "reworded", "check"],
  notCarried: ["notCarried", "dropped", "unmapped", "lost"],
};

function countOf(value) {
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return typeof value === "number" ? value : 0;
}

/* {carried, moved, review, notCarried} counts from a migration report of any reasonable shape. */
function migrationCounts(report) {
  var counts = { carried: 0, moved: 0, review: 0, notCarried: 0 };
  if (!isPlainObject(report)) return counts;
  Object.keys(REPORT_LISTS).forEach(function (key) {
    REPORT_LISTS[key].some(function (name) {
      if (has(report, name)) {
        counts[key] = countOf(report[name]);
        return true;
      }
      return false;
    });
  });
  return counts;
}

/* Maps an assessment record made with another version of this framework onto this one, with
 * the migration module (migrate.mjs) when given. Returns {record, migrated: bool, report, counts, error}. */
function migrateRecord(info, source, migrate) {
  var migrator = migrate;
  if (!migrator || typeof migrator.migrateAssessment !== "function") {
    return { record: source, migrated: false, report: null, counts: null, error: null };
  }
  try {
    var out = migrator.migrateAssessment(JSON.parse(JSON.stringify(source)), info.framework);
    if (!isPlainObject(out)) throw new Error("The migration gave no result.");
    if (out.status === "refused" || out.ok === false) {
      var why =
        (isPlainObject(out.report) && out.report.refusedReason) ||
        out.error ||
        (Array.isArray(out.errors) && out.errors[0]) ||
        out.message ||
        "";
      return { record: source, migrated: false, report: null, counts: null, error: String(why || "It could not be carried over.") };
    }
    var migrated = out.assessment || out.record || null;
    if (!isPlainObject(migrated) && isPlainObject(out.answers)) migrated = out;
    if (!isPlainObject(migrated)) throw new Error("The migration gave no assessment.");
    var report = out.report || out;
    return { record: migrated, migrated: true, report: report, counts: migrationCounts(report), error: null };
  } catch (error) {
    return { record: source, migrated: false, report: null, counts: null, error: null };
  }
}

/* Checks an assessment record against this framework with the import checks of the form, as if
 * it had been exported to a file. Returns parseImport's result. */
function check(info, source) {
  var file = {
    format: transfer.FORMAT,
    formatVersion: 1,
    framework: { id: info.framework.id, version: info.framework.version },
    assessment: {
      name: source.name,
      authority: source.authority,
      date: source.date,
      answers: source.answers,
      targets: source.targets,
      notes: {},
    },
  };
  var text = JSON.stringify(file);
  return transfer.parseImport(info, text, text.length);
}

/* Reads a fragment for this framework. Returns
 *   {ok: false, kind: "empty"|"corrupt"|"foreign"|"refused", message}
 * or {ok: true, assessment, otherVersion (the link's version when it differs, else ""),
 *     migrated, counts, notShown (ids of answers this version has no criterion for), answerCount}. */
function read(info, fragment, migrate) {
  var decoded = decode(fragment);
  if (!decoded.ok) return decoded;
  var data = decoded.data;
  if (data.f !== info.framework.id) {
    return fail(
      "foreign",
      "This link holds results for another framework (\u201c" +
        data.f.slice(0, 80) +
        "\u201d), so this site cannot show them. Open the link on the site of that framework.",
      { frameworkId: data.f }
    );
  }
  var source = record(data);
  if (!source) return fail("corrupt", CORRUPT);
  var otherVersion = data.v !== info.framework.version ? data.v : "";
  /** @type {any} */
  var migration = { record: source, migrated: false, counts: null, error: null, report: null };
  if (otherVersion) {
    migration = migrateRecord(info, source, migrate);
    if (migration.error) return fail("refused", migration.error, { version: otherVersion });
  }
  var checked = check(info, migration.record);
  if (!checked.ok) return fail("corrupt", CORRUPT);
  var assessment = checked.assessment;
  assessment.frameworkVersion = otherVersion || info.framework.version;
  return {
    ok: true,
    assessment: assessment,
    otherVersion: otherVersion,
    migrated: migration.migrated,
    report: migration.report,
    counts: migration.counts,
    notShown: Object.keys(migration.record.answers || {}).filter(function (id) {
      return !info.criteria.has(id);
    }),
    answerCount: checked.answerCount,
  };
}


export { PREFIX, contents, payload, encode, link, decode, record, migrationCounts, migrateRecord, read, toBase64Url, fromBase64Url };
