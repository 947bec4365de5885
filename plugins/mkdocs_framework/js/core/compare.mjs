/* Self-assessment: progress over time, comparing an earlier assessment with a later one. No DOM.
 *
 * Both are scored against the framework on this page. Each is first carried to this version of
 * the framework by decode.mjs (with the framework's declared history); whatever could not be
 * carried, or was carried but needs checking because the wording changed, is reported so the
 * comparison says where it is not like-for-like. Answers for criteria this version does not have
 * are never scored, and are listed as not compared.
 *
 * Like for like: a dimension's change is worked out, by the framework's scoring rule, on the
 * criteria that have a level in both assessments only; criteria with a level in only one of the two
 * (for example "Not sure yet" then, Embedded now) are listed apart and never counted in the change.
 * A dimension moved when its level on those criteria moved: the headline counts levels moved
 * ("2 dimensions moved up a level, 1 down"), never decimal drift.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { decode } from "./decode.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {ReturnType<typeof scoring.scoreDimension>} DimensionResult
 * @typedef {{score: number|null, level: number|null, answered: number}} Measure
 * @typedef {{criterion: Criterion, number: string, value: string, other: string|null}} Apart  a criterion
 *   with a level in only one of the two: value, its level id there; other, the answer in the other (or null)
 * @typedef {{dimension: Dimension, then: DimensionResult, now: DimensionResult, target: number|null,
 *   change: number|null, levels: number|null, direction: "up"|"down"|"same"|null, compared: number,
 *   likeThen: Measure, likeNow: Measure, onlyThen: Apart[], onlyNow: Apart[]}} DimensionChange
 *   then and now: each assessment's own result (with its coverage); likeThen and likeNow: the
 *   results on the `compared` criteria with a level in both; change: the score moved on those
 *   (one decimal place); levels: the levels moved on those; direction: from levels
 * @typedef {{dimension: Dimension, criterion: Criterion, number: string, from: string, to: string,
 *   fromNumber: number|null, toNumber: number|null, direction: "up"|"down"|"changed", flagged: boolean}} Moved
 * @typedef {{improved: number, fell: number, unchanged: number, notCompared: number}} Counts  dimensions
 *   whose level (like for like) moved up, down or stayed, and those with no criterion answered in both
 * @typedef {{dimensions: DimensionChange[], moved: Moved[], counts: Counts, notCompared: string[],
 *   flagged: string[], likeForLike: boolean}} Comparison
 */

/** An assessment carried to this version of the framework, and where it is not like-for-like:
 * {assessment, flagged: [criterion ids whose answers need checking, for example because the
 * wording changed], notCarried: [ids of answers that could not be carried]}. Both lists are read
 * from the carried assessment, where migration records them, so an assessment migrated earlier
 * (when it was loaded or imported) reports them too. One that cannot be carried (a newer version)
 * is compared as it is. Trailing arguments are ignored.
 * @param {Info} info @param {Assessment} assessment @param {unknown} [_unused] */
function carryForward(info, assessment, _unused) {
  const current = decode(info, assessment, "stored").assessment || assessment;
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

/** @param {Info} info @param {Assessment} then @param {Assessment} later @param {Counts} counts
 * @returns {DimensionChange[]} */
function dimensionChanges(info, then, later, counts) {
  return info.framework.dimensions.map((dimension) => {
    const before = scoring.scoreDimension(info, then, dimension);
    const after = scoring.scoreDimension(info, later, dimension);
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
    const likeThen = scoring.scoreDimension(info, only(then, both), dimension);
    const likeNow = scoring.scoreDimension(info, only(later, both), dimension);
    const compared = both.length > 0;
    const change = compared ? roundTenths(/** @type {number} */ (likeNow.score) - /** @type {number} */ (likeThen.score)) : null;
    const levels = compared ? /** @type {number} */ (likeNow.level) - /** @type {number} */ (likeThen.level) : null;
    const direction = levels === null ? null : levels > 0 ? "up" : levels < 0 ? "down" : "same";
    if (direction === "up") counts.improved += 1;
    else if (direction === "down") counts.fell += 1;
    else if (direction === "same") counts.unchanged += 1;
    else counts.notCompared += 1;
    /** @param {DimensionResult} r @returns {Measure} */
    const measure = (r) => ({ score: r.score, level: r.level, answered: r.answered });
    return {
      dimension,
      then: before,
      now: after,
      target: after.target,
      change,
      levels,
      direction,
      compared: both.length,
      likeThen: measure(likeThen),
      likeNow: measure(likeNow),
      onlyThen,
      onlyNow,
    };
  });
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

/** Compares earlier with later (both plain assessments; trailing arguments are ignored).
 * @param {Info} info @param {Assessment} earlier @param {Assessment} later @param {unknown} [_unused]
 * @returns {Comparison} */
function compare(info, earlier, later, _unused) {
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
  const counts = { improved: 0, fell: 0, unchanged: 0, notCompared: 0 };
  return {
    dimensions: dimensionChanges(info, then, now, counts),
    moved: movedAnswers(info, then, now, flagged),
    counts,
    notCompared,
    flagged,
    likeForLike: notCompared.length === 0 && flagged.length === 0,
  };
}

const plural = model.plural;

/** "2 dimensions moved up a level, 1 down, 4 stayed at the same level", counted like for like,
 * then any that could not be compared. @param {Comparison} comparison */
function summary(comparison) {
  const c = comparison.counts;
  /** @type {string[]} */
  const parts = [];
  const noun = (/** @type {number} */ n) => (parts.length ? String(n) : plural(n, "dimension", "dimensions"));
  if (c.improved) parts.push(`${noun(c.improved)} moved up a level`);
  if (c.fell) parts.push(`${noun(c.fell)} ${parts.length ? "down" : "moved down a level"}`);
  if (c.unchanged) parts.push(`${noun(c.unchanged)} stayed at the same level`);
  if (!parts.length) return "No dimension has a criterion answered with a level in both assessments, so none can be compared.";
  let text = `${parts.join(", ")}, on the criteria answered in both assessments.`;
  if (c.notCompared) {
    const they = c.notCompared === 1 ? "it is" : "they are";
    text += ` ${plural(c.notCompared, "dimension has", "dimensions have")} no criterion answered with a level in both, so ${they} not compared.`;
  }
  return text;
}

/** A dimension's change in words: "Up 1 level (+1.3)", "No change in level (+0.3)", "Not compared",
 * with how many criteria it is worked out on. @param {DimensionChange} row */
function changeWords(row) {
  if (row.direction === null) return "Not compared: no criterion answered in both";
  const on = `on ${plural(row.compared, "criterion", "criteria")} answered both times`;
  const by = `${formatChange(row.change)} ${on}`;
  if (row.direction === "same") return `No change in level (${by})`;
  const steps = Math.abs(/** @type {number} */ (row.levels));
  return `${row.direction === "up" ? "Up" : "Down"} ${plural(steps, "level", "levels")} (${by})`;
}

/** "+0.5", "−1.0", "0.0" @param {number|null} change */
function formatChange(change) {
  if (change === null) return "";
  const text = Math.abs(change).toFixed(1);
  return change > 0 ? `+${text}` : change < 0 ? `\u2212${text}` : text;
}

export { compare, summary, formatChange, changeWords, carryForward };
