/* Property: one's own export always re-imports after the framework is revised. Over random
 * assessments and random declared histories (lineage data in the shape lineage.py's as_data emits),
 * an export made with the old version imports on the new site, nothing the person wrote is lost
 * (it is either in the form or kept in notCarried), and the new site's own export of it imports
 * again unchanged. */
import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";

const LEVELS = ["low", "mid", "high"];
const MAX_TEXT = 20000;

/** A framework of `version` with these dimensions ({id, criteria: [ids]}) and level ids. */
function frameworkOf(version, dimensions, levels, lineage) {
  return {
    id: "prop",
    title: "Property framework",
    shortTitle: "Property framework",
    version,
    status: "draft",
    scoring: { method: "mean" },
    levels: levels.map((id) => ({ id, label: id.toUpperCase(), meaning: "" })),
    themes: [],
    dimensions: dimensions.map((d, i) => ({
      id: d.id,
      number: i + 1,
      name: d.id,
      theme: null,
      criteria: d.criteria.map((id) => ({ id, title: id, descriptors: levels.map((l) => `${id} ${l}`), fingerprint: `fp-${id}` })),
    })),
    lineage,
  };
}

/* A random revision: each old criterion is kept, renamed, merged into a group, split in two or
 * removed; each dimension is kept or merged into the first; a level may be renamed. */
const revision = fc
  .record({
    dimensions: fc.integer({ min: 1, max: 3 }),
    perDimension: fc.integer({ min: 1, max: 4 }),
    fates: fc.array(fc.constantFrom("same", "renamed", "merged", "split", "removed"), { minLength: 12, maxLength: 12 }),
    mergeDimensions: fc.boolean(),
    renameLevel: fc.boolean(),
  })
  .map(({ dimensions, perDimension, fates, mergeDimensions, renameLevel }) => {
    const oldDims = [];
    const newDims = [];
    const ids = {};
    let n = 0;
    for (let d = 0; d < dimensions; d += 1) {
      const oldDim = { id: `d${d}`, criteria: [] };
      const merged = mergeDimensions && d > 0;
      const newDim = merged ? newDims[0] : { id: `d${d}`, criteria: [] };
      if (merged) ids[oldDim.id] = { to: [{ id: "d0", how: "merged" }], removedAfter: null };
      for (let c = 0; c < perDimension; c += 1) {
        const id = `c${n}`;
        const fate = fates[n % fates.length];
        n += 1;
        oldDim.criteria.push(id);
        if (fate === "same") newDim.criteria.push(id);
        else if (fate === "renamed") {
          newDim.criteria.push(`${id}-new`);
          ids[id] = { to: [{ id: `${id}-new`, how: "renamed" }], removedAfter: null };
        } else if (fate === "merged") {
          if (!newDim.criteria.includes(`m${d}`)) newDim.criteria.push(`m${d}`);
          ids[id] = { to: [{ id: `m${d}`, how: "merged" }], removedAfter: null };
        } else if (fate === "split") {
          newDim.criteria.push(`${id}-a`, `${id}-b`);
          ids[id] = { to: [{ id: `${id}-a`, how: "split" }, { id: `${id}-b`, how: "split" }], removedAfter: null };
        } else ids[id] = { to: [], removedAfter: "1.0" };
      }
      oldDims.push(oldDim);
      if (!merged) newDims.push(newDim);
    }
    if (!newDims[0].criteria.length) newDims[0].criteria.push("fresh");
    for (const dim of newDims) if (!dim.criteria.length) dim.criteria.push(`${dim.id}-fresh`);
    const newLevels = renameLevel ? ["low", "middle", "high"] : LEVELS;
    const pattern = "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$";
    const lineage = {
      versionPattern: pattern,
      versions: ["1.0", "2.0"],
      from: { "1.0": { ids, levels: renameLevel ? { mid: "middle" } : {} } },
    };
    return {
      old: frameworkOf("1.0", oldDims, LEVELS, { versionPattern: pattern, versions: ["1.0"], from: {} }),
      now: frameworkOf("2.0", newDims, newLevels, lineage),
    };
  });

const text = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: MAX_TEXT - 20, max: MAX_TEXT }).map((length) => "x".repeat(length))
);
const date = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const answer = fc.constantFrom(...LEVELS, model.NOT_SURE, model.NOT_APPLICABLE, null);

/** A random assessment for the old framework, filled through the model as the page fills it. */
function assessmentFor(info, fill) {
  const a = model.blankAssessment(info, new Date("2027-01-01T09:00:00Z"));
  model.setDetail(a, "name", fill.name);
  let i = 0;
  const pick = (/** @type {any[]} */ list) => list[i++ % list.length];
  for (const dimension of info.framework.dimensions) {
    if (pick(fill.targets)) model.setTarget(info, a, dimension.id, pick(fill.targets));
    model.setNote(info, a, dimension.id, "evidence", pick(fill.texts));
    model.setNote(info, a, dimension.id, "views", pick(fill.texts));
    for (const criterion of dimension.criteria) {
      const value = pick(fill.answers);
      if (value) model.setAnswer(info, a, criterion.id, value);
      const action = pick(fill.texts);
      const due = pick(fill.dues);
      // Every kind of field: text (action, owner, progress), a date (due) and choices (priority, status).
      const [priority, status, progress] = [pick(fill.priorities), pick(fill.statuses), pick(fill.texts)];
      if (action || due || priority || status || progress) {
        const entry = { action, owner: pick(fill.texts).slice(0, 200), due };
        if (priority) entry.priority = priority;
        if (status) entry.status = status;
        if (progress) entry.progress = progress;
        a.plan[criterion.id] = entry;
      }
    }
  }
  return a;
}

