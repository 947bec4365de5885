// The action plan (suggestions and the team's own actions), the board report's content and its
// Word writer: the pure modules.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as plan from "../../plugins/mkdocs_framework/js/core/plan.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as report from "../../plugins/mkdocs_framework/js/core/report.mjs";
import { crc32, docx, zip } from "../../plugins/mkdocs_framework/js/core/docx.mjs";
import { decodeStored } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import { migrateAssessment } from "../../plugins/mkdocs_framework/js/core/migrate.mjs";
import { progress } from "../../plugins/mkdocs_framework/js/results/progress.mjs";
import { info } from "./framework.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };
import { unzip } from "./word-file.mjs";

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

const ids = (generated) => generated.sections.flatMap((s) => s.items.map((i) => i.criterion.id));

test("every criterion below its dimension's target is suggested, even when the dimension meets it", () => {
  const fw = withDescriptors(info());
  // Emerging, Embedded, Embedded and not applicable: a mean of 3.0, Established, meets the target.
  const a = answered(fw, { p1: "emerging", p2: "embedded", p3: "embedded", p4: "not_applicable" }, { purpose: "established" });
  const generated = plan.generate(fw, a);
  assert.equal(generated.lowest, false);
  assert.deepEqual(ids(generated), ["p1"]);
  const item = generated.sections[0].items[0];
  assert.deepEqual([item.from, item.to, item.descriptor], [1, 2, "p1 at Developing"]);
});

test("with no targets the lowest answers are suggested, and the plan says so", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "established", p2: "developing", v1: "developing", v2: "leading" });
  const generated = plan.generate(fw, a);
  assert.equal(generated.lowest, true);
  assert.deepEqual(ids(generated), ["p2", "v1"]);
  assert.match(plan.basisText(generated), /No target levels are set/);
  // Everything at the top level: nothing to suggest.
  assert.deepEqual(ids(plan.generate(fw, answered(fw, { p1: "leading" }))), []);
});

test("the team's own actions are added, edited and removed, and checked", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  const action = plan.addAction(fw, a);
  assert.match(action.id, /^act-[a-z0-9]+-[a-z0-9]+$/);
  plan.setActionField(fw, a, action.id, "action", "Run a workshop");
  plan.setActionField(fw, a, action.id, "priority", "high");
  plan.setActionField(fw, a, action.id, "status", "done");
  plan.setActionField(fw, a, action.id, "criterion", "v1");
  assert.deepEqual(
    { ...a.actions[0], id: "" },
    { id: "", criterion: "v1", action: "Run a workshop", owner: "", due: "", priority: "high", status: "done" }
  );
  assert.throws(() => plan.setActionField(fw, a, action.id, "priority", "urgent"));
  assert.throws(() => plan.setActionField(fw, a, action.id, "criterion", "nope"));
  assert.equal(model.hasContent(a), true);
  plan.removeAction(a, action.id);
  assert.equal(a.actions, undefined);
});

test("actions and plan fields travel in the JSON export; bad choices are kept aside, a bad id refuses the file", () => {
  const fw = info();
  const a = answered(fw, { p1: "emerging" }, { purpose: "developing" });
  model.setPlanField(fw, a, "p1", "status", "in-progress");
  model.setPlanField(fw, a, "p1", "progress", "Half done");
  const action = plan.addAction(fw, a, "v2");
  plan.setActionField(fw, a, action.id, "due", "2027-01-31");
  const text = transfer.exportJson(fw, a);
  const back = transfer.parseImport(fw, text);
  assert.equal(back.ok, true, JSON.stringify(back.errors));
  assert.deepEqual(back.assessment.actions, a.actions);
  assert.deepEqual(back.assessment.plan, a.plan);
  // A due date or status the form cannot hold is kept aside, and the rest of the file used (issue 23).
  for (const [field, value] of [["due", "31/01/2027"], ["status", "stuck"]]) {
    const data = JSON.parse(text);
    data.assessment.actions = [{ ...a.actions[0], [field]: value }];
    const kept = transfer.parseImport(fw, JSON.stringify(data));
    assert.equal(kept.ok, true, JSON.stringify(kept.errors));
    assert.equal(kept.assessment.actions[0].criterion, "v2");
    assert.deepEqual(kept.assessment.notCarried.map((item) => item.value), [{ [field]: value }]);
  }
  const data = JSON.parse(text);
  data.assessment.actions = [{ ...a.actions[0], id: "__proto__" }];
  assert.match(transfer.parseImport(fw, JSON.stringify(data)).errors.join(" "), /own actions in the file are not in the expected form/);
});

