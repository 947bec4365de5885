// Issue 23: nothing a person typed is ever lost. Merged plan entries keep their priority and
// status (item 2), dates the form cannot hold are kept aside rather than refusing the file (item 4),
// text isolated from right-to-left text stays isolated whatever it holds (item 8), and a crafted
// export cannot make its own data vanish while a warning says it is kept (item 10).

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as migrate from "../../plugins/mkdocs_framework/js/core/migrate.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import { decode, decodeFile } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import * as util from "../../plugins/mkdocs_framework/js/core/util.mjs";
import { isolate } from "../../plugins/mkdocs_framework/js/ui/dom.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

const described = (name) => model.describe(JSON.parse(JSON.stringify(versions[name])));

/** An assessment made with version 1.0 whose two merged criteria have these plan entries. */
function withPlan(one, two, extra = {}) {
  const v1 = described("v1");
  const a = model.blankAssessment(v1, new Date("2027-01-01T09:00:00Z"));
  model.setAnswer(v1, a, "part-one", "mid");
  model.setAnswer(v1, a, "part-two", "high");
  a.plan = { "part-one": one, "part-two": two };
  return Object.assign(a, extra);
}

const HIGH = { action: "Train staff", owner: "Sam", due: "2027-04-01", priority: "high", status: "in-progress", progress: "Half done" };
const LOW = { action: "Audit", owner: "Kim", due: "2027-03-01", priority: "low", status: "done", progress: "Finished" };

/** The entries kept aside (notCarried) of kind plan, by the id they were written against. */
function asideById(assessment) {
  const out = {};
  for (const item of assessment.notCarried || []) if (item.kind === "plan") (out[item.id] ||= []).push(item);
  return out;
}

test("merged plan entries, opened from the device: priority and status are chosen by a stated rule and the originals kept aside", () => {
  const record = withPlan(HIGH, LOW);
  const opened = decode(described("v2"), JSON.parse(JSON.stringify(record)), "stored", migrate.migrateAssessment);
  const entry = opened.assessment.plan["both-parts"];
  assert.equal(entry.priority, "high"); // the higher priority
  assert.equal(entry.status, "in-progress"); // the less finished status
  assert.equal(entry.due, "2027-03-01"); // the earlier due date
  assert.equal(entry.action, "Train staff\n\nAudit");
  assert.equal(entry.progress, "Half done\n\nFinished");
  const aside = asideById(opened.assessment);
  assert.deepEqual(aside["part-one"].map((item) => item.value), [HIGH]);
  assert.deepEqual(aside["part-two"].map((item) => item.value), [LOW]);
  assert.equal(aside["part-one"][0].reason, "merged");
  // The notice lists them, with a reason that says what happened.
  const listed = opened.migration.report.notCarried.filter((item) => item.kind === "plan").map((item) => item.id);
  assert.deepEqual(listed.sort(), ["part-one", "part-two"]);
  assert.match(migrate.NOT_CARRIED_REASONS.merged, /higher priority, the less finished status and the earlier due date/);
  // Not one of them becomes an action of the team's own: they are kept aside only.
  assert.equal(opened.assessment.actions, undefined);
});

test("merged plan entries, imported from a 1.0 export on the hub, group page and team view: the file is used", () => {
  for (const [one, two] of [
    [HIGH, LOW],
    [{ ...HIGH, status: "done" }, { ...LOW, status: "done" }],
  ]) {
    const text = transfer.exportJson(described("v1"), withPlan(one, two));
    for (const kind of ["file", "group"]) {
      const decoded = decodeFile(described("v2"), text, undefined, kind, migrate.migrateAssessment);
      assert.equal(decoded.outcome, "ok", JSON.stringify(decoded.problems));
      const entry = decoded.assessment.plan["both-parts"];
      assert.equal(entry.status, one.status === two.status ? "done" : "in-progress");
      assert.equal(entry.priority, "high");
      assert.deepEqual(Object.keys(asideById(decoded.assessment)).sort(), ["part-one", "part-two"]);
      assert.ok(decoded.problems.warnings.some((w) => /combined with others, each also kept as it was written/.test(w)));
    }
  }
});

