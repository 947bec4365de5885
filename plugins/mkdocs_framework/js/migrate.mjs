/* Self-assessment: carrying answers made with an earlier version of the framework forward to the
 * version this site uses. Pure: no DOM, no storage, and the record passed in is never changed.
 *
 *   migrateAssessment(record, framework) -> {status, assessment, report}
 *
 * status is "current" (same version, nothing to do), "migrated" (something was carried, moved,
 * flagged or set aside; the report says what) or "refused" (another framework, a newer version or
 * an unreadable version: assessment is null and the record must be left exactly as it is).
 *
 * The framework's history (see data.py) lists, oldest first, how each version's ids map into the
 * next: renamed {old: new}, merged {new: [olds]}, split {old: [news]}, removed [ids] and
 * levels {old: new}. Criteria and dimensions share one namespace of ids, so the same maps move
 * answers (keyed by criterion) and targets and notes (keyed by dimension).
 *
 * Nothing is silently lost or changed:
 *  - answers whose criterion has the same fingerprint (title and descriptors) are carried as they are;
 *  - a criterion whose fingerprint changed is flagged "reworded" (adding a level changes every
 *    criterion's descriptors, so it flags every answer: the ladder the answer was chosen on changed);
 *  - merged answers keep the lowest level and are flagged "merged", with every original value in
 *    the report; split answers are copied to each new criterion and flagged "split";
 *  - answers to removed or unknown criteria, and values that are no longer levels, go to
 *    notCarried, which stays inside the assessment so exports still hold them;
 *  - an answer from an older version with no recorded fingerprint is flagged "unverified".
 * The assessment keeps a list of the migrations made to it, each with its report.
 */

import * as model from "./model.mjs";
import { UNSAFE_KEYS, isPlainObject } from "./util.mjs";


var REASONS = {
  reworded: "Check this answer: the wording changed.",
  merged: "Check this answer: it comes from questions that have been combined into this one.",
  split: "Check this answer: it was copied from a question that has been divided into several.",
  unverified: "Check this answer: the wording may have changed since you answered.",
};
var NOT_CARRIED_REASONS = {
  removed: "the question was removed from the framework",
  unknown: "this version of the framework has no question with this id",
  level: "the answer is not one of this version's levels",
};
var MAX_NOT_CARRIED = 2000;

function own(object, key) {
  return isPlainObject(object) && UNSAFE_KEYS.indexOf(key) < 0 && Object.prototype.hasOwnProperty.call(object, key);
}

