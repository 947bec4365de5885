/* Self-assessment: scores, coverage and results, worked out from an assessment. No DOM here.
 *
 * The rule is declared in framework.yml (scoring.method) and applies to the level numbers
 * (1 = lowest level) of a dimension's answered criteria:
 *   mean     their average, rounded to one decimal place; the level is that rounded down.
 *   median   the middle one; with an even number of answers, halfway between the two middle ones
 *            (so x.0 or x.5); the level is that rounded down. 1, 2 give 1.5, level 1; 1, 3 give 2.
 *   minimum  the lowest one, which is also the level: the weakest answered criterion sets it.
 * "Not applicable" is left out, "Not sure yet" counts as unanswered. Coverage: a result comes from
 * `answered` of its `applicable` criteria (those not marked "Not applicable"); fewer than half is
 * low coverage. A weak spot is an answered criterion two or more levels below the result's level.
 * Theme and overall results (only when the framework asks: scoring.themeResults, overallResult)
 * apply the same rule to all the answered criteria they cover.
 * The rule in words is worked out once, by the plugin (words.py), and read by ruleInWords().
 */

import * as model from "./model.mjs";
import { coverageWords, weakSpotsWords } from "../results/words.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {{criterion: Criterion, number: string, level: number}} WeakSpot
 * @typedef {object} DimensionResult
 * @property {Dimension} dimension
 * @property {number|null} score  one decimal place
 * @property {number|null} level  1..N
 * @property {number} answered  criteria with a level
 * @property {number} applicable  criteria not marked "Not applicable"
 * @property {boolean} lowCoverage  a result from fewer than half of its applicable criteria
 * @property {WeakSpot[]} weakSpots  answered criteria two or more levels below the level
 * @property {number} notApplicable
 * @property {number} notSure
 * @property {number} unanswered
 * @property {number} total
 * @property {"not-started"|"in-progress"|"completed"} status
 * @property {number|null} target  1..N
 * @typedef {{theme: {id: string, title: string}|null, score: number|null, level: number|null,
 *   answered: number, applicable: number, lowCoverage: boolean}} GroupResult  a theme's or the overall result
 */

const SUPPORTED_METHODS = ["mean", "median", "minimum"];

/** @param {any} framework @returns {{method: string, themeResults: boolean, overallResult: boolean}} */
function rules(framework) {
  const s = (framework && framework.scoring) || {};
  return { method: s.method || "mean", themeResults: s.themeResults === true, overallResult: s.overallResult === true };
}

/** @param {Info} info */
function isSupported(info) {
  return SUPPORTED_METHODS.includes(rules(info.framework).method);
}

/** The score in tenths (a whole number, so no floating-point surprises) of level numbers by a
 * method, or null when there are none. @param {string} method @param {number[]} numbers */
function tenthsOf(method, numbers) {
  if (!numbers.length) return null;
  if (method === "minimum") return Math.min(...numbers) * 10;
  if (method === "median") {
    const sorted = [...numbers].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] * 10 : (sorted[mid - 1] + sorted[mid]) * 5;
  }
  let sum = 0;
  for (const n of numbers) sum += n;
  // 2.25 rounds to 2.3.
  return Math.round((sum * 10) / numbers.length);
}

/** Score, level and coverage of level numbers. @param {string} method @param {number[]} numbers @param {number} applicable */
function measure(method, numbers, applicable) {
  const tenths = tenthsOf(method, numbers);
  return {
    score: tenths === null ? null : tenths / 10,
    level: tenths === null ? null : Math.floor(tenths / 10),
    answered: numbers.length,
    applicable,
    lowCoverage: numbers.length > 0 && numbers.length * 2 < applicable,
  };
}

/** @param {Info} info @param {Assessment} assessment @param {Dimension} dimension @returns {DimensionResult} */
function scoreDimension(info, assessment, dimension) {
  const method = rules(info.framework).method;
  /** @type {number[]} */
  const numbers = [];
  /** @type {(number|null)[]} */
  const byCriterion = [];
  let notApplicable = 0;
  let notSure = 0;
  for (const criterion of dimension.criteria) {
    const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
    let number = null;
    if (value === model.NOT_APPLICABLE) notApplicable += 1;
    else if (value === model.NOT_SURE) notSure += 1;
    else if (value && info.levelIndex.has(value)) {
      number = /** @type {number} */ (info.levelIndex.get(value));
      numbers.push(number);
    }
    byCriterion.push(number);
  }
  const total = dimension.criteria.length;
  const measured = measure(method, numbers, total - notApplicable);
  /** @type {WeakSpot[]} */
  const weakSpots = [];
  if (measured.level !== null) {
    const level = measured.level;
    byCriterion.forEach((number, i) => {
      if (number !== null && number <= level - 2) {
        weakSpots.push({ criterion: dimension.criteria[i], number: `${dimension.number}.${i + 1}`, level: number });
      }
    });
  }
  const targetId = model.has(assessment.targets, dimension.id) ? assessment.targets[dimension.id] : null;
  const decided = numbers.length + notApplicable;
  const touched =
    decided + notSure > 0 ||
    Boolean(targetId) ||
    Boolean(model.note(assessment, dimension.id, "evidence")) ||
    Boolean(model.note(assessment, dimension.id, "views"));
  return {
    dimension,
    ...measured,
    weakSpots,
    notApplicable,
    notSure,
    unanswered: total - decided,
    total,
    status: decided === total ? "completed" : touched ? "in-progress" : "not-started",
    target: targetId ? info.levelIndex.get(targetId) || null : null,
  };
}

