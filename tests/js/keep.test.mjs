// Keeping the work (core/keep.mjs): when the form reminds people to export, and what the list of
// assessments says about the last export; and "who took part", kept on the device and in files.
import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as keep from "../../plugins/mkdocs_framework/js/core/keep.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import { decodeStored } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import { framework } from "./framework.mjs";

const HOUR = 60 * 60 * 1000;
const START = new Date("2026-11-03T10:00:00Z");

/** The test framework with a third dimension of twelve criteria, so ten answers can change. */
function bigger() {
  const copy = structuredClone(framework);
  const criteria = Array.from({ length: 12 }, (_, i) => ({ id: `m${i + 1}`, title: `Criterion m${i + 1}`, descriptors: [] }));
  copy.dimensions.push({ id: "many", number: copy.dimensions.length + 1, name: "Many", theme: null, criteria });
  return model.describe(copy);
}

/** An assessment started at START with `count` answers given an hour later. */
function answered(info, count) {
  const a = model.blankAssessment(info, START);
  for (let i = 1; i <= count; i++) a.answers[`m${i}`] = "developing";
  a.updated = new Date(START.getTime() + HOUR).toISOString();
  return a;
}

test("no reminder for an empty assessment, however old", () => {
  const info = bigger();
  assert.equal(keep.reminderDue(model.blankAssessment(info, START), START.getTime() + 30 * keep.DAY), null);
});

test("a new assessment is reminded about after ten answers, or after a day with fewer", () => {
  const info = bigger();
  const soon = START.getTime() + 2 * HOUR;
  assert.equal(keep.reminderDue(answered(info, 9), soon), null);
  const due = keep.reminderDue(answered(info, 10), soon);
  assert.deepEqual(due, { changed: 10, exported: "", imported: false });
  assert.match(keep.reminderText(due), /^You have not exported this assessment yet\. .*Export them to keep a copy/);
  assert.deepEqual(keep.reminderDue(answered(info, 1), START.getTime() + keep.DAY + HOUR), { changed: 1, exported: "", imported: false });
});

test("after an export, no reminder until answers change; then it counts the answers changed since", () => {
  const info = bigger();
  const a = answered(info, 12);
  keep.exported(a, new Date(START.getTime() + 2 * HOUR));
  const later = START.getTime() + 3 * HOUR;
  assert.equal(keep.reminderDue(a, later), null);
  assert.equal(keep.reminderDue(a, START.getTime() + 10 * keep.DAY), null, "nothing changed since the export");
  // Nine answers changed (one cleared, eight changed): not yet; a tenth: due.
  delete a.answers.m1;
  for (let i = 2; i <= 9; i++) a.answers[`m${i}`] = "leading";
  a.updated = new Date(START.getTime() + 3 * HOUR).toISOString();
  assert.equal(keep.answersChanged(a), 9);
  assert.equal(keep.reminderDue(a, later), null);
  a.answers.m10 = "leading";
  const due = keep.reminderDue(a, later);
  assert.equal(due.changed, 10);
  assert.match(keep.reminderText(due), /^You have changed 10 answers since you last exported this assessment, on 3 November 2026\./);
  // Changing an answer back to what was exported counts it as unchanged again.
  a.answers.m10 = "developing";
  assert.equal(keep.answersChanged(a), 9);
});

test("a change of notes alone is reminded about a day after the export", () => {
  const info = bigger();
  const a = answered(info, 3);
  keep.exported(a, new Date(START.getTime() + 2 * HOUR));
  model.setNote(info, a, "many", "evidence", "Audit of case files");
  a.updated = new Date(START.getTime() + 3 * HOUR).toISOString();
  assert.equal(keep.reminderDue(a, START.getTime() + 4 * HOUR), null, "the export is less than a day old");
  const due = keep.reminderDue(a, START.getTime() + 2 * HOUR + keep.DAY + 1);
  assert.equal(due.changed, 0);
  assert.match(keep.reminderText(due), /^You have made changes since you last exported this assessment/);
});

