// Several assessments on one device, progress over time and the action plan: the pure modules.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as storage from "../../plugins/mkdocs_framework/js/core/storage.mjs";
import * as compare from "../../plugins/mkdocs_framework/js/core/compare.mjs";
import * as plan from "../../plugins/mkdocs_framework/js/core/plan.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import { info, memoryStorage, must } from "./framework.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

function withDescriptors(fw) {
  fw.framework.dimensions.forEach((d) =>
    d.criteria.forEach((c) => {
      c.descriptors = fw.framework.levels.map((level) => `${c.id} at ${level.label}`);
    })
  );
  return fw;
}

function answered(fw, answers, targets = {}) {
  const a = model.blankAssessment(fw);
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  Object.entries(targets).forEach(([id, value]) => model.setTarget(fw, a, id, value));
  return a;
}

// --- Several assessments ---------------------------------------------------------------------

test("every assessment on the device is listed, most recently changed first, with the open one", () => {
  const fw = info();
  const memory = memoryStorage();
  const store = storage.createStore(() => memory, "test-framework");
  const older = model.blankAssessment(fw, new Date("2026-01-01T00:00:00Z"));
  const newer = model.blankAssessment(fw, new Date("2027-01-01T00:00:00Z"));
  newer.id = older.id + "-newer";
  store.save(newer);
  store.save(older);
  const all = store.loadAll();
  assert.equal(all.ok, true);
  assert.deepEqual(
    all.assessments.map((a) => a.id),
    [newer.id, older.id]
  );
  assert.equal(all.currentId, older.id);
  assert.deepEqual(store.select(newer.id), { ok: true });
  assert.equal(store.loadCurrent().assessment.id, newer.id);
  // Selecting changes nothing else.
  assert.equal(store.loadAll().assessments.length, 2);
});

test("data saved by the earlier single-assessment form is read as it is, and gains an empty plan", () => {
  const fw = info();
  const memory = memoryStorage();
  const earlier = {
    id: "a-old",
    frameworkId: "test-framework",
    frameworkVersion: "1.0",
    name: "Baseline",
    authority: "Anyshire",
    date: "2026-10-01",
    created: "2026-10-01T09:00:00.000Z",
    updated: "2026-10-02T09:00:00.000Z",
    answers: { p1: "developing" },
    targets: { purpose: "embedded" },
    notes: { purpose: { evidence: "Audit", views: "" } },
  };
  memory.setItem("cif:test-framework:assessments", JSON.stringify({ schemaVersion: 1, assessments: { "a-old": earlier } }));
  memory.setItem("cif:test-framework:settings", JSON.stringify({ schemaVersion: 1, currentAssessment: "a-old" }));
  const store = storage.createStore(() => memory, "test-framework");
  const restored = model.restore(fw, store.loadCurrent().assessment);
  assert.deepEqual(restored.answers, earlier.answers);
  assert.deepEqual(restored.notes, earlier.notes);
  assert.deepEqual(restored.plan, {});
  assert.deepEqual(store.loadAll().assessments.map((a) => a.name), ["Baseline"]);
});

test("a duplicate starts from the same answers, targets, notes and plan under a new id, name and date", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "developing" }, { purpose: "embedded" });
  model.setDetail(a, "name", "Baseline, autumn 2026");
  model.setNote(fw, a, "purpose", "evidence", "Audit");
  model.setPlanField(fw, a, "p1", "owner", "Head of service");
  const copy = model.duplicate(fw, a, new Date("2027-10-01T09:00:00Z"));
  assert.notEqual(copy.id, a.id);
  assert.equal(copy.name, "Baseline, autumn 2026 (copy)");
  assert.equal(copy.date, "2027-10-01");
  assert.deepEqual(copy.answers, a.answers);
  assert.deepEqual(copy.targets, a.targets);
  assert.deepEqual(copy.notes, a.notes);
  assert.deepEqual(copy.plan, a.plan);
  // Changing the copy leaves the original alone.
  model.setAnswer(fw, copy, "p1", "leading");
  assert.equal(a.answers.p1, "developing");
});