function keysOf(object) {
  return isPlainObject(object)
    ? Object.keys(object).filter(function (key) {
        return UNSAFE_KEYS.indexOf(key) < 0;
      })
    : [];
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/* "1.10.2" -> [1, 10, 2]; null when the text is not a version. */
function parseVersion(text) {
  if (typeof text !== "string" || !/^[0-9]+(\.[0-9]+){0,3}$/.test(text)) return null;
  return text.split(".").map(Number);
}

/* Negative, zero or positive, as a is older than, the same as or newer than b. */
function compareVersions(a, b) {
  var x = parseVersion(a);
  var y = parseVersion(b);
  if (!x || !y) throw new Error("Not a version: " + (x ? b : a));
  for (var i = 0; i < Math.max(x.length, y.length); i += 1) {
    var d = (x[i] || 0) - (y[i] || 0);
    if (d) return d;
  }
  return 0;
}

function currentIndex(framework) {
  var criteria = new Map();
  var dimensions = new Map();
  framework.dimensions.forEach(function (dimension) {
    dimensions.set(dimension.id, dimension);
    dimension.criteria.forEach(function (criterion) {
      criteria.set(criterion.id, criterion);
    });
  });
  var levels = new Map();
  framework.levels.forEach(function (level, i) {
    levels.set(level.id, i + 1);
  });
  return { criteria: criteria, dimensions: dimensions, levels: levels };
}

/* The history entries that lead from `version` to the framework's own version. An older version
 * the history does not list starts at the first entry after it (its ids are assumed to be those
 * of that entry's version; the report says so with `undeclared`). */
function chainFrom(version, framework) {
  var history = Array.isArray(framework.history) ? framework.history : [];
  var start = history.length;
  for (var i = 0; i < history.length; i += 1) {
    if (parseVersion(history[i].version) && compareVersions(history[i].version, version) >= 0) {
      start = i;
      break;
    }
  }
  return {
    steps: history.slice(start),
    declared: history.some(function (entry) {
      return entry.version === version;
    }),
  };
}

/* The lowest level among the values, else "not sure", else "not applicable". */
function lowest(values, levels) {
  var best = null;
  values.forEach(function (value) {
    if (levels.has(value) && (best === null || levels.get(value) < levels.get(best))) best = value;
  });
  if (best !== null) return best;
  if (values.indexOf(model.NOT_SURE) >= 0) return model.NOT_SURE;
  if (values.indexOf(model.NOT_APPLICABLE) >= 0) return model.NOT_APPLICABLE;
  return values[0];
}

/* One version step applied to a Map id -> item, where an item is
 * {value, origins: [{id, value}], fingerprint, reason, kind}. Returns the new Map; items whose
 * id was removed are pushed to `removed`. */
function step(items, entry, levels, removed) {
  var renamed = isPlainObject(entry.renamed) ? entry.renamed : {};
  var mergedInto = new Map();
  keysOf(entry.merged).forEach(function (target) {
    (Array.isArray(entry.merged[target]) ? entry.merged[target] : []).forEach(function (source) {
      mergedInto.set(source, target);
    });
  });
  var split = isPlainObject(entry.split) ? entry.split : {};
  var gone = Array.isArray(entry.removed) ? entry.removed : [];
  var levelMap = isPlainObject(entry.levels) ? entry.levels : {};
  var out = new Map();

  function put(id, item, reason) {
    var next = Object.assign({}, item, { reason: reason || item.reason });
    if (next.kind === "answer" && typeof next.value === "string" && own(levelMap, next.value)) {
      next.value = levelMap[next.value];
    } else if (next.kind === "target" && typeof next.value === "string" && own(levelMap, next.value)) {
      next.value = levelMap[next.value];
    }
    var key = next.kind + ":" + id;
    if (!out.has(key)) {
      out.set(key, Object.assign(next, { id: id }));
      return;
    }
    out.set(key, combine(out.get(key), next, id, levels));
  }

  items.forEach(function (item) {
    var id = item.id;
    if (own(renamed, id)) put(renamed[id], item, null);
    else if (mergedInto.has(id)) put(mergedInto.get(id), item, "merged");
    else if (own(split, id) && Array.isArray(split[id])) {
      split[id].forEach(function (target) {
        put(target, clone(item), "split");
      });
    } else if (gone.indexOf(id) >= 0) removed.push(Object.assign({}, item, { reason: "removed", version: entry.version }));
    else put(id, item, null);
  });
  return out;
}

/* Two items that arrive at the same id: keep the lower level (or join the notes) and flag it. */
function combine(a, b, id, levels) {
  var value;
  if (a.kind === "notes" || a.kind === "plan") {
    value = {};
    keysOf(a.value).concat(keysOf(b.value)).forEach(function (kind) {
      value[kind] = [a.value[kind], b.value[kind]]
        .filter(function (text) {
          return typeof text === "string" && text;
        })
        .join("\n\n");
    });
  } else value = lowest([a.value, b.value], levels);
  return {
    id: id,
    kind: a.kind,
    value: value,
    origins: a.origins.concat(b.origins),
    fingerprint: a.fingerprint,
    reason: "merged",
  };
}

function refusal(code, reason) {
  return {
    status: "refused",
    assessment: null,
    report: {
      fromVersion: null,
      toVersion: null,
      carried: [],
      moved: [],
      review: [],
      notCarried: [],
      refused: code,
      refusedReason: reason,
    },
  };
}

function quote(text) {
  var shown = String(text);
  return "\u201c" + (shown.length > 60 ? shown.slice(0, 60) + "\u2026" : shown) + "\u201d";
}

/* Refuses what this site cannot read safely, with an explanation a person can act on. */
function refuse(record, framework) {
  var leftAlone = " They have been left exactly as they are.";
  if (!isPlainObject(record)) return refusal("unreadable", "The answers could not be read." + leftAlone);
  if (record.frameworkId !== undefined && record.frameworkId !== framework.id) {
    return refusal(
      "foreign",
      "These answers were made with a different framework (" +
        quote(typeof record.frameworkId === "string" ? record.frameworkId : "unknown") +
        "). This site can only use answers made with the " +
        (framework.shortTitle || framework.title) +
        "." +
        leftAlone
    );
  }
  var version = record.frameworkVersion;
  if (version === undefined || version === framework.version) return null;
  if (!parseVersion(version) || !parseVersion(framework.version)) {
    return refusal(
      "unreadable",
      "These answers say they were made with version " + quote(version) + " of the framework, which this site does not recognise." + leftAlone
    );
  }
  if (compareVersions(version, framework.version) > 0) {
    return refusal(
      "newer",
      "These answers were made with version " +
        version +
        " of the framework, which is newer than the version this site uses (" +
        framework.version +
        "). This site cannot open them without risking changing them." +
        leftAlone +
        " Open them on the site for version " +
        version +
        ", or ask whoever publishes this site to update it."
    );
  }
  return null;
}

function itemsOf(record) {
  var items = [];
  var fingerprints = isPlainObject(record.fingerprints) ? record.fingerprints : {};
  var review = isPlainObject(record.review) ? record.review : {};
  keysOf(record.answers).forEach(function (id) {
    items.push({
      kind: "answer",
      id: id,
      value: record.answers[id],
      origins: [{ id: id, value: record.answers[id] }],
      fingerprint: own(fingerprints, id) && typeof fingerprints[id] === "string" ? fingerprints[id] : null,
      reason: own(review, id) && own(REASONS, review[id]) ? review[id] : null,
    });
  });
  keysOf(record.targets).forEach(function (id) {
    items.push({ kind: "target", id: id, value: record.targets[id], origins: [{ id: id, value: record.targets[id] }] });
  });
  keysOf(record.notes).forEach(function (id) {
    items.push({ kind: "notes", id: id, value: clone(record.notes[id]), origins: [{ id: id }] });
  });
  keysOf(record.plan).forEach(function (id) {
    items.push({ kind: "plan", id: id, value: clone(record.plan[id]), origins: [{ id: id }] });
  });
  return items;
}

/* Migrates one assessment record (as saved on the device, or the assessment of an export with
 * frameworkId and frameworkVersion set from the file). */
function migrateAssessment(record, framework) {
  var refused = refuse(record, framework);
  if (refused) return refused;
  var fromVersion = typeof record.frameworkVersion === "string" ? record.frameworkVersion : framework.version;
  var older = fromVersion !== framework.version;
  var index = currentIndex(framework);
  var chain = older ? chainFrom(fromVersion, framework) : { steps: [], declared: true };

  var notCarried = [];
  var items = new Map();
  itemsOf(record).forEach(function (item) {
    items.set(item.kind + ":" + item.id, item);
  });
  chain.steps.forEach(function (entry) {
    items = step(items, entry, index.levels, notCarried);
  });

  var report = {
    fromVersion: fromVersion,
    toVersion: framework.version,
    undeclared: older && !chain.declared,
    carried: [],
    moved: [],
    review: [],
    notCarried: [],
    refused: null,
    refusedReason: null,
  };
  var result = clone(record);
  result.frameworkId = framework.id;
  result.frameworkVersion = framework.version;
  result.answers = {};
  result.targets = {};
  result.notes = {};
  if (record.plan !== undefined) result.plan = {};
  result.fingerprints = {};
  result.review = {};
  var previousReview = isPlainObject(record.review) ? record.review : {};

  items.forEach(function (item) {
    var movedFrom = item.origins
      .map(function (origin) {
        return origin.id;
      })
      .filter(function (id) {
        return id !== item.id;
      });
    movedFrom.forEach(function (from) {
      report.moved.push({ kind: item.kind, from: from, to: item.id });
    });
    if (item.kind === "plan") {
      if (index.criteria.has(item.id)) result.plan[item.id] = item.value;
      else notCarried.push(Object.assign({}, item, { reason: "unknown" }));
      return;
    }
    if (item.kind !== "answer") {
      var known = index.dimensions.has(item.id);
      var valid = item.kind === "notes" || !older || index.levels.has(item.value);
      if (known && valid) (item.kind === "target" ? result.targets : result.notes)[item.id] = item.value;
      else notCarried.push(Object.assign({}, item, { reason: known ? "level" : "unknown" }));
      return;
    }
    var criterion = index.criteria.get(item.id);
    var allowed =
      !older ||
      item.value === model.NOT_APPLICABLE ||
      item.value === model.NOT_SURE ||
      index.levels.has(item.value);
    if (!criterion || !allowed) {
      notCarried.push(Object.assign({}, item, { reason: criterion ? "level" : "unknown" }));
      return;
    }
    result.answers[item.id] = item.value;
    var reason = item.reason;
    if (!reason && item.fingerprint && item.fingerprint !== criterion.fingerprint) reason = "reworded";
    if (!reason && !item.fingerprint && older) reason = "unverified";
    result.fingerprints[item.id] = reason ? item.fingerprint || "" : criterion.fingerprint;
    if (!result.fingerprints[item.id]) delete result.fingerprints[item.id];
    if (reason) {
      result.review[item.id] = reason;
      if (!own(previousReview, item.id) || previousReview[item.id] !== reason || movedFrom.length) {
        var entry = { criterion: item.id, reason: reason };
        if (item.origins.length > 1 || reason === "split") entry.sources = item.origins;
        report.review.push(entry);
      }
    } else if (!movedFrom.length) report.carried.push(item.id);
  });

  notCarried.forEach(function (item) {
    report.notCarried.push({
      kind: item.kind,
      id: item.origins.length === 1 ? item.origins[0].id : item.id,
      value: clone(isPlainObject(item.value) || item.origins.length > 1 ? item.value : item.origins[0].value),
      reason: item.reason,
      version: item.version || (item.reason === "unknown" || item.reason === "level" ? framework.version : fromVersion),
    });
  });
  report.moved = report.moved.filter(function (move) {
    return !report.notCarried.some(function (lost) {
      return lost.kind === move.kind && lost.id === move.from;
    });
  });

  var kept = Array.isArray(record.notCarried) ? clone(record.notCarried) : [];
  result.notCarried = kept.concat(report.notCarried).slice(0, MAX_NOT_CARRIED);
  if (!result.notCarried.length) delete result.notCarried;
  if (!Object.keys(result.review).length) delete result.review;

  var changed = older || report.review.length > 0 || report.notCarried.length > 0 || report.moved.length > 0;
  if (changed) {
    var migrations = Array.isArray(record.migrations) ? clone(record.migrations) : [];
    migrations.push({ from: fromVersion, to: framework.version, at: new Date().toISOString(), report: report });
    result.migrations = migrations;
  }
  return { status: changed ? "migrated" : "current", assessment: result, report: report };
}


export { REASONS, NOT_CARRIED_REASONS, parseVersion, compareVersions, migrateAssessment };