test("a dismissed reminder stays away for a day, and an export clears the dismissal", () => {
  const info = bigger();
  const a = answered(info, 12);
  const at = START.getTime() + 2 * HOUR;
  keep.dismissed(a, new Date(at));
  assert.equal(keep.reminderDue(a, at + 23 * HOUR), null);
  assert.equal(keep.reminderDue(a, at + 25 * HOUR).changed, 12);
  keep.exported(a, new Date(at + 26 * HOUR));
  assert.equal(a.keep.dismissed, undefined);
});

test("an imported assessment is counted from the file it came from", () => {
  const info = bigger();
  const a = answered(info, 12);
  keep.imported(a, new Date(START.getTime() + 2 * HOUR));
  assert.equal(keep.answersChanged(a), 0);
  for (let i = 1; i <= 10; i++) a.answers[`m${i}`] = "embedded";
  a.updated = new Date(START.getTime() + 3 * HOUR).toISOString();
  const due = keep.reminderDue(a, START.getTime() + 3 * HOUR);
  assert.equal(due.imported, true);
  assert.match(keep.reminderText(due), /^You have changed 10 answers since you imported this assessment\./);
  assert.equal(keep.exportedText(a), "Never exported");
});

test("the list's words for the last export", () => {
  const info = bigger();
  const a = answered(info, 1);
  assert.equal(keep.exportedText(a), "Never exported");
  keep.exported(a, new Date("2026-11-03T12:00:00Z"));
  assert.equal(keep.exportedText(a), "Last exported 3 November 2026");
});

test("what is kept about exports survives the device, damaged parts dropped, and is never exported", () => {
  const info = bigger();
  const a = answered(info, 2);
  keep.exported(a, new Date(START.getTime() + 2 * HOUR));
  const back = decodeStored(info, JSON.parse(JSON.stringify(a))).assessment;
  assert.deepEqual(back.keep, a.keep);
  const damaged = { ...a, keep: { exported: 5, kept: "x".repeat(400), answers: { m1: {}, m2: "leading", __proto__: null } } };
  assert.deepEqual(decodeStored(info, damaged).assessment.keep, { answers: { m2: "leading" } });
  assert.equal(decodeStored(info, { ...a, keep: "yesterday" }).assessment.keep, undefined);
  assert.equal("keep" in JSON.parse(transfer.exportJson(info, a)).assessment, false);
});

test("who took part: kept on the device, in JSON and CSV exports, and read back from a file", () => {
  const info = bigger();
  const a = answered(info, 1);
  model.setDetail(a, "participants", "Director of children's services\nHead of performance, =two team managers");
  assert.equal(model.hasContent({ ...model.blankAssessment(info), participants: "Someone" }), true);
  assert.equal(decodeStored(info, JSON.parse(JSON.stringify(a))).assessment.participants, a.participants);
  const file = transfer.exportJson(info, a);
  assert.equal(JSON.parse(file).assessment.participants, a.participants);
  const imported = transfer.parseImport(info, file);
  assert.equal(imported.ok, true);
  assert.equal(imported.assessment.participants, a.participants);
  const csv = transfer.exportCsv(info, a);
  const header = csv.split("\r\n")[0].replace(/^\uFEFF/, "").split(",");
  assert.equal(header[3], "Who took part");
  assert.match(csv, /"Director of children's services\nHead of performance, =two team managers"/);
});

test("who took part: older records and files without it still load, and too long a list is refused with a fix", () => {
  const info = bigger();
  const old = answered(info, 1);
  delete old.participants;
  assert.equal(decodeStored(info, old).assessment.participants, "");
  const data = JSON.parse(transfer.exportJson(info, old));
  delete data.assessment.participants;
  const back = transfer.parseImport(info, JSON.stringify(data));
  assert.equal(back.ok, true);
  assert.equal(back.assessment.participants, "");
  data.assessment.participants = "x".repeat(5001);
  const refused = transfer.parseImport(info, JSON.stringify(data));
  assert.equal(refused.ok, false);
  assert.match(refused.errors.join(" "), /who took part is longer than 5,000 characters.*Shorten it to 5,000 characters or fewer/);
  data.assessment.participants = "x".repeat(5000);
  assert.equal(transfer.parseImport(info, JSON.stringify(data)).ok, true);
  // On the device a list too long is dropped, not cut.
  assert.equal(decodeStored(info, { ...old, participants: "x".repeat(5001) }).assessment.participants, "");
});
