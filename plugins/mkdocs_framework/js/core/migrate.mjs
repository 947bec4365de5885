/* Self-assessment: carrying answers made with an earlier version of the framework forward to the
 * version this site uses. Pure: no DOM, no storage, and the record passed in is never changed.
 *
 *   migrateAssessment(record, framework) -> {status, assessment, report}
 *
 * status is "current" (same version, nothing to do), "migrated" (something was carried, moved,
 * flagged or set aside; the report says what) or "refused" (another framework, a newer version or
 * an unreadable version: assessment is null and the record must be left exactly as it is).
 *
 * The version history is resolved by the site's build (lineage.py), not here: framework.lineage
 * holds the version format, every known version (oldest first, ending with this one) and, for each
 * earlier version, where each of its ids leads now ({to: [{id, how}], removedAfter}) and its level
 * ids renamed since. This module only applies that map. Criteria and dimensions share one
 * namespace of ids, so the same map moves answers (keyed by criterion) and targets and notes
 * (keyed by dimension).
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

import { MAX_TEXT, NOT_APPLICABLE, NOT_CARRIED_REASONS, NOT_SURE, REASONS } from "./fields.mjs";
import { isPlainObject, isSafeKey, own, quote } from "./util.mjs";

/** @typedef {"same" | "renamed" | "merged" | "split"} How */
/** @typedef {{to: {id: string, how: How}[], removedAfter: string | null}} Fate */
/** @typedef {{ids: Record<string, Fate>, levels: Record<string, string>}} Route */
/** @typedef {{versionPattern: string, versions: string[], from: Record<string, Route>}} Lineage */
/** @typedef {"answer" | "target" | "notes" | "plan"} Kind */
/** @typedef {{status: "current" | "migrated" | "refused", assessment: any, report: any}} Migration */
/**
 * What a migration did (see the top of this file).
 * @typedef {object} Report
 * @property {string} fromVersion
 * @property {string} toVersion
 * @property {boolean} undeclared  the version it came from is not in the framework's history
 * @property {string[]} carried  answers carried as they were
 * @property {{kind: Kind, from: string, to: string}[]} moved
 * @property {{criterion: string, reason: string, sources?: Item["origins"]}[]} review  answers to check
 * @property {{kind: Kind, id: string, value: any, reason: string, version: string}[]} notCarried
 * @property {string[]} actionsKept  criteria whose plan entries became the team's own actions
 * @property {null} refused
 * @property {null} refusedReason
 */
/**
 * One thing saved in an assessment, on its way to this version.
 * @typedef {object} Item
 * @property {Kind} kind
 * @property {string} id
 * @property {any} value
 * @property {{id: string, value?: any}[]} origins  where it came from, with the values given there
 * @property {string | null} [fingerprint]
 * @property {string | null} [reason]  why the answer needs checking (a key of REASONS)
 * @property {string} [version]  for removed items: the version after which the id was removed
 * @property {Item[]} [overflow]  notes or plan text merged here that did not fit, set aside
 * @property {{id: string, value: any}[]} [originals]  plan entries: each entry as written, before merging
 * @property {boolean} [decided]  plan entries: merging chose between different values of a field
 *   (priority, status or due date), so the originals are kept aside whole
 */

/* Why an answer needs checking, and why an entry could not be carried: declared with the
 * assessment's fields (fields.mjs), re-exported here for the pages that word them. */
export { NOT_CARRIED_REASONS, REASONS };
/* Reasons for which an entry is only kept aside: it never becomes an action of the team's own. */
const ASIDE_ONLY = ["long", "merged", "date", "choice"];
const LEFT_ALONE = " They have been left exactly as they are.";

/** @param {unknown} object @returns {string[]} */
const keysOf = (object) => (isPlainObject(object) ? Object.keys(object).filter(isSafeKey) : []);

/** @template T @param {T} value @returns {T} */
const clone = (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** Negative, zero or positive, as a is older than, the same as or newer than b: dotted numbers,
 * compared number by number (1.10 is after 1.9; 2.0 is 2.0.0). Check the format first.
 * @param {string} a @param {string} b */
export function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const difference = (x[i] || 0) - (y[i] || 0);
    if (difference) return difference;
  }
  return 0;
}

/** The lineage the page data carries; a framework without one has no history.
 * @param {any} framework @returns {Lineage} */
function lineageOf(framework) {
  const lineage = isPlainObject(framework.lineage) ? framework.lineage : {};
  return {
    versionPattern: typeof lineage.versionPattern === "string" ? lineage.versionPattern : "^[0-9]+(\\.[0-9]+)+$",
    versions: Array.isArray(lineage.versions) ? lineage.versions : [framework.version],
    from: isPlainObject(lineage.from) ? lineage.from : {},
  };
}

