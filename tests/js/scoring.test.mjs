import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as scoring from "../../plugins/mkdocs_framework/js/core/scoring.mjs";
import { info, must } from "./framework.mjs";

/** @param {Record<string, string>} answers @param {Record<string, string>} [targets] */
function assessmentWith(answers, targets = {}) {
  const fw = info();
  const a = model.blankAssessment(fw);
  for (const [id, value] of Object.entries(answers)) model.setAnswer(fw, a, id, value);
  for (const [id, value] of Object.entries(targets)) model.setTarget(fw, a, id, value);
  return { fw, a };
}

test("a dimension's score is the mean of its answered level numbers, to one decimal place", () => {
  const { fw, a } = assessmentWith({ p1: "developing", p2: "established", p3: "established" });
  const result = scoring.scoreDimension(fw, a, must(fw.dimensions.get("purpose")));
  assert.equal(result.score, 2.7); // 8 / 3 = 2.666...
  assert.equal(result.level, 2); // 2.7 falls in level 2
  assert.equal(scoring.formatScore(result.score), "2"); // shown as its whole level only
  assert.equal(result.answered, 3);
  assert.equal(result.status, "in-progress");
});

test("halves round up, and the level is the one the rounded score falls in", () => {
  const { fw, a } = assessmentWith({ p1: "developing", p2: "established", p3: "established", p4: "emerging" });
  // (2 + 3 + 3 + 1) / 4 = 2.25 -> 2.3, level 2
  assert.equal(scoring.scoreDimension(fw, a, must(fw.dimensions.get("purpose"))).score, 2.3);
  const second = assessmentWith({ p1: "established", p2: "established", p3: "embedded", p4: "embedded" });
  // 3.5 exactly -> level 3
  const r = scoring.scoreDimension(second.fw, second.a, must(second.fw.dimensions.get("purpose")));
  assert.deepEqual([r.score, r.level], [3.5, 3]);
});

test("a mean just below a whole number rounds to it, and the level follows the shown score", () => {
  const fw = info();
  const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
  fw.framework.dimensions[0].criteria = ids.map((id) => ({ id, title: id, descriptors: [] }));
  const big = model.describe(fw.framework);
  const a = model.blankAssessment(big);
  ids.forEach((id, i) => model.setAnswer(big, a, id, i === 0 ? "developing" : "established"));
  // (2 + 19 * 3) / 20 = 2.95, shown as 3.0, so the level is 3 (not the 2 that 2.95 rounds down to).
  const r = scoring.scoreDimension(big, a, must(big.dimensions.get("purpose")));
  assert.deepEqual([r.score, r.level], [3, 3]);
  assert.equal(scoring.formatScore(r.score), "3");
});

test("'Not applicable' is left out and 'Not sure yet' counts as unanswered", () => {
  const { fw, a } = assessmentWith({
    p1: "leading",
    p2: model.NOT_APPLICABLE,
    p3: model.NOT_SURE,
    p4: "developing",
  });
  const r = scoring.scoreDimension(fw, a, must(fw.dimensions.get("purpose")));
  assert.equal(r.score, 3.5);
  assert.equal(r.notApplicable, 1);
  assert.equal(r.notSure, 1);
  assert.equal(r.unanswered, 1);
  assert.equal(r.status, "in-progress");
});

test("a dimension with every criterion not applicable is complete but has no score", () => {
  const { fw, a } = assessmentWith({ v1: model.NOT_APPLICABLE, v2: model.NOT_APPLICABLE });
  const r = scoring.scoreDimension(fw, a, must(fw.dimensions.get("voice")));
  assert.equal(r.score, null);
  assert.equal(r.level, null);
  assert.equal(r.status, "completed");
});

test("statuses: not started, in progress (a target or a note is enough), completed", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  const status = () => scoring.scoreDimension(fw, a, must(fw.dimensions.get("voice"))).status;
  assert.equal(status(), "not-started");
  model.setNote(fw, a, "voice", "views", "Young people's panel");
  assert.equal(status(), "in-progress");
  model.setNote(fw, a, "voice", "views", "");
  assert.equal(status(), "not-started");
  model.setTarget(fw, a, "voice", "embedded");
  assert.equal(status(), "in-progress");
  model.setAnswer(fw, a, "v1", "leading");
  model.setAnswer(fw, a, "v2", "emerging");
  assert.equal(status(), "completed");
  assert.equal(scoring.scoreDimension(fw, a, must(fw.dimensions.get("voice"))).target, 4);
});

test("results name the strongest and weakest dimensions and how complete the assessment is", () => {
  const { fw, a } = assessmentWith({ p1: "leading", p2: "embedded", v1: "emerging", v2: model.NOT_SURE });
  const r = scoring.results(fw, a);
  assert.deepEqual(r.strongest.map((d) => d.dimension.id), ["purpose"]);
  assert.deepEqual(r.weakest.map((d) => d.dimension.id), ["voice"]);
  assert.equal(r.criteriaTotal, 6);
  assert.equal(r.criteriaDecided, 3);
  assert.equal(r.criteriaNotSure, 1);
  assert.equal(r.percentComplete, 50);
  assert.equal(r.dimensionsCompleted, 0);
});

test("no strongest or weakest when fewer than two dimensions differ", () => {
  const { fw, a } = assessmentWith({ p1: "leading", v1: "leading" });
  const r = scoring.results(fw, a);
  assert.equal(r.scoredCount, 2);
  assert.deepEqual(r.strongest, []);
  assert.deepEqual(scoring.results(fw, model.blankAssessment(fw)).weakest, []);
});

test("the model refuses answers that are not levels or the two special answers", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  assert.throws(() => model.setAnswer(fw, a, "p1", "excellent"));
  assert.throws(() => model.setAnswer(fw, a, "nope", "leading"));
  model.setAnswer(fw, a, "p1", "leading");
  model.setAnswer(fw, a, "p1", null);
  assert.deepEqual(a.answers, {});
});

test("an unsupported scoring method is recognised", () => {
  const fw = info();
  assert.equal(scoring.isSupported(fw), true);
  for (const method of ["median", "minimum"]) {
    must(fw.framework.scoring).method = method;
    assert.equal(scoring.isSupported(fw), true);
  }
  must(fw.framework.scoring).method = "mode";
  assert.equal(scoring.isSupported(fw), false);
});

test("strongest and weakest are never a low-coverage result", () => {
  // "Strongest: Leading" from one Leading answer and the rest "Not sure yet" was a guess.
  const { fw, a } = assessmentWith({ p1: "leading", p2: model.NOT_SURE, p3: model.NOT_SURE, p4: model.NOT_SURE, v1: "developing", v2: "established" });
  const r = scoring.results(fw, a);
  assert.equal(r.dimensions[0].lowCoverage, true);
  assert.deepEqual([r.strongest, r.weakest], [[], []], "only one result is not low coverage, so none is named");
});
