// The one decoder: the same steps for a record on the device, a file, a group file and a link.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as share from "../../plugins/mkdocs_framework/js/core/share.mjs";
import { decode, decodeAny, decodeFile, decodeLink, needsMigration } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import { migrateAssessment } from "../../plugins/mkdocs_framework/js/core/migrate.mjs";
import { checkAssessment } from "../../plugins/mkdocs_framework/js/core/fields.mjs";
import { info } from "./framework.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

const described = (name) => model.describe(JSON.parse(JSON.stringify(versions[name])));

function v1Assessment() {
  const v1 = described("v1");
  const a = model.blankAssessment(v1, new Date("2027-01-01T09:00:00Z"));
  model.setDetail(a, "authority", "Anyshire");
  model.setAnswer(v1, a, "keep", "high");
  model.setAnswer(v1, a, "old-name", "mid");
  model.setAnswer(v1, a, "dropped", "low");
  return { v1, a };
}

test("a record on the device of this version is made safe and kept as it is", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  model.setAnswer(fw, a, "p1", "leading");
  const decoded = decode(fw, JSON.parse(JSON.stringify(a)), "stored");
  assert.equal(decoded.outcome, "ok");
  assert.equal(decoded.migration.status, "current");
  assert.deepEqual(decoded.assessment.answers, { p1: "leading" });
  assert.equal(decoded.assessment.id, a.id);
  assert.deepEqual(decoded.problems, { errors: [], warnings: [] });
});

test("a record of an earlier version is carried, and one of a newer version refused and left alone", () => {
  const { a } = v1Assessment();
  const v2 = described("v2");
  const carried = decode(v2, a, "stored", migrateAssessment);
  assert.equal(carried.migration.status, "migrated");
  assert.deepEqual(carried.assessment.answers, { keep: "high", "new-name": "mid" });
  assert.deepEqual(carried.notCarried, ["dropped"]);
  assert.deepEqual(carried.migration.counts, { carried: 1, moved: 1, review: 0, notCarried: 1 });
  const newer = { ...a, frameworkVersion: "9.0" };
  const refused = decode(v2, newer, "stored", migrateAssessment);
  assert.equal(refused.assessment, null);
  assert.equal(refused.outcome, "refused");
  assert.equal(refused.migration.status, "refused");
  assert.match(refused.problems.errors[0], /version 9\.0 of the framework, which is newer/);
  assert.equal(decode(v2, "nonsense", "stored", migrateAssessment).outcome, "refused");
});

test("a file and a link with the same answers decode to the same answers and migration", () => {
  const { v1, a } = v1Assessment();
  const v2 = described("v2");
  const file = decodeFile(v2, transfer.exportJson(v1, a), undefined, "file", migrateAssessment);
  const link = decodeLink(v2, share.encode(v1, a), migrateAssessment);
  for (const decoded of [file, link]) {
    assert.equal(decoded.outcome, "ok");
    assert.equal(decoded.version, "1.0");
    assert.deepEqual(decoded.assessment.answers, { keep: "high", "new-name": "mid" });
    assert.deepEqual(decoded.migration.counts, { carried: 1, moved: 1, review: 0, notCarried: 1 });
  }
  assert.match(file.problems.warnings.join("\n"), /made with version 1\.0 .* 1 answer unchanged, 1 answer moved/);
});

test("the same problem is worded for the place the person meets it", () => {
  const fw = info();
  const data = JSON.parse(transfer.exportJson(fw, model.blankAssessment(fw)));
  data.framework.id = "elsewhere";
  const text = JSON.stringify(data);
  assert.match(decodeFile(fw, text, text.length, "file").problems.errors[0], /^The selected file is for a different framework \(“elsewhere”\)\. This form/);
  const group = decodeFile(fw, text, text.length, "group");
  assert.equal(group.outcome, "foreign");
  assert.equal(group.frameworkId, "elsewhere");
  assert.equal(group.problems.errors[0], "The file is for a different framework (“elsewhere”), so it is not included.");
  assert.equal(decodeFile(fw, "", 0, "group").problems.errors[0], "The file is empty.");
  assert.equal(decodeLink(fw, "").outcome, "empty");
  const link = decodeLink(fw, share.PREFIX + share.toBase64Url(JSON.stringify({ f: "test-framework", v: "1.0", l: ["emerging"], a: {}, n: 7 })));
  assert.equal(link.outcome, "ok", "a name that is not text is left out of a link");
  const bad = decodeLink(fw, share.PREFIX + share.toBase64Url(JSON.stringify({ f: "test-framework", v: "1.0", l: ["x"], a: { p1: [1] } })));
  assert.equal(bad.outcome, "invalid");
  assert.match(bad.problems.errors[0], /incomplete or has been changed/);
});

