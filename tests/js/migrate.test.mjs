import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as migrate from "../../plugins/mkdocs_framework/js/core/migrate.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };
import chainExpected from "../fixtures/versions/chain-expected.json" with { type: "json" };

const fresh = (name) => JSON.parse(JSON.stringify(versions[name]));

/* An assessment saved by the site for `name`, answering through the model as the page does. */
function answered(name, answers, extra = {}) {
  const info = model.describe(fresh(name));
  const a = model.blankAssessment(info, new Date("2027-01-01T09:00:00Z"));
  for (const [id, value] of Object.entries(answers)) model.setAnswer(info, a, id, value);
  return Object.assign(a, extra);
}

const V1_ANSWERS = {
  keep: "high",
  reword: "mid",
  "old-name": "low",
  "part-one": "mid",
  "part-two": "high",
  whole: "mid",
  dropped: "high",
};

test("answering records the fingerprint of the wording answered; clearing removes it", () => {
  const info = model.describe(fresh("v1"));
  const a = answered("v1", { keep: "high" });
  assert.equal(a.fingerprints.keep, info.criteria.get("keep").criterion.fingerprint);
  model.setAnswer(info, a, "keep", null);
  assert.deepEqual(a.fingerprints, {});
});

test("an assessment of the same version is current and unchanged", () => {
  const record = answered("v2", { keep: "high", "new-name": "low" });
  const before = JSON.stringify(record);
  const result = migrate.migrateAssessment(record, fresh("v2"));
  assert.equal(result.status, "current");
  assert.deepEqual(result.assessment.answers, record.answers);
  assert.deepEqual(result.report.carried.sort(), ["keep", "new-name"]);
  assert.equal(JSON.stringify(record), before, "the record passed in is never changed");
});

test("v1 to v2: carried, renamed, merged, split, reworded and removed exactly as declared", () => {
  const record = answered("v1", V1_ANSWERS, {
    targets: { alpha: "high", beta: "mid" },
    notes: { beta: { evidence: "Audit", views: "" } },
  });
  const before = JSON.stringify(record);
  const { status, assessment, report } = migrate.migrateAssessment(record, fresh("v2"));
  assert.equal(status, "migrated");
  assert.equal(JSON.stringify(record), before);
  assert.equal(assessment.frameworkVersion, "2.0");
  assert.equal(assessment.id, record.id);
  assert.deepEqual(assessment.answers, {
    keep: "high",
    reword: "mid",
    "new-name": "low",
    "both-parts": "mid", // the merged answers disagree: the lower level is kept
    "whole-first": "mid",
    "whole-second": "mid",
  });
  assert.deepEqual(report.carried, ["keep"]);
  assert.deepEqual(
    report.moved.filter((m) => m.kind === "answer").map((m) => `${m.from}>${m.to}`).sort(),
    ["old-name>new-name", "part-one>both-parts", "part-two>both-parts", "whole>whole-first", "whole>whole-second"]
  );
  assert.deepEqual(
    Object.fromEntries(report.review.map((r) => [r.criterion, r.reason])),
    { reword: "reworded", "both-parts": "merged", "whole-first": "split", "whole-second": "split" }
  );
  const merged = report.review.find((r) => r.criterion === "both-parts");
  assert.deepEqual(merged.sources, [
    { id: "part-one", value: "mid" },
    { id: "part-two", value: "high" },
  ]);
  assert.deepEqual(report.notCarried, [
    { kind: "answer", id: "dropped", value: "high", reason: "removed", version: "1.0" },
  ]);
  // Kept inside the assessment, so exports and later migrations still hold them.
  assert.deepEqual(assessment.notCarried, report.notCarried);
  assert.deepEqual(assessment.review, {
    reword: "reworded",
    "both-parts": "merged",
    "whole-first": "split",
    "whole-second": "split",
  });
  assert.equal(assessment.migrations.length, 1);
  assert.equal(assessment.migrations[0].from, "1.0");
  assert.equal(assessment.migrations[0].to, "2.0");
  assert.deepEqual(assessment.targets, { alpha: "high", beta: "mid" });
  assert.deepEqual(assessment.notes, { beta: { evidence: "Audit", views: "" } });
  // A reworded answer keeps the fingerprint of the wording it was given against until checked.
  const v1 = model.describe(fresh("v1"));
  assert.equal(assessment.fingerprints.reword, v1.criteria.get("reword").criterion.fingerprint);
});

