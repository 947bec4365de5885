/* Comparing a group of authorities: reading several exported files and working out the heatmap,
 * the spread per dimension and each authority's profile. No DOM here.
 *
 * Files are checked with the form's own import checks (assess-transfer.js) and scored with the
 * form's own scoring (assess-scoring.js), so the comparison always agrees with the form.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as transfer from "./transfer.mjs";
import * as share from "./share.mjs";
import { isPlainObject } from "./util.mjs";


/* The framework id and version a file says it was made with, or null when it cannot be read. */
function peek(text) {
  try {
    var data = JSON.parse(text);
    if (!isPlainObject(data) || !isPlainObject(data.framework)) return null;
    return {
      id: typeof data.framework.id === "string" ? data.framework.id : "",
      version: typeof data.framework.version === "string" ? data.framework.version : "",
      data: data,
    };
  } catch (error) {
    return null;
  }
}

/* Reads one exported file. Returns one of
 *   {status: "broken", name, reason}                    cannot be used; the reason says why
 *   {status: "foreign", name, frameworkId, reason}      made with another framework
 *   {status: "ok", name, assessment, otherVersion ("" when the same), migrated, counts, notCarried}
 * migrate: the migration module (migrate.mjs), or nothing to read files of other versions as they are. */
function readFile(info, name, text, size, migrate) {
  var bytes = typeof size === "number" ? size : text.length;
  if (bytes > transfer.MAX_BYTES) {
    return { status: "broken", name: name, reason: "The file is larger than 1 MB, so it cannot be an export from the self-assessment form." };
  }
  var seen = bytes > 0 ? peek(text) : null;
  if (seen && seen.id && seen.id !== info.framework.id && seen.data.format === transfer.FORMAT) {
    return {
      status: "foreign",
      name: name,
      frameworkId: seen.id,
      reason: "The file is for a different framework (\u201c" + seen.id.slice(0, 80) + "\u201d), so it is not included.",
    };
  }
  var otherVersion = seen && seen.version && seen.version !== info.framework.version ? seen.version : "";
  var migration = null;
  if (otherVersion && isPlainObject(seen.data.assessment)) {
    var source = JSON.parse(JSON.stringify(seen.data.assessment));
    source.frameworkId = info.framework.id;
    source.frameworkVersion = otherVersion;
    migration = share.migrateRecord(info, source, migrate);
    if (migration.error) {
      return { status: "broken", name: name, reason: migration.error };
    }
    if (migration.migrated) {
      var copy = JSON.parse(JSON.stringify(seen.data));
      copy.assessment = migration.record;
      copy.framework.version = info.framework.version;
      text = JSON.stringify(copy);
      bytes = text.length;
    }
  }
  var result = transfer.parseImport(info, text, bytes);
  if (!result.ok) {
    return { status: "broken", name: name, reason: result.errors.map(function (message) {
      return message.replace(/^The selected file/, "The file");
    }).join(" ") };
  }
  var notCarried = [];
  if (otherVersion && !(migration && migration.migrated)) {
    var answers = isPlainObject(seen.data.assessment.answers) ? seen.data.assessment.answers : {};
    notCarried = Object.keys(answers).filter(function (id) {
      return !info.criteria.has(id);
    });
  }
  return {
    status: "ok",
    name: name,
    assessment: result.assessment,
    otherVersion: otherVersion,
    migrated: Boolean(migration && migration.migrated),
    counts: migration ? migration.counts : null,
    notCarried: notCarried,
  };
}

/* "A", "B", ... "Z", "AA", "AB", ... */
function letters(index) {
  var text = "";
  var n = index + 1;
  while (n > 0) {
    var rest = (n - 1) % 26;
    text = String.fromCharCode(65 + rest) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

/* A 32-bit FNV-1a hash, to put authorities in an order that does not follow their names. */
function hash(text) {
  var h = 0x811c9dc5;
  for (var i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function label(entry) {
  var a = entry.assessment;
  return a.authority.trim() || a.name.trim() || entry.name;
}

function median(sorted) {
  if (!sorted.length) return null;
  var middle = Math.floor(sorted.length / 2);
  var value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/* Everything the comparison shows, for entries returned by readFile with status "ok".
 * Authorities get codes (Authority A, B, ...) in an order fixed by their contents, not their
 * names or the order the files were chosen, so hiding names does not give away who is who and
 * the same files always get the same codes. Rows are in code order. */
function compare(info, entries) {
  var keyed = entries.map(function (entry) {
    var a = entry.assessment;
    var key = hash([a.authority, a.name, a.date, entry.name, JSON.stringify(a.answers)].join("\u0000"));
    return { entry: entry, key: key };
  });
  keyed.sort(function (x, y) {
    return x.key - y.key || (x.entry.name < y.entry.name ? -1 : x.entry.name > y.entry.name ? 1 : 0);
  });
  var labels = keyed.map(function (k) {
    return label(k.entry);
  });
  var rows = keyed.map(function (k, i) {
    var a = k.entry.assessment;
    var results = scoring.results(info, a);
    var name = labels[i];
    var duplicate = labels.filter(function (other) {
      return other === name;
    }).length > 1;
    if (duplicate) {
      var extra = [a.authority.trim() && a.name.trim() !== name ? a.name.trim() : "", a.date].filter(Boolean).join(", ");
      name += " (" + (extra || k.entry.name) + ")";
    }
    return {
      code: "Authority " + letters(i),
      name: name,
      fileName: k.entry.name,
      entry: k.entry,
      assessment: a,
      results: results,
      dimensions: results.dimensions,
    };
  });
  var spread = info.framework.dimensions.map(function (dimension, d) {
    var scores = rows
      .map(function (row) {
        return row.dimensions[d].score;
      })
      .filter(function (score) {
        return score !== null;
      })
      .sort(function (x, y) {
        return x - y;
      });
    var mid = median(scores);
    return {
      dimension: dimension,
      count: scores.length,
      lowest: scores.length ? scores[0] : null,
      median: mid,
      highest: scores.length ? scores[scores.length - 1] : null,
      lowestLevel: scores.length ? Math.floor(scores[0]) : null,
      medianLevel: mid === null ? null : Math.floor(mid),
      highestLevel: scores.length ? Math.floor(scores[scores.length - 1]) : null,
    };
  });
  return { rows: rows, spread: spread };
}

/* The shade (1 to 7) for a level of a scale of n levels, so any number of levels uses the whole
 * range of shades. */
function shade(level, levelCount) {
  if (!level) return 0;
  if (levelCount <= 1) return 7;
  return 1 + Math.round(((level - 1) * 6) / (levelCount - 1));
}

/* True when two files are the same file chosen twice. */
function sameFile(a, b) {
  var fields = function (entry) {
    var x = entry.assessment;
    return JSON.stringify([entry.name, x.name, x.authority, x.date, x.answers, x.targets]);
  };
  return fields(a) === fields(b);
}


export { readFile, compare, letters, median, shade, sameFile };
