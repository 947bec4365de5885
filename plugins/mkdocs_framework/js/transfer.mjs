/* Self-assessment: export to JSON and CSV, and checking a JSON file before it is imported.
 * No DOM here: these functions take and return strings and plain data.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as migrate from "./migrate.mjs";
import { UNSAFE_KEYS, isPlainObject } from "./util.mjs";
import { csvField, csvRows } from "./csv.mjs";

var has = model.has;

var FORMAT = "cif-self-assessment";
var FORMAT_VERSION = 1;
var MAX_BYTES = 1024 * 1024;
var MAX_TEXT = 20000;
var MAX_DETAIL = 300;
var MAX_LISTED = 5;

/* ---- Export ---------------------------------------------------------------------------- */

function exportData(info, assessment, now) {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: (now || new Date()).toISOString(),
    framework: { id: info.framework.id, version: info.framework.version, title: info.framework.title },
    assessment: {
      name: assessment.name,
      authority: assessment.authority,
      date: assessment.date,
      frameworkVersion: assessment.frameworkVersion,
      created: assessment.created,
      updated: assessment.updated,
      answers: assessment.answers,
      targets: assessment.targets,
      notes: assessment.notes,
      plan: assessment.plan || {},
      fingerprints: model.fingerprintsOf(info, assessment),
      review: assessment.review || {},
      notCarried: assessment.notCarried || [],
      migrations: assessment.migrations || [],
    },
  };
}

function exportJson(info, assessment, now) {
  return JSON.stringify(exportData(info, assessment, now), null, 2) + "\n";
}

var CSV_HEADER = [
  "Row",
  "Assessment name",
  "Authority",
  "Assessment date",
  "Framework version",
  "Dimension ID",
  "Dimension",
  "Criterion ID",
  "Criterion",
  "Answer",
  "Level number",
  "Dimension score",
  "Dimension level",
  "Target level",
  "Evidence notes",
  "Children's and families' views",
];

function answerText(info, value) {
  if (value === model.NOT_APPLICABLE) return "Not applicable";
  if (value === model.NOT_SURE) return "Not sure yet";
  return model.levelLabel(info, value);
}

/* One row per criterion (its answer) and one per dimension (score, target, notes), each carrying
 * the assessment's details, so that files from several assessments can be stacked together. */
function exportCsv(info, assessment) {
  var meta = [assessment.name, assessment.authority, assessment.date, info.framework.version];
  var levels = info.framework.levels;
  var rows = [CSV_HEADER];
  info.framework.dimensions.forEach(function (dimension) {
    var result = scoring.scoreDimension(info, assessment, dimension);
    rows.push(
      ["Dimension"].concat(meta, [
        dimension.id,
        dimension.title,
        "",
        "",
        "",
        "",
        scoring.formatScore(result.score),
        result.level ? levels[result.level - 1].label : "",
        result.target ? levels[result.target - 1].label : "",
        model.note(assessment, dimension.id, "evidence"),
        model.note(assessment, dimension.id, "views"),
      ])
    );
    dimension.criteria.forEach(function (criterion) {
      var value = has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : "";
      var number = info.levelIndex.get(value);
      rows.push(
        ["Criterion"].concat(meta, [
          dimension.id,
          dimension.title,
          criterion.id,
          criterion.title,
          answerText(info, value),
          number ? String(number) : "",
          "",
          "",
          "",
          "",
          "",
        ])
      );
    });
  });
  return "\uFEFF" + csvRows(rows) + "\r\n";
}

/* A file name from the assessment's name and date, using only safe characters. */
function fileName(assessment, extension) {
  var slug = (assessment.name || "self-assessment")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  var date = /^\d{4}-\d{2}-\d{2}$/.test(assessment.date) ? "-" + assessment.date : "";
  return (slug || "self-assessment") + date + "." + extension;
}

/* ---- Import ---------------------------------------------------------------------------- */

function quote(text) {
  var shown = String(text);
  return "\u201c" + (shown.length > 60 ? shown.slice(0, 60) + "\u2026" : shown) + "\u201d";
}

function listed(items) {
  var shown = items.slice(0, MAX_LISTED).map(quote).join(", ");
  return items.length > MAX_LISTED ? shown + " and " + (items.length - MAX_LISTED) + " more" : shown;
}

function isValidDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  var d = new Date(text + "T00:00:00Z");
  return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/* Checks an exported file's text. Nothing is changed: the caller decides what to do with
 * {ok: false, errors: [message]} or {ok: true, assessment, warnings: [message], summary}. */
function parseImport(info, text, byteLength) {
  var size = typeof byteLength === "number" ? byteLength : text.length;
  if (size === 0 || !text.trim()) return fail("The selected file is empty.");
  if (size > MAX_BYTES) {
    return fail("The selected file is larger than 1 MB, so it cannot be an export from this form.");
  }
  var dropped = [];
  var data;
  try {
    data = JSON.parse(text, function (key, value) {
      if (UNSAFE_KEYS.indexOf(key) >= 0) {
        dropped.push(key);
        return undefined;
      }
      return value;
    });
  } catch (error) {
    return fail("The selected file is not a JSON export from this form: it could not be read as JSON.");
  }
  if (!isPlainObject(data) || data.format !== FORMAT || !isPlainObject(data.assessment)) {
    return fail("The selected file is not an export from this self-assessment form.");
  }
  if (data.formatVersion !== FORMAT_VERSION) {
    return fail("The selected file was made by a newer version of this form. Use the site it was exported from.");
  }
  var fileFramework = isPlainObject(data.framework) ? data.framework : {};
  if (fileFramework.id !== info.framework.id) {
    return fail(
      "The selected file is for a different framework (" +
        quote(typeof fileFramework.id === "string" ? fileFramework.id : "unknown") +
        "). This form can only import assessments made with the " +
        info.framework.shortTitle +
        "."
    );
  }

  // Answers from an earlier version are first carried forward by the framework's declared
  // history (assess-migrate.js); a newer version is refused, leaving the form as it is.
  var source = data.assessment;
  var fileVersion = typeof fileFramework.version === "string" ? fileFramework.version : "";
  var shapesOk = ["answers", "targets", "notes", "plan"].every(function (field) {
    return !has(source, field) || isPlainObject(source[field]);
  });
  var record = shapesOk ? Object.assign({}, source) : {};
  record.frameworkId = info.framework.id;
  record.frameworkVersion = fileVersion || info.framework.version;
  var migration = migrate.migrateAssessment(record, info.framework);
  if (migration.status === "refused") {
    return fail("The selected file cannot be imported. " + migration.report.refusedReason);
  }
  if (shapesOk) source = migration.assessment;
  var errors = [];
  var warnings = [];
  var assessment = model.blankAssessment(info);

  ["name", "authority", "date"].forEach(function (field) {
    var value = has(source, field) ? source[field] : "";
    if (typeof value !== "string") errors.push("The assessment's " + field + " must be text.");
    else if (value.length > MAX_DETAIL) errors.push("The assessment's " + field + " is too long.");
    else if (field === "date" && value && !isValidDate(value)) {
      errors.push("The assessment's date, " + quote(value) + ", is not a real date in the form YYYY-MM-DD.");
    } else assessment[field] = value;
  });

  var unknownCriteria = [];
  var badAnswers = [];
  var answers = has(source, "answers") ? source.answers : {};
  if (!isPlainObject(answers)) errors.push("The answers in the file are not in the expected form.");
  else {
    Object.keys(answers).forEach(function (id) {
      if (!info.criteria.has(id)) unknownCriteria.push(id);
      else if (typeof answers[id] !== "string" || !model.isAllowedAnswer(info, answers[id])) badAnswers.push(id);
      else assessment.answers[id] = answers[id];
    });
  }
  if (badAnswers.length) {
    errors.push(
      "The answers for " +
        (badAnswers.length === 1 ? "criterion " : "criteria ") +
        listed(badAnswers) +
        " are not levels of this framework, \u201cNot applicable\u201d or \u201cNot sure yet\u201d."
    );
  }

  var unknownDimensions = [];
  var targets = has(source, "targets") ? source.targets : {};
  var badTargets = [];
  if (!isPlainObject(targets)) errors.push("The target levels in the file are not in the expected form.");
  else {
    Object.keys(targets).forEach(function (id) {
      if (!info.dimensions.has(id)) unknownDimensions.push(id);
      else if (typeof targets[id] !== "string" || !info.levelIndex.has(targets[id])) badTargets.push(id);
      else assessment.targets[id] = targets[id];
    });
  }
  if (badTargets.length) {
    errors.push("The target levels for " + listed(badTargets) + " are not levels of this framework.");
  }

  var notes = has(source, "notes") ? source.notes : {};
  var badNotes = [];
  if (!isPlainObject(notes)) errors.push("The notes in the file are not in the expected form.");
  else {
    Object.keys(notes).forEach(function (id) {
      if (!info.dimensions.has(id)) {
        if (unknownDimensions.indexOf(id) < 0) unknownDimensions.push(id);
        return;
      }
      var entry = notes[id];
      var ok =
        isPlainObject(entry) &&
        model.NOTE_KINDS.every(function (kind) {
          return !has(entry, kind) || (typeof entry[kind] === "string" && entry[kind].length <= MAX_TEXT);
        });
      if (!ok) badNotes.push(id);
      else if (entry.evidence || entry.views) {
        assessment.notes[id] = { evidence: entry.evidence || "", views: entry.views || "" };
      }
    });
  }
  if (badNotes.length) {
    errors.push("The notes for " + listed(badNotes) + " must be text of no more than " + MAX_TEXT + " characters.");
  }

  // The action plan: what was written against each item, by criterion id. Older exports have none.
  var plan = has(source, "plan") ? source.plan : {};
  var badPlan = [];
  var unknownPlan = 0;
  if (!isPlainObject(plan)) errors.push("The action plan in the file is not in the expected form.");
  else {
    Object.keys(plan).forEach(function (id) {
      var entry = plan[id];
      var ok =
        isPlainObject(entry) &&
        model.PLAN_FIELDS.every(function (field) {
          return !has(entry, field) || (typeof entry[field] === "string" && entry[field].length <= MAX_TEXT);
        }) &&
        (!entry.due || isValidDate(entry.due));
      if (!ok) badPlan.push(id);
      else if (!info.criteria.has(id)) unknownPlan += 1;
    });
    if (!badPlan.length) {
      var kept = {};
      Object.keys(plan).forEach(function (id) {
        if (info.criteria.has(id)) kept[id] = plan[id];
      });
      assessment.plan = model.restorePlan(kept);
    }
  }
  if (badPlan.length) {
    errors.push(
      "The action plan entries for " +
        listed(badPlan) +
        " must be text of no more than " +
        MAX_TEXT +
        " characters, with due dates in the form YYYY-MM-DD."
    );
  }

  if (errors.length) return { ok: false, errors: errors };

  var versioning = keepVersioning(info, source, assessment);
  migration.report.notCarried.forEach(function (item) {
    if (item.reason !== "unknown") return;
    if (item.kind === "answer") unknownCriteria.push(item.id);
    else if (item.kind === "plan") unknownPlan += 1;
    else if (unknownDimensions.indexOf(item.id) < 0) unknownDimensions.push(item.id);
  });
  if (versioning.unreadable) {
    warnings.push(
      plural(versioning.unreadable, "entry", "entries") +
        " kept from earlier versions of the framework could not be read, so " +
        (versioning.unreadable === 1 ? "it" : "they") +
        " will not be imported."
    );
  }

  if (unknownPlan) {
    warnings.push(
      plural(unknownPlan, "action plan entry is", "action plan entries are") +
        " for criteria that this version of the framework does not have. " +
        (unknownPlan === 1 ? "It is" : "They are") +
        " kept with the assessment and in exports."
    );
  }

  if (unknownCriteria.length) {
    warnings.push(
      unknownCriteria.length +
        (unknownCriteria.length === 1 ? " answer is" : " answers are") +
        " for criteria that this version of the framework does not have, so " +
        (unknownCriteria.length === 1 ? "it is" : "they are") +
        " not scored, but kept with the assessment and in exports: " +
        listed(unknownCriteria) +
        "."
    );
  }
  if (unknownDimensions.length) {
    warnings.push(
      "Targets or notes for dimensions that this version of the framework does not have are not used, but kept with the assessment and in exports: " +
        listed(unknownDimensions) +
        "."
    );
  }
  if (dropped.length) {
    warnings.push(
      "The file contained entries that are not allowed (" + listed(dropped) + "). They were ignored for safety."
    );
  }
  if (fileVersion && fileVersion !== info.framework.version) {
    warnings.push(
      "The file was made with version " +
        fileVersion +
        " of the framework. This site uses version " +
        info.framework.version +
        ", so the answers will be carried over using the changes published with it" +
        migrationSummary(migration.report) +
        "."
    );
  }
  if (typeof source.created === "string" && !isNaN(Date.parse(source.created))) assessment.created = source.created;
  return {
    ok: true,
    assessment: assessment,
    warnings: warnings,
    answerCount: Object.keys(assessment.answers).length,
    migration: migration.status === "migrated" ? migration.report : null,
  };
}