/** How answers made with an older version reach this one: that version's route when the history
 * declares it, else the route of the first declared version after it (its ids are taken to be that
 * version's), else none (ids are matched as they are).
 * @param {string} version @param {Lineage} lineage @returns {Route | null} */
function routeFrom(version, lineage) {
  const start = lineage.versions.find((known) => own(lineage.from, known) && compareVersions(known, version) >= 0);
  return start === undefined ? null : lineage.from[start];
}

/** @param {string} code @param {string} reason @returns {Migration} */
function refusal(code, reason) {
  const report = { fromVersion: null, toVersion: null, carried: [], moved: [], review: [], notCarried: [] };
  return { status: "refused", assessment: null, report: { ...report, refused: code, refusedReason: reason } };
}

/** Refuses what this site cannot read safely, with an explanation a person can act on.
 * @param {any} record @param {any} framework @returns {Migration | null} */
function refuse(record, framework) {
  if (!isPlainObject(record)) return refusal("unreadable", "The answers could not be read." + LEFT_ALONE);
  if (record.frameworkId !== undefined && record.frameworkId !== framework.id) {
    const theirs = quote(typeof record.frameworkId === "string" ? record.frameworkId : "unknown");
    return refusal(
      "foreign",
      `These answers were made with a different framework (${theirs}). This site can only use answers made ` +
        `with the ${framework.shortTitle || framework.title}.${LEFT_ALONE}`
    );
  }
  const version = record.frameworkVersion;
  if (version === undefined || version === framework.version) return null;
  const format = new RegExp(lineageOf(framework).versionPattern);
  if (typeof version !== "string" || !format.test(version) || !format.test(framework.version)) {
    return refusal(
      "unreadable",
      `These answers say they were made with version ${quote(version)} of the framework, which this site does ` +
        `not recognise.${LEFT_ALONE}`
    );
  }
  if (compareVersions(version, framework.version) > 0) {
    return refusal(
      "newer",
      `These answers were made with version ${version} of the framework, which is newer than the version ` +
        `this site uses (${framework.version}). This site cannot open them without risking changing them.` +
        `${LEFT_ALONE} Open them on the site for version ${version}, or ask whoever publishes this site to update it.`
    );
  }
  return null;
}

/** The lowest level among the values, else "not sure", else "not applicable".
 * @param {any[]} values @param {Map<string, number>} levels */
function lowest(values, levels) {
  let best = null;
  for (const value of values) {
    if (levels.has(value) && (best === null || Number(levels.get(value)) < Number(levels.get(best)))) best = value;
  }
  if (best !== null) return best;
  if (values.includes(NOT_SURE)) return NOT_SURE;
  if (values.includes(NOT_APPLICABLE)) return NOT_APPLICABLE;
  return values[0];
}

/* How merging chooses between two different values of a plan entry's choice fields: the higher
 * priority and the less finished status (no status is "not started"); values this form does not
 * offer rank below every value it does. */
const PRIORITY_RANK = ["low", "medium", "high"];
const STATUS_RANK = ["done", "in-progress", "not-started"];

/** The value that ranks higher in `ranks` (a later place), the first on a tie.
 * @param {string[]} ranks @param {string} x @param {string} y */
function higher(ranks, x, y) {
  return ranks.indexOf(y) > ranks.indexOf(x) ? y : x;
}

/** One field of two entries merged: text joined (once when the same), and for the choice fields
 * one value by the rule above; chose says a rule picked one of two different values.
 * @param {string} field @param {string} x @param {string} y @returns {{value: string, chose: boolean}} */
function mergeField(field, x, y) {
  if (field === "status") {
    const [p, q] = [x || "not-started", y || "not-started"];
    if (p === q) return { value: x || y, chose: false };
    return { value: higher(STATUS_RANK, p, q), chose: true };
  }
  if (!x || !y || x === y) return { value: x || y, chose: false };
  if (field === "due") return { value: x < y ? x : y, chose: true }; // YYYY-MM-DD sorts as text
  if (field === "priority") return { value: higher(PRIORITY_RANK, x, y), chose: true };
  return { value: `${x}\n\n${y}`, chose: false };
}

/** Two items that arrive at the same id: keep the lower level (or merge the notes or plan entries
 * field by field, see mergeField) and flag it. Joined text never passes the limit of a field: when
 * it would, the second item is set aside whole (in overflow, for notCarried) and exports keep it.
 * When a plan entry's field had to be chosen, the entries as written are kept aside too.
 * @param {Item} a @param {Item} b @param {Map<string, number>} levels @returns {Item} */
