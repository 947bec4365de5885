/* Progress over time: the account of an earlier assessment compared with a later one. No DOM.
 *
 * Both are scored against the framework on this page. Each is first carried to this version of
 * the framework by decode.mjs (with the framework's declared history); whatever could not be
 * carried, or was carried but needs checking because the wording changed, is reported so the
 * comparison says where it is not like for like. Answers for criteria this version does not have
 * are never scored, and are listed as not compared.
 *
 * Like for like: a dimension's change is worked out, by the framework's scoring rule, on the
 * criteria that have a level in both assessments only; criteria with a level in only one of the two
 * (for example "Not sure yet" then, Embedded now) are left out, and named. A dimension moved when
 * its level on those criteria moved, and the change is always said with those two levels ("Up 1
 * level. On the 2 criteria answered both times: Developing (level 2 of 4) → Established (level 3
 * of 4)"), so it is never printed beside levels that do not show it. A change is said in whole
 * levels only: the levels are untested, so no page shows the scores behind them. The headline counts the same rows.
 *
 * progress() gives the whole account (each side's full account, the rows with their words, the
 * headline). compare() is the older, smaller shape, kept for the pages that read it
 * (core/compare.mjs re-exports it); its changeWords() and summary() give the same words.
 */

import * as model from "../core/model.mjs";
import * as scoring from "../core/scoring.mjs";
import { decode } from "../core/decode.mjs";
import { migrateAssessment } from "../core/migrate.mjs";
import { account, dimensionAccount } from "./account.mjs";
import { WORDS, fill, count, either, levelLabel, levelWords, answerWords } from "./words.mjs";

/**
 * @typedef {import("../core/model.mjs").Assessment} Assessment
 * @typedef {import("../core/model.mjs").Info} Info
 * @typedef {import("../core/model.mjs").Dimension} Dimension
 * @typedef {import("../core/model.mjs").Criterion} Criterion
 * @typedef {import("./account.mjs").Account} Account
 * @typedef {import("./account.mjs").DimensionAccount} DimensionAccount
 * @typedef {ReturnType<typeof scoring.scoreDimension>} DimensionResult
 * @typedef {{score: number|null, level: number|null, answered: number, label: string, result: string}} Measure  a result
 *   on the criteria answered with a level both times; label: its level's label, result: the level in
 *   words with its number, "Developing (level 2 of 4)" ("" for none)
 * @typedef {{criterion: Criterion, number: string, value: string, other: string|null}} Apart  a criterion
 *   with a level in only one of the two: value, its level id there; other, the answer in the other (or null)
 * @typedef {{dimension: Dimension, then: DimensionResult, now: DimensionResult, target: number|null,
 *   change: number|null, levels: number|null, direction: "up"|"down"|"same"|null, compared: number,
 *   likeThen: Measure, likeNow: Measure, onlyThen: Apart[], onlyNow: Apart[]}} DimensionChange
 *   then and now: each assessment's own result (with its coverage); likeThen and likeNow: the
 *   results on the `compared` criteria with a level in both; change: the score moved on those
 *   (one decimal place, never shown); levels: the levels moved on those; direction: from levels
 * @typedef {{dimension: Dimension, criterion: Criterion, number: string, from: string, to: string,
 *   fromNumber: number|null, toNumber: number|null, direction: "up"|"down"|"changed", flagged: boolean}} Moved
 * @typedef {{improved: number, fell: number, unchanged: number, notCompared: number}} Counts  dimensions
 *   whose level (like for like) moved up, down or stayed, and those with no criterion answered in both
 * @typedef {{dimensions: DimensionChange[], moved: Moved[], counts: Counts, notCompared: string[],
 *   flagged: string[], likeForLike: boolean}} Comparison
 * @typedef {{number: string, title: string, criterion: Criterion, then: string, now: string}} LeftOut
 *   a criterion with a level in only one of the two, with its answers then and now in words
 * @typedef {object} RowWords
 * @property {string} name
 * @property {string} then  "Developing (level 2 of 4), from 2 of 3 criteria", or "No result yet" / "Not applicable"
 * @property {string} now
 * @property {string} change  "Up 1 level", "Down 2 levels", "No change in level", "Not compared: ..."
 * @property {string} like  "On the 2 criteria answered both times: Developing (level 2 of 4) → Established (level 3 of 4)", or ""
 * @property {string} changeFull  change, then like (what a change column says)
 * @property {string} leftOut  "Left out: 3.3 Consent (Not sure yet then, Embedded now)", or ""
 * @property {string} thenBar  the chart's words on the bar then: "Then: Emerging (level 1 of 4)", "Then: No result yet"
 * @property {string} nowBar  "Now: Developing (level 2 of 4)"
 * @typedef {object} ProgressRow
 * @property {Dimension} dimension
 * @property {DimensionAccount} then  the full result then (all its answers then)
 * @property {DimensionAccount} now  the full result now
 * @property {number} compared  criteria answered with a level both times
 * @property {Measure} likeThen  the result then on those criteria only
 * @property {Measure} likeNow  the result now on those criteria only
 * @property {"up" | "down" | "same" | null} direction  from likeThen.level to likeNow.level; null: not compared
 * @property {number | null} levels  likeNow.level - likeThen.level
 * @property {number | null} change  likeNow.score - likeThen.score, one decimal place (never shown: see words.change)
 * @property {LeftOut[]} leftOut
 * @property {RowWords} words
 * @typedef {object} Progress
 * @property {Account} then  the earlier assessment's account (carried to this version of the framework)
 * @property {Account} now  the later one's
 * @property {ProgressRow[]} rows
 * @property {{up: number, down: number, same: number, notCompared: number}} counts  counted from rows
 * @property {string} headline  "2 dimensions moved up a level, 1 down, ..., on the criteria answered in both assessments."
 * @property {Moved[]} moved  criteria whose answers differ
 * @property {string[]} notCompared  ids of answers to criteria this version does not have
 * @property {string[]} flagged  ids of answers carried over that need checking
 * @property {boolean} likeForLike  neither of the two lists has anything
 */

