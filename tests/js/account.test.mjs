/* The account of the results (js/results/account.mjs and progress.mjs): the facts every page
 * states, with their words. Examples from issue 22, then properties over random assessments and
 * pairs of them (every kind of answer, every coverage, criteria renamed and removed between
 * versions of the framework). */
import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import { account } from "../../plugins/mkdocs_framework/js/results/account.mjs";
import { progress } from "../../plugins/mkdocs_framework/js/results/progress.mjs";
import { WORDS, levelLabel, ruleInWords } from "../../plugins/mkdocs_framework/js/results/words.mjs";
import { info } from "./framework.mjs";
import { inflateRawSync } from "node:zlib";
import * as report from "../../plugins/mkdocs_framework/js/core/report.mjs";
import { docx } from "../../plugins/mkdocs_framework/js/core/docx.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };

/** An assessment of fw with these answers (criterion id -> level id, "not_applicable", "not_sure"). */
function answered(fw, answers, targets = {}) {
  const a = model.blankAssessment(fw);
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  Object.entries(targets).forEach(([id, value]) => model.setTarget(fw, a, id, value));
  return a;
}

/** The test framework with a third dimension of three criteria, "Ethics". */
function withEthics() {
  const fw = info();
  fw.framework.dimensions.push({
    id: "ethics",
    number: 3,
    name: "Ethics and proportionality",
    theme: null,
    criteria: ["e1", "e2", "e3"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
  });
  return model.describe(fw.framework);
}

// --- Examples from the issue -----------------------------------------------------------------

test("progress shows the like-for-like levels its change comes from, beside the full results", () => {
  // "Then Developing (level 2 of 5), from 2 of 3 criteria | Now Developing (level 2 of 5), from 3 of 3 | Up 1 level"
  const fw = withEthics();
  const then = answered(fw, { e1: "developing", e2: "established", e3: model.NOT_SURE });
  const now = answered(fw, { e1: "established", e2: "established", e3: "emerging" });
  const ethics = progress(fw, then, now).rows[2];
  assert.equal(ethics.words.then, "Developing (level 2 of 5), from 2 of 3 criteria");
  assert.equal(ethics.words.now, "Developing (level 2 of 5), from 3 of 3 criteria");
  assert.equal(ethics.words.change, "Up 1 level");
  assert.equal(ethics.words.like, "On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)");
  assert.equal(ethics.words.changeFull, "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)");
  assert.equal(ethics.words.leftOut, "Left out: 3.3 Criterion e3 (Not sure yet then, Emerging now)");
  assert.deepEqual([ethics.likeThen.label, ethics.likeNow.label], ["Developing", "Established"]);
});

test("the progress headline counts the rows that show a level moving", () => {
  const fw = withEthics();
  const then = answered(fw, { p1: "developing", p2: "developing", v1: "established", e1: "developing", e2: "established", e3: model.NOT_SURE });
  const now = answered(fw, { p1: "established", p2: "established", v1: "established", e1: "established", e2: "established", e3: "emerging" });
  const p = progress(fw, then, now);
  assert.deepEqual(p.counts, { up: 2, down: 0, same: 1, notCompared: 0 });
  assert.equal(p.headline, "2 dimensions moved up a level, 1 stayed at the same level, on the criteria answered in both assessments.");
  const up = p.rows.filter((r) => r.words.change.startsWith("Up"));
  assert.equal(up.length, 2);
  for (const r of up) assert.notEqual(r.likeThen.label, r.likeNow.label);
});

test("a result from one criterion of three is low coverage and is never named strongest", () => {
  // "Strongest: 6. Analysis and insight (Leading)" from one Leading and two "Not sure yet".
  const fw = withEthics();
  const a = answered(fw, { e1: "leading", e2: model.NOT_SURE, e3: model.NOT_SURE, p1: "established", p2: "established", v1: "developing" });
  const r = account(fw, a);
  const ethics = r.dimensions[2];
  assert.equal(ethics.kind, "low-coverage");
  assert.equal(ethics.words.coverage, "from 1 of 3 criteria (low coverage)");
  assert.deepEqual(r.strongest.map((d) => d.id), ["purpose"]);
  assert.deepEqual(r.weakest.map((d) => d.id), ["voice"]);
  assert.equal(r.words.strongest.text, "1. Purpose (Established (level 3 of 5))");
  assert.equal(r.words.lowCoverage, "Low coverage (from fewer than half of their criteria): 3. Ethics and proportionality");
});

test("a strongest dimension with a weak spot says so beside its level", () => {
  const fw = info();
  const a = answered(fw, { p1: "emerging", p2: "leading", p3: "leading", p4: "leading", v1: "developing" });
  const r = account(fw, a);
  assert.deepEqual(r.words.strongest, { label: "Strongest dimension:", text: "1. Purpose (Embedded (level 4 of 5); weak spot: 1.1 Criterion p1, Emerging)" });
  assert.equal(r.dimensions[0].words.weakSpots, "Weak spot: 1.1 Criterion p1, Emerging");
});

test("counts name what is Not applicable, Not sure yet and not answered, and dimensions without a result", () => {
  const fw = withEthics();
  const a = answered(fw, { p1: "developing", p2: model.NOT_APPLICABLE, p3: model.NOT_SURE, v1: model.NOT_APPLICABLE, v2: model.NOT_APPLICABLE, e1: model.NOT_SURE });
  const r = account(fw, a);
  assert.deepEqual(r.counts, { total: 9, answered: 4, withLevel: 1, notApplicable: 3, notSure: 2, blank: 3, percent: 44 });
  assert.equal(r.words.counts, "4 of 9 criteria answered (3 Not applicable), 2 Not sure yet, 3 not answered");
  assert.equal(r.words.withResult, "1 of 3 dimensions has a result");
  assert.equal(r.words.without, "Without a result: 2. Voice (Not applicable), 3. Ethics and proportionality (No result yet)");
  // One wording for each kind, whatever the page.
  assert.deepEqual(r.dimensions.map((d) => [d.kind, d.words.level, d.words.result, d.words.qualified]), [
    ["low-coverage", "Developing", "Developing (level 2 of 5)", "Developing (low coverage)"],
    ["not-applicable", "Not applicable", "Not applicable", "Not applicable"],
    ["no-result", "No result yet", "No result yet", "No result yet"],
  ]);
  assert.equal(r.dimensions[0].words.coverageDetail, "from 1 of 3 criteria (low coverage); 1 Not applicable, 1 Not sure yet, 1 not answered");
  assert.equal(r.dimensions[1].words.coverage, "2 Not applicable");
  assert.equal(r.dimensions[1].words.sentence, "Not applicable: every criterion is marked Not applicable.");
  assert.equal(r.words.highlightNone, "No dimension is named strongest or weakest: that needs at least two results that are not low coverage.");
});

test("the scoring rule in words is the one the plugin worked out and handed over in the page data", () => {
  const fw = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const rule = account(fw, answered(fw, {})).words.rule;
  assert.deepEqual(rule, versions.v2.ruleInWords);
  assert.match(rule.join(" "), /A result counts only the criteria you have given a level\. It leaves out criteria marked \u201cNot sure yet\u201d or \u201cNot applicable\u201d, and criteria not yet answered\./);
  assert.deepEqual(ruleInWords({ levels: [] }), []);
});

// --- Properties --------------------------------------------------------------------------------

const ANSWER_KINDS = ["", model.NOT_APPLICABLE, model.NOT_SURE];

/** A random framework: 1 to 5 dimensions of 1 to 6 criteria, 2 to 6 levels, a method. */
const frameworks = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
    levels: fc.integer({ min: 2, max: 6 }),
    method: fc.constantFrom("mean", "median", "minimum"),
  })
  .map(({ sizes, levels, method }) => {
    const framework = {
      id: "prop",
      title: "Property framework",
      shortTitle: "Property framework",
      version: "1.0",
      status: "draft",
      scoring: { method },
      levels: Array.from({ length: levels }, (_, i) => ({ id: `l${i + 1}`, label: `Level ${String.fromCharCode(65 + i)}`, meaning: "" })),
      themes: [],
      dimensions: sizes.map((n, d) => ({
        id: `d${d}`,
        number: d + 1,
        name: `Dimension ${d + 1}`,
        theme: null,
        criteria: Array.from({ length: n }, (_, c) => ({ id: `d${d}c${c}`, title: `Criterion ${d}.${c}`, descriptors: [] })),
      })),
    };
    return model.describe(framework);
  });