// --- Progress over time ----------------------------------------------------------------------

test("comparison gives each dimension's score then and now, the change and a plain summary", () => {
  const fw = info();
  const then = answered(fw, { p1: "developing", p2: "developing", v1: "established" });
  const now = answered(fw, { p1: "established", p2: "embedded", v1: "developing" }, { purpose: "embedded" });
  const result = compare.compare(fw, then, now);
  const [purpose, voice] = result.dimensions;
  assert.equal(purpose.then.score, 2);
  assert.equal(purpose.now.score, 3.5);
  assert.equal(purpose.change, 1.5);
  assert.equal(purpose.direction, "up");
  assert.equal(purpose.target, 4);
  assert.equal(voice.direction, "down");
  assert.equal(compare.formatChange(voice.levels), "\u22121");
  assert.deepEqual(result.counts, { improved: 1, fell: 1, unchanged: 0, notCompared: 0 });
  assert.equal(compare.summary(result), "1 dimension moved up a level, 1 down, on the criteria answered in both assessments.");
  assert.equal(compare.changeWords(purpose), "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)");
  assert.deepEqual(
    result.moved.map((m) => [m.number, m.from, m.to, m.direction]),
    [
      ["1.1", "developing", "established", "up"],
      ["1.2", "developing", "embedded", "up"],
      ["2.1", "established", "developing", "down"],
    ]
  );
  assert.equal(result.likeForLike, true);
});

test("dimensions without a score in both are not compared, and unchanged ones are counted", () => {
  const fw = info();
  const then = answered(fw, { p1: "developing" });
  const now = answered(fw, { p1: "developing", v1: "leading" });
  const result = compare.compare(fw, then, now);
  assert.deepEqual(result.counts, { improved: 0, fell: 0, unchanged: 1, notCompared: 1 });
  assert.equal(
    compare.summary(result),
    "1 dimension stayed at the same level, on the criteria answered in both assessments. " +
      "1 dimension has no criterion answered with a level in both, so it is not compared."
  );
  assert.equal(
    compare.summary(compare.compare(fw, answered(fw, {}), answered(fw, {}))),
    "No dimension has a criterion answered with a level in both assessments, so none can be compared."
  );
});

test("answers for criteria this framework lacks are listed as not compared, never scored", () => {
  const fw = info();
  const then = answered(fw, { p1: "developing" });
  then.answers["retired-criterion"] = "leading";
  then.frameworkVersion = "0.9";
  const now = answered(fw, { p1: "developing" });
  const result = compare.compare(fw, then, now);
  assert.deepEqual(result.notCompared, ["retired-criterion"]);
  assert.equal(result.dimensions[0].then.score, 2);
  assert.equal(result.likeForLike, false);
});

test("an older assessment is carried forward by the framework's history before comparing", () => {
  // Version 2.0 renamed old-name to new-name, removed dropped, and reworded reword since 1.0.
  const v1 = model.describe(JSON.parse(JSON.stringify(versions.v1)));
  const fw = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const then = answered(v1, { keep: "low", "old-name": "mid", reword: "mid", dropped: "high" });
  const now = answered(fw, { keep: "mid", "new-name": "mid", reword: "high" });
  const result = compare.compare(fw, then, now);
  assert.equal(result.dimensions[0].then.score, 1.7, "old-name was carried to new-name");
  assert.deepEqual(result.flagged, ["reword"], "reword's wording changed");
  assert.deepEqual(result.notCompared, ["dropped"]);
  assert.equal(result.likeForLike, false);
  assert.deepEqual(
    result.moved.map((m) => [m.number, m.flagged]),
    [
      ["1.1", false],
      ["1.2", true],
    ]
  );
  // Answers to ids this version lacks (here saved as if made with this version, so nothing carries
  // them) are still reported, never scored.
  const stray = { ...then, frameworkVersion: "2.0", answers: { "old-name": "mid", dropped: "high" }, fingerprints: {} };
  const plain = compare.compare(fw, stray, now);
  assert.equal(plain.dimensions[0].then.score, null);
  assert.deepEqual(plain.notCompared.sort(), ["dropped", "old-name"]);
});