/** An assessment carried to this version of the framework, and where it is not like-for-like:
 * {assessment, flagged: [criterion ids whose answers need checking, for example because the
 * wording changed], notCarried: [ids of answers that could not be carried]}. Both lists are read
 * from the carried assessment, where migration records them, so an assessment migrated earlier
 * (when it was loaded or imported) reports them too. One that cannot be carried (a newer version)
 * is compared as it is. Trailing arguments are ignored.
 * @param {Info} info @param {Assessment} assessment @param {unknown} [_unused] */
function carryForward(info, assessment, _unused) {
  const current = decode(info, assessment, "stored", migrateAssessment).assessment || assessment;
  const review = current.review && typeof current.review === "object" ? current.review : {};
  const lost = Array.isArray(current.notCarried) ? current.notCarried : [];
  return {
    assessment: current,
    flagged: Object.keys(review).filter((id) => model.has(current.answers, id)),
    notCarried: lost.filter((entry) => entry && entry.kind === "answer" && typeof entry.id === "string").map((entry) => entry.id),
  };
}

/** @param {number} value */
const roundTenths = (value) => Math.round(value * 10) / 10;

/** @param {Info} info @param {Assessment} assessment @param {string} criterionId */
function answerNumber(info, assessment, criterionId) {
  const value = model.has(assessment.answers, criterionId) ? assessment.answers[criterionId] : null;
  return { value, number: value ? info.levelIndex.get(value) || null : null };
}

/** An assessment with only these criteria's answers. @param {Assessment} a @param {string[]} ids @returns {Assessment} */
function only(a, ids) {
  /** @type {Record<string, string>} */
  const answers = {};
  for (const id of ids) answers[id] = a.answers[id];
  return { ...a, answers };
}

