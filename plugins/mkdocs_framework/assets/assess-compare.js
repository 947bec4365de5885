/* Self-assessment: progress over time, comparing an earlier assessment with a later one. No DOM.
 *
 * Both are scored against the framework on this page. An assessment saved against another version
 * of the framework is first carried forward by the framework's declared history (CIF.migrate, when
 * the page has it); whatever could not be carried, or was carried but needs checking because the
 * wording changed, is reported so the comparison says where it is not like-for-like. Answers for
 * criteria this version does not have are never scored, and are listed as not compared.
 */
(function (root) {
  "use strict";

  var model = (root.CIF && root.CIF.model) || require("./assess-model.js");
  var scoring = (root.CIF && root.CIF.scoring) || require("./assess-scoring.js");
  var has = model.has;

  function ids(list) {
    if (!Array.isArray(list)) return [];
    return list
      .map(function (entry) {
        if (typeof entry === "string") return entry;
        if (entry && typeof entry === "object") return entry.id || entry.criterion || entry.from || entry.old || "";
        return "";
      })
      .filter(Boolean);
  }

  /* Carries an assessment made with another version of the framework forward, when the page has
   * the migration module. Returns {assessment, flagged: [criterion id], notCarried: [old id]}. */
  function carryForward(info, assessment, migrate) {
    var none = { assessment: assessment, flagged: [], notCarried: [] };
    if (!migrate || typeof migrate.migrateAssessment !== "function") return none;
    if (!assessment.frameworkVersion || assessment.frameworkVersion === info.framework.version) return none;
    var result;
    try {
      result = migrate.migrateAssessment(JSON.parse(JSON.stringify(assessment)), info.framework);
    } catch (error) {
      return none;
    }
    if (!result || typeof result !== "object") return none;
    var carried = result.assessment || result.record || null;
    var report = result.report && typeof result.report === "object" ? result.report : result;
    return {
      assessment: carried ? model.restore(info, carried) : assessment,
      flagged: ids(report.flagged || report.review || report.toReview),
      notCarried: ids(report.notCarried || report.dropped || report.removed),
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
    var carried = carryForward(info, earlier, migrate);
    var then = carried.assessment;
    var flagged = carried.flagged.filter(function (id) {
      return info.criteria.has(id);
    });
    var notCompared = carried.notCarried.slice();
    Object.keys(then.answers).forEach(function (id) {
      if (!info.criteria.has(id) && notCompared.indexOf(id) < 0) notCompared.push(id);
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

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

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

  var api = { compare: compare, summary: summary, formatChange: formatChange, carryForward: carryForward };
  var CIF = root.CIF || (root.CIF = {});
  CIF.compare = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