function combine(a, b, levels) {
  const merged = { ...a, origins: [...a.origins, ...b.origins], reason: "merged", overflow: a.overflow || [] };
  if (a.kind !== "notes" && a.kind !== "plan") return { ...merged, value: lowest([a.value, b.value], levels) };
  /** @type {Record<string, string>} */
  const value = {};
  let decided = Boolean(a.decided || b.decided);
  for (const field of new Set([...keysOf(a.value), ...keysOf(b.value)])) {
    const [x, y] = [a.value, b.value].map((entry) => (own(entry, field) && typeof entry[field] === "string" ? entry[field] : ""));
    const { value: text, chose } = mergeField(a.kind === "plan" ? field : "", x, y);
    if (text.length > MAX_TEXT) return { ...merged, overflow: [...merged.overflow, b] };
    value[field] = text;
    decided = decided || chose;
  }
  return { ...merged, value, decided, originals: [...(a.originals || []), ...(b.originals || [])] };
}

/** The plan entries merged into item, each as it was written, kept aside (once each) because
 * merging had to choose between their values. @param {Item} item @param {Item[]} lost */
function keepOriginals(item, lost) {
  const seen = new Set(lost.map((other) => JSON.stringify([other.origins[0].id, other.value])));
  for (const original of item.originals || []) {
    const key = JSON.stringify([original.id, original.value]);
    if (seen.has(key)) continue;
    seen.add(key);
    lost.push({ kind: "plan", id: original.id, value: clone(original.value), origins: [{ id: original.id }], reason: "merged" });
  }
}

/** @param {any} record @returns {Item[]} */
function itemsOf(record) {
  const fingerprints = isPlainObject(record.fingerprints) ? record.fingerprints : {};
  const review = isPlainObject(record.review) ? record.review : {};
  /** @type {Item[]} */
  const items = keysOf(record.answers).map((id) => ({
    kind: "answer",
    id,
    value: record.answers[id],
    origins: [{ id, value: record.answers[id] }],
    fingerprint: own(fingerprints, id) && typeof fingerprints[id] === "string" ? fingerprints[id] : null,
    reason: own(review, id) && own(REASONS, review[id]) ? review[id] : null,
  }));
  for (const id of keysOf(record.targets)) {
    items.push({ kind: "target", id, value: record.targets[id], origins: [{ id, value: record.targets[id] }] });
  }
  for (const id of keysOf(record.notes)) items.push({ kind: "notes", id, value: clone(record.notes[id]), origins: [{ id }] });
  for (const id of keysOf(record.plan)) {
    const value = clone(record.plan[id]);
    items.push({ kind: "plan", id, value, origins: [{ id }], originals: [{ id, value: clone(value) }] });
  }
  return items;
}

/** Moves every item along its route (one version's map from lineage.py) to the ids of this
 * version. Returns the items by kind and id; items whose id was removed go to `removed`.
 * @param {Item[]} items @param {Route | null} route @param {Map<string, number>} levels
 * @param {Item[]} removed @returns {Map<string, Item>} */
function applyRoute(items, route, levels, removed) {
  const ids = route && isPlainObject(route.ids) ? route.ids : {};
  const levelMap = route && isPlainObject(route.levels) ? route.levels : {};
  /** @type {Map<string, Item>} */
  const out = new Map();
  for (const item of items) {
    const fate = own(ids, item.id) && Array.isArray(ids[item.id].to) ? ids[item.id] : null;
    if (fate && !fate.to.length) {
      removed.push({ ...item, reason: "removed", version: fate.removedAfter || undefined });
      continue;
    }
    const value =
      item.kind !== "notes" && item.kind !== "plan" && typeof item.value === "string" && own(levelMap, item.value)
        ? levelMap[item.value]
        : item.value;
    const destinations = fate ? fate.to : [{ id: item.id, how: "same" }];
    for (const { id, how } of destinations) {
      const reason = how === "merged" || how === "split" ? how : item.reason;
      const next = { ...item, id, value: destinations.length > 1 ? clone(value) : value, reason };
      const key = `${item.kind}:${id}`;
      const before = out.get(key);
      out.set(key, before ? combine(before, next, levels) : next);
    }
  }
  return out;
}

/** Where this version keeps what an item holds, or why it cannot.
 * @param {Item} item @param {ReturnType<typeof indexOf>} index @param {boolean} older
 * @returns {"unknown" | "level" | null} */