/** A result across several dimensions (a theme, or all), by the same rule from all their answered
 * criteria. @param {Info} info @param {Assessment} assessment @param {Dimension[]} dimensions */
function scoreAcross(info, assessment, dimensions) {
  /** @type {number[]} */
  const numbers = [];
  let applicable = 0;
  for (const dimension of dimensions) {
    for (const criterion of dimension.criteria) {
      const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
      if (value === model.NOT_APPLICABLE) continue;
      applicable += 1;
      const number = value ? info.levelIndex.get(value) : undefined;
      if (number) numbers.push(number);
    }
  }
  return measure(rules(info.framework).method, numbers, applicable);
}

/** The whole level a score gives, in figures ("2"), for a file's column of level numbers; "" for
 * none. The levels are untested, so no page or file shows the score itself. @param {number | null | undefined} score */
function formatScore(score) {
  return typeof score === "number" ? String(Math.floor(score)) : "";
}

/** "from 3 of 4 criteria", with "(low coverage)" when fewer than half (results/words.mjs). */
const coverageText = coverageWords;

/** "Weak spot: 2.3 Consent records, Emerging" (or "Weak spots: …; …"), or "". @param {DimensionResult} r
 * @param {(level: number) => string} levelName */
function weakSpotText(r, levelName) {
  return weakSpotsWords((r.weakSpots || []).map((w) => ({ number: w.number, title: w.criterion.title, label: levelName(w.level) })));
}

/** The strongest and weakest of some results: chosen only among results that are not low coverage,
 * and only when two or more of them differ in level ([] otherwise); sure: how many such results
 * there are. By level, as the results are shown: never by the score behind it.
 * @template {{level: number|null, lowCoverage: boolean}} R @param {R[]} dimensions */
function extremes(dimensions) {
  const sure = dimensions.filter((d) => d.level !== null && !d.lowCoverage);
  const scores = sure.map((d) => /** @type {number} */ (d.level));
  const high = Math.max(...scores);
  const low = Math.min(...scores);
  const spread = sure.length > 1 && high > low;
  return {
    strongest: spread ? sure.filter((d) => d.level === high) : [],
    weakest: spread ? sure.filter((d) => d.level === low) : [],
    sure: sure.length,
  };
}

/** Everything the results view shows. @param {Info} info @param {Assessment} assessment */
function results(info, assessment) {
  const dimensions = info.framework.dimensions.map((d) => scoreDimension(info, assessment, d));
  const scored = dimensions.filter((d) => d.score !== null);
  const { strongest, weakest } = extremes(dimensions);
  const sum = (/** @type {"answered"|"notApplicable"|"notSure"} */ key) => dimensions.reduce((total, d) => total + d[key], 0);
  const decided = sum("answered") + sum("notApplicable");
  const asked = rules(info.framework);
  /** @type {{id: string, title: string}[]} */
  const themes = /** @type {any} */ (info.framework).themes || [];
  /** @type {GroupResult[]} */
  const themeResults = asked.themeResults
    ? themes.map((theme) => ({
        theme,
        ...scoreAcross(info, assessment, info.framework.dimensions.filter((d) => /** @type {any} */ (d).theme === theme.id)),
      }))
    : [];
  /** @type {GroupResult|null} */
  const overall = asked.overallResult ? { theme: null, ...scoreAcross(info, assessment, info.framework.dimensions) } : null;
  return {
    dimensions,
    themes: themeResults,
    overall,
    scoredCount: scored.length,
    strongest,
    weakest,
    criteriaTotal: info.criteriaCount,
    criteriaDecided: decided,
    criteriaNotSure: sum("notSure"),
    percentComplete: info.criteriaCount ? Math.floor((decided * 100) / info.criteriaCount) : 0,
    dimensionsCompleted: dimensions.filter((d) => d.status === "completed").length,
    dimensionsTotal: dimensions.length,
  };
}

export { isSupported, rules, scoreDimension, scoreAcross, results, extremes, formatScore, coverageText, weakSpotText };
/* The rule in words, for the pages that read it here. */
export { ruleInWords } from "../results/words.mjs";
