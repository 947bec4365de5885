import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as group from "../../plugins/mkdocs_framework/js/core/group.mjs";
import { combinedCsv } from "../../plugins/mkdocs_framework/js/core/group-csv.mjs";
import { middleText } from "../../plugins/mkdocs_framework/js/group/text.mjs";
import { info } from "./framework.mjs";
import { WORDS } from "../../plugins/mkdocs_framework/js/results/words.mjs";
import versions from "./fixtures/versions.json" with { type: "json" };
import { migrateAssessment } from "../../plugins/mkdocs_framework/js/core/migrate.mjs";

/* An exported file's text, as the form writes it. */
function exported(authority, answers, targets = {}) {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  model.setDetail(a, "authority", authority);
  model.setDetail(a, "name", "Baseline");
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  Object.entries(targets).forEach(([id, value]) => model.setTarget(fw, a, id, value));
  return transfer.exportJson(fw, a);
}

function read(name, text) {
  return group.readFile(info(), name, text, Buffer.byteLength(text), migrateAssessment);
}

test("a valid export is read with its answers", () => {
  const entry = read("anyshire.json", exported("Anyshire", { p1: "developing", v1: "leading" }));
  assert.equal(entry.status, "ok");
  assert.equal(entry.otherVersion, "");
  assert.deepEqual(entry.assessment.answers, { p1: "developing", v1: "leading" });
});

test("broken files are reported with the reason", () => {
  assert.match(read("bad.json", "{not json").reason, /could not be read as JSON/);
  assert.match(read("empty.json", "").reason, /empty/);
  assert.match(read("list.json", "[1,2]").reason, /not an export from this self-assessment form/);
  const huge = group.readFile(info(), "huge.json", "{}", 2 * 1024 * 1024);
  assert.equal(huge.status, "broken");
  assert.match(huge.reason, /larger than 1 MB/);
  const data = JSON.parse(exported("Anyshire", {}));
  data.assessment.answers = { p1: "brilliant" };
  const badAnswer = read("wrong.json", JSON.stringify(data));
  assert.equal(badAnswer.status, "broken");
  assert.match(badAnswer.reason, /^The answers for criterion “p1” are not levels/);
});

test("a file for another framework is flagged as foreign, with the framework's id", () => {
  const data = JSON.parse(exported("Othershire", { p1: "developing" }));
  data.framework.id = "some-other-framework";
  const entry = read("other.json", JSON.stringify(data));
  assert.equal(entry.status, "foreign");
  assert.equal(entry.frameworkId, "some-other-framework");
  assert.match(entry.reason, /different framework \(“some-other-framework”\)/);
});

// Files of other versions always go through the migration (there is no page without it any more):
// an earlier version the framework's history does not describe keeps the answers it can and lists
// the ones this version has no question for.
test("a file from another version is flagged, and what it cannot carry is listed", () => {
  const data = JSON.parse(exported("Oldshire", { p1: "developing" }));
  data.framework.version = "0.9";
  data.assessment.answers.retired = "leading";
  const entry = read("old.json", JSON.stringify(data));
  assert.equal(entry.status, "ok");
  assert.equal(entry.otherVersion, "0.9");
  assert.equal(entry.migrated, true);
  assert.equal(entry.counts.notCarried, 1);
  assert.deepEqual(entry.assessment.answers, { p1: "developing" });
  assert.deepEqual(entry.notCarried, ["retired"]);
});

test("a file from another version is carried forward by the framework's declared history", () => {
  const v1 = model.describe(JSON.parse(JSON.stringify(versions.v1)));
  const v2 = model.describe(JSON.parse(JSON.stringify(versions.v2)));
  const a = model.blankAssessment(v1, new Date("2027-01-01T09:00:00Z"));
  model.setDetail(a, "authority", "Oldshire");
  model.setAnswer(v1, a, "keep", "high");
  model.setAnswer(v1, a, "old-name", "mid");
  const text = transfer.exportJson(v1, a);
  // Without the migration (the page loads it only when such a file is met) the file is not read yet.
  assert.deepEqual(group.readFile(v2, "old.json", text, Buffer.byteLength(text)), { status: "migrate", name: "old.json" });
  const entry = group.readFile(v2, "old.json", text, Buffer.byteLength(text), migrateAssessment);
  assert.equal(entry.status, "ok");
  assert.equal(entry.otherVersion, "1.0");
  assert.equal(entry.migrated, true);
  assert.deepEqual(entry.counts, { carried: 1, moved: 1, review: 0, notCarried: 0 });
  assert.deepEqual(entry.assessment.answers, { keep: "high", "new-name": "mid" });
});

