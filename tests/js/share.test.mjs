import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as share from "../../plugins/mkdocs_framework/js/core/share.mjs";
import { info } from "./framework.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

function filled() {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  model.setDetail(a, "name", "Baseline, autumn 2026 – “draft” ✓");
  model.setDetail(a, "authority", "Anyshire <b>&</b>");
  model.setAnswer(fw, a, "p1", "developing");
  model.setAnswer(fw, a, "p2", model.NOT_APPLICABLE);
  model.setAnswer(fw, a, "p3", "leading");
  model.setAnswer(fw, a, "v1", model.NOT_SURE);
  model.setTarget(fw, a, "purpose", "embedded");
  model.setNote(fw, a, "purpose", "evidence", "SECRET evidence text");
  model.setNote(fw, a, "voice", "views", "SECRET views text");
  return { fw, a };
}

/* The fingerprint of a criterion's wording in a version of the fixture framework. */
function fingerprint(name, id) {
  return versions[name].dimensions.flatMap((d) => d.criteria).find((c) => c.id === id).fingerprint;
}

/* A link's data as JSON, made by hand the way another site or an attacker could. */
function fragmentOf(data) {
  return share.PREFIX + share.toBase64Url(JSON.stringify(data));
}

test("a link round-trips details, every answer and every target, by stable ids", () => {
  const { fw, a } = filled();
  const fragment = share.encode(fw, a);
  assert.match(fragment, /^r1\.[A-Za-z0-9_-]+$/);
  const result = share.read(info(), fragment);
  assert.equal(result.ok, true);
  assert.equal(result.otherVersion, "");
  assert.equal(result.assessment.name, a.name);
  assert.equal(result.assessment.authority, a.authority);
  assert.equal(result.assessment.date, a.date);
  assert.deepEqual(result.assessment.answers, a.answers);
  assert.deepEqual(result.assessment.targets, a.targets);
  assert.equal(result.answerCount, 4);
});

test("a link never holds the notes", () => {
  const { fw, a } = filled();
  const fragment = share.encode(fw, a);
  const text = share.fromBase64Url(fragment.slice(3));
  assert.ok(!text.includes("SECRET"));
  assert.ok(!text.includes("evidence"));
  assert.deepEqual(share.read(info(), fragment).assessment.notes, {});
});

test("the link is compact: levels by number, keyed by criterion id, no padding", () => {
  const { fw, a } = filled();
  const data = share.payload(fw, a);
  assert.deepEqual(data.a.p1, [2]);
  assert.deepEqual(data.a.p2, [-1]);
  assert.deepEqual(data.a.v1, [0]);
  assert.deepEqual(data.t, { purpose: 4 });
  assert.deepEqual(data.l, ["emerging", "developing", "established", "embedded", "leading"]);
  assert.ok(share.encode(fw, a).length < 400);
});

test("what the link contains is described before it is made", () => {
  const { fw, a } = filled();
  assert.deepEqual(share.contents(fw, a), {
    name: a.name,
    authority: a.authority,
    date: "2026-10-01",
    answers: 4,
    targets: 1,
    criteriaTotal: 6,
  });
});

test("the address keeps the page and replaces any fragment", () => {
  const { fw, a } = filled();
  const address = share.link("file:///site/assess/shared.html#old", fw, a);
  assert.ok(address.startsWith("file:///site/assess/shared.html#r1."));
  assert.equal(address.split("#").length, 2);
});

test("an empty, truncated or tampered link is refused with a clear message", () => {
  const { fw, a } = filled();
  const fragment = share.encode(fw, a);
  assert.equal(share.read(info(), "").kind, "empty");
  assert.equal(share.read(info(), "#").kind, "empty");
  for (const bad of [
    fragment.slice(0, fragment.length - 7),
    fragment.slice(0, 20) + "!!" + fragment.slice(22),
    "r2." + fragment.slice(3),
    "hello",
    share.PREFIX + share.toBase64Url("not json"),
    share.PREFIX + "____",
    fragmentOf([1, 2, 3]),
    fragmentOf({ f: "test-framework", v: "1.0", l: ["emerging"], a: { p1: [7] } }),
    fragmentOf({ f: "test-framework", v: "1.0", l: ["emerging"], a: { p1: "developing" } }),
    fragmentOf({ f: "test-framework", v: "1.0", l: ["emerging"], a: {}, t: { purpose: 9 } }),
    fragmentOf({ f: "test-framework", v: "1.0", l: ["nonsense"], a: { p1: [1] } }),
    fragmentOf({ f: "test-framework", v: "1.0", l: ["emerging"], a: {}, n: "x".repeat(301) }),
  ]) {
    const result = share.read(info(), bad);
    assert.equal(result.ok, false, bad);
    assert.equal(result.kind, "corrupt", bad);
    assert.match(result.message, /incomplete or has been changed/);
  }
});