test("merged answers that agree are still flagged; special answers give way to a level", () => {
  const same = migrate.migrateAssessment(answered("v1", { "part-one": "low", "part-two": "low" }), fresh("v2"));
  assert.equal(same.assessment.answers["both-parts"], "low");
  assert.equal(same.assessment.review["both-parts"], "merged");
  const mixed = migrate.migrateAssessment(
    answered("v1", { "part-one": model.NOT_SURE, "part-two": "high" }),
    fresh("v2")
  );
  assert.equal(mixed.assessment.answers["both-parts"], "high");
  const neither = migrate.migrateAssessment(
    answered("v1", { "part-one": model.NOT_APPLICABLE, "part-two": model.NOT_SURE }),
    fresh("v2")
  );
  assert.equal(neither.assessment.answers["both-parts"], model.NOT_SURE);
});

test("v1 to v1.1 (a level added): every value kept, nothing moved, every answer asked to be checked", () => {
  const record = answered("v1", V1_ANSWERS);
  const { status, assessment, report } = migrate.migrateAssessment(record, fresh("v1.1"));
  assert.equal(status, "migrated");
  assert.deepEqual(assessment.answers, V1_ANSWERS);
  assert.deepEqual(report.moved, []);
  assert.deepEqual(report.notCarried, []);
  assert.deepEqual(report.carried, []);
  // Adding a level adds a descriptor to every criterion, so the ladder each answer was chosen on
  // changed: each answer is flagged as reworded, and no other reason is given.
  assert.deepEqual(
    report.review.map((r) => r.reason),
    Object.keys(V1_ANSWERS).map(() => "reworded")
  );
});

/* Version 1.0 moved on to 1.5 by one route, in the shape lineage.py gives the page:
 * ids {old: {to: [{id, how}], removedAfter}} and levels {old: new}. */
function withRoute({ ids = {}, levels = {} }) {
  const fw = fresh("v1");
  fw.version = "1.5";
  fw.lineage = { ...fw.lineage, versions: ["1.0", "1.5"], from: { "1.0": { ids, levels } } };
  return fw;
}

const renamed = (id) => ({ to: [{ id, how: "renamed" }], removedAfter: null });

test("level renames map answer values and targets", () => {
  const fw = withRoute({ levels: { mid: "high" } });
  fw.levels = fw.levels.filter((l) => l.id !== "mid");
  const record = answered("v1", { keep: "mid", reword: "low" }, { targets: { alpha: "mid" } });
  const { assessment } = migrate.migrateAssessment(record, fw);
  assert.deepEqual(assessment.answers, { keep: "high", reword: "low" });
  assert.deepEqual(assessment.targets, { alpha: "high" });
});

test("a value that is no longer a level is not carried but kept", () => {
  const fw = withRoute({});
  fw.levels = fw.levels.filter((l) => l.id !== "mid");
  const { assessment, report } = migrate.migrateAssessment(answered("v1", { keep: "mid" }), fw);
  assert.deepEqual(assessment.answers, {});
  assert.deepEqual(report.notCarried, [{ kind: "answer", id: "keep", value: "mid", reason: "level", version: "1.5" }]);
});

