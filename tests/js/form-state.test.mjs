import test from "node:test";
import assert from "node:assert/strict";
import * as storage from "../../plugins/mkdocs_framework/js/core/storage.mjs";
import { FormState } from "../../plugins/mkdocs_framework/js/form/state.mjs";
import { framework, memoryStorage } from "./framework.mjs";

function formState(memory = memoryStorage()) {
  const copy = JSON.parse(JSON.stringify(framework));
  const state = new FormState(copy, storage.createStore(() => memory, copy.id));
  /** @type {string[]} */
  const events = [];
  state.subscribe((event) => events.push(event.type === "opened" ? `opened:${event.how}` : event.type));
  return { state, events, memory };
}

test("a first visit opens a blank assessment, saved once something is entered", () => {
  const { state, events, memory } = formState();
  state.load();
  assert.deepEqual(events, ["storage", "opened:load"]);
  assert.equal(state.saveMessage, "Your answers are saved on this device as you enter them.");
  assert.equal(memory.items.size, 0);
  state.change((a) => (a.name = "Baseline"));
  assert.deepEqual(events.slice(2), ["storage", "changed"]);
  assert.match(state.saveMessage, /^Saved on this device at /);
  assert.equal(state.store.loadCurrent().assessment.name, "Baseline");
});

test("the next visit opens what was saved", () => {
  const memory = memoryStorage();
  const first = formState(memory).state;
  first.load();
  first.change((a) => (a.answers.p1 = "leading"));
  const { state } = formState(memory);
  state.load();
  assert.equal(state.assessment.id, first.assessment.id);
  assert.equal(state.assessment.answers.p1, "leading");
  assert.equal(state.saveMessage, "Saved on this device.");
});

test("results are worked out once per change", () => {
  const { state } = formState();
  state.load();
  const before = state.results();
  assert.equal(state.results(), before);
  state.change((a) => (a.answers.p1 = "leading"));
  assert.notEqual(state.results(), before);
  assert.equal(state.results().criteriaDecided, 1);
});

test("a full storage is part of the state, and clears once saving works again", () => {
  const { state, events, memory } = formState();
  state.load();
  memory.full = true;
  state.change((a) => (a.name = "x"));
  assert.equal(state.storageProblem, "full");
  assert.equal(state.saveMessage, "Not saved on this device. Export your answers to keep them.");
  assert.ok(events.includes("storage"));
  memory.full = false;
  state.save();
  assert.equal(state.storageProblem, null);
});

test("an assessment of another framework is refused and the form keeps what it shows", () => {
  const { state, events } = formState();
  state.load();
  const shown = state.assessment;
  /** @type {import("../../plugins/mkdocs_framework/js/form/state.mjs").StateEvent[]} */
  const reports = [];
  state.subscribe((event) => event.type === "refused" && reports.push(event));
  assert.equal(state.open({ ...shown, id: "other", frameworkId: "another-framework" }, "select"), false);
  assert.equal(state.assessment, shown);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].after, "The assessment shown in the form has not changed.");
  assert.ok(!events.includes("opened:select"));
});

test("start again deletes the open assessment; unsubscribed listeners hear nothing more", () => {
  const { state, events } = formState();
  state.load();
  state.change((a) => (a.answers.p1 = "leading"));
  const gone = state.assessment.id;
  state.startAgain();
  assert.notEqual(state.assessment.id, gone);
  assert.equal(state.store.loadAll().assessments.length, 0);
  assert.equal(events.at(-1), "opened:start-again");
  let heard = 0;
  const unsubscribe = state.subscribe(() => (heard += 1));
  unsubscribe();
  state.announce("hello");
  assert.equal(heard, 0);
});

test("an import keeps the open assessment's id and says whether it was carried over", () => {
  const { state } = formState();
  state.load();
  /** @type {import("../../plugins/mkdocs_framework/js/form/state.mjs").StateEvent[]} */
  const opened = [];
  state.subscribe((event) => event.type === "opened" && opened.push(event));
  const id = state.assessment.id;
  state.replace({ ...state.assessment, id: "elsewhere", name: "Imported" }, true);
  assert.equal(state.assessment.id, id);
  assert.equal(state.store.loadCurrent().assessment.name, "Imported");
  assert.equal(opened[0].how, "import");
  assert.equal(opened[0].migration?.status, "migrated");
});

test("two tabs editing different fields of one own action at the same moment keep both (issue 23)", async () => {
  const memory = memoryStorage();
  /** @type {(() => void)[]} */
  const waiting = [];
  /** @type {import("../../plugins/mkdocs_framework/js/core/storage.mjs").Locks} */
  const locks = { request: (name, step) => new Promise((done) => waiting.push(() => done(step()))) };
  const saveNext = () => {
    const save = waiting.shift();
    assert.ok(save, "a save is waiting for the lock");
    save();
  };
  const tab = () => {
    const copy = JSON.parse(JSON.stringify(framework));
    return new FormState(copy, storage.createStore(() => memory, copy.id, undefined, () => locks));
  };
  const a = tab();
  a.load();
  a.change((x) => (x.actions = [{ id: "act-1", criterion: "", action: "", owner: "", due: "" }]));
  saveNext();
  const b = tab();
  b.load();
  assert.equal(b.assessment.actions.length, 1);
  // Both edit before either save has the lock: each save reads what the other wrote.
  a.change((x) => (x.actions[0].action = "Typed in tab A"));
  b.change((x) => (x.actions[0].owner = "Typed in tab B"));
  a.change((x) => (x.name = "Typed in tab A too"));
  assert.equal(waiting.length, 2, "one save per tab waits, however many edits");
  while (waiting.length) saveNext();
  const saved = a.store.loadCurrent().assessment;
  assert.equal(saved.actions[0].action, "Typed in tab A");
  assert.equal(saved.actions[0].owner, "Typed in tab B");
  assert.equal(saved.name, "Typed in tab A too");
});

test("a tab whose save was written over by a tab that had not yet read it writes its edit again (issue 23)", () => {
  // Each tab has its own copy of the device's storage, as a browser's tabs do; a write reaches the
  // other tab's copy only when delivered, so a tab can read (and write) an older state.
  const copies = [memoryStorage(), memoryStorage()];
  const key = `cif:${framework.id}:assessments`;
  const deliver = (/** @type {number} */ from, /** @type {number} */ to) => copies[to].setItem(key, copies[from].getItem(key) ?? "");
  const tab = (/** @type {number} */ i) => {
    const copy = JSON.parse(JSON.stringify(framework));
    return new FormState(copy, storage.createStore(() => copies[i], copy.id));
  };
  const a = tab(0);
  a.load();
  a.change((x) => (x.name = "Shared review"));
  deliver(0, 1);
  const b = tab(1);
  b.load();
  // At the same moment: tab A types evidence, tab B answers a question, neither having the other's.
  a.change((x) => (x.notes.purpose = { evidence: "Typed in tab A", views: "" }));
  b.change((x) => (x.answers.p1 = "leading"));
  // B's write lands last on the device, over A's; then each tab hears of the other's write.
  deliver(1, 0);
  a.reload();
  deliver(0, 1);
  b.reload();
  for (const state of [a, b]) {
    const saved = state.store.loadCurrent().assessment;
    assert.equal(saved.notes.purpose.evidence, "Typed in tab A");
    assert.equal(saved.answers.p1, "leading");
    assert.equal(state.assessment.notes.purpose.evidence, "Typed in tab A");
    assert.equal(state.assessment.answers.p1, "leading");
  }
});