test("equal choices are kept as they are, and a choice on one side only is taken without setting anything aside", () => {
  const same = decode(described("v2"), withPlan({ action: "A", priority: "medium", status: "done" }, { action: "B", priority: "medium", status: "done" }), "stored", migrate.migrateAssessment);
  assert.deepEqual(same.assessment.plan["both-parts"], { action: "A\n\nB", owner: "", due: "", priority: "medium", status: "done" });
  assert.equal(same.assessment.notCarried, undefined);
  const one = decode(described("v2"), withPlan({ action: "A", priority: "low" }, { action: "B", owner: "Sam", due: "2027-01-05" }), "stored", migrate.migrateAssessment);
  assert.deepEqual(one.assessment.plan["both-parts"], { action: "A\n\nB", owner: "Sam", due: "2027-01-05", priority: "low" });
  assert.equal(one.assessment.notCarried, undefined);
});

test("a priority or status saved by an older version as joined text is kept aside, never dropped", () => {
  const v2 = described("v2");
  const record = model.blankAssessment(v2);
  record.plan = { "both-parts": { action: "Train staff", priority: "high\n\nlow", status: "in-progress\n\ndone" } };
  const opened = decode(v2, record, "stored", migrate.migrateAssessment);
  assert.deepEqual(opened.assessment.plan["both-parts"], { action: "Train staff", owner: "", due: "" });
  const kept = opened.assessment.notCarried.map((item) => item.value);
  assert.deepEqual(kept, [{ priority: "high\n\nlow" }, { status: "in-progress\n\ndone" }]);
});

test("a date the form cannot hold, in a file, is kept aside with a message and the rest of the file is used", () => {
  const v2 = described("v2");
  const a = model.blankAssessment(v2);
  model.setDetail(a, "name", "Review");
  model.setDetail(a, "date", "220261-12-07");
  model.setAnswer(v2, a, "keep", "high");
  a.plan = { keep: { action: "Train staff", due: "202777-12-06", priority: "high" } };
  a.actions = [{ id: "act-1", criterion: "", action: "Own", owner: "", due: "2027-02-30" }];
  const text = transfer.exportJson(v2, a);
  for (const kind of ["file", "group"]) {
    const decoded = decodeFile(v2, text, undefined, kind, migrate.migrateAssessment);
    assert.equal(decoded.outcome, "ok", JSON.stringify(decoded.problems));
    const got = decoded.assessment;
    assert.equal(got.name, "Review");
    assert.equal(got.date, "");
    assert.deepEqual(got.answers, { keep: "high" });
    assert.deepEqual(got.plan.keep, { action: "Train staff", owner: "", due: "", priority: "high" });
    assert.equal(got.actions[0].action, "Own");
    assert.equal(got.actions[0].due, "");
    const aside = got.notCarried.map((item) => [item.kind, item.id, item.value, item.reason]);
    assert.deepEqual(aside, [
      ["detail", "date", "220261-12-07", "date"],
      ["plan", "keep", { due: "202777-12-06" }, "date"],
      ["plan", "act-1", { due: "2027-02-30" }, "date"],
    ]);
    const warning = decoded.problems.warnings.find((w) => w.includes("kept aside"));
    assert.match(warning, /the assessment's date \u201c220261-12-07\u201d/);
    assert.match(warning, /the due date \u201c202777-12-06\u201d of the action plan entry \u201ckeep\u201d/);
    // Exported again, it imports again as it is: what was kept aside stays kept.
    const again = decodeFile(v2, transfer.exportJson(v2, got), undefined, kind, migrate.migrateAssessment);
    assert.equal(again.outcome, "ok");
    assert.deepEqual(again.assessment.notCarried, got.notCarried);
  }
});

/** True when every isolate opened in text is closed, and the first character's isolate only by the last. */
function staysIsolated(text) {
  let depth = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    if ("\u2066\u2067\u2068".includes(chars[i])) depth += 1;
    if (chars[i] === "\u2069" && depth > 0) depth -= 1;
    if (depth === 0 && i < chars.length - 1) return false;
  }
  return depth === 0;
}