test("an old record without the new fields loads as it was", () => {
  const fw = info();
  const raw = {
    id: "old",
    frameworkId: "test-framework",
    frameworkVersion: "1.0",
    name: "Old",
    answers: { p1: "emerging" },
    plan: { p1: { action: "Do it", owner: "Me", due: "2026-01-01" } },
  };
  const { assessment } = decodeStored(fw, raw);
  assert.deepEqual(assessment.plan, raw.plan);
  assert.equal(assessment.actions, undefined);
  assert.equal(plan.fieldText(assessment.plan.p1, "status"), "Not started");
});

test("actions follow renamed criteria across versions; those about removed ones are kept and marked", () => {
  const fw = info();
  fw.framework.version = "2.0";
  fw.framework.lineage = {
    versionPattern: "^[0-9]+\\.[0-9]+$",
    versions: ["1.0", "2.0"],
    from: { "1.0": { ids: { old: { to: [{ id: "v1", how: "renamed" }], removedAfter: null }, gone: { to: [], removedAfter: "1.0" } }, levels: {} } },
  };
  const record = {
    id: "a",
    frameworkId: "test-framework",
    frameworkVersion: "1.0",
    answers: {},
    plan: { gone: { action: "Was in the plan", owner: "Lead", due: "" } },
    actions: [
      { id: "act-1", criterion: "old", action: "Follows", owner: "", due: "" },
      { id: "act-2", criterion: "gone", action: "Kept", owner: "", due: "" },
    ],
  };
  const { assessment, report: migration } = migrateAssessment(record, fw.framework);
  assert.deepEqual(
    assessment.actions.map((x) => [x.id, x.criterion, x.formerCriterion || "", x.action]),
    [
      ["act-1", "v1", "", "Follows"],
      ["act-2", "", "gone", "Kept"],
      ["kept-gone", "", "gone", "Was in the plan"],
    ]
  );
  assert.deepEqual(assessment.plan, {});
  assert.deepEqual(migration.actionsKept, ["gone"]);
  assert.equal((assessment.notCarried || []).filter((x) => x.kind === "plan").length, 0);
});

test("the plan's spreadsheet lists suggestions then own actions, with every field", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "emerging" }, { purpose: "developing" });
  model.setPlanField(fw, a, "p1", "priority", "low");
  const action = plan.addAction(fw, a);
  plan.setActionField(fw, a, action.id, "action", "=SUM(A1)");
  const [header, ...rows] = plan.exportCsv(fw, a).replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.match(header, /Source,.*Priority,Status,Progress note$/);
  assert.equal(rows.length, 2);
  assert.match(rows[0], /Suggested,purpose,Purpose,.*,Low,Not started,$/);
  assert.match(rows[1], /,Own,.*'=SUM\(A1\)/);
});

test("the report holds the cover, evidence, views, every answer, the plan and progress", () => {
  const fw = withDescriptors(info());
  const a = answered(fw, { p1: "emerging", p2: "embedded", v1: "not_sure" }, { purpose: "established" });
  a.name = "Review";
  a.participants = "Head of service";
  model.setNote(fw, a, "purpose", "evidence", "Line one\n\nLine two");
  model.setNote(fw, a, "voice", "views", "Young people said so");
  const built = report.build(fw, a, "2026-11-30", null);
  assert.deepEqual(built.facts.find(([k]) => k === "Who took part"), ["Who took part", "Head of service"]);
  const texts = built.dimensions.map((b) => report.plain(b.text || "")).join("|");
  assert.match(texts, /Line one\|Line two/);
  assert.match(texts, /Young people said so/);
  const answers = built.dimensions.filter((b) => b.kind === "table").flatMap((b) => b.rows.map((r) => r.join(": ")));
  assert.deepEqual(answers, ["1.1 Criterion p1: Emerging", "1.2 Criterion p2: Embedded", "1.3 Criterion p3: Not answered", "1.4 Criterion p4: Not answered", "2.1 Criterion v1: Not sure yet", "2.2 Criterion v2: Not answered"]);
  assert.equal(built.plan.find((b) => b.kind === "table").rows[0][0], "1.1 Criterion p1: from Emerging to Developing");
  assert.match(report.plain(built.progress[0].text), /No earlier assessment/);
  delete a.participants;
  assert.equal(report.build(fw, a, "2026-11-30", null).facts.some(([k]) => k === "Who took part"), false);
});

