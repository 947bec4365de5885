/* Self-assessment: progress over time, comparing an earlier assessment with a later one. No DOM.
 *
 * Both are scored against the framework on this page. An assessment saved against another version
 * of the framework is first carried forward by the framework's declared history (CIF.migrate, when
 * the page has it); whatever could not be carried, or was carried but needs checking because the
 * wording changed, is reported so the comparison says where it is not like-for-like. Answers for
 * criteria this version does not have are never scored, and are listed as not compared.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";

var has = model.has;

/* Carries an assessment made with another version of the framework forward by the declared
 * history, when the page has the migration module (assess-migrate.js), and says where it is not
 * like-for-like. Returns {assessment, flagged: [criterion ids whose answers need checking, for
 * example because the wording changed], notCarried: [ids of answers that could not be carried]}.
 * Both lists are read from the assessment itself, where the migration module records them, so an
 * assessment migrated earlier (when it was loaded or imported) reports them too. */
function carryForward(info, assessment, migrate) {
  var current = assessment;
  var older = assessment.frameworkVersion && assessment.frameworkVersion !== info.framework.version;
  if (older && migrate && typeof migrate.migrateAssessment === "function") {
    var result = null;
    try {
      result = migrate.migrateAssessment(JSON.parse(JSON.stringify(assessment)), info.framework);
    } catch (error) {
      result = null;
    }
    if (result && result.assessment) current = model.restore(info, result.assessment);
  }
  var review = current.review && typeof current.review === "object" ? current.review : {};
  var lost = Array.isArray(current.notCarried) ? current.notCarried : [];
  return {
    assessment: current,
    flagged: Object.keys(review).filter(function (id) {
      return has(current.answers, id);
    }),
    notCarried: lost
      .filter(function (entry) {
        return entry && entry.kind === "answer" && typeof entry.id === "string";
      })
      .map(function (entry) {
        return entry.id;
      }),
  };
}

function roundTenths(value) {
  return Math.round(value * 10) / 10;
}

function answerNumber(info, assessment, criterionId) {
  var value = has(assessment.answers, criterionId) ? assessment.answers[criterionId] : null;
  return { value: value, number: value ? info.levelIndex.get(value) || null : null };
}

/* Compares earlier with later (both plain assessments). Returns
 *   {dimensions: [{dimension, then, now (scoreDimension results), target (1..N|null, the later
 *     one's), change (number|null, one decimal), direction: "up"|"down"|"same"|null}],
 *    moved: [{dimension, criterion, number, from, to (answer values), fromNumber, toNumber,
 *     direction: "up"|"down"|"changed", flagged}],
 *    counts: {improved, fell, unchanged, notCompared},
 *    notCompared: [criterion ids answered earlier that this framework does not have],
 *    flagged: [criterion ids whose wording changed since the earlier assessment],
 *    likeForLike: boolean} */
function compare(info, earlier, later, migrate) {
  var carriedThen = carryForward(info, earlier, migrate);
  var carriedNow = carryForward(info, later, migrate);
  var then = carriedThen.assessment;
  later = carriedNow.assessment;
  var flagged = [];
  var notCompared = [];
  var add = function (list, id) {
    if (list.indexOf(id) < 0) list.push(id);
  };
  carriedThen.flagged.concat(carriedNow.flagged).forEach(function (id) {
    if (info.criteria.has(id)) add(flagged, id);
  });
  carriedThen.notCarried.concat(carriedNow.notCarried).forEach(function (id) {
    add(notCompared, id);
  });
  [then, later].forEach(function (assessment) {
    Object.keys(assessment.answers).forEach(function (id) {
      if (!info.criteria.has(id)) add(notCompared, id);
    });
  });

  var counts = { improved: 0, fell: 0, unchanged: 0, notCompared: 0 };
  var dimensions = info.framework.dimensions.map(function (dimension) {
    var before = scoring.scoreDimension(info, then, dimension);
    var after = scoring.scoreDimension(info, later, dimension);
    var change = before.score !== null && after.score !== null ? roundTenths(after.score - before.score) : null;
    var direction = change === null ? null : change > 0 ? "up" : change < 0 ? "down" : "same";
    if (direction === "up") counts.improved += 1;
    else if (direction === "down") counts.fell += 1;
    else if (direction === "same") counts.unchanged += 1;
    else counts.notCompared += 1;
    return { dimension: dimension, then: before, now: after, target: after.target, change: change, direction: direction };
  });

  var moved = [];
  info.framework.dimensions.forEach(function (dimension) {
    dimension.criteria.forEach(function (criterion, i) {
      var from = answerNumber(info, then, criterion.id);
      var to = answerNumber(info, later, criterion.id);
      if (!from.value || !to.value || from.value === to.value) return;
      var direction = from.number && to.number ? (to.number > from.number ? "up" : "down") : "changed";
      moved.push({
        dimension: dimension,
        criterion: criterion,
        number: dimension.number + "." + (i + 1),
        from: from.value,
        to: to.value,
        fromNumber: from.number,
        toNumber: to.number,
        direction: direction,
        flagged: flagged.indexOf(criterion.id) >= 0,
      });
    });
  });

  return {
    dimensions: dimensions,
    moved: moved,
    counts: counts,
    notCompared: notCompared,
    flagged: flagged,
    likeForLike: notCompared.length === 0 && flagged.length === 0,
  };
}

var plural = model.plural;

/* "3 dimensions improved, 1 fell, 7 unchanged", then any that could not be compared. */
function summary(comparison) {
  var c = comparison.counts;
  var parts = [];
  var noun = function (n) {
    return parts.length ? String(n) : plural(n, "dimension", "dimensions");
  };
  if (c.improved) parts.push(noun(c.improved) + " improved");
  if (c.fell) parts.push(noun(c.fell) + " fell");
  if (c.unchanged) parts.push(noun(c.unchanged) + " unchanged");
  var text = parts.length ? parts.join(", ") + "." : "No dimension has a score in both assessments.";
  if (parts.length && c.notCompared) {
    text += " " + plural(c.notCompared, "dimension has", "dimensions have") + " no score in one of the two, so " +
      (c.notCompared === 1 ? "it is" : "they are") + " not compared.";
  }
  return text;
}

/* "+0.5", "-1.0", "0.0" */
function formatChange(change) {
  if (change === null) return "";
  var text = Math.abs(change).toFixed(1);
  return change > 0 ? "+" + text : change < 0 ? "\u2212" + text : text;
}


export { compare, summary, formatChange, carryForward };