/** Random answers for every criterion of fw: any level, "Not applicable", "Not sure yet" or none. */
function answersFor(fw) {
  const choices = [...ANSWER_KINDS, ...fw.framework.levels.map((l) => l.id)];
  const ids = [...fw.criteria.keys()];
  return fc.tuple(...ids.map(() => fc.constantFrom(...choices))).map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]]).filter(([, v]) => v)));
}

/** Random targets for some dimensions of fw. */
function targetsFor(fw) {
  const ids = [...fw.dimensions.keys()];
  const choices = ["", ...fw.framework.levels.map((l) => l.id)];
  return fc.tuple(...ids.map(() => fc.constantFrom(...choices))).map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]]).filter(([, v]) => v)));
}

/** Checks what must hold of every account. */
function checkAccount(fw, r) {
  const c = r.counts;
  assert.equal(c.total, fw.criteriaCount);
  assert.equal(c.withLevel + c.notApplicable, c.answered);
  assert.equal(c.answered + c.notSure + c.blank, c.total);
  for (const d of r.dimensions) {
    const v = d.coverage;
    assert.equal(v.withLevel + v.notApplicable + v.notSure + v.blank, v.total);
    assert.equal(v.applicable, v.total - v.notApplicable);
    assert.equal(d.kind === "result" || d.kind === "low-coverage", d.score !== null);
    assert.equal(d.kind === "low-coverage", d.lowCoverage && d.score !== null);
    assert.equal(d.kind === "not-applicable", v.total > 0 && v.notApplicable === v.total);
    assert.equal(d.words.kind, WORDS.kind[d.kind]);
    if (d.level !== null) {
      assert.equal(d.words.level, levelLabel(fw.framework, d.level));
      assert.ok(d.words.result.startsWith(`${d.words.level} (level ${d.level} of `));
    } else assert.equal(d.words.result, d.words.kind);
    for (const w of d.weak) assert.ok(d.level - w.level >= 2);
  }
  for (const d of [...r.strongest, ...r.weakest]) assert.equal(d.kind, "result", "strongest and weakest are never low coverage");
  const sure = r.dimensions.filter((d) => d.kind === "result").map((d) => d.level);
  for (const d of r.strongest) assert.equal(d.level, Math.max(...sure));
  for (const d of r.weakest) assert.equal(d.level, Math.min(...sure));
  assert.equal(Boolean(r.words.strongest), r.strongest.length > 0);
  assert.equal(r.words.highlightNone === "", r.strongest.length > 0);
  for (const d of r.strongest) assert.ok(r.words.strongest.text.includes(d.words.name) && (!d.weak.length || r.words.strongest.text.includes("weak spot")));
  assert.deepEqual(r.withoutResult.map((d) => d.id), r.dimensions.filter((d) => d.score === null).map((d) => d.id));
  for (const d of r.withoutResult) assert.ok(r.words.without.includes(`${d.words.name} (${d.words.kind})`));
  assert.equal(r.dimensionCounts.withResult + r.withoutResult.length, r.dimensions.length);
}

