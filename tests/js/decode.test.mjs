// The one decoder: the same steps for a record on the device, a file, a group file and a link.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as share from "../../plugins/mkdocs_framework/js/core/share.mjs";
import { decode, decodeFile, decodeLink } from "../../plugins/mkdocs_framework/js/core/decode.mjs";
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
  const carried = decode(v2, a, "stored");
  assert.equal(carried.migration.status, "migrated");
  assert.deepEqual(carried.assessment.answers, { keep: "high", "new-name": "mid" });
  assert.deepEqual(carried.notCarried, ["dropped"]);
  assert.deepEqual(carried.migration.counts, { carried: 1, moved: 1, review: 0, notCarried: 1 });
  const newer = { ...a, frameworkVersion: "9.0" };
  const refused = decode(v2, newer, "stored");
  assert.equal(refused.assessment, null);
  assert.equal(refused.outcome, "refused");
  assert.equal(refused.migration.status, "refused");
  assert.match(refused.problems.errors[0], /version 9\.0 of the framework, which is newer/);
  assert.equal(decode(v2, "nonsense", "stored").outcome, "refused");
});

test("a file and a link with the same answers decode to the same answers and migration", () => {
  const { v1, a } = v1Assessment();
  const v2 = described("v2");
  const file = decodeFile(v2, transfer.exportJson(v1, a));
  const link = decodeLink(v2, share.encode(v1, a));
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
