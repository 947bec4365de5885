import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import { info } from "./framework.mjs";

const HOSTILE = 'Audit said "half"\nthen =1+1, £5 <script>alert(1)</script>';

function filled() {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  model.setDetail(a, "name", "Baseline, autumn 2026");
  model.setDetail(a, "authority", "Anyshire");
  model.setAnswer(fw, a, "p1", "developing");
  model.setAnswer(fw, a, "p2", model.NOT_APPLICABLE);
  model.setAnswer(fw, a, "v1", model.NOT_SURE);
  model.setTarget(fw, a, "purpose", "embedded");
  model.setNote(fw, a, "purpose", "evidence", HOSTILE);
  model.setNote(fw, a, "voice", "views", "-2 views");
  return { fw, a };
}

/* A small RFC 4180 reader, to check the CSV round-trips exactly. */
function parseCsv(text) {
  const rows = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      rows[rows.length - 1].push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      rows[rows.length - 1].push(field);
      field = "";
      rows.push([]);
      i += 1;
    } else field += ch;
  }
  if (field || rows[rows.length - 1].length) rows[rows.length - 1].push(field);
  if (!rows[rows.length - 1].length) rows.pop();
  return rows;
}

test("JSON export holds the framework id and version, details, answers, targets, notes and time", () => {
  const { fw, a } = filled();
  const data = JSON.parse(transfer.exportJson(fw, a, new Date("2026-10-02T10:00:00Z")));
  assert.equal(data.format, "cif-self-assessment");
  assert.deepEqual(data.framework, { id: "test-framework", version: "1.0", title: "Test framework" });
  assert.equal(data.exportedAt, "2026-10-02T10:00:00.000Z");
  assert.equal(data.assessment.name, "Baseline, autumn 2026");
  assert.deepEqual(data.assessment.answers, { p1: "developing", p2: "not_applicable", v1: "not_sure" });
  assert.deepEqual(data.assessment.targets, { purpose: "embedded" });
  assert.equal(data.assessment.notes.purpose.evidence, HOSTILE);
});

test("CSV has a BOM, CRLF rows, RFC 4180 quoting and inert formulas", () => {
  const { fw, a } = filled();
  const csv = transfer.exportCsv(fw, a);
  assert.ok(csv.startsWith("\uFEFFRow,Assessment name,"));
  assert.ok(csv.endsWith("\r\n"));
  const rows = parseCsv(csv.slice(1));
  const header = rows[0];
  const col = (name) => header.indexOf(name);
  const purpose = rows.find((r) => r[0] === "Dimension" && r[col("Dimension ID")] === "purpose");
  assert.equal(purpose[col("Assessment name")], "Baseline, autumn 2026");
  assert.equal(purpose[col("Evidence notes")], HOSTILE);
  assert.equal(purpose[col("Dimension level number")], "2");
  assert.equal(purpose[col("Dimension level")], "Developing");
  assert.equal(purpose[col("Target level")], "Embedded");
  const voice = rows.find((r) => r[0] === "Dimension" && r[col("Dimension ID")] === "voice");
  assert.equal(voice[col("Views")], "'-2 views");
  const p2 = rows.find((r) => r[col("Criterion ID")] === "p2");
  assert.equal(p2[col("Answer")], "Not applicable");
  const p1 = rows.find((r) => r[col("Criterion ID")] === "p1");
  assert.deepEqual([p1[col("Answer")], p1[col("Level number")]], ["Developing", "2"]);
  assert.equal(rows.length, 1 + 2 + 6);
  assert.ok(rows.every((r) => r.length === header.length));
});

test("every cell that a spreadsheet would treat as a formula is made inert", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
    const field = transfer.csvField(start + "1+1");
    assert.ok(field.replace(/^"/, "").startsWith("'"), JSON.stringify(field));
  }
  assert.equal(transfer.csvField("plain £ text"), "plain £ text");
  assert.equal(transfer.csvField('say "hi", then'), '"say ""hi"", then"');
});

test("file names come from the assessment's name and date, in safe characters", () => {
  const { a } = filled();
  a.date = "2026-10-01";
  assert.equal(transfer.fileName(a, "json"), "baseline-autumn-2026-2026-10-01.json");
  a.name = "../../<script>";
  assert.equal(transfer.fileName(a, "csv"), "script-2026-10-01.csv");
  a.name = "";
  a.date = "nonsense";
  assert.equal(transfer.fileName(a, "csv"), "self-assessment.csv");
});

