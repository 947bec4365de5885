/* Self-assessment: scores, progress and results, worked out from an assessment. No DOM here.
 *
 * Rule "mean" (declared in framework.yml): a dimension's score is the mean of the level numbers
 * (1 = lowest level) of its answered criteria, rounded to one decimal place; its level is the level
 * that rounded score falls in (rounded down). "Not applicable" is left out, "Not sure yet" counts as
 * unanswered.
 */

import * as model from "./model.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {object} DimensionResult
 * @property {Dimension} dimension
 * @property {number|null} score  one decimal place
 * @property {number|null} level  1..N
 * @property {number} answered
 * @property {number} notApplicable
 * @property {number} notSure
 * @property {number} unanswered
 * @property {number} total
 * @property {"not-started"|"in-progress"|"completed"} status
 * @property {number|null} target  1..N
 */

const SUPPORTED_METHODS = ["mean"];

/** @param {Info} info */
function isSupported(info) {
  return SUPPORTED_METHODS.includes(info.framework.scoring && info.framework.scoring.method);
}

/** @param {Info} info @param {Assessment} assessment @param {Dimension} dimension @returns {DimensionResult} */
function scoreDimension(info, assessment, dimension) {
  let sum = 0;
  let answered = 0;
  let notApplicable = 0;
  let notSure = 0;
  for (const criterion of dimension.criteria) {
    const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
    if (value === model.NOT_APPLICABLE) notApplicable += 1;
    else if (value === model.NOT_SURE) notSure += 1;
    else if (value && info.levelIndex.has(value)) {
      sum += info.levelIndex.get(value);
      answered += 1;
    }
  }
  const total = dimension.criteria.length;
  // Whole numbers until the last step, so 2.25 rounds to 2.3 without floating-point surprises.
  const tenths = answered ? Math.round((sum * 10) / answered) : null;
  const targetId = model.has(assessment.targets, dimension.id) ? assessment.targets[dimension.id] : null;
  const decided = answered + notApplicable;
  const touched =
    decided + notSure > 0 ||
    Boolean(targetId) ||
    Boolean(model.note(assessment, dimension.id, "evidence")) ||
    Boolean(model.note(assessment, dimension.id, "views"));
  return {
    dimension,
    score: tenths === null ? null : tenths / 10,
    level: tenths === null ? null : Math.floor(tenths / 10),
    answered,
    notApplicable,
    notSure,
    unanswered: total - decided,
    total,
    status: decided === total ? "completed" : touched ? "in-progress" : "not-started",
    target: targetId ? info.levelIndex.get(targetId) || null : null,
  };
}

/** @param {number|null} score */
function formatScore(score) {
  return score === null ? "" : score.toFixed(1);
}

/** Everything the results view shows. @param {Info} info @param {Assessment} assessment */
function results(info, assessment) {
  const dimensions = info.framework.dimensions.map((d) => scoreDimension(info, assessment, d));
  const scored = dimensions.filter((d) => d.score !== null);
  const scores = scored.map((d) => d.score);
  const high = Math.max(...scores);
  const low = Math.min(...scores);
  const spread = scored.length > 1 && high > low;
  const sum = (/** @type {"answered"|"notApplicable"|"notSure"} */ key) => dimensions.reduce((total, d) => total + d[key], 0);
  const decided = sum("answered") + sum("notApplicable");
  return {
    dimensions,
    scoredCount: scored.length,
    strongest: spread ? scored.filter((d) => d.score === high) : [],
    weakest: spread ? scored.filter((d) => d.score === low) : [],
    criteriaTotal: info.criteriaCount,
    criteriaDecided: decided,
    criteriaNotSure: sum("notSure"),
    percentComplete: info.criteriaCount ? Math.floor((decided * 100) / info.criteriaCount) : 0,
    dimensionsCompleted: dimensions.filter((d) => d.status === "completed").length,
    dimensionsTotal: dimensions.length,
  };
}

export { isSupported, scoreDimension, results, formatScore };
