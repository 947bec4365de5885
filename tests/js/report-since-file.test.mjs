// The board report's progress since an assessment read from an exported file (core/report.mjs):
// the file is read as the hub reads it (core/transfer.mjs), the headline is the account of
// progress's own, and the names typed by someone (the assessment's and the file's) are marked to
// be isolated.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as report from "../../plugins/mkdocs_framework/js/core/report.mjs";
import { progress, inDateOrder } from "../../plugins/mkdocs_framework/js/results/progress.mjs";
import { info } from "./framework.mjs";

const NAME = "Baseline \u202eautumn\u2069 2025";
const FILE = "baseline \u202e.json";

/** An assessment with these answers, named and dated. */
function assessment(fw, answers, name, date) {
  const a = model.blankAssessment(fw);
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  a.name = name;
  a.date = date;
  return a;
}

test("progress since an exported file names the file, says the account's headline and what reading the file found", () => {
  const fw = info();
  const then = assessment(fw, { p1: "emerging", p2: "emerging" }, NAME, "2025-10-01");
  const now = assessment(fw, { p1: "established", p2: "established" }, "Review 2026", "2026-10-01");
  // An entry the decoder leaves out, so that reading the file has something to say.
  const text = transfer.exportJson(fw, then).replace('"name":', '"__proto__": {"x": 1}, "name":');
  const read = transfer.parseImport(fw, text);
  assert.equal(read.ok, true);
  assert.equal(read.warnings.length, 1);
  const account = progress(fw, read.assessment, now);
  const since = { assessment: read.assessment, progress: account, file: { name: FILE, warnings: read.warnings } };
  const built = report.build(fw, now, "2026-11-30", since);

  const [first, table, ...after] = built.progress;
  assert.deepEqual(first, {
    kind: "paragraph",
    text: ["Since ", { bdi: NAME }, ", 1 October 2025, from the file ", { bdi: FILE }, `: ${account.headline}`],
    style: "intro",
  });
  assert.equal(table.kind, "table");
  assert.equal(table.caption, "Each dimension then and now");
  assert.deepEqual(after[0], { kind: "paragraph", text: read.warnings[0] });
});

test("progress since an assessment on the device says no file", () => {
  const fw = info();
  const then = assessment(fw, { p1: "emerging" }, NAME, "2025-10-01");
  const now = assessment(fw, { p1: "established" }, "Review 2026", "2026-10-01");
  const account = progress(fw, then, now);
  const built = report.build(fw, now, "2026-11-30", { assessment: then, progress: account });
  assert.deepEqual(built.progress[0].text, ["Since ", { bdi: NAME }, `, 1 October 2025: ${account.headline}`]);
});

test("compared with a later assessment, the report tells progress from the earlier to the later, as the hub does", () => {
  const fw = info();
  const open = assessment(fw, { p1: "emerging", p2: "emerging" }, "Baseline", "2025-10-01");
  const later = assessment(fw, { p1: "established", p2: "established" }, NAME, "2026-10-01");
  // Whichever of the two is given first, the order is the same: the account told is one account.
  assert.deepEqual(inDateOrder(later, open), [open, later]);
  assert.deepEqual(inDateOrder(open, later), [open, later]);
  const account = progress(fw, ...inDateOrder(later, open));
  assert.equal(account.headline, progress(fw, open, later).headline);
  const built = report.build(fw, open, "2026-11-30", { assessment: later, progress: account, later: true });
  assert.deepEqual(built.progress[0].text, ["From this assessment to ", { bdi: NAME }, `, 1 October 2026: ${account.headline}`]);
});