/** Checks what must hold of every account of progress. */
function checkProgress(fw, p) {
  checkAccount(fw, p.then);
  checkAccount(fw, p.now);
  const counted = { up: 0, down: 0, same: 0, notCompared: 0 };
  p.rows.forEach((row, i) => {
    // The full results in the row are the accounts' own.
    assert.deepEqual([row.then.score, row.then.kind], [p.then.dimensions[i].score, p.then.dimensions[i].kind]);
    assert.deepEqual([row.now.score, row.now.kind], [p.now.dimensions[i].score, p.now.dimensions[i].kind]);
    if (row.direction === null) {
      counted.notCompared += 1;
      assert.equal(row.compared, 0);
      assert.equal(row.words.change, WORDS.progress.notCompared);
      return;
    }
    counted[row.direction] += 1;
    const moved = row.likeNow.level - row.likeThen.level;
    assert.equal(row.levels, moved);
    assert.equal(row.direction, moved > 0 ? "up" : moved < 0 ? "down" : "same");
    // A stated change always has two different like-for-like levels, printed with it.
    if (row.direction !== "same") assert.notEqual(row.likeThen.label, row.likeNow.label);
    else assert.equal(row.likeThen.label, row.likeNow.label);
    assert.ok(row.words.changeFull.startsWith(row.words.change));
    assert.ok(row.words.changeFull.includes(`${row.likeThen.label} (`) && row.words.changeFull.includes(`\u2192 ${row.likeNow.label} (`));
    assert.ok(row.compared <= Math.min(row.then.coverage.withLevel, row.now.coverage.withLevel));
  });
  assert.deepEqual(p.counts, counted, "the headline's counts are the rows'");
  const said = (n, what) => n === 0 || p.headline.includes(`${n} ${n === 1 ? "dimension" : "dimensions"} ${what}`) || p.headline.includes(`, ${n} ${what === "moved down a level" ? "down" : what}`);
  assert.ok(said(counted.up, "moved up a level"), p.headline);
  assert.ok(said(counted.down, "moved down a level"), p.headline);
  assert.ok(said(counted.same, "stayed at the same level"), p.headline);
}