// --- Action plan -----------------------------------------------------------------------------

test("the plan lists each dimension below target with its weakest criteria and the next level up", () => {
  const fw = withDescriptors(info());
  const a = answered(
    fw,
    { p1: "developing", p2: "developing", p3: "embedded", p4: "not_applicable", v1: "leading", v2: "leading" },
    { purpose: "embedded", voice: "leading" }
  );
  const result = plan.generate(fw, a);
  assert.equal(result.sections.length, 1);
  const [section] = result.sections;
  assert.equal(section.dimension.id, "purpose");
  assert.deepEqual(
    section.items.map((i) => [i.number, i.from, i.to, i.descriptor]),
    [
      ["1.1", 2, 3, "p1 at Established"],
      ["1.2", 2, 3, "p2 at Established"],
    ]
  );
  assert.equal(result.atTarget, 1);
});

test("a dimension with a target but no score yet waits; one without a target is left out", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { v1: "emerging" }, { purpose: "embedded" });
  const result = plan.generate(fw, a);
  assert.deepEqual(result.sections, []);
  assert.deepEqual(result.waiting.map((d) => d.id), ["purpose"]);
  assert.equal(result.withoutTarget, 1);
});

test("what is written in the plan is kept with the assessment and its signature ignores it", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "emerging" }, { purpose: "developing" });
  const before = plan.signature(plan.generate(fw, a));
  model.setPlanField(fw, a, "p1", "action", "Write the policy");
  model.setPlanField(fw, a, "p1", "due", "2027-03-31");
  assert.deepEqual(a.plan, { p1: { action: "Write the policy", owner: "", due: "2027-03-31" } });
  assert.equal(plan.signature(plan.generate(fw, a)), before);
  model.setAnswer(fw, a, "p2", "emerging");
  assert.notEqual(plan.signature(plan.generate(fw, a)), before);
  model.setPlanField(fw, a, "p1", "action", "");
  model.setPlanField(fw, a, "p1", "due", "");
  assert.deepEqual(a.plan, {});
  assert.throws(() => model.setPlanField(fw, a, "nope", "action", "x"));
});

test("the plan's CSV has a BOM, quotes per RFC 4180 and neutralises formulas", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "emerging" }, { purpose: "developing" });
  model.setDetail(a, "name", "Review, 2027");
  model.setPlanField(fw, a, "p1", "action", '=HYPERLINK("x") then, "quote"\nline two');
  model.setPlanField(fw, a, "p1", "owner", "+Owner");
  const csv = plan.exportCsv(fw, a);
  assert.ok(csv.startsWith("\uFEFFAssessment name,"));
  assert.ok(csv.endsWith("\r\n"));
  const line = csv.split("\r\n")[1];
  assert.ok(line.startsWith('"Review, 2027",'), line);
  assert.ok(csv.includes('"\'=HYPERLINK(""x"") then, ""quote""\nline two"'), csv);
  assert.ok(csv.includes(",'+Owner,"), csv);
  assert.ok(csv.includes("p1 at Developing"));
});

test("the plan travels in the JSON export and comes back on import; a bad due date is kept aside", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "emerging" }, { purpose: "developing" });
  model.setPlanField(fw, a, "p1", "action", "Write the policy");
  model.setPlanField(fw, a, "p1", "due", "2027-03-31");
  const text = transfer.exportJson(fw, a);
  assert.deepEqual(JSON.parse(text).assessment.plan, a.plan);
  const back = transfer.parseImport(fw, text);
  assert.equal(back.ok, true);
  assert.deepEqual(back.assessment.plan, a.plan);
  const data = JSON.parse(text);
  data.assessment.plan.gone = { action: "x" };
  assert.match(transfer.parseImport(fw, JSON.stringify(data)).warnings.join(" "), /1 action plan entry is for criteria/);
  // A due date the form cannot hold is kept aside with a warning, and the rest imported (issue 23).
  data.assessment.plan.p1.due = "31/03/2027";
  const kept = transfer.parseImport(fw, JSON.stringify(data));
  assert.equal(kept.assessment.plan.p1.action, "Write the policy");
  assert.match(kept.warnings.join(" "), /the due date \u201c31\/03\/2027\u201d of the action plan entry \u201cp1\u201d/);
  delete data.assessment.plan;
  assert.deepEqual(transfer.parseImport(fw, JSON.stringify(data)).assessment.plan, {});
});