const filling = fc.record({
  name: fc.string({ maxLength: 40 }),
  answers: fc.array(answer, { minLength: 1, maxLength: 12 }),
  targets: fc.array(fc.constantFrom(...LEVELS, null), { minLength: 1, maxLength: 4 }),
  texts: fc.array(text, { minLength: 1, maxLength: 6 }),
  dues: fc.array(fc.oneof(fc.constant(""), date), { minLength: 1, maxLength: 6 }),
  priorities: fc.array(fc.constantFrom("", ...model.PLAN_PRIORITIES), { minLength: 1, maxLength: 5 }),
  statuses: fc.array(fc.constantFrom("", ...model.PLAN_STATUSES), { minLength: 1, maxLength: 5 }),
});

/** Every piece of text written in the notes and plan of an assessment, where it is kept. */
function writings(assessment) {
  const found = [];
  for (const entry of Object.values(assessment.notes)) found.push(entry.evidence, entry.views);
  for (const entry of Object.values(assessment.plan || {})) found.push(entry.action, entry.owner, entry.progress);
  for (const entry of assessment.actions || []) found.push(entry.action, entry.owner, entry.progress);
  for (const item of assessment.notCarried || []) {
    if (item.value && typeof item.value === "object") found.push(...Object.values(item.value));
  }
  return found.filter((t) => typeof t === "string" && t).join("\u0000");
}

test("an export made before a revision always imports after it, losing nothing, and re-imports unchanged", () => {
  fc.assert(
    fc.property(revision, filling, ({ old, now }, fill) => {
      const oldInfo = model.describe(old);
      const newInfo = model.describe(now);
      const before = assessmentFor(oldInfo, fill);
      const imported = transfer.parseImport(newInfo, transfer.exportJson(oldInfo, before));
      assert.ok(imported.ok, JSON.stringify(imported.errors));
      const after = imported.assessment;
      // Every answer is in the form or kept aside.
      const keptIds = new Set((after.notCarried || []).map((item) => item.id));
      for (const [id, value] of Object.entries(before.answers)) {
        const fate = now.lineage.from["1.0"].ids[id];
        const homes = fate ? fate.to.map((to) => to.id) : [id];
        assert.ok(homes.some((home) => home in after.answers) || keptIds.has(id), `answer ${id}=${value} lost`);
      }
      // Every note and plan text is still there, whole (joined to others or kept aside).
      const all = writings(after);
      for (const piece of writings(before).split("\u0000").filter(Boolean)) assert.ok(all.includes(piece), "text lost");
      // Due dates are single real dates; priorities and statuses are ones the form offers.
      for (const entry of Object.values(after.plan)) {
        assert.match(entry.due, /^(\d{4}-\d{2}-\d{2})?$/);
        assert.ok(!entry.priority || model.PLAN_PRIORITIES.includes(entry.priority), entry.priority);
        assert.ok(!entry.status || model.PLAN_STATUSES.includes(entry.status), entry.status);
      }
      // Every plan entry as written is still there whole: in the plan, as an action of the team's
      // own, or kept aside (merged entries whose choices differed keep their originals aside).
      const whole = [
        ...Object.values(after.plan),
        ...(after.actions || []),
        ...(after.notCarried || []).filter((item) => item.kind === "plan").map((item) => item.value),
      ];
      const holds = (entry, written) => Object.entries(written).every(([field, value]) => !value || (entry[field] || "").includes(value));
      for (const [id, written] of Object.entries(before.plan)) {
        const fate = now.lineage.from["1.0"].ids[id];
        const merged = fate && fate.to.some((to) => to.how === "merged");
        const choices = ["due", "priority", "status"].filter((field) => written[field]);
        if (merged && choices.length) {
          assert.ok(whole.some((entry) => choices.every((field) => entry[field] === written[field])), `plan entry ${id} lost its choices`);
        }
        assert.ok(whole.some((entry) => holds(entry, { action: written.action, owner: written.owner })) || written.action.length > MAX_TEXT / 2, `plan entry ${id} lost`);
      }
      // The new site's own export of it imports again, unchanged.
      const again = transfer.parseImport(newInfo, transfer.exportJson(newInfo, after));
      assert.ok(again.ok, JSON.stringify(again.errors));
      assert.deepEqual(again.assessment.answers, after.answers);
      assert.deepEqual(again.assessment.notes, after.notes);
      assert.deepEqual(again.assessment.plan, after.plan);
      assert.deepEqual(again.assessment.notCarried || [], after.notCarried || []);
    }),
    { numRuns: 150 }
  );
});