/** A dimension then and now, and its change like for like. @param {Info} info @param {Assessment} then
 * @param {Assessment} later @param {Dimension} dimension @returns {DimensionChange} */
function dimensionChange(info, then, later, dimension) {
  /** @type {string[]} */
  const both = [];
  /** @type {Apart[]} */
  const onlyThen = [];
  /** @type {Apart[]} */
  const onlyNow = [];
  dimension.criteria.forEach((criterion, i) => {
    const from = answerNumber(info, then, criterion.id);
    const to = answerNumber(info, later, criterion.id);
    const number = `${dimension.number}.${i + 1}`;
    if (from.number && to.number) both.push(criterion.id);
    else if (from.number) onlyThen.push({ criterion, number, value: /** @type {string} */ (from.value), other: to.value });
    else if (to.number) onlyNow.push({ criterion, number, value: /** @type {string} */ (to.value), other: from.value });
  });
  /** @param {DimensionResult} r @returns {Measure} */
  const measure = (r) => ({
    score: r.score,
    level: r.level,
    answered: r.answered,
    label: levelLabel(info.framework, r.level),
    result: levelWords(info.framework, r.level),
  });
  const likeThen = measure(scoring.scoreDimension(info, only(then, both), dimension));
  const likeNow = measure(scoring.scoreDimension(info, only(later, both), dimension));
  const compared = both.length > 0;
  const levels = compared ? /** @type {number} */ (likeNow.level) - /** @type {number} */ (likeThen.level) : null;
  const now = scoring.scoreDimension(info, later, dimension);
  return {
    dimension,
    then: scoring.scoreDimension(info, then, dimension),
    now,
    target: now.target,
    change: compared ? roundTenths(/** @type {number} */ (likeNow.score) - /** @type {number} */ (likeThen.score)) : null,
    levels,
    direction: levels === null ? null : levels > 0 ? "up" : levels < 0 ? "down" : "same",
    compared: both.length,
    likeThen,
    likeNow,
    onlyThen,
    onlyNow,
  };
}

/** The criteria whose answers differ between the two. @param {Info} info @param {Assessment} then
 * @param {Assessment} later @param {string[]} flagged @returns {Moved[]} */
function movedAnswers(info, then, later, flagged) {
  /** @type {Moved[]} */
  const moved = [];
  for (const dimension of info.framework.dimensions) {
    dimension.criteria.forEach((criterion, i) => {
      const from = answerNumber(info, then, criterion.id);
      const to = answerNumber(info, later, criterion.id);
      if (!from.value || !to.value || from.value === to.value) return;
      moved.push({
        dimension,
        criterion,
        number: `${dimension.number}.${i + 1}`,
        from: from.value,
        to: to.value,
        fromNumber: from.number,
        toNumber: to.number,
        direction: from.number && to.number ? (to.number > from.number ? "up" : "down") : "changed",
        flagged: flagged.includes(criterion.id),
      });
    });
  }
  return moved;
}

/** Both carried forward, and what is not like for like between them. @param {Info} info
 * @param {Assessment} earlier @param {Assessment} later */
function carryBoth(info, earlier, later) {
  const carriedThen = carryForward(info, earlier);
  const carriedNow = carryForward(info, later);
  const then = carriedThen.assessment;
  const now = carriedNow.assessment;
  /** @type {string[]} */
  const flagged = [];
  /** @type {string[]} */
  const notCompared = [];
  const add = (/** @type {string[]} */ list, /** @type {string} */ id) => {
    if (!list.includes(id)) list.push(id);
  };
  for (const id of [...carriedThen.flagged, ...carriedNow.flagged]) if (info.criteria.has(id)) add(flagged, id);
  for (const id of [...carriedThen.notCarried, ...carriedNow.notCarried]) add(notCompared, id);
  for (const assessment of [then, now]) {
    for (const id of Object.keys(assessment.answers)) if (!info.criteria.has(id)) add(notCompared, id);
  }
  return { then, now, flagged, notCompared };
}