function migrationSummary(report) {
  var parts = [];
  if (report.carried.length) parts.push(plural(report.carried.length, "answer", "answers") + " unchanged");
  var moved = report.moved.filter(function (move) {
    return move.kind === "answer";
  }).length;
  if (moved) parts.push(plural(moved, "answer", "answers") + " moved to new questions");
  if (report.review.length) {
    parts.push(plural(report.review.length, "answer", "answers") + " to check");
  }
  var lost = report.notCarried.length;
  if (lost) parts.push(plural(lost, "entry", "entries") + " that cannot be carried over, kept in exports");
  return parts.length ? ": " + parts.join(", ") : "";
}

var NOT_CARRIED_KINDS = ["answer", "target", "notes", "plan"];

function isShortText(value, limit) {
  return typeof value === "string" && value.length <= (limit || MAX_DETAIL);
}

/* One entry of notCarried from a file, checked: text only, of bounded size. */
function cleanNotCarried(entry) {
  if (!isPlainObject(entry) || NOT_CARRIED_KINDS.indexOf(entry.kind) < 0 || !isShortText(entry.id)) return null;
  var value = entry.value;
  if (isPlainObject(value)) {
    var clean = {};
    var ok = Object.keys(value).every(function (key) {
      clean[key] = value[key];
      return UNSAFE_KEYS.indexOf(key) < 0 && key.length <= 40 && isShortText(value[key], MAX_TEXT);
    });
    if (!ok) return null;
    value = clean;
  } else if (!isShortText(value)) return null;
  return {
    kind: entry.kind,
    id: entry.id,
    value: value,
    reason: isShortText(entry.reason) ? entry.reason : "unknown",
    version: isShortText(entry.version) ? entry.version : "",
  };
}

