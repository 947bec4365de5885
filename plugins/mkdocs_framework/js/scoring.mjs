/* Self-assessment: scores, progress and results, worked out from an assessment. No DOM here.
 *
 * Rule "mean" (declared in framework.yml): a dimension's score is the mean of the level numbers
 * (1 = lowest level) of its answered criteria, rounded to one decimal place; its level is the level
 * that rounded score falls in (rounded down). "Not applicable" is left out, "Not sure yet" counts as
 * unanswered.
 */

import * as model from "./model.mjs";

var has = model.has;
var SUPPORTED_METHODS = ["mean"];

function isSupported(info) {
  return SUPPORTED_METHODS.indexOf(info.framework.scoring && info.framework.scoring.method) >= 0;
}

/* Returns {score: number|null (one decimal), level: 1..N|null, answered, notApplicable, notSure,
 * unanswered, total, status: "not-started"|"in-progress"|"completed", target: 1..N|null}. */
function scoreDimension(info, assessment, dimension) {
  var sum = 0;
  var answered = 0;
  var notApplicable = 0;
  var notSure = 0;
  dimension.criteria.forEach(function (criterion) {
    var value = has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
    if (value === model.NOT_APPLICABLE) notApplicable += 1;
    else if (value === model.NOT_SURE) notSure += 1;
    else if (value && info.levelIndex.has(value)) {
      sum += info.levelIndex.get(value);
      answered += 1;
    }
  });
  var total = dimension.criteria.length;
  // Whole numbers until the last step, so 2.25 rounds to 2.3 without floating-point surprises.
  var tenths = answered ? Math.round((sum * 10) / answered) : null;
  var targetId = has(assessment.targets, dimension.id) ? assessment.targets[dimension.id] : null;
  var decided = answered + notApplicable;
  var touched =
    decided + notSure > 0 ||
    Boolean(targetId) ||
    Boolean(model.note(assessment, dimension.id, "evidence")) ||
    Boolean(model.note(assessment, dimension.id, "views"));
  return {
    dimension: dimension,
    score: tenths === null ? null : tenths / 10,
    level: tenths === null ? null : Math.floor(tenths / 10),
    answered: answered,
    notApplicable: notApplicable,
    notSure: notSure,
    unanswered: total - decided,
    total: total,
    status: decided === total ? "completed" : touched ? "in-progress" : "not-started",
    target: targetId ? info.levelIndex.get(targetId) || null : null,
  };
}

function formatScore(score) {
  return score === null ? "" : score.toFixed(1);
}

/* Everything the results view shows. */
function results(info, assessment) {
  var dimensions = info.framework.dimensions.map(function (d) {
    return scoreDimension(info, assessment, d);
  });
  var scored = dimensions.filter(function (d) {
    return d.score !== null;
  });
  var scores = scored.map(function (d) {
    return d.score;
  });
  var high = Math.max.apply(null, scores);
  var low = Math.min.apply(null, scores);
  var spread = scored.length > 1 && high > low;
  var sum = function (key) {
    return dimensions.reduce(function (total, d) {
      return total + d[key];
    }, 0);
  };
  var decided = sum("answered") + sum("notApplicable");
  return {
    dimensions: dimensions,
    scoredCount: scored.length,
    strongest: spread ? scored.filter(function (d) { return d.score === high; }) : [],
    weakest: spread ? scored.filter(function (d) { return d.score === low; }) : [],
    criteriaTotal: info.criteriaCount,
    criteriaDecided: decided,
    criteriaNotSure: sum("notSure"),
    percentComplete: info.criteriaCount ? Math.floor((decided * 100) / info.criteriaCount) : 0,
    dimensionsCompleted: dimensions.filter(function (d) { return d.status === "completed"; }).length,
    dimensionsTotal: dimensions.length,
  };
}


export { isSupported, scoreDimension, results, formatScore };