/** @param {Info} info @param {Assessment} then @param {Assessment} now @param {string[]} flagged @param {string[]} notCompared
 * @returns {Comparison} */
function comparisonOf(info, then, now, flagged, notCompared) {
  const dimensions = info.framework.dimensions.map((d) => dimensionChange(info, then, now, d));
  const n = (/** @type {DimensionChange["direction"]} */ d) => dimensions.filter((c) => c.direction === d).length;
  return {
    dimensions,
    moved: movedAnswers(info, then, now, flagged),
    counts: { improved: n("up"), fell: n("down"), unchanged: n("same"), notCompared: n(null) },
    notCompared,
    flagged,
    likeForLike: notCompared.length === 0 && flagged.length === 0,
  };
}

/** Compares earlier with later (both plain assessments; trailing arguments are ignored).
 * @param {Info} info @param {Assessment} earlier @param {Assessment} later @param {unknown} [_unused]
 * @returns {Comparison} */
function compare(info, earlier, later, _unused) {
  const { then, now, flagged, notCompared } = carryBoth(info, earlier, later);
  return comparisonOf(info, then, now, flagged, notCompared);
}

/* ---- Words ---------------------------------------------------------------------------------- */

/** A change in whole levels, in figures for a file: "+1", "−2", "0"; "" when not compared.
 * @param {number | null} levels */
function formatChange(levels) {
  if (levels === null) return "";
  const text = String(Math.abs(levels));
  return levels > 0 ? `+${text}` : levels < 0 ? `\u2212${text}` : text;
}

/** "Up 1 level", "Down 2 levels", "No change in level", or why it is not compared. @param {DimensionChange} c */
function changeShort(c) {
  if (c.direction === null) return WORDS.progress.notCompared;
  if (c.direction === "same") return WORDS.progress.same;
  const levels = count(Math.abs(/** @type {number} */ (c.levels)), "level");
  return fill(c.direction === "up" ? WORDS.progress.up : WORDS.progress.down, { levels });
}

/** "On the 2 criteria answered both times: Developing (level 2 of 4) → Established (level 3 of 4)",
 * or "". @param {DimensionChange} c */
function likeWords(c) {
  if (c.direction === null) return "";
  return fill(WORDS.progress.like, { criteria: count(c.compared, "criterion"), then: c.likeThen.result, now: c.likeNow.result });
}

/** A dimension's change in words, always with the two like-for-like levels it comes from: "Up 1
 * level. On the 2 criteria answered both times: Developing (level 2 of 4) → Established (level 3 of 4)".
 * @param {DimensionChange} c */
function changeWords(c) {
  return c.direction === null ? changeShort(c) : fill(WORDS.progress.change, { change: changeShort(c), like: likeWords(c) });
}

/** The headline: "2 dimensions moved up a level, 1 down, 4 stayed at the same level, on the criteria
 * answered in both assessments.", then any not compared; counted from the rows' directions.
 * @param {{direction: DimensionChange["direction"]}[]} rows */
function headlineOf(rows) {
  const n = (/** @type {DimensionChange["direction"]} */ d) => rows.filter((r) => r.direction === d).length;
  const counts = { up: n("up"), down: n("down"), same: n("same"), notCompared: n(null) };
  const p = WORDS.progress;
  /** @type {string[]} */
  const parts = [];
  const dimensions = (/** @type {number} */ k) => count(k, "dimension");
  if (counts.up) parts.push(fill(p.headlineUp, { dimensions: dimensions(counts.up) }));
  if (counts.down) parts.push(parts.length ? fill(p.headlineDownAfter, { count: counts.down }) : fill(p.headlineDown, { dimensions: dimensions(counts.down) }));
  if (counts.same) parts.push(parts.length ? fill(p.headlineSameAfter, { count: counts.same }) : fill(p.headlineSame, { dimensions: dimensions(counts.same) }));
  if (!parts.length) return { counts, headline: p.headlineNone };
  let headline = fill(p.headlineEnd, { parts: parts.join(", ") });
  if (counts.notCompared) {
    const have = `${counts.notCompared} ${either(counts.notCompared, p.dimensionsHave)}`;
    headline += " " + fill(p.headlineNotCompared, { dimensions: have, they: either(counts.notCompared, p.they) });
  }
  return { counts, headline };
}

