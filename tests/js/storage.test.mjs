import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as storage from "../../plugins/mkdocs_framework/js/core/storage.mjs";
import { info, memoryStorage } from "./framework.mjs";

function domError(name) {
  const error = new Error(name);
  error.name = name;
  return error;
}

test("assessments are saved under the two keys the privacy notice lists", () => {
  const fw = info();
  const memory = memoryStorage();
  const store = storage.createStore(() => memory, "test-framework");
  const a = model.blankAssessment(fw);
  model.setAnswer(fw, a, "p1", "leading");
  assert.equal(store.save(a).ok, true);
  assert.deepEqual([...memory.items.keys()].sort(), ["cif:test-framework:assessments", "cif:test-framework:settings"]);
  const saved = JSON.parse(memory.items.get("cif:test-framework:assessments"));
  assert.equal(saved.schemaVersion, 1);
  assert.equal(saved.assessments[a.id].frameworkId, "test-framework");
  assert.equal(saved.assessments[a.id].frameworkVersion, "1.0");
  assert.deepEqual(JSON.parse(memory.items.get("cif:test-framework:settings")), {
    schemaVersion: 1,
    currentAssessment: a.id,
  });
  assert.deepEqual(store.loadCurrent().assessment, a);
});

test("other assessments on the device are kept when one is saved or removed", () => {
  const fw = info();
  const memory = memoryStorage();
  const store = storage.createStore(() => memory, "test-framework");
  const first = model.blankAssessment(fw);
  const second = model.blankAssessment(fw);
  second.id = first.id + "-2";
  store.save(first);
  store.save(second);
  assert.equal(store.loadCurrent().assessment.id, second.id);
  store.remove(second.id);
  const left = JSON.parse(memory.items.get("cif:test-framework:assessments")).assessments;
  assert.deepEqual(Object.keys(left), [first.id]);
  assert.equal(store.loadCurrent().assessment, null);
  store.remove(first.id);
  assert.equal(memory.items.size, 0);
});

test("saving reports full storage, blocked storage and other failures instead of throwing", () => {
  const fw = info();
  const a = model.blankAssessment(fw);
  const full = { ...memoryStorage(), setItem: () => { throw domError("QuotaExceededError"); } };
  assert.deepEqual(storage.createStore(() => full, "x").save(a), { ok: false, error: "full" });
  const blocked = () => {
    throw domError("SecurityError");
  };
  assert.deepEqual(storage.createStore(blocked, "x").save(a), { ok: false, error: "blocked" });
  assert.deepEqual(storage.createStore(blocked, "x").loadCurrent(), { ok: false, assessment: null, error: "blocked" });
  const broken = { ...memoryStorage(), setItem: () => { throw new TypeError("nope"); } };
  assert.equal(storage.createStore(() => broken, "x").save(a).error, "failed");
});

test("unreadable saved data is reported, and restoring a saved assessment makes it safe", () => {
  const memory = memoryStorage();
  memory.setItem("cif:x:settings", "{oops");
  assert.equal(storage.createStore(() => memory, "x").loadCurrent().error, "unreadable");
  const fw = info();
  const raw = JSON.parse(
    '{"id":"a-1","name":7,"answers":{"__proto__":{"polluted":1},"p1":"leading","gone":"leading","p2":5},' +
      '"notes":{"purpose":{"evidence":"E","views":null}},"targets":"bad"}'
  );
  const restored = model.restore(fw, raw);
  assert.equal(restored.id, "a-1");
  assert.equal(restored.name, "");
  // Answers for ids this version lacks are kept on the device; scoring ignores them.
  assert.deepEqual(restored.answers, { p1: "leading", gone: "leading" });
  assert.deepEqual(restored.notes, { purpose: { evidence: "E", views: "" } });
  assert.deepEqual(restored.targets, {});
  assert.equal({}.polluted, undefined);
});

test("saved data this version cannot read is never written over or deleted", () => {
  const cases = [
    ["{damaged", "unreadable"],
    [JSON.stringify({ schemaVersion: 2, assessments: { b: { id: "b" } } }), "newer"],
  ];
  for (const [unreadable, error] of cases) {
    const memory = memoryStorage();
    memory.setItem("cif:x:assessments", unreadable);
    const store = storage.createStore(() => memory, "x");
    assert.deepEqual(store.save({ id: "a-1", answers: {} }), { ok: false, error });
    assert.deepEqual(store.remove("b"), { ok: false, error });
    assert.equal(memory.getItem("cif:x:assessments"), unreadable);
  }
});

test("two tabs changing different fields of one own action, or different actions, keep every change (issue 23)", () => {
  const base = { id: "a", actions: [{ id: "x", action: "", owner: "" }, { id: "y", action: "Old", owner: "" }] };
  const mine = { id: "a", actions: [{ id: "x", action: "Typed in tab A", owner: "" }, { id: "y", action: "Old", owner: "" }, { id: "z", action: "New in A", owner: "" }] };
  const theirs = { id: "a", actions: [{ id: "x", action: "", owner: "Typed in tab B" }, { id: "w", action: "New in B", owner: "" }] };
  assert.deepEqual(storage.merge(base, mine, theirs).actions, [
    { id: "x", action: "Typed in tab A", owner: "Typed in tab B" },
    { id: "w", action: "New in B", owner: "" },
    { id: "z", action: "New in A", owner: "" },
  ]);
  // The other tab removed its last action (the list is then left out): only mine stay.
  assert.deepEqual(storage.merge(base, { ...base, actions: [...base.actions, { id: "z", action: "A" }] }, { id: "a" }).actions, [{ id: "z", action: "A" }]);
});

test("saves run under the lock the tabs share, one read-merge-write at a time", async () => {
  const memory = memoryStorage();
  const waiting = [];
  const locks = { request: (name, step) => new Promise((done) => waiting.push(() => done(step()))) };
  const store = storage.createStore(() => memory, "x", undefined, () => locks);
  let ran = false;
  const saved = store.exclusive(() => (ran = true));
  assert.equal(ran, false); // not before the lock is held
  waiting.shift()();
  await saved;
  assert.equal(ran, true);
  // Without Web Locks the step runs at once.
  let now = false;
  await storage.createStore(() => memory, "x", undefined, () => null).exclusive(() => (now = true));
  assert.equal(now, true);
});

test("a version kept aside (a file changed elsewhere) is kept whole beside the others and does not become the open one", () => {
  const fw = info();
  const memory = memoryStorage();
  const store = storage.createStore(() => memory, "test-framework");
  const open = model.blankAssessment(fw);
  model.setAnswer(fw, open, "p1", "leading");
  store.save(open);
  const aside = { ...JSON.parse(JSON.stringify(open)), id: open.id + "-aside", name: "Baseline (the file's version, kept aside 19:42)" };
  assert.deepEqual(store.keepAside(aside), { ok: true });
  assert.equal(store.loadCurrent().assessment.id, open.id);
  assert.deepEqual(store.loadAll().assessments.find((a) => a.id === aside.id), aside);
  // Saved data this version cannot read is never written over.
  memory.items.set("cif:test-framework:assessments", "{damaged");
  assert.deepEqual(store.keepAside(aside), { ok: false, error: "unreadable" });
  assert.equal(memory.items.get("cif:test-framework:assessments"), "{damaged");
});