test("a record from another version is left exactly as it is until migration is given, and then carried", async () => {
  const { a } = v1Assessment();
  const v2 = described("v2");
  const record = JSON.parse(JSON.stringify(a));
  assert.equal(needsMigration(v2, record), true);
  for (const decoded of [decode(v2, record, "stored"), decodeFile(v2, JSON.stringify({ format: "cif-self-assessment", formatVersion: 1, framework: { id: "versioned", version: "1.0" }, assessment: record }))]) {
    assert.equal(decoded.assessment, null);
    assert.equal(decoded.outcome, "migrate");
    assert.equal(decoded.migration.status, "needed");
    assert.equal(decoded.version, "1.0");
  }
  assert.deepEqual(record, JSON.parse(JSON.stringify(a)), "the record is not changed");
  let loads = 0;
  const load = async () => {
    loads += 1;
    return { migrateAssessment };
  };
  const carried = await decodeAny(v2, record, "stored", load);
  assert.equal(loads, 1);
  assert.equal(carried.migration.status, "migrated");
  assert.deepEqual(carried.assessment?.answers, { keep: "high", "new-name": "mid" });
  const fw = info();
  const current = model.blankAssessment(fw);
  model.setAnswer(fw, current, "p1", "leading");
  assert.equal((await decodeAny(fw, current, "stored", load)).outcome, "ok");
  assert.equal(loads, 1, "a record of this version never loads migration");
});

test("without migration, a record of this version decodes exactly as migration would leave it", () => {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-03-01T10:00:00Z"));
  model.setAnswer(fw, a, "p1", "leading");
  model.setAnswer(fw, a, "p2", model.NOT_SURE);
  model.setTarget(fw, a, "purpose", "leading");
  model.setNote(fw, a, "purpose", "evidence", "Minutes of the board");
  model.setPlanField(fw, a, "p1", "action", "Write it down");
  a.review = { p2: "reworded" };
  a.fingerprints = { ...a.fingerprints, p2: "old-wording" };
  const text = JSON.stringify(a);
  assert.equal(needsMigration(fw, JSON.parse(text)), false);
  const strip = (/** @type {any} */ decoded) => JSON.parse(JSON.stringify({ ...decoded, assessment: { ...decoded.assessment, created: "", updated: "" } }));
  assert.deepEqual(strip(decode(fw, JSON.parse(text), "stored")), strip(decode(fw, JSON.parse(text), "stored", migrateAssessment)));
  const file = JSON.stringify({ format: "cif-self-assessment", formatVersion: 1, framework: { id: fw.framework.id, version: fw.framework.version }, assessment: a });
  const stripId = (/** @type {any} */ decoded) => strip({ ...decoded, assessment: { ...decoded.assessment, id: "" } });
  assert.deepEqual(stripId(decodeFile(fw, file)), stripId(decodeFile(fw, file, undefined, "file", migrateAssessment)));
  // Something migration would move, even at this version, needs it.
  assert.equal(needsMigration(fw, { ...JSON.parse(text), answers: { gone: "leading" } }), true);
});

test("one checker: a field a file holds wrongly refuses the file naming the field; from the device it is repaired and named", () => {
  const fw = info();
  const record = { name: 7, answers: { p1: "leading", p2: "sometimes" }, notes: "none", date: "2026-02-31" };
  const strict = checkAssessment(fw, record, { say: (field, problem) => `${field.name} ${problem}` });
  assert.deepEqual(strict.errors, ["name type", "answers bad", "notes shape"]);
  const file = JSON.stringify({ format: "cif-self-assessment", formatVersion: 1, framework: { id: fw.framework.id, version: fw.framework.version }, assessment: record });
  assert.deepEqual(decodeFile(fw, file).problems.errors, [
    "The assessment's name must be text.",
    "The answers for criterion \u201cp2\u201d are not levels of this framework, \u201cNot applicable\u201d or \u201cNot sure yet\u201d.",
    "The notes in the file are not in the expected form.",
  ]);
  const lenient = checkAssessment(fw, record, { lenient: true });
  assert.deepEqual(lenient.errors, []);
  assert.deepEqual(lenient.repaired, ["name", "notes"]);
  assert.equal(lenient.assessment.name, "");
  // What someone typed on the device stays: an answer of another version, a date to correct.
  assert.deepEqual(lenient.assessment.answers, { p1: "leading", p2: "sometimes" });
  assert.equal(lenient.assessment.date, "2026-02-31");
});
