// The state objects of the group comparison page and the shared results page: no DOM, so they are
// tested here as the components use them (subscribe, change, read what to show).
import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as share from "../../plugins/mkdocs_framework/js/core/share.mjs";
import { GroupState } from "../../plugins/mkdocs_framework/js/group/state.mjs";
import { SharedState } from "../../plugins/mkdocs_framework/js/shared/state.mjs";
import { info } from "./framework.mjs";

function assessment(authority, answers) {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  model.setDetail(a, "authority", authority);
  model.setDetail(a, "name", "Baseline");
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  return a;
}

/* An exported file as the browser hands it to the page. */
function file(name, authority, answers) {
  return new File([transfer.exportJson(info(), assessment(authority, answers))], name, { type: "application/json" });
}

test("the group state adds good files, reports the others and tells its listeners once per change", async () => {
  const state = new GroupState(info());
  let told = 0;
  state.subscribe(() => (told += 1));
  const outcome = await state.addFiles([
    file("anyshire.json", "Anyshire", { p1: "developing" }),
    file("borsetshire.json", "Borsetshire", { p1: "leading" }),
    new File(["{not json"], "broken.json"),
  ]);
  assert.equal(outcome.added, 2);
  assert.deepEqual(
    outcome.problems.map((p) => [p.name, p.status]),
    [["broken.json", "broken"]]
  );
  assert.equal(told, 1);
  assert.equal(state.comparison.rows.length, 2);
  assert.equal(state.comparison.spread.length, 2);

  const again = await state.addFiles([file("anyshire.json", "Anyshire", { p1: "developing" })]);
  assert.equal(again.added, 0);
  assert.equal(again.problems[0].status, "duplicate");
  assert.equal(state.entries.length, 2);
});

test("the group state hides names behind codes, and removes a file by its key", async () => {
  const state = new GroupState(info());
  await state.addFiles([file("a.json", "Anyshire", { p1: "developing" }), file("b.json", "Borsetshire", {})]);
  const [first] = state.comparison.rows;
  assert.ok(["Anyshire", "Borsetshire"].includes(state.nameOf(first)));
  state.setHideNames(true);
  assert.equal(state.nameOf(first), "Organisation A"); // the plugin's neutral word: this framework names none

  const stop = state.subscribe(() => assert.fail("stopped listeners are not told"));
  stop();
  const key = state.entries[0].key;
  assert.equal(state.remove(key), true);
  assert.equal(state.remove(key), false);
  assert.equal(state.comparison.rows.length, 1);
});

test("a file over the size limit is refused without being read", async () => {
  const state = new GroupState(info());
  const big = { name: "huge.json", size: transfer.MAX_BYTES + 1, text: () => assert.fail("not read") };
  const outcome = await state.addFiles([/** @type {any} */ (big)]);
  assert.equal(outcome.added, 0);
  assert.match(outcome.problems[0].reason, /larger than 1 MB/);
});

test("the shared state reads the address: nothing, a problem, or the results with their scores", () => {
  const fw = info();
  const state = new SharedState(fw);
  const seen = [];
  state.subscribe(({ view, focus }) => seen.push([view.kind, focus]));

  state.load("", false);
  state.load("#r=not-a-link", true);
  assert.equal(state.view.kind, "problem");
  assert.ok(state.view.kind === "problem" && state.view.message.length > 0);

  state.load(share.encode(fw, assessment("Anyshire", { p1: "developing", v1: "leading" })), true);
  assert.equal(state.view.kind, "results");
  if (state.view.kind === "results") {
    assert.equal(state.view.assessment.authority, "Anyshire");
    assert.equal(state.view.link.otherVersion, "");
    assert.equal(state.view.account.dimensions[1].score, 5);
    assert.equal(state.view.account.dimensions[1].words.result, "Leading (level 5 of 5)");
    assert.match(state.view.account.words.counts, /^2 of \d+ criteria answered/);
  }
  assert.deepEqual(seen, [
    ["empty", false],
    ["problem", true],
    ["results", true],
  ]);
});