function problemWith(item, index, older) {
  if (item.kind === "plan") return index.criteria.has(item.id) ? null : "unknown";
  if (item.kind === "notes" || item.kind === "target") {
    if (!index.dimensions.has(item.id)) return "unknown";
    return item.kind === "notes" || !older || index.levels.has(item.value) ? null : "level";
  }
  if (!index.criteria.has(item.id)) return "unknown";
  const special = item.value === NOT_APPLICABLE || item.value === NOT_SURE;
  return !older || special || index.levels.has(item.value) ? null : "level";
}

/** @param {any} framework */
function indexOf(framework) {
  const criteria = new Map();
  const dimensions = new Map();
  for (const dimension of framework.dimensions) {
    dimensions.set(dimension.id, dimension);
    for (const criterion of dimension.criteria) criteria.set(criterion.id, criterion);
  }
  const levels = new Map(framework.levels.map((/** @type {{id: string}} */ level, /** @type {number} */ i) => [level.id, i + 1]));
  return { criteria, dimensions, levels };
}

/** Puts one carried answer into the result, flagging it for review when it needs checking.
 * @param {Item} item @param {any} criterion @param {any} result @param {any} report
 * @param {boolean} older @param {boolean} moved @param {Record<string, string>} previousReview */
function placeAnswer(item, criterion, result, report, older, moved, previousReview) {
  result.answers[item.id] = item.value;
  let reason = item.reason;
  if (!reason && item.fingerprint && item.fingerprint !== criterion.fingerprint) reason = "reworded";
  if (!reason && !item.fingerprint && older) reason = "unverified";
  const fingerprint = reason ? item.fingerprint || "" : criterion.fingerprint;
  if (fingerprint) result.fingerprints[item.id] = fingerprint;
  if (!reason) {
    if (!moved) report.carried.push(item.id);
    return;
  }
  result.review[item.id] = reason;
  if (!own(previousReview, item.id) || previousReview[item.id] !== reason || moved) {
    /** @type {{criterion: string, reason: string, sources?: Item["origins"]}} */
    const entry = { criterion: item.id, reason };
    if (item.origins.length > 1 || reason === "split") entry.sources = item.origins;
    report.review.push(entry);
  }
}

/** The assessment as this version keeps it, before anything is carried into it.
 * @param {any} record @param {any} framework */
function emptyResult(record, framework) {
  const result = clone(record);
  Object.assign(result, { frameworkId: framework.id, frameworkVersion: framework.version });
  Object.assign(result, { answers: {}, targets: {}, notes: {}, fingerprints: {}, review: {} });
  if (record.plan !== undefined) result.plan = {};
  return result;
}

/** One entry of report.notCarried, naming the id the person answered.
 * @param {Item} item @param {string} fromVersion @param {string} toVersion */
function notCarriedEntry(item, fromVersion, toVersion) {
  const single = item.origins.length === 1;
  return {
    kind: item.kind,
    id: single ? item.origins[0].id : item.id,
    value: clone(isPlainObject(item.value) || !single ? item.value : item.origins[0].value),
    reason: item.reason || "",
    version: item.version || (item.reason === "unknown" || item.reason === "level" ? toVersion : fromVersion),
  };
}

/** True when two actions hold the same text in every field (whatever their ids).
 * @param {Record<string, any>} a @param {Record<string, any>} b */
function sameAction(a, b) {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => key !== "id"));
  return [...fields].every((field) => (a[field] || "") === (b[field] || ""));
}

/** An action id like `wanted` that no action in the list has, and that decode.mjs accepts as an
 * id (lower-case words joined by hyphens, at most 64 characters): `wanted`, else `wanted-2`, ...
 * @param {string} wanted @param {{id?: unknown}[]} actions */