/* Copies what migration keeps with an assessment (fingerprints, answers to check, answers not
 * carried over, migrations made) from the checked file into the imported assessment. Returns
 * how many entries could not be read. */
function keepVersioning(info, source, assessment) {
  var unreadable = 0;
  var fingerprints = isPlainObject(source.fingerprints) ? source.fingerprints : {};
  var review = isPlainObject(source.review) ? source.review : {};
  assessment.fingerprints = {};
  Object.keys(assessment.answers).forEach(function (id) {
    if (has(fingerprints, id) && isShortText(fingerprints[id], 64)) assessment.fingerprints[id] = fingerprints[id];
    if (has(review, id) && has(migrate.REASONS, review[id])) {
      assessment.review = assessment.review || {};
      assessment.review[id] = review[id];
    }
  });
  assessment.fingerprints = model.fingerprintsOf(info, assessment);
  var notCarried = (Array.isArray(source.notCarried) ? source.notCarried : []).slice(0, 2000);
  var cleaned = [];
  notCarried.forEach(function (entry) {
    var clean = cleanNotCarried(entry);
    if (clean) cleaned.push(clean);
    else unreadable += 1;
  });
  if (cleaned.length) assessment.notCarried = cleaned;
  var migrations = (Array.isArray(source.migrations) ? source.migrations : []).filter(function (entry) {
    return isPlainObject(entry) && isShortText(entry.from) && isShortText(entry.to) && isShortText(entry.at);
  });
  if (migrations.length) {
    assessment.migrations = migrations.slice(-50).map(function (entry) {
      return isPlainObject(entry.report) && entry === migrations[migrations.length - 1]
        ? { from: entry.from, to: entry.to, at: entry.at, report: entry.report }
        : { from: entry.from, to: entry.to, at: entry.at };
    });
  }
  return { unreadable: unreadable };
}

var plural = model.plural;

function fail(message) {
  return { ok: false, errors: [message] };
}


export { FORMAT, MAX_BYTES, exportData, exportJson, exportCsv, csvField, fileName, parseImport };