test("a file from a newer version is refused with the reason", () => {
  const data = JSON.parse(exported("Newshire", { p1: "developing" }));
  data.framework.version = "2.0";
  const entry = read("new.json", JSON.stringify(data));
  assert.equal(entry.status, "broken");
  assert.match(entry.reason, /^These answers were made with version 2\.0 of the framework, which is newer than/);
});

test("the comparison scores each authority with the form's scoring, and gives the spread", () => {
  const entries = [
    read("a.json", exported("Anyshire", { p1: "emerging", p2: "developing", v1: "leading" })),
    read("b.json", exported("Borsetshire", { p1: "established", v1: "developing" }, { purpose: "embedded" })),
    read("c.json", exported("Casterbridge", { p1: "leading", p2: "leading", v1: model.NOT_APPLICABLE })),
  ];
  const { rows, spread } = group.compare(info(), entries);
  const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
  assert.equal(byName.Anyshire.dimensions[0].score, 1.5);
  assert.equal(byName.Anyshire.dimensions[0].level, 1);
  assert.equal(byName.Borsetshire.dimensions[0].target, 4);
  assert.equal(byName.Casterbridge.dimensions[1].score, null);
  // The spread is of whole levels, as the heatmap shows them (Anyshire's 1.5 is level 1); the middle of
  // two levels may fall halfway between them.
  const figures = (s) => ({ lowest: s.lowest, median: s.median, highest: s.highest, count: s.count });
  assert.deepEqual(figures(spread[0]), { lowest: 1, median: 3, highest: 5, count: 3 });
  assert.deepEqual(figures(spread[1]), { lowest: 2, median: 3.5, highest: 5, count: 2 });
  const levels = info().framework.levels;
  assert.equal(middleText(levels, spread[1].median), `Between ${levels[2].label} and ${levels[3].label}`);
  assert.equal(middleText(levels, spread[0].lowest), `${levels[0].label} (level 1 of ${levels.length})`);
});

test("codes are A, B, C in an order that does not follow names or the order files were chosen", () => {
  const files = [
    ["a.json", exported("Anyshire", { p1: "emerging" })],
    ["b.json", exported("Borsetshire", { p1: "developing" })],
    ["c.json", exported("Casterbridge", { p1: "leading" })],
    ["d.json", exported("Dunwich", { p1: "embedded" })],
  ];
  const forwards = group.compare(info(), files.map(([n, t]) => read(n, t)));
  const backwards = group.compare(info(), files.reverse().map(([n, t]) => read(n, t)));
  const codes = (result) => result.rows.map((row) => [row.code, row.name]);
  assert.deepEqual(codes(forwards), codes(backwards));
  // The framework names no organisation here, so the codes use the plugin's neutral word.
  assert.deepEqual(forwards.rows.map((row) => row.code), ["Organisation A", "Organisation B", "Organisation C", "Organisation D"]);
  assert.notDeepEqual(forwards.rows.map((row) => row.name), ["Anyshire", "Borsetshire", "Casterbridge", "Dunwich"]);
  // A framework that says "authority" (framework.yml terms:) gets "Authority A" and so on.
  const own = info();
  const worded = { ...own, framework: { ...own.framework, terms: { organisation: "authority", organisations: "authorities" } } };
  assert.deepEqual(group.compare(worded, files.map(([n, t]) => read(n, t))).rows.map((row) => row.code).slice(0, 2), ["Authority A", "Authority B"]);
});