test("like for like: a 'Not sure yet' turned into Embedded is listed apart, not counted as +0.8", () => {
  // The example: over all answers the mean moves from 2.0 to 2.8 (+0.8), but the three
  // criteria answered both times moved +0.3; the fourth was "Not sure yet" and is now Embedded.
  const fw = info();
  const then = answered(fw, { p1: "developing", p2: "developing", p3: "developing", p4: model.NOT_SURE });
  const now = answered(fw, { p1: "developing", p2: "developing", p3: "established", p4: "embedded" });
  const result = compare.compare(fw, then, now);
  const purpose = result.dimensions[0];
  assert.deepEqual([purpose.then.score, purpose.now.score], [2, 2.8]); // what "+0.8" came from
  assert.equal(purpose.compared, 3);
  assert.deepEqual([purpose.likeThen.score, purpose.likeNow.score, purpose.change], [2, 2.3, 0.3]);
  assert.deepEqual([purpose.likeThen.level, purpose.likeNow.level, purpose.levels, purpose.direction], [2, 2, 0, "same"]);
  assert.deepEqual(
    purpose.onlyNow.map((a) => [a.number, a.value, a.other]),
    [["1.4", "embedded", model.NOT_SURE]]
  );
  assert.deepEqual(purpose.onlyThen, []);
  assert.equal(compare.changeWords(purpose), "No change in level. On the 3 criteria answered both times: Developing (level 2 of 5) \u2192 Developing (level 2 of 5)");
  // The headline counts levels moved: none, however the decimals drifted.
  assert.match(compare.summary(result), /^1 dimension stayed at the same level/);
  assert.doesNotMatch(compare.summary(result), /improved|moved up/);
});

test("like for like follows the framework's rule: with minimum, one criterion dropping moves the level", () => {
  const fw = info();
  must(fw.framework.scoring).method = "minimum";
  const then = answered(fw, { p1: "established", p2: "established", v1: "developing" });
  const now = answered(fw, { p1: "leading", p2: "developing", v1: "developing", v2: "emerging" });
  const result = compare.compare(fw, then, now);
  const [purpose, voice] = result.dimensions;
  assert.deepEqual([purpose.likeThen.level, purpose.likeNow.level, purpose.direction], [3, 2, "down"]);
  // v2 was unanswered then, so Emerging now does not count as a fall.
  assert.deepEqual([voice.direction, voice.onlyNow.map((a) => a.number)], ["same", ["2.2"]]);
  assert.equal(voice.now.level, 1); // the result of "now" on its own still counts it
  assert.equal(compare.summary(result), "1 dimension moved down a level, 1 stayed at the same level, on the criteria answered in both assessments.");
});

test("a change is said with the like-for-like levels it comes from, never beside two equal levels alone", () => {
  // The row: "Then 2.5 Developing, from 2 of 3 | Now 2.3 Developing, from 3 of 3 | Up 1 level".
  const fw = info();
  const then = answered(fw, { p1: "developing", p2: "established", p3: model.NOT_SURE, p4: model.NOT_APPLICABLE });
  const now = answered(fw, { p1: "established", p2: "established", p3: "emerging", p4: model.NOT_APPLICABLE });
  const result = compare.compare(fw, then, now);
  const purpose = result.dimensions[0];
  assert.deepEqual([purpose.then.level, purpose.now.level], [2, 2], "the full results are both Developing");
  assert.equal(
    compare.changeWords(purpose),
    "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)"
  );
  // The headline counts the same rows: one up, one not compared.
  assert.match(compare.summary(result), /^1 dimension moved up a level, on the criteria answered in both assessments\. 1 dimension has no criterion/);
});