test("targets, notes and plans follow dimension and criterion renames", () => {
  const fw = withRoute({ ids: { alpha: renamed("first"), keep: renamed("kept") } });
  fw.dimensions[0].id = "first";
  fw.dimensions[0].criteria[0].id = "kept";
  const record = answered("v1", { keep: "low" }, {
    targets: { alpha: "high" },
    notes: { alpha: { evidence: "E", views: "V" } },
    plan: { keep: { action: "Do it", owner: "Me", due: "" } },
  });
  const { assessment, report } = migrate.migrateAssessment(record, fw);
  assert.deepEqual(assessment.answers, { kept: "low" });
  assert.deepEqual(assessment.targets, { first: "high" });
  assert.deepEqual(assessment.notes, { first: { evidence: "E", views: "V" } });
  assert.deepEqual(assessment.plan, { kept: { action: "Do it", owner: "Me", due: "" } });
  assert.ok(report.moved.some((m) => m.kind === "target" && m.from === "alpha" && m.to === "first"));
  assert.deepEqual(report.review, []);
});

test("answers to unknown criteria and dimensions are listed, not dropped", () => {
  const record = answered("v2", { keep: "low" });
  record.answers.ghost = "high";
  record.targets.phantom = "low";
  const { status, assessment, report } = migrate.migrateAssessment(record, fresh("v2"));
  assert.equal(status, "migrated");
  assert.deepEqual(assessment.answers, { keep: "low" });
  assert.deepEqual(
    report.notCarried.map((n) => [n.kind, n.id, n.value, n.reason]),
    [
      ["answer", "ghost", "high", "unknown"],
      ["target", "phantom", "low", "unknown"],
    ]
  );
});

test("a chain of versions is applied in order, and earlier not-carried answers are kept", () => {
  const fw = fresh("v2");
  fw.version = "3.0";
  // Version 2.0 renamed keep to kept: the route from 1.0 leads there too, as lineage.py resolves it.
  fw.lineage.versions.push("3.0");
  fw.lineage.from["1.0"].ids.keep = renamed("kept");
  fw.lineage.from["2.0"] = { ids: { keep: renamed("kept") }, levels: {} };
  fw.dimensions[0].criteria[0].id = "kept";
  const earlier = [{ kind: "answer", id: "ancient", value: "low", reason: "removed", version: "0.5" }];
  const record = answered("v1", { keep: "high", dropped: "low" }, { notCarried: earlier });
  const { assessment, report } = migrate.migrateAssessment(record, fw);
  assert.deepEqual(assessment.answers, { kept: "high" });
  assert.deepEqual(report.carried, []);
  assert.deepEqual(report.moved, [{ kind: "answer", from: "keep", to: "kept" }]);
  assert.deepEqual(assessment.notCarried.map((n) => n.id), ["ancient", "dropped"]);
});

test("an answer from an older version without a fingerprint is flagged as unverified", () => {
  const record = answered("v1", { keep: "high" });
  delete record.fingerprints;
  const { assessment } = migrate.migrateAssessment(record, fresh("v2"));
  assert.equal(assessment.review.keep, "unverified");
});

test("confirming or re-answering a flagged answer clears the flag and records the new wording", () => {
  const v2 = fresh("v2");
  const info = model.describe(v2);
  const { assessment } = migrate.migrateAssessment(answered("v1", V1_ANSWERS), v2);
  const restored = model.restore(info, assessment);
  assert.equal(model.reviewReason(restored, "reword"), "reworded");
  model.confirmAnswer(info, restored, "reword");
  assert.equal(model.reviewReason(restored, "reword"), "");
  assert.equal(restored.fingerprints.reword, info.criteria.get("reword").criterion.fingerprint);
  model.setAnswer(info, restored, "both-parts", "high");
  assert.equal(model.reviewReason(restored, "both-parts"), "");
  // A second pass over the migrated assessment changes nothing.
  const again = migrate.migrateAssessment(restored, v2);
  assert.equal(again.status, "current");
  assert.deepEqual(again.assessment.answers, restored.answers);
  assert.deepEqual(again.assessment.notCarried, restored.notCarried);
});