test("property: every account's facts add up, and strongest and weakest are never low coverage", () => {
  const cases = frameworks.chain((fw) => fc.tuple(fc.constant(fw), answersFor(fw), targetsFor(fw)));
  fc.assert(
    fc.property(cases, ([fw, answers, targets]) => checkAccount(fw, account(fw, answered(fw, answers, targets)))),
    { numRuns: 300 }
  );
});

test("property: every change stated has two different like-for-like levels, and the headline counts the rows", () => {
  const cases = frameworks.chain((fw) => fc.tuple(fc.constant(fw), answersFor(fw), answersFor(fw)));
  fc.assert(
    fc.property(cases, ([fw, a, b]) => checkProgress(fw, progress(fw, answered(fw, a), answered(fw, b)))),
    { numRuns: 300 }
  );
});

test("property: progress across versions (criteria renamed, merged, split, removed) holds the same", () => {
  const v1 = model.describe(JSON.parse(JSON.stringify(versions.v1)));
  const v2 = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  fc.assert(
    fc.property(answersFor(v1), answersFor(v2), fc.boolean(), (old, current, swap) => {
      const earlier = answered(v1, old);
      const later = answered(v2, current);
      const p = swap ? progress(v2, later, earlier) : progress(v2, earlier, later);
      checkProgress(v2, p);
      // An answer to a removed criterion is never scored, and is named as not compared.
      if (old.dropped) assert.ok(p.notCompared.includes("dropped"));
    }),
    { numRuns: 200 }
  );
});

/** The text of a .docx's document.xml (the files are stored or deflated; see core/docx.mjs). */
function wordText(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    let data = bytes.subarray(start, start + size);
    if (method === 8) data = inflateRawSync(data);
    if (name === "word/document.xml") {
      const xml = new TextDecoder().decode(data);
      return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    }
    at = start + size;
  }
  throw new Error("no word/document.xml");
}

/** XML's escapes undone, as a reader sees the text. */
const unescape = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

test("property: the board report and its Word file state the account's facts, and each change with its levels", () => {
  const cases = frameworks.chain((fw) => fc.tuple(fc.constant(fw), answersFor(fw), answersFor(fw), targetsFor(fw)));
  fc.assert(
    fc.property(cases, ([fw, before, after, targets]) => {
      const earlier = answered(fw, before);
      earlier.date = "2025-10-01";
      const later = answered(fw, after, targets);
      const p = progress(fw, earlier, later);
      const built = report.build(fw, later, "2026-11-30", { assessment: earlier, progress: p });
      const r = account(fw, later);
      // The summary leads with the counts, names what has no result and what is low coverage.
      assert.ok(built.summary[0].startsWith(r.words.counts), built.summary[0]);
      const summary = built.summary.join(" ");
      for (const line of [r.words.without, r.words.lowCoverage, r.words.strongest && r.words.strongest.text, r.words.weakest && r.words.weakest.text]) {
        if (line) assert.ok(summary.includes(line), `${line} in ${summary}`);
      }
      // The results table: each dimension's score, level (qualified), target and coverage.
      const table = built.results[0];
      r.dimensions.forEach((d, i) => {
        const [name, score, level, target, coverage] = table.rows[i].map(report.plain);
        assert.deepEqual([name, score, target, coverage], [d.words.name, d.words.score, d.words.target, d.words.coverageDetail]);
        assert.ok(level.startsWith(d.words.qualified) && (!d.words.weakSpots || level.includes(d.words.weakSpots)), level);
      });
      // Progress: the headline and each row's change, with the two levels it comes from.
      const rows = built.progress.find((b) => b.kind === "table").rows.map((row) => row.map(report.plain));
      assert.ok(report.plain(built.progress[0].text).endsWith(p.headline));
      p.rows.forEach((row, i) => {
        assert.deepEqual(rows[i], [row.words.name, row.words.then, row.words.now, row.words.changeFull]);
      });
      // The Word file says the same words.
      const word = unescape(wordText(docx(built, "Kicker")));
      for (const d of r.dimensions) assert.ok(word.includes(d.words.coverageDetail) && word.includes(d.words.qualified));
      for (const row of p.rows) assert.ok(word.includes(row.words.changeFull), row.words.changeFull);
      assert.ok(word.includes(p.headline));
    }),
    { numRuns: 60 }
  );
});