function freeId(wanted, actions) {
  const taken = new Set(actions.map((action) => action.id));
  const stem = wanted.slice(0, 56).replace(/-+$/, "");
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

/** The team's own actions (plan.mjs), each following the criterion it is about to its id in this
 * version. One whose criterion was removed is kept, its criterion cleared and the old id kept as
 * formerCriterion, so the form can say so; what was written in the plan for a criterion this version
 * lacks becomes such an action too (taken out of lost), so nothing the team wrote is hidden.
 * @param {any} record @param {Route | null} route @param {ReturnType<typeof indexOf>} index
 * @param {Item[]} lost @param {any} result @returns {{changed: boolean, kept: string[]}} the ids of
 *   criteria whose plan entries became actions */
function carryActions(record, route, index, lost, result) {
  const ids = route && isPlainObject(route.ids) ? route.ids : {};
  const actions = Array.isArray(record.actions) ? clone(record.actions).filter(isPlainObject) : [];
  let changed = false;
  /** @type {string[]} */
  const kept = [];
  for (const action of actions) {
    const id = action.criterion;
    if (typeof id !== "string" || !id || !isSafeKey(id)) continue;
    const fate = own(ids, id) && Array.isArray(ids[id].to) ? ids[id] : null;
    const now = fate ? (fate.to.length ? fate.to[0].id : "") : id;
    if (now && index.criteria.has(now)) {
      changed = changed || now !== id;
      action.criterion = now;
    } else {
      Object.assign(action, { criterion: "", formerCriterion: id });
      changed = true;
    }
  }
  const orphans = lost.filter((item) => item.kind === "plan" && !ASIDE_ONLY.includes(item.reason || "") && isPlainObject(item.value));
  for (const item of orphans) {
    const former = item.origins[0].id;
    const entry = { ...item.value, criterion: "", formerCriterion: former };
    // The same entry already kept as an action (an earlier migration made it) is not kept twice;
    // an action that only shares its id (one of the team's own, or a file's) keeps its id, and
    // this one gets another, so neither hides the other.
    const same = actions.some((/** @type {Record<string, any>} */ action) => sameAction(action, entry) && String(action.id).startsWith(`kept-`));
    if (!same) actions.push({ ...entry, id: freeId(`kept-${former}`, actions) });
    lost.splice(lost.indexOf(item), 1);
    kept.push(former);
    changed = true;
  }
  if (actions.length) result.actions = actions;
  else delete result.actions;
  return { changed, kept };
}

/** Migrates one assessment record (as saved on the device, or the assessment of an export with
 * frameworkId and frameworkVersion set from the file).
 * @param {any} record @param {any} framework @returns {Migration} */
export function migrateAssessment(record, framework) {
  const refused = refuse(record, framework);
  if (refused) return refused;
  const fromVersion = typeof record.frameworkVersion === "string" ? record.frameworkVersion : framework.version;
  const older = fromVersion !== framework.version;
  const lineage = lineageOf(framework);
  const index = indexOf(framework);

  /** @type {Item[]} */
  const lost = [];
  const route = older ? routeFrom(fromVersion, lineage) : null;
  const items = applyRoute(itemsOf(record), route, index.levels, lost);
  /** @type {Report} */
  const report = {
    fromVersion,
    toVersion: framework.version,
    undeclared: older && !lineage.versions.includes(fromVersion),
    carried: [],
    moved: [],
    review: [],
    notCarried: [],
    refused: null,
    refusedReason: null,
    actionsKept: [],
  };
  const result = emptyResult(record, framework);
  const previousReview = isPlainObject(record.review) ? record.review : {};
  const homes = { target: result.targets, notes: result.notes, plan: result.plan };

  for (const item of items.values()) {
    for (const aside of item.overflow || []) lost.push({ ...aside, reason: "long" });
    if (item.decided) keepOriginals(item, lost);
    const problem = problemWith(item, index, older);
    if (problem) {
      lost.push({ ...item, reason: problem });
      continue;
    }
    const movedFrom = item.origins.map((origin) => origin.id).filter((id) => id !== item.id);
    for (const from of movedFrom) report.moved.push({ kind: item.kind, from, to: item.id });
    if (item.kind === "answer") {
      placeAnswer(item, index.criteria.get(item.id), result, report, older, movedFrom.length > 0, previousReview);
    } else homes[item.kind][item.id] = item.value;
  }
  const actions = carryActions(record, route, index, lost, result);
  report.actionsKept = actions.kept;
  report.notCarried = lost.map((item) => notCarriedEntry(item, fromVersion, framework.version));

  const kept = Array.isArray(record.notCarried) ? clone(record.notCarried) : [];
  // Never cut: what is kept aside is bounded by what the person wrote (and a file by its size).
  result.notCarried = kept.concat(report.notCarried);
  if (!result.notCarried.length) delete result.notCarried;
  if (!Object.keys(result.review).length) delete result.review;

  const changed = older || report.review.length > 0 || report.notCarried.length > 0 || report.moved.length > 0 || actions.changed;
  if (changed) {
    const migrations = Array.isArray(record.migrations) ? clone(record.migrations) : [];
    migrations.push({ from: fromVersion, to: framework.version, at: new Date().toISOString(), report });
    result.migrations = migrations;
  }
  return { status: changed ? "migrated" : "current", assessment: result, report };
}