test("several files of one authority are its rounds: one row, the latest shown, baseline first", () => {
  const one = JSON.parse(exported("Anyshire", { p1: "emerging" }));
  const two = JSON.parse(exported(" ANYSHIRE\u200F ", { p1: "leading" }));
  two.assessment.name = "Review";
  two.assessment.date = "2027-10-01";
  const other = read("3.json", exported("Borsetshire", { p1: "developing" }));
  const { rows } = group.compare(info(), [read("2.json", JSON.stringify(two)), other, read("1.json", JSON.stringify(one))]);
  assert.equal(rows.length, 2);
  const anyshire = rows.find((row) => row.rounds.length === 2);
  assert.deepEqual(anyshire.rounds.map((round) => round.assessment.name), ["Baseline", "Review"]);
  assert.equal(anyshire.assessment.name, "Review");
  assert.equal(anyshire.dimensions[0].score, 5);
  assert.equal(group.organisationKey("\u202EAny  shire "), "any shire");
});

test("two files that name no authority stay apart, told apart by name", () => {
  const one = JSON.parse(exported("", { p1: "emerging" }));
  const two = JSON.parse(exported("", { p1: "leading" }));
  two.assessment.date = "2027-10-01";
  const { rows } = group.compare(info(), [read("1.json", JSON.stringify(one)), read("2.json", JSON.stringify(two))]);
  assert.deepEqual(rows.map((row) => row.name).sort(), ["Baseline (2026-10-01)", "Baseline (2027-10-01)"]);
});

test("criteria: how the authorities spread across the levels, and the weakest across the group", () => {
  const entries = [
    read("a.json", exported("Anyshire", { p1: "emerging", p2: "leading", v1: model.NOT_APPLICABLE })),
    read("b.json", exported("Borsetshire", { p1: "emerging", p2: "embedded", v1: model.NOT_SURE })),
    read("c.json", exported("Casterbridge", { p1: "developing", p2: "leading" })),
  ];
  const { rows } = group.compare(info(), entries);
  const spread = group.criteria(info(), rows);
  const p1 = spread.find((s) => s.criterion.id === "p1");
  assert.deepEqual(p1.levels, [2, 1, 0, 0, 0]);
  assert.equal(p1.number, "1.1");
  assert.equal(p1.medianLevel, 1);
  assert.equal(p1.atOrBelow, 2);
  const v1 = spread.find((s) => s.criterion.id === "v1");
  assert.deepEqual([v1.notApplicable, v1.notSure, v1.unanswered, v1.answered, v1.medianLevel], [1, 1, 1, 0, null]);
  const weakest = group.weakest(spread, 2);
  assert.deepEqual(weakest.map((s) => s.criterion.id), ["p1", "p2"]);
});

test("rows sort by name or by a dimension's level, with no level last either way and ties in code order", () => {
  const entries = [
    read("a.json", exported("Anyshire", { p1: "emerging", p2: "developing" })),
    read("b.json", exported("Borsetshire", { p1: "leading" })),
    read("c.json", exported("Casterbridge", {})),
    read("d.json", exported("Dunwich", { p1: "emerging" })),
  ];
  const { rows } = group.compare(info(), entries);
  const names = (list) => list.map((row) => row.name);
  const byName = (direction) => names(group.sortRows(rows, "name", direction, (row) => row.name));
  assert.deepEqual(byName("ascending"), ["Anyshire", "Borsetshire", "Casterbridge", "Dunwich"]);
  assert.deepEqual(byName("descending"), ["Dunwich", "Casterbridge", "Borsetshire", "Anyshire"]);
  // Anyshire (1.5) and Dunwich (1) are both at level 1: they keep code order whichever way, as the
  // score behind a level is never shown.
  const levelOne = names(rows).filter((name) => name === "Anyshire" || name === "Dunwich");
  const byLevel = (direction) => names(group.sortRows(rows, 0, direction, (row) => row.name));
  assert.deepEqual(byLevel("ascending"), [...levelOne, "Borsetshire", "Casterbridge"]);
  assert.deepEqual(byLevel("descending"), ["Borsetshire", ...levelOne, "Casterbridge"]);
});