test("text isolated from the page's own words stays isolated whatever direction marks it holds", () => {
  for (const name of ["\u2069\u202Eevil", "a\u2069b", "\u2067open", "\u2066x\u2069\u2069", "\u202Bembedded", "\u2068ok\u2069", "x\u202C\u2069y\n\u2067z"]) {
    assert.ok(staysIsolated(isolate(name)), JSON.stringify(isolate(name)));
  }
  // Balanced marks are kept, so the text reads as typed; stray closing marks are dropped.
  assert.equal(util.balancedBidi("\u2067\u05e9\u05dc\u05d5\u05dd\u2069"), "\u2067\u05e9\u05dc\u05d5\u05dd\u2069");
  assert.equal(util.balancedBidi("Review\u2069 2026"), "Review 2026");
  assert.equal(util.balancedBidi("\u202Eevil"), "\u202Eevil\u202C");
  assert.equal(util.balancedBidi("\u2067a\u202Bb\u2069c"), "\u2067a\u202Bb\u202C\u2069c");
  assert.equal(util.balancedBidi("plain"), "plain");
});

test("an own action whose id is that of a removed criterion's kept plan entry hides neither", () => {
  const v1 = described("v1");
  const a = model.blankAssessment(v1);
  model.setAnswer(v1, a, "dropped", "high");
  a.plan = { dropped: { action: "Plan text for the removed criterion", owner: "", due: "" } };
  a.actions = [{ id: "kept-dropped", criterion: "", action: "The team's own action", owner: "", due: "" }];
  const imported = decodeFile(described("v2"), transfer.exportJson(v1, a), undefined, "file", migrate.migrateAssessment);
  assert.equal(imported.outcome, "ok", JSON.stringify(imported.problems));
  const texts = imported.assessment.actions.map((action) => action.action);
  assert.deepEqual(texts.sort(), ["Plan text for the removed criterion", "The team's own action"]);
  const ids = imported.assessment.actions.map((action) => action.id);
  assert.equal(new Set(ids).size, ids.length);
  // Opened twice (as the device does on each visit), the kept entry is not kept twice.
  const twice = decode(described("v2"), imported.assessment, "stored", migrate.migrateAssessment);
  assert.equal(twice.assessment.actions.length, 2);
});

test("a removed criterion with a long id keeps its plan entry under an id the decoder accepts", () => {
  const framework = JSON.parse(JSON.stringify(versions.v2));
  const long = "a".repeat(60);
  framework.lineage.from["1.0"].ids[long] = { to: [], removedAfter: "1.0" };
  const record = { frameworkId: framework.id, frameworkVersion: "1.0", answers: {}, plan: { [long]: { action: "Kept", owner: "", due: "" } } };
  const opened = decode(model.describe(framework), record, "stored", migrate.migrateAssessment);
  assert.deepEqual(opened.assessment.actions.map((action) => action.action), ["Kept"]);
});

test("with 2,000 entries already kept aside, a newly removed answer is kept too, as the warning says", () => {
  const v1 = described("v1");
  const a = model.blankAssessment(v1);
  model.setAnswer(v1, a, "dropped", "high");
  a.notCarried = Array.from({ length: 2000 }, (_, i) => ({ kind: "answer", id: `old-${i}`, value: "low", reason: "removed", version: "0.9" }));
  const imported = decodeFile(described("v2"), transfer.exportJson(v1, a), undefined, "file", migrate.migrateAssessment);
  assert.equal(imported.outcome, "ok");
  assert.equal(imported.assessment.notCarried.length, 2001);
  assert.ok(imported.assessment.notCarried.some((item) => item.id === "dropped" && item.value === "high"));
  assert.ok(imported.problems.warnings.some((w) => /1 entry that cannot be carried over, kept in exports/.test(w)));
  const stored = decode(described("v2"), a, "stored", migrate.migrateAssessment);
  assert.equal(stored.assessment.notCarried.length, 2001);
});