/** The headline of a comparison. @param {Comparison} comparison */
function summary(comparison) {
  return headlineOf(comparison.dimensions).headline;
}

/** "Developing (level 2 of 4), from 2 of 3 criteria", or the kind of result when there is none. @param {DimensionAccount} d */
function fullWords(d) {
  return d.score === null ? d.words.level : `${d.words.result}, ${d.words.coverage}`;
}

/** @param {Info} info @param {DimensionChange} c @returns {LeftOut[]} */
function leftOutOf(info, c) {
  const say = (/** @type {string | null} */ value) => answerWords(info.framework, info.levelIndex, value);
  return [...c.onlyThen.map((a) => ({ a, then: a.value, now: a.other })), ...c.onlyNow.map((a) => ({ a, then: a.other, now: a.value }))]
    .sort((x, y) => c.dimension.criteria.indexOf(x.a.criterion) - c.dimension.criteria.indexOf(y.a.criterion))
    .map(({ a, then, now }) => ({ number: a.number, title: a.criterion.title, criterion: a.criterion, then: say(then), now: say(now) }));
}

/** @param {Info} info @param {DimensionChange} c @returns {ProgressRow} */
function row(info, c) {
  const then = dimensionAccount(info, c.then);
  const now = dimensionAccount(info, c.now);
  const leftOut = leftOutOf(info, c);
  const list = leftOut.map((l) => fill(WORDS.progress.leftOutItem, { number: l.number, title: l.title, then: l.then, now: l.now })).join("; ");
  return {
    dimension: c.dimension,
    then,
    now,
    compared: c.compared,
    likeThen: c.likeThen,
    likeNow: c.likeNow,
    direction: c.direction,
    levels: c.levels,
    change: c.change,
    leftOut,
    words: {
      name: then.words.name,
      then: fullWords(then),
      now: fullWords(now),
      change: changeShort(c),
      like: likeWords(c),
      changeFull: changeWords(c),
      leftOut: list ? fill(WORDS.progress.leftOut, { list }) : "",
      thenBar: fill(WORDS.progress.thenBar, { result: then.words.result }),
      nowBar: fill(WORDS.progress.nowBar, { result: now.words.result }),
    },
  };
}

/** The account of progress from an earlier assessment to a later one (both plain assessments, of
 * any version of the framework: each is carried to this one first).
 * @param {Info} info @param {Assessment} earlier @param {Assessment} later @returns {Progress} */
function progress(info, earlier, later) {
  const { then, now, flagged, notCompared } = carryBoth(info, earlier, later);
  const comparison = comparisonOf(info, then, now, flagged, notCompared);
  const rows = comparison.dimensions.map((c) => row(info, c));
  const { counts, headline } = headlineOf(rows);
  return {
    then: account(info, then),
    now: account(info, now),
    rows,
    counts,
    headline,
    moved: comparison.moved,
    notCompared,
    flagged,
    likeForLike: comparison.likeForLike,
  };
}

/** Two assessments in the order progress is told: the earlier by date (then when made) first. Every
 * page that compares two assessments puts them in this order, so the hub and the report tell the
 * same progress whichever of the two is open.
 * @template {{date?: string, created?: string}} T @param {T} a @param {T} b @returns {[T, T]} */
function inDateOrder(a, b) {
  const x = (a.date || "") + (a.created || "");
  const y = (b.date || "") + (b.created || "");
  return x <= y ? [a, b] : [b, a];
}

export { progress, compare, carryForward, summary, changeWords, changeShort, formatChange, inDateOrder };
