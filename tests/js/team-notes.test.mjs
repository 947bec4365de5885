// The team view's people's notes and "Accept every criterion where everyone agrees" (core/team.mjs).
import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as team from "../../plugins/mkdocs_framework/js/core/team.mjs";
import { MAX_TEXT } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
import { info } from "./framework.mjs";

/** @param {Record<string, string>} answers @param {Record<string, {evidence?: string, views?: string}>} [notes] */
function person(answers, notes = {}) {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  for (const [dimension, fields] of Object.entries(notes)) {
    for (const [kind, text] of Object.entries(fields)) model.setNote(fw, a, dimension, kind, text);
  }
  return a;
}

// p1 and p3 unanimous (a level; Not applicable); p2 differs; p4 all "Not sure yet"; v1 one unanswered; v2 unanimous.
const ANN = { p1: "developing", p2: "emerging", p3: "not_applicable", p4: "not_sure", v1: "leading", v2: "embedded" };
const BOB = { p1: "developing", p2: "embedded", p3: "not_applicable", p4: "not_sure", v2: "embedded" };

test("accept every criterion where everyone agrees: only the unanimous, never over a level already chosen", () => {
  const fw = info();
  const views = team.criteria(fw, [person(ANN), person(BOB)]);
  const byId = Object.fromEntries(views.map((v) => [v.criterion.id, team.unanimousAnswer(fw, v)]));
  assert.deepEqual(byId, { p1: "developing", p2: "", p3: "not_applicable", p4: "", v1: "", v2: "embedded" });
  const outcome = team.acceptUnanimous(fw, views, { v2: "leading", p2: "emerging" });
  assert.deepEqual(outcome.agreed, { p1: "developing", p3: "not_applicable", v2: "leading", p2: "emerging" });
  assert.deepEqual(outcome.accepted, ["p1", "p3"]);
  assert.deepEqual(outcome.kept, ["v2"], "where everyone agreed but the facilitator chose otherwise, their choice stands and is named");
});

test("each person's notes go into the team's assessment named by person, beside the discussion, as typed", () => {
  const fw = info();
  const rtl = "\u05e2\u05d3\u05d5\u05ea \u05de\u05d4\u05e9\u05d8\u05d7 <b>not markup</b>";
  const people = [
    { name: "Priya (Head of performance)", assessment: person(ANN, { purpose: { evidence: "Audit of 40 plans.\nSecond line.", views: "Young advisers' panel." } }) },
    { name: "Tom", assessment: person(BOB, { purpose: { evidence: rtl } }) },
  ];
  const record = team.teamAssessment(fw, { people, agreed: { p2: "developing" }, notes: { p2: "We took the middle." }, name: "Team", authority: "" });
  const evidence = record.notes.purpose.evidence;
  assert.equal(
    evidence,
    `${team.WROTE}\nPriya (Head of performance): Audit of 40 plans.\nSecond line.\n\nTom: ${rtl}\n\n${team.DISCUSSION}\n` +
      "1.2 Criterion p2: answers Emerging to Embedded (Priya (Head of performance): Emerging; Tom: Embedded); agreed Developing. We took the middle."
  );
  assert.equal(record.notes.purpose.views, `${team.WROTE}\nPriya (Head of performance): Young advisers' panel.`);
  assert.equal(record.notes.voice, undefined, "no one wrote on 2, and nothing was discussed");
  assert.deepEqual(team.notesAside(record), []);
});

test("notes that do not fit a note field are kept aside whole, named, and the record still exports and reads back", () => {
  const fw = info();
  const long = (letter) => `${letter}${"x".repeat(MAX_TEXT - 1)}`; // as long as a file may hold
  const people = [
    { name: "Ann", assessment: person(ANN, { purpose: { evidence: "Short note from Ann." } }) },
    { name: "Bob", assessment: person(BOB, { purpose: { evidence: long("B") } }) },
    { name: "Cal", assessment: person(BOB, { purpose: { evidence: "Cal's short note." } }) },
  ];
  const record = team.teamAssessment(fw, { people, agreed: {}, notes: {}, name: "Team", authority: "" });
  const evidence = record.notes.purpose.evidence;
  assert.ok(evidence.length <= MAX_TEXT);
  assert.match(evidence, /Ann: Short note from Ann\.\n\nCal: Cal's short note\./, "the notes that fit are there; the one that does not is not cut");
  assert.doesNotMatch(evidence, /Bob: B/);
  const aside = team.notesAside(record);
  assert.equal(aside.length, 1);
  assert.deepEqual(aside[0].value, { person: "Bob", evidence: long("B") }, "kept whole, with whose it is");
  assert.equal(aside[0].id, "purpose");
  const imported = transfer.parseImport(fw, transfer.exportJson(fw, record));
  assert.equal(imported.ok, true, JSON.stringify(imported.errors));
  assert.deepEqual(team.notesAside(imported.assessment), aside, "an export of the team's assessment holds the note kept aside");
});

test("the discussion of very many people counts the answers, so each line stays short", () => {
  const fw = info();
  const people = Array.from({ length: team.ROWS_UP_TO + 5 }, (_, i) => ({ name: `Person ${i}`, assessment: person(i % 5 ? ANN : BOB) }));
  const record = team.teamAssessment(fw, { people, agreed: {}, notes: { p2: "Talked." }, name: "Team", authority: "" });
  assert.match(record.notes.purpose.evidence, /1\.2 Criterion p2: answers Emerging to Embedded \(20 Emerging, 5 Embedded\); no level agreed yet\. Talked\./);
});

test("people's notes are kept in the tab under their own key and read back checked", () => {
  const fw = info();
  const people = [
    { key: 1, name: "Ann", kind: "file", source: "a.json", otherVersion: "", assessment: person(ANN, { purpose: { evidence: "Ann's evidence." } }) },
    { key: 2, name: "Bob", kind: "file", source: "b.json", otherVersion: "", assessment: person(BOB) },
  ];
  const text = team.encodeNotes(people);
  const back = people.map((p) => ({ ...p, assessment: person(p === people[0] ? ANN : BOB) }));
  assert.equal(team.decodeNotes(fw, text, back), true);
  assert.equal(back[0].assessment.notes.purpose.evidence, "Ann's evidence.");
  assert.deepEqual(back[1].assessment.notes, {});
  const hostile = JSON.stringify([{ nope: { evidence: "x" }, purpose: { evidence: "y".repeat(MAX_TEXT + 1), views: 5 } }, {}]);
  const checked = back.map((p) => ({ ...p, assessment: person(ANN) }));
  assert.equal(team.decodeNotes(fw, hostile, checked), true);
  assert.deepEqual(checked[0].assessment.notes, {}, "an unknown dimension, an over-long note and a number are left out");
  assert.equal(team.decodeNotes(fw, "[{}]", checked), false, "notes for a different number of people are not given to anyone");
});