test("a link whose date is not a real date shows its results, the date kept aside", () => {
  const result = share.read(info(), fragmentOf({ f: "test-framework", v: "1.0", l: ["emerging"], a: { p1: [1] }, d: "2026-02-31" }));
  assert.equal(result.ok, true);
  assert.equal(result.assessment.date, "");
  assert.equal(result.assessment.answers.p1, "emerging");
});

test("a link for another framework says so", () => {
  const result = share.read(info(), fragmentOf({ f: "other-framework", v: "1.0", l: ["a"], a: {} }));
  assert.equal(result.ok, false);
  assert.equal(result.kind, "foreign");
  assert.match(result.message, /another framework \(“other-framework”\)/);
});

test("hostile keys in a link are ignored, never copied onto objects", () => {
  const text = '{"f":"test-framework","v":"1.0","l":["emerging"],"a":{"__proto__":[1],"p1":[1]},"t":{"constructor":1}}';
  const result = share.read(info(), share.PREFIX + share.toBase64Url(text));
  assert.equal(result.ok, true);
  assert.deepEqual(Object.keys(result.assessment.answers), ["p1"]);
  assert.equal({}.polluted, undefined);
});

// Links of other versions always go through the migration (there is no page without it any more):
// an earlier version the framework's history does not describe shows what it can and counts the rest.
test("a link from another version the history does not describe says so and shows what it can", () => {
  const data = {
    f: "test-framework",
    v: "0.9",
    n: "Old",
    u: "",
    l: ["emerging", "developing", "established", "embedded", "leading"],
    a: { p1: [3, "abc"], gone: [2, "def"] },
    t: {},
  };
  const result = share.read(info(), fragmentOf(data));
  assert.equal(result.ok, true);
  assert.equal(result.otherVersion, "0.9");
  assert.equal(result.migrated, true);
  assert.equal(result.counts.notCarried, 1);
  assert.deepEqual(result.assessment.answers, { p1: "established" });
  assert.deepEqual(result.notShown, ["gone"]);
});

test("a link from another version is carried forward by the declared history, levels by the link's own list", () => {
  const v2 = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const data = {
    f: "versioned",
    v: "1.0",
    n: "Old",
    u: "",
    l: ["low", "mid", "high"],
    a: { "old-name": [3, fingerprint("v1", "old-name")], keep: [1, fingerprint("v1", "keep")] },
    t: { alpha: 2 },
  };
  const result = share.read(v2, fragmentOf(data));
  assert.equal(result.ok, true);
  assert.equal(result.migrated, true);
  assert.deepEqual(result.counts, { carried: 1, moved: 1, review: 0, notCarried: 0 });
  assert.deepEqual(result.assessment.answers, { keep: "low", "new-name": "high" });
  assert.deepEqual(result.assessment.targets, { alpha: "mid" });
});

test("a migration that refuses (a newer version, say) gives its reason", () => {
  const data = { f: "test-framework", v: "2.0", l: ["emerging"], a: {} };
  const result = share.read(info(), fragmentOf(data));
  assert.equal(result.ok, false);
  assert.equal(result.kind, "refused");
  assert.match(result.message, /version 2\.0 of the framework, which is newer than the version this site uses \(1\.0\)/);
});

test("base64url round-trips any Unicode text", () => {
  for (const text of ["", "a", "ab", "abc", "£5 “quotes” ✓ 😀", "\u0000\uffff"]) {
    assert.equal(share.fromBase64Url(share.toBase64Url(text)), text);
  }
  assert.throws(() => share.fromBase64Url(share.toBase64Url("£").slice(0, 1)));
});

test("a link made with version 1 is carried onto version 2 by the declared history", () => {
  const v1 = model.describe(JSON.parse(JSON.stringify(versions.v1)));
  const v2 = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const a = model.blankAssessment(v1, new Date("2027-01-01T09:00:00Z"));
  model.setDetail(a, "authority", "Anyshire");
  for (const [id, value] of Object.entries({ keep: "high", "old-name": "low", dropped: "high", whole: "mid" })) {
    model.setAnswer(v1, a, id, value);
  }
  model.setTarget(v1, a, "alpha", "high");
  const result = share.read(v2, share.encode(v1, a));
  assert.equal(result.ok, true);
  assert.equal(result.otherVersion, "1.0");
  assert.equal(result.migrated, true);
  assert.deepEqual(result.assessment.answers, {
    keep: "high",
    "new-name": "low",
    "whole-first": "mid",
    "whole-second": "mid",
  });
  assert.deepEqual(result.assessment.targets, { alpha: "high" });
  assert.equal(result.counts.notCarried, 1);
  assert.ok(result.counts.moved >= 1);
  assert.ok(result.counts.review >= 2);
});