test("an export imports back to identical answers, notes, targets and details", () => {
  const { fw, a } = filled();
  const result = transfer.parseImport(fw, transfer.exportJson(fw, a));
  assert.equal(result.ok, true);
  assert.deepEqual(result.warnings, []);
  for (const field of ["name", "authority", "date", "answers", "targets", "notes", "created"]) {
    assert.deepEqual(result.assessment[field], a[field], field);
  }
  assert.equal(result.answerCount, 3);
});

function exported(change) {
  const { fw, a } = filled();
  const data = transfer.exportData(fw, a);
  change(data);
  return { fw, text: JSON.stringify(data) };
}

function errorsFor(fw, text) {
  const result = transfer.parseImport(fw, text);
  assert.equal(result.ok, false);
  return result.errors.join("\n");
}

test("broken files are refused with a message saying what is wrong", () => {
  const fw = info();
  assert.match(errorsFor(fw, ""), /empty/);
  assert.match(errorsFor(fw, "{not json"), /could not be read as JSON/);
  assert.match(errorsFor(fw, "[1, 2]"), /not an export from this self-assessment form/);
  assert.match(errorsFor(fw, JSON.stringify({ hello: "world" })), /not an export/);
  assert.match(errorsFor(fw, "x".repeat(transfer.MAX_BYTES + 1)), /larger than 1 MB/);
});

test("a file for another framework is refused, naming the framework", () => {
  const { fw, text } = exported((d) => (d.framework.id = "another-framework"));
  assert.match(errorsFor(fw, text), /different framework \(\u201canother-framework\u201d\)/);
});

test("values that are not allowed are refused, naming the criteria", () => {
  let { fw, text } = exported((d) => (d.assessment.answers.p1 = "excellent"));
  assert.match(errorsFor(fw, text), /criterion \u201cp1\u201d/);
  ({ fw, text } = exported((d) => (d.assessment.answers.p1 = 3)));
  assert.match(errorsFor(fw, text), /p1/);
  ({ fw, text } = exported((d) => (d.assessment.targets.purpose = "top")));
  assert.match(errorsFor(fw, text), /target levels for \u201cpurpose\u201d/);
  ({ fw, text } = exported((d) => (d.assessment.notes.purpose = { evidence: ["x"] })));
  assert.match(errorsFor(fw, text), /notes for \u201cpurpose\u201d/);
  ({ fw, text } = exported((d) => (d.assessment.answers = ["developing"])));
  assert.match(errorsFor(fw, text), /answers in the file are not in the expected form/);
});

test("answers for ids the framework lacks are reported, not silently dropped", () => {
  const { fw, text } = exported((d) => {
    d.assessment.answers["retired-criterion"] = "leading";
    d.assessment.targets["retired-dimension"] = "leading";
  });
  const result = transfer.parseImport(fw, text);
  assert.equal(result.ok, true);
  assert.match(result.warnings.join("\n"), /1 answer is for criteria .* \u201cretired-criterion\u201d/);
  assert.match(result.warnings.join("\n"), /\u201cretired-dimension\u201d/);
  assert.equal(Object.hasOwn(result.assessment.answers, "retired-criterion"), false);
});

test("__proto__, constructor and prototype keys are dropped and reported, and pollute nothing", () => {
  const fw = info();
  const text =
    '{"format":"cif-self-assessment","formatVersion":1,"framework":{"id":"test-framework","version":"1.0"},' +
    '"__proto__":{"polluted":1},"assessment":{"answers":{"__proto__":{"polluted":1},"p1":"leading",' +
    '"constructor":{"prototype":{"polluted":1}}},"targets":{},"notes":{}}}';
  const result = transfer.parseImport(fw, text);
  assert.equal(result.ok, true);
  assert.deepEqual(result.assessment.answers, { p1: "leading" });
  assert.equal(Object.getPrototypeOf(result.assessment.answers), Object.prototype);
  assert.equal({}.polluted, undefined);
  assert.match(result.warnings.join("\n"), /not allowed .*__proto__.*ignored for safety/);
});

test("a file from another version of the framework imports with a note", () => {
  const { fw, text } = exported((d) => (d.framework.version = "0.9"));
  const result = transfer.parseImport(fw, text);
  assert.equal(result.ok, true);
  assert.match(result.warnings.join("\n"), /version 0\.9 .* version 1\.0/);
});
