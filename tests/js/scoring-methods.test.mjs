// The scoring rules a framework can declare (mean, median, minimum), coverage, weak spots,
// theme and overall results. (The rule in words is the plugin's: tests/test_scoring_rule.py.)
import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as scoring from "../../plugins/mkdocs_framework/js/core/scoring.mjs";
import { framework, must } from "./framework.mjs";

/** A framework with the given scoring, and an assessment with these answers.
 * @param {object | undefined} scoringRule @param {Record<string, string>} answers @param {(data: any) => void} [change] */
function scored(scoringRule, answers, change = () => {}) {
  const data = JSON.parse(JSON.stringify(framework));
  data.scoring = scoringRule;
  change(data);
  const fw = model.describe(data);
  const a = model.blankAssessment(fw);
  for (const [id, value] of Object.entries(answers)) model.setAnswer(fw, a, id, value);
  return { fw, a, purpose: scoring.scoreDimension(fw, a, must(fw.dimensions.get("purpose"))) };
}

// The issue's example: Emerging, Embedded, Embedded and "not applicable".
const ISSUE = { p1: "emerging", p2: "embedded", p3: "embedded", p4: model.NOT_APPLICABLE };

test("mean, median and minimum give different levels for the same answers", () => {
  const mean = scored({ method: "mean" }, ISSUE).purpose;
  const median = scored({ method: "median" }, ISSUE).purpose;
  const minimum = scored({ method: "minimum" }, ISSUE).purpose;
  assert.deepEqual([mean.score, mean.level], [3, 3]); // (1 + 4 + 4) / 3 = 3.0, Established
  assert.deepEqual([median.score, median.level], [4, 4]); // middle of 1, 4, 4 is 4, Embedded
  assert.deepEqual([minimum.score, minimum.level], [1, 1]); // the weakest, Emerging
});

test("median of an even number of answers is halfway between the middle two, rounded down to a level", () => {
  const two = scored({ method: "median" }, { p1: "emerging", p2: "developing" }).purpose;
  assert.deepEqual([two.score, two.level], [1.5, 1]);
  const apart = scored({ method: "median" }, { p1: "emerging", p2: "established" }).purpose;
  assert.deepEqual([apart.score, apart.level], [2, 2]);
  const four = scored({ method: "median" }, { p1: "leading", p2: "emerging", p3: "embedded", p4: "developing" }).purpose;
  // 1, 2, 4, 5: halfway between 2 and 4 is 3.0, Established
  assert.deepEqual([four.score, four.level], [3, 3]);
  assert.equal(scoring.formatScore(four.score), "3");
});

test("minimum: one weak answer sets the level however many strong ones there are", () => {
  const r = scored({ method: "minimum" }, { p1: "leading", p2: "leading", p3: "leading", p4: "developing" }).purpose;
  assert.deepEqual([r.score, r.level], [2, 2]);
  assert.deepEqual(r.weakSpots, []); // nothing is below the minimum
});

test("no method declared means mean", () => {
  const r = scored(undefined, ISSUE).purpose;
  assert.deepEqual([r.score, r.level], [3, 3]);
});

test("coverage: answered of applicable criteria, and low when fewer than half", () => {
  const one = scored({ method: "mean" }, { p1: "leading", p2: model.NOT_SURE }).purpose;
  assert.equal(one.answered, 1);
  assert.equal(one.applicable, 4);
  assert.equal(one.lowCoverage, true);
  assert.equal(scoring.coverageText(one), "from 1 of 4 criteria (low coverage)");
  const half = scored({ method: "mean" }, { p1: "leading", p2: "leading" }).purpose;
  assert.equal(half.lowCoverage, false);
  assert.equal(scoring.coverageText(half), "from 2 of 4 criteria");
  // Not applicable leaves the criterion out of what could be answered: 1 of 3 is low.
  const na = scored({ method: "mean" }, { p1: "leading", p2: model.NOT_APPLICABLE }).purpose;
  assert.deepEqual([na.answered, na.applicable, na.lowCoverage], [1, 3, true]);
  const issue = scored({ method: "mean" }, ISSUE).purpose;
  assert.equal(scoring.coverageText(issue), "from 3 of 3 criteria");
  const none = scored({ method: "mean" }, {}).purpose;
  assert.equal(none.lowCoverage, false); // no result, so nothing to mark
});

test("a criterion two or more levels below the result is a weak spot", () => {
  const mean = scored({ method: "mean" }, ISSUE).purpose;
  assert.deepEqual(
    mean.weakSpots.map((w) => [w.number, w.criterion.id, w.level]),
    [["1.1", "p1", 1]]
  );
  assert.equal(scoring.weakSpotText(mean, (n) => framework.levels[n - 1].label), "Weak spot: 1.1 Criterion p1, Emerging");
  const median = scored({ method: "median" }, ISSUE).purpose;
  assert.equal(median.weakSpots.length, 1);
  // One level below is not a weak spot.
  const close = scored({ method: "mean" }, { p1: "developing", p2: "established", p3: "established" }).purpose;
  assert.deepEqual(close.weakSpots, []);
  assert.equal(scoring.weakSpotText(close, String), "");
  const two = scored({ method: "mean" }, { p1: "emerging", p2: "emerging", p3: "leading", p4: "leading" }).purpose;
  assert.equal(scoring.weakSpotText(two, (n) => framework.levels[n - 1].label), "Weak spots: 1.1 Criterion p1, Emerging; 1.2 Criterion p2, Emerging");
});

const withThemes = (/** @type {any} */ data) => {
  data.themes = [
    { id: "why", title: "Why" },
    { id: "how", title: "How" },
  ];
  data.dimensions[0].theme = "why";
  data.dimensions[1].theme = "how";
};

test("theme and overall results only when the framework asks for them", () => {
  const answers = { p1: "emerging", p2: "leading", v1: "developing", v2: model.NOT_APPLICABLE };
  const plain = scored({ method: "minimum" }, answers, withThemes);
  const none = scoring.results(plain.fw, plain.a);
  assert.deepEqual(none.themes, []);
  assert.equal(none.overall, null);
  const asked = scored({ method: "minimum", themeResults: true, overallResult: true }, answers, withThemes);
  const r = scoring.results(asked.fw, asked.a);
  assert.deepEqual(
    r.themes.map((t) => [must(t.theme).id, t.level, t.answered, t.applicable, t.lowCoverage]),
    [
      ["why", 1, 2, 4, false],
      ["how", 2, 1, 1, false],
    ]
  );
  const overall = must(r.overall);
  assert.deepEqual([overall.level, overall.answered, overall.applicable], [1, 3, 5]);
  const mean = scored({ method: "mean", overallResult: true }, answers, withThemes);
  assert.equal(must(scoring.results(mean.fw, mean.a).overall).score, 2.7); // (1 + 5 + 2) / 3
});