test("an authority with no name is shown by its assessment name, then its file name", () => {
  const data = JSON.parse(exported("", {}));
  const { rows } = group.compare(info(), [read("x.json", JSON.stringify(data))]);
  assert.equal(rows[0].name, "Baseline");
  data.assessment.name = "";
  assert.equal(group.compare(info(), [read("x.json", JSON.stringify(data))]).rows[0].name, "x.json");
});

test("the same file chosen twice is recognised", () => {
  const text = exported("Anyshire", { p1: "emerging" });
  assert.ok(group.sameFile(read("a.json", text), read("a.json", text)));
  // A copy saved under another name is the same file.
  assert.ok(group.sameFile(read("a.json", text), read("b.json", text)));
  assert.ok(!group.sameFile(read("a.json", text), read("a.json", exported("Anyshire", { p1: "leading" }))));
});

test("letters, median and shades", () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52].map(group.letters), ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  assert.equal(group.median([]), null);
  assert.equal(group.median([2]), 2);
  assert.equal(group.median([1, 2, 4]), 2);
  assert.equal(group.median([1.2, 2.5]), 1.9);
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => group.shade(n, 5)), [1, 3, 4, 6, 7]);
  assert.deepEqual([1, 2].map((n) => group.shade(n, 2)), [1, 7]);
  assert.equal(group.shade(null, 5), 0);
});

