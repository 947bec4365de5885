// Issue 17: hostile and careless input met by the pure modules (CSV, import files, stored data,
// migration reports and merged plans).

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as storage from "../../plugins/mkdocs_framework/js/core/storage.mjs";
import * as migrate from "../../plugins/mkdocs_framework/js/core/migrate.mjs";
import { decodeFile } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import { info, memoryStorage } from "./framework.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

const described = (name) => model.describe(JSON.parse(JSON.stringify(versions[name])));

test("a formula hidden behind spaces, line breaks, zero-width or full-width characters is made inert", () => {
  for (const start of [" =", "\u00a0=", "\n=", "\r\n+", "\u200b=", "\ufeff@", "\uff1d", " \uff0b", "\u2060-", "  \t=", "\uff20"]) {
    const field = transfer.csvField(start + "HYPERLINK(\"http://x\")");
    assert.ok(field.replace(/^"/, "").startsWith("'"), JSON.stringify(field));
  }
  for (const plain of [" plain", "\u00a0note", "a = b", "\u200bword"]) {
    assert.ok(!transfer.csvField(plain).replace(/^"/, "").startsWith("'"), JSON.stringify(plain));
  }
});

test("formatVersion given as text is reported as a changed file, not a newer version", () => {
  const fw = info();
  const good = JSON.parse(transfer.exportJson(fw, model.blankAssessment(fw)));
  const asText = transfer.parseImport(fw, JSON.stringify({ ...good, formatVersion: "1" }));
  assert.equal(asText.ok, false);
  assert.match(asText.errors[0], /formatVersion.*not a whole number/);
  assert.doesNotMatch(asText.errors[0], /newer/);
  const newer = transfer.parseImport(fw, JSON.stringify({ ...good, formatVersion: 2 }));
  assert.match(newer.errors[0], /newer version of this form/);
});

test("a file whose bytes are not UTF-8 is refused, not read with replacement characters", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  model.setDetail(a, "name", "Caf\u00e9");
  const bytes = new TextEncoder().encode(transfer.exportJson(fw, a));
  assert.equal(transfer.parseImport(fw, bytes, bytes.length).assessment.name, "Caf\u00e9");
  const latin1 = Uint8Array.from(transfer.exportJson(fw, a), (ch) => ch.charCodeAt(0) & 0xff);
  const refused = transfer.parseImport(fw, latin1, latin1.length);
  assert.equal(refused.ok, false);
  assert.match(refused.errors[0], /not UTF-8/);
  const group = decodeFile(fw, latin1, latin1.length, "group");
  assert.match(group.problems.errors[0], /^The file is not UTF-8/);
});

test("stored data from a newer format, or stored as an array, is reported as such, not as private browsing", () => {
  const cases = [
    [{ schemaVersion: 2, assessments: {} }, "newer"],
    [[1, 2, 3], "unreadable"],
    [{ schemaVersion: "1", assessments: {} }, "unreadable"],
  ];
  for (const [value, expected] of cases) {
    const memory = memoryStorage();
    memory.setItem("cif:test-framework:assessments", JSON.stringify(value));
    const store = storage.createStore(() => memory, "test-framework");
    assert.equal(store.loadCurrent().error, expected, JSON.stringify(value));
    assert.equal(store.loadAll().error, expected);
    assert.equal(store.save({ id: "a" }).error, expected);
    assert.equal(memory.getItem("cif:test-framework:assessments"), JSON.stringify(value), "left as it was");
  }
});

test("an imported file's migration report is rebuilt from checked data, so it cannot plant text", () => {
  const v2 = described("v2");
  const a = model.blankAssessment(v2);
  model.setAnswer(v2, a, "keep", "high");
  model.setAnswer(v2, a, "new-name", "low");
  const data = JSON.parse(transfer.exportJson(v2, a));
  const planted = "Your council has been hacked: ring 0800 000 000";
  data.assessment.migrations = [
    {
      from: "1.0",
      to: "2.0",
      at: "2027-01-01T09:00:00Z",
      report: {
        undeclared: planted,
        carried: ["keep", planted],
        moved: [
          { kind: "answer", from: "old-name", to: "new-name" },
          { kind: "answer", from: planted, to: "keep" },
        ],
        review: [{ criterion: "keep", reason: "merged", sources: [{ id: planted, value: planted }] }],
        notCarried: [
          { kind: "answer", id: "dropped", value: "high", reason: "removed", version: "1.0" },
          { kind: "answer", id: planted, value: planted, reason: "removed" },
        ],
        refusedReason: planted,
      },
    },
  ];
  const imported = transfer.parseImport(v2, JSON.stringify(data));
  assert.ok(imported.ok, JSON.stringify(imported.errors));
  const kept = imported.assessment.migrations.at(-1);
  assert.equal(kept.from, "1.0");
  assert.ok(!JSON.stringify(kept).includes("hacked"), JSON.stringify(kept));
  assert.deepEqual(kept.report.carried, ["keep"]);
  assert.deepEqual(kept.report.moved, [{ kind: "answer", from: "old-name", to: "new-name" }]);
  assert.deepEqual(kept.report.review, []);
  assert.deepEqual(kept.report.notCarried.map((item) => item.id), ["dropped"]);

  // A "from" that is not a version of this framework's history keeps no report at all.
  data.assessment.migrations[0].from = planted.slice(0, 200);
  const unknown = transfer.parseImport(v2, JSON.stringify(data));
  assert.ok(unknown.ok);
  assert.equal(unknown.assessment.migrations.at(-1).report, undefined);
});

test("merged plan entries keep one due date (the earlier), and merged notes never pass the limit", () => {
  const framework = JSON.parse(JSON.stringify(versions.v2));
  const record = {
    frameworkId: framework.id,
    frameworkVersion: "1.0",
    answers: { "part-one": "mid", "part-two": "high" },
    notes: {},
    plan: {
      "part-one": { action: "Train staff", owner: "Sam", due: "2025-04-01" },
      "part-two": { action: "Audit", owner: "", due: "2025-03-01" },
    },
  };
  const merged = migrate.migrateAssessment(record, framework).assessment;
  assert.deepEqual(merged.plan["both-parts"], { action: "Train staff\n\nAudit", owner: "Sam", due: "2025-03-01" });

  record.plan["part-one"].action = "a".repeat(15000);
  record.plan["part-two"].action = "b".repeat(15000);
  const long = migrate.migrateAssessment(record, framework);
  assert.equal(long.assessment.plan["both-parts"].action, "a".repeat(15000));
  const aside = long.assessment.notCarried.find((item) => item.kind === "plan");
  assert.equal(aside.value.action, "b".repeat(15000));
  assert.equal(aside.reason, "long");
  const exported = transfer.exportJson(model.describe(framework), long.assessment);
  assert.ok(transfer.parseImport(model.describe(framework), exported).ok);
});

test("two tabs saving one assessment in turn keep each other's changes (merged by field)", () => {
  const fw = info();
  const memory = memoryStorage();
  const tabA = storage.createStore(() => memory, "test-framework");
  const tabB = storage.createStore(() => memory, "test-framework");
  const start = model.blankAssessment(fw);
  const base = tabA.save(start).saved;
  // Both tabs start from the same record; each changes different fields, without reading the other's.
  const a = JSON.parse(JSON.stringify(base));
  const b = JSON.parse(JSON.stringify(base));
  model.setNote(fw, a, "purpose", "evidence", "Typed in tab A");
  model.setAnswer(fw, a, "p1", "leading");
  const savedA = tabA.save(a, base).saved;
  model.setNote(fw, b, "voice", "views", "Typed in tab B");
  model.setAnswer(fw, b, "p2", "developing");
  const savedB = tabB.save(b, base).saved;
  assert.equal(savedB.notes.purpose.evidence, "Typed in tab A");
  assert.equal(savedB.notes.voice.views, "Typed in tab B");
  assert.deepEqual(savedB.answers, { p1: "leading", p2: "developing" });
  // A change made after is kept too, and a field cleared in one tab stays cleared.
  model.setAnswer(fw, a, "p1", null);
  const savedAgain = tabA.save(a, savedA).saved;
  assert.deepEqual(savedAgain.answers, { p2: "developing" });
  assert.equal(savedAgain.notes.voice.views, "Typed in tab B");
  assert.deepEqual(storage.merge({ x: 1 }, { x: 1, ["__proto__"]: 2 }, { x: 3 }), { x: 3 });
});