test("the report names the notes and the organisation in the framework's own words", () => {
  const fw = info();
  fw.framework.notes = [{ id: "evidence", label: "", hint: null, prompt: "", column: "What we found", name: "" }];
  fw.framework.terms = { organisationLabel: "Trust" };
  const a = model.blankAssessment(fw);
  a.authority = "North Trust";
  model.setNote(fw, a, "purpose", "evidence", "Seen");
  const built = report.build(fw, a, "2026-11-30", null);
  assert.deepEqual(built.facts[0], ["Trust", "North Trust"]);
  const headings = built.dimensions.filter((b) => b.kind === "heading" && b.level === 4).map((b) => b.text);
  assert.deepEqual(headings, ["What we found", "What we found"]);
});

// --- The report renders the account (issue 22's examples) ------------------------------------

/** The test framework with a third dimension of three criteria, "Ethics and proportionality". */
function withEthics() {
  const fw = info();
  fw.framework.dimensions.push({
    id: "ethics",
    number: 3,
    name: "Ethics and proportionality",
    theme: null,
    criteria: ["e1", "e2", "e3"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
  });
  return model.describe(fw.framework);
}

/** The results table's rows, by dimension name: [score, level, target, coverage]. */
function resultRows(built) {
  const table = built.results[0];
  return Object.fromEntries(table.rows.map(([name, ...cells]) => [report.plain(name), cells.map(report.plain)]));
}

test("a result from one criterion and two 'Not sure yet' is never named strongest, and its low coverage is beside its level", () => {
  // Issue 22: "Strongest: 6. Analysis and insight (Leading)" with the other two criteria "Not sure yet".
  const fw = withEthics();
  const a = answered(fw, { e1: "leading", e2: "not_sure", e3: "not_sure", p1: "established", p2: "established", v1: "developing" });
  const built = report.build(fw, a, "2026-11-30", null);
  const summary = built.summary.join("\n");
  assert.doesNotMatch(summary, /Strongest[^\n]*Ethics/);
  assert.match(summary, /^Strongest dimension: 1\. Purpose \(Established \(level 3 of 5\)\)\.$/m);
  const low = built.summary.findIndex((line) => line.startsWith("Low coverage"));
  const strongest = built.summary.findIndex((line) => line.startsWith("Strongest"));
  assert.ok(low >= 0 && low < strongest, "low coverage is said before strongest");
  assert.equal(built.summary[low], "Low coverage (from fewer than half of their criteria): 3. Ethics and proportionality.");
  const ethics = resultRows(built)["3. Ethics and proportionality"];
  assert.deepEqual(ethics, ["Level 5 of 5", "Leading (low coverage)", "Not set", "from 1 of 3 criteria (low coverage); 2 Not sure yet"]);
});

test("a strongest dimension with an Emerging weak spot says so in the summary, the table and its own part", () => {
  const fw = info();
  const a = answered(fw, { p1: "leading", p2: "leading", p3: "leading", p4: "emerging", v1: "developing", v2: "developing" });
  const built = report.build(fw, a, "2026-11-30", null);
  assert.ok(built.summary.includes("Strongest dimension: 1. Purpose (Embedded (level 4 of 5); weak spot: 1.4 Criterion p4, Emerging)."), built.summary.join("\n"));
  assert.equal(resultRows(built)["1. Purpose"][1], "Embedded. Weak spot: 1.4 Criterion p4, Emerging.");
  const terms = built.dimensions.find((b) => b.kind === "terms");
  assert.deepEqual(terms.rows[0], ["Level", "Embedded. Weak spot: 1.4 Criterion p4, Emerging."]);
});

test("a dimension whose criteria are all 'Not applicable' is named, and called 'Not applicable' everywhere in the report", () => {
  const fw = info();
  const a = answered(fw, { p1: "developing", p2: "established", v1: "not_applicable", v2: "not_applicable" });
  const built = report.build(fw, a, "2026-11-30", null);
  assert.ok(built.summary.includes("Without a result: 2. Voice (Not applicable)."), built.summary.join("\n"));
  assert.deepEqual(resultRows(built)["2. Voice"], ["\u2013", "Not applicable", "Not set", "2 Not applicable"]);
  const voice = built.dimensions.filter((b) => b.kind === "terms")[1];
  assert.deepEqual(voice.rows[0], ["Level", "Not applicable"]);
  const everything = JSON.stringify([built.summary, built.results, built.dimensions]);
  assert.doesNotMatch(everything, /No result yet|No score yet/);
});

test("the summary's counts name 'Not applicable', 'Not sure yet' and those not answered, and the dimensions without a result", () => {
  // Issue 22: "31 of 39 criteria answered" hid 4 "Not applicable" and 4 "Not sure yet".
  const fw = withEthics();
  const a = answered(fw, { p1: "developing", p2: "not_applicable", p3: "not_sure", v1: "established", v2: "established" });
  const built = report.build(fw, a, "2026-11-30", null);
  assert.equal(built.summary[0], "4 of 9 criteria answered (1 Not applicable), 1 Not sure yet, 4 not answered; 2 of 3 dimensions have a result.");
  assert.equal(built.summary[1], "Without a result: 3. Ethics and proportionality (No result yet).");
});

test("a progress row shows the like-for-like levels its change comes from, and names what was left out", () => {
  // Issue 22: "Then Developing, from 2 of 3 criteria | Now Developing, from 3 of 3 | Up 1 level".
  const fw = withEthics();
  const then = answered(fw, { e1: "developing", e2: "established", e3: "not_sure" });
  const now = answered(fw, { e1: "established", e2: "established", e3: "emerging" });
  then.name = "Baseline";
  const built = report.build(fw, now, "2026-11-30", { assessment: then, progress: progress(fw, then, now) });
  const table = built.progress.find((b) => b.kind === "table" && b.caption === "Each dimension then and now");
  assert.deepEqual(table.head, ["Dimension", "Result then (all its answers then)", "Result now (all its answers now)", "Change, on the criteria answered with a level both times"]);
  const ethics = table.rows.find((r) => report.plain(r[0]) === "3. Ethics and proportionality").map(report.plain);
  assert.deepEqual(ethics, [
    "3. Ethics and proportionality",
    "Developing (level 2 of 5), from 2 of 3 criteria",
    "Developing (level 2 of 5), from 3 of 3 criteria",
    "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)",
  ]);
  const apart = built.progress.find((b) => b.kind === "table" && b.caption === "Criteria answered with a level in only one of the two");
  assert.deepEqual(apart.rows, [["3.3 Criterion e3", "Not sure yet", "Emerging"]]);
  // The Word file prints the same row.
  const xml = unzip(docx(built, "Kicker"))["word/document.xml"];
  assert.match(xml, /Up 1 level\. On the 2 criteria answered both times: Developing \(level 2 of 5\) \u2192 Established \(level 3 of 5\)/);
});

test("the progress headline counts the rows, and every row that states a change shows two different levels", () => {
  const fw = withEthics();
  const then = answered(fw, { p1: "developing", p2: "developing", v1: "established", e1: "developing", e2: "established", e3: "not_sure" });
  const now = answered(fw, { p1: "established", p2: "established", v1: "established", e1: "established", e2: "established", e3: "emerging" });
  const built = report.build(fw, now, "2026-11-30", { assessment: then, progress: progress(fw, then, now) });
  const headline = report.plain(built.progress[0].text);
  assert.match(headline, /: 2 dimensions moved up a level, 1 stayed at the same level, on the criteria answered in both assessments\.$/);
  const rows = built.progress.find((b) => b.kind === "table").rows.map((r) => r.map(report.plain));
  const up = rows.filter((r) => r[3].startsWith("Up "));
  assert.equal(up.length, 2);
  assert.equal(rows.filter((r) => r[3].startsWith("No change in level")).length, 1);
  for (const r of up) {
    const [, from, to] = /: (\w+) \(level \d+ of \d+\) \u2192 (\w+) \(level \d+ of \d+\)$/.exec(r[3]) || [];
    assert.ok(from && to && from !== to, r[3]);
  }
});

test("progress from an assessment of an earlier version names the answers it could not compare and those to check", () => {
  const v1 = model.describe(JSON.parse(JSON.stringify(versions.v1)));
  const v2 = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const earlier = answered(v1, { keep: "high", reword: "mid", "old-name": "low", dropped: "high" });
  const later = answered(v2, { keep: "high", reword: "high", "new-name": "mid" });
  const p = progress(v2, earlier, later);
  const built = report.build(v2, later, "2026-11-30", { assessment: earlier, progress: p });
  const said = built.progress.filter((b) => b.kind === "paragraph").map((b) => report.plain(b.text));
  assert.ok(said.includes("1 answer is for a criterion that this version of the framework does not have, so it was not compared: \u201cdropped\u201d."), said.join("\n"));
  assert.ok(p.flagged.length > 0);
  const flagged = said.find((text) => /carried over from another version of the framework and needs? checking/.test(text));
  assert.ok(flagged && flagged.includes("1.2 Reworded later"), said.join("\n"));
});


test("CRC-32 matches the standard check value, and the zip reads back", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  const files = unzip(zip([["a.txt", "h\u00e9llo"], ["b/c.xml", "<x/>"]]));
  assert.deepEqual(files, { "a.txt": "h\u00e9llo", "b/c.xml": "<x/>" });
});

// The Word document's parts, headings and text as typed: tests/js/docx.test.mjs.