test("newer versions, other frameworks and unreadable versions are refused and left alone", () => {
  const record = answered("v2", { keep: "high" });
  const before = JSON.stringify(record);
  const newer = migrate.migrateAssessment(record, fresh("v1"));
  assert.equal(newer.status, "refused");
  assert.equal(newer.assessment, null);
  assert.equal(newer.report.refused, "newer");
  assert.match(newer.report.refusedReason, /version 2\.0 .* newer than the version this site uses \(1\.0\)/);
  assert.match(newer.report.refusedReason, /left exactly as they are/);
  const foreign = migrate.migrateAssessment(Object.assign({}, record, { frameworkId: "another" }), fresh("v2"));
  assert.equal(foreign.report.refused, "foreign");
  assert.match(foreign.report.refusedReason, /different framework \(\u201canother\u201d\)/);
  const odd = migrate.migrateAssessment(Object.assign({}, record, { frameworkVersion: "latest" }), fresh("v2"));
  assert.equal(odd.report.refused, "unreadable");
  assert.equal(JSON.stringify(record), before);
});

test("versions compare by number, not as text", () => {
  assert.ok(migrate.compareVersions("1.10", "1.9") > 0);
  assert.equal(migrate.compareVersions("2.0", "2.0.0"), 0);
  assert.ok(migrate.compareVersions("0.1.0", "0.2") < 0);
});

// --- Golden chains: the data Python emits for chain-0.3.yml, applied to answers from 0.1 and 0.2 ---
// tests/fixtures/versions/chain-expected.json says where each old id leads; tests/test_lineage.py
// holds diff and the "What changed" page to the same statement.

const LEVEL_CYCLE = ["high", "low"];

/* Every criterion of a chain version answered: the two merged ones disagree (lowest kept), and
 * the question renamed after the level rename is answered with the renamed level. */
function chainRecord(version) {
  const fw = fresh(`chain-${version}`);
  const ids = fw.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
  const middle = fw.levels[1].id;
  const answers = Object.fromEntries(ids.map((id, i) => [id, id === "before-level" ? middle : LEVEL_CYCLE[i % 2]]));
  return answered(`chain-${version}`, answers);
}

for (const version of ["0.1", "0.2"]) {
  test(`golden chains from ${version}: every old answer arrives where the lineage says`, () => {
    const record = chainRecord(version);
    const { status, assessment, report } = migrate.migrateAssessment(record, fresh("chain-0.3"));
    assert.equal(status, "migrated");
    const levels = chainExpected.levels[version];
    for (const [old, { to, how }] of Object.entries(chainExpected.ids[version])) {
      const given = record.answers[old];
      if (how === "removed") {
        assert.deepEqual(
          report.notCarried.filter((n) => n.id === old),
          [{ kind: "answer", id: old, value: given, reason: "removed", version: "0.2" }]
        );
        continue;
      }
      for (const id of to) {
        if (how === "merged") {
          assert.equal(assessment.answers[id], "low", `${old}: merged answers keep the lowest level`);
        } else assert.equal(assessment.answers[id], levels[given], `${old} -> ${id}`);
        assert.equal(assessment.review?.[id], how === "merged" || how === "split" ? how : undefined, id);
        if (id !== old) assert.ok(report.moved.some((m) => m.from === old && m.to === id), `${old} moved to ${id}`);
      }
    }
    const expectedIds = new Set(Object.values(chainExpected.ids[version]).flatMap((e) => e.to));
    assert.deepEqual(Object.keys(assessment.answers).sort(), [...expectedIds].sort());
    assert.equal(report.undeclared, false);
  });
}

test("golden chains: a version the history does not list starts at the next declared one", () => {
  const record = chainRecord("0.1");
  record.frameworkVersion = "0.0.9";
  const { assessment, report } = migrate.migrateAssessment(record, fresh("chain-0.3"));
  assert.equal(report.undeclared, true);
  assert.equal(assessment.answers["third-name"], record.answers["first-name"]);
});

test("versions this site does not know are refused as newer only when they are", () => {
  const record = chainRecord("0.2");
  const site = fresh("chain-0.3");
  for (const [version, refused] of [["0.4", "newer"], ["1.0.0", "newer"], ["0.3.1", "newer"], ["1", "unreadable"], ["0.1.0.0", "unreadable"]]) {
    const result = migrate.migrateAssessment({ ...record, frameworkVersion: version }, site);
    assert.equal(result.report.refused, refused, version);
  }
  assert.equal(migrate.migrateAssessment({ ...record, frameworkVersion: "0.2.0" }, site).status, "migrated");
});