test("the combined CSV has a row per authority, round and criterion, and no formula runs", () => {
  const base = JSON.parse(exported("=HYPERLINK(\"x\")", { p1: "emerging", v1: model.NOT_APPLICABLE }));
  const review = JSON.parse(JSON.stringify(base));
  review.assessment.date = "2027-10-01";
  review.assessment.answers.p1 = "developing";
  const entries = [read("1.json", JSON.stringify(base)), read("2.json", JSON.stringify(review)), read("3.json", exported("Borsetshire", {}))];
  const { rows } = group.compare(info(), entries);
  const csv = combinedCsv(info(), rows, false);
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  const criteria = info().criteriaCount;
  assert.equal(lines.length, 1 + 3 * criteria);
  assert.match(lines[0], /^Organisation code,Organisation,Round,Rounds,Latest round,/);
  assert.ok(lines.slice(1).every((line) => !/(^|,)"?=/.test(line)), "a formula is made inert");
  assert.ok(lines.some((line) => line.includes(`,"'=HYPERLINK(""x"")",1,2,No,`) && line.includes(",p1,1.1,") && line.includes(",Emerging,1,")));
  const hidden = combinedCsv(info(), rows, true);
  assert.ok(!hidden.includes("HYPERLINK") && !hidden.includes("1.json"));
});

/* The CSV read back as records, by its header. */
function records(csv) {
  const [head, ...lines] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((line) => line.split(","));
  return lines.map((cells) => Object.fromEntries(head.map((name, i) => [name, cells[i]])));
}

test("the combined CSV names each round as its own file does, and writes out what was not answered", () => {
  const base = JSON.parse(exported("Westvale Council", { p1: "emerging" }));
  const review = JSON.parse(exported("westvale   COUNCIL", { p1: "developing", p2: "leading" }));
  review.assessment.name = "Review";
  review.assessment.date = "2027-10-01";
  const { rows } = group.compare(info(), [read("review.json", JSON.stringify(review)), read("base.json", JSON.stringify(base))]);
  const out = records(combinedCsv(info(), rows, false));
  const p2 = out.filter((row) => row["Criterion ID"] === "p2");
  assert.deepEqual(
    p2.map((row) => [row.Round, row.Organisation, row["Assessment name"], row.Answer, row["Level number"]]),
    [
      ["1", "Westvale Council", "Baseline", "Not answered", ""],
      ["2", "westvale COUNCIL", "Review", "Leading", "5"],
    ]
  );
  // The words are the page's: the view by criterion heads its column with the same words.
  assert.equal(p2[0].Answer, WORDS.answer.none);
  assert.equal(out.find((row) => row["Criterion ID"] === "v1").Answer, WORDS.answer.none);
  // Hidden names: every round is its code.
  assert.deepEqual([...new Set(records(combinedCsv(info(), rows, true)).map((row) => row.Organisation))], ["Organisation A"]);
});

test("an organisation keeps its letter while files are added and removed, for as long as the page is open", async () => {
  const { GroupState } = await import("../../plugins/mkdocs_framework/js/group/state.mjs");
  const state = new GroupState(info());
  const file = (name, level, date = "2026-10-01") => {
    const data = JSON.parse(exported(name, { p1: level }));
    data.assessment.date = date;
    return new File([JSON.stringify(data)], `${name}-${date}.json`);
  };
  // Each organisation's code, by its name as the page tells organisations apart (spacing and case folded).
  const codes = () => Object.fromEntries(state.comparison.rows.map((row) => [group.organisationKey(row.assessment.authority), row.code]));
  const names = ["anyshire", "borsetshire", "casterbridge", "dunwich", "exmoor"];
  await state.addFiles(names.map((name) => file(name, "emerging")));
  const first = codes();
  assert.deepEqual(Object.values(first).sort(), ["A", "B", "C", "D", "E"].map((l) => `Organisation ${l}`));
  // More organisations, however their names and contents sort, take the next letters.
  await state.addFiles(["aardvark", "abbey", "zennor", "yarm", "bude", "calne"].map((name) => file(name, "leading")));
  const second = codes();
  for (const name of names) assert.equal(second[name], first[name], `${name} kept its letter`);
  assert.deepEqual(
    Object.entries(second).filter(([name]) => !names.includes(name)).map(([, code]) => code).sort(),
    ["F", "G", "H", "I", "J", "K"].map((l) => `Organisation ${l}`)
  );
  // Another round of one organisation, and removing others, moves no letter.
  await state.addFiles([file("ANYSHIRE ", "established", "2027-10-01")]);
  const removed = names.slice(1, 3);
  for (const name of removed) state.remove(state.entries.find((e) => e.assessment.authority === name).key);
  const third = codes();
  assert.equal(Object.keys(third).length, 9);
  assert.equal(state.comparison.rows.find((row) => row.rounds.length === 2).code, first.anyshire);
  for (const [name, code] of Object.entries(third)) assert.equal(code, second[name], `${name} kept its letter`);
  // Chosen again, a removed organisation has its own letter back; no letter is given twice.
  await state.addFiles([file(removed[0], "emerging")]);
  assert.equal(codes()[removed[0]], first[removed[0]]);
  const all = state.comparison.rows.map((row) => row.code);
  assert.equal(new Set(all).size, all.length);
  assert.deepEqual(all, [...all].sort((x, y) => x.length - y.length || (x < y ? -1 : 1)), "rows stay in code order");
});

test("the group state says what changed, keeps the comparison for a sort or a theme, and counts a copy once", async () => {
  const { GroupState } = await import("../../plugins/mkdocs_framework/js/group/state.mjs");
  const state = new GroupState(info());
  const told = [];
  state.subscribe((change) => told.push(change));
  const text = exported("Anyshire", { p1: "emerging" });
  const outcome = await state.addFiles([
    new File([text], "anyshire.json"),
    new File([text], "anyshire copy.json"),
    new File([exported("Borsetshire", { p1: "leading" })], "borsetshire.json"),
  ]);
  assert.equal(outcome.added, 2);
  assert.deepEqual(outcome.problems.map((p) => [p.name, p.status]), [["anyshire copy.json", "duplicate"]]);
  assert.match(outcome.problems[0].reason, /already in the comparison as “\u2068anyshire\.json\u2069”, so it is counted once/);
  const comparison = state.comparison;
  state.setSort(0, "descending");
  state.setTheme("some-theme");
  state.setHideNames(true);
  assert.deepEqual(told, ["files", "view", "view", "names"]);
  assert.equal(state.comparison, comparison, "a sort, a theme or hiding names does not work the comparison out again");
  assert.deepEqual(state.sortedRows.map((row) => row.assessment.authority), ["Borsetshire", "Anyshire"]);
});