test("hostile keys in a record pollute nothing", () => {
  const record = JSON.parse(
    '{"frameworkId":"versioned","frameworkVersion":"1.0","answers":{"__proto__":{"x":1},"keep":"low"},"targets":{},"notes":{}}'
  );
  const { assessment } = migrate.migrateAssessment(record, fresh("v2"));
  assert.deepEqual(Object.keys(assessment.answers), ["keep"]);
  assert.equal({}.x, undefined);
});

import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";

test("exports record each answer's fingerprint and keep what was not carried over", () => {
  const v1 = model.describe(fresh("v1"));
  const data = transfer.exportData(v1, answered("v1", { keep: "high" }));
  assert.deepEqual(data.assessment.fingerprints, { keep: v1.criteria.get("keep").criterion.fingerprint });
  const v2 = model.describe(fresh("v2"));
  const migrated = model.restore(v2, migrate.migrateAssessment(answered("v1", V1_ANSWERS), v2.framework).assessment);
  const exported = transfer.exportData(v2, migrated);
  assert.deepEqual(exported.assessment.notCarried.map((n) => n.id), ["dropped"]);
  assert.equal(exported.assessment.review.reword, "reworded");
  assert.equal(exported.assessment.migrations[0].from, "1.0");
});

test("importing a version 1 export into version 2 migrates it, and it exports again without loss", () => {
  const v1 = model.describe(fresh("v1"));
  const v2 = model.describe(fresh("v2"));
  const text = transfer.exportJson(v1, answered("v1", V1_ANSWERS));
  const result = transfer.parseImport(v2, text);
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  assert.equal(result.assessment.answers["both-parts"], "mid");
  assert.equal(result.assessment.review["whole-second"], "split");
  assert.deepEqual(result.migration.notCarried.map((n) => n.id), ["dropped"]);
  assert.match(result.warnings.join("\n"), /version 1\.0 .* version 2\.0, so the answers will be carried over/);
  assert.match(result.warnings.join("\n"), /1 answer unchanged, 5 answers moved to new questions, 4 answers to check, 1 entry that cannot/);
  const again = JSON.parse(transfer.exportJson(v2, result.assessment));
  assert.deepEqual(again.assessment.notCarried, [
    { kind: "answer", id: "dropped", value: "high", reason: "removed", version: "1.0" },
  ]);
  const back = transfer.parseImport(v2, JSON.stringify(again));
  assert.equal(back.ok, true);
  assert.equal(back.migration, null);
  assert.deepEqual(back.assessment.review, result.assessment.review);
  assert.deepEqual(back.assessment.notCarried, result.assessment.notCarried);
});

test("importing an export from a newer version is refused with an explanation", () => {
  const v1 = model.describe(fresh("v1"));
  const v2 = model.describe(fresh("v2"));
  const result = transfer.parseImport(v1, transfer.exportJson(v2, answered("v2", { keep: "low" })));
  assert.equal(result.ok, false);
  assert.match(result.errors[0], /cannot be imported\. These answers were made with version 2\.0 .* newer/);
});

test("entries kept from earlier versions are checked on import", () => {
  const v2 = model.describe(fresh("v2"));
  const data = transfer.exportData(v2, answered("v2", { keep: "low" }));
  data.assessment.notCarried = [
    { kind: "answer", id: "old", value: "high", reason: "removed", version: "1.0" },
    { kind: "answer", id: "bad", value: { nested: { deep: 1 } } },
    "nonsense",
  ];
  const result = transfer.parseImport(v2, JSON.stringify(data));
  assert.equal(result.ok, true);
  assert.deepEqual(result.assessment.notCarried.map((n) => n.id), ["old"]);
  assert.match(result.warnings.join("\n"), /2 entries kept from earlier versions .* could not be read/);
});
