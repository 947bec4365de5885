import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as transfer from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import * as share from "../../plugins/mkdocs_framework/js/core/share.mjs";
import * as team from "../../plugins/mkdocs_framework/js/core/team.mjs";
import { info } from "./framework.mjs";

/* One person's assessment, as the form makes it. */
function person(name, answers, details = {}) {
  const fw = info();
  const a = model.blankAssessment(fw, new Date("2026-10-01T09:00:00Z"));
  model.setDetail(a, "name", name);
  model.setDetail(a, "authority", details.authority || "Anyshire");
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  if (details.participants !== undefined) a.participants = details.participants;
  return a;
}

const ANN = { p1: "emerging", p2: "developing", p3: "not_applicable", p4: "not_sure", v1: "leading", v2: "developing" };
const BOB = { p1: "established", p2: "developing", p3: "not_applicable", p4: "embedded", v1: "emerging", v2: "developing" };
const CAL = { p1: "embedded", p2: "established", p3: "not_applicable", v1: "developing", v2: "developing" };

function three() {
  return [person("Ann's view", ANN), person("Bob's view", BOB), person("Cal's view", CAL)];
}

test("an exported file and a results link are read through the one checker", () => {
  const fw = info();
  const a = person("Ann's view", ANN);
  const file = team.readFile(fw, "ann.json", transfer.exportJson(fw, a));
  assert.equal(file.status, "ok");
  assert.equal(file.kind, "file");
  assert.deepEqual(file.assessment.answers, a.answers);
  const fragment = share.encode(fw, a);
  const links = team.linksIn(`https://example.org/assess/shared.html#${fragment}\n  ${fragment}  not-a-link`);
  assert.deepEqual(links, [fragment, fragment]);
  const link = team.readLink(fw, links[0]);
  assert.equal(link.status, "ok");
  assert.equal(link.kind, "link");
  assert.ok(team.sameAnswers(file.assessment, link.assessment), "the same answers by file and by link are one person");
});

test("a bad file or link says why, in the checker's words", () => {
  const fw = info();
  const broken = team.readFile(fw, "half.json", '{"format": "cif-self');
  assert.equal(broken.status, "broken");
  assert.match(broken.reason, /could not be read as JSON/);
  const data = JSON.parse(transfer.exportJson(fw, person("X", {})));
  data.framework.id = "another-framework";
  const foreign = team.readFile(fw, "other.json", JSON.stringify(data));
  assert.equal(foreign.status, "foreign");
  assert.match(foreign.reason, /different framework \(“another-framework”\)/);
  const link = team.readLink(fw, "r1.bm90IGpzb24");
  assert.equal(link.status, "broken");
  assert.match(link.reason, /incomplete or has been changed/);
});

test("people are named from who took part, else the assessment's name, else Respondent n", () => {
  assert.equal(team.defaultName(person("Baseline", {}, { participants: "Dana Fox" }), 0), "Dana Fox");
  assert.equal(team.defaultName(person("Ann's view", {}), 1), "Ann's view");
  assert.equal(team.defaultName(person("  ", {}), 2), "Respondent 3");
  assert.equal(team.joinNames(["Ann", "Bob", "Cal"]), "Ann, Bob and Cal");
  assert.equal(team.joinNames(["Ann"]), "Ann");
});

test("each criterion has every answer, the spread, the two-level mark and the median as a suggestion", () => {
  const fw = info();
  const views = team.criteria(fw, three());
  const byId = Object.fromEntries(views.map((v) => [v.criterion.id, v]));
  assert.equal(views.length, 6);
  // p1: Emerging (1), Established (3), Embedded (4): three levels apart, median Established.
  assert.deepEqual(byId.p1.levels, [1, 3, 4]);
  assert.equal(byId.p1.gap, 3);
  assert.equal(byId.p1.apart, true);
  assert.equal(byId.p1.suggestion, "established");
  assert.equal(byId.p1.number, "1.1");
  assert.equal(team.spreadText(fw, byId.p1.lowest, byId.p1.highest), "Emerging to Embedded");
  // p2: Developing, Developing, Established: one level apart, not marked.
  assert.equal(byId.p2.apart, false);
  assert.equal(byId.p2.suggestion, "developing");
  // p3: everyone said not applicable: that is suggested.
  assert.equal(byId.p3.suggestion, model.NOT_APPLICABLE);
  assert.equal(team.spreadText(fw, byId.p3.lowest, byId.p3.highest), "No levels given");
  // p4: Not sure, Embedded, not answered: the only level given is suggested.
  assert.deepEqual(byId.p4.answers, ["not_sure", "embedded", ""]);
  assert.equal(byId.p4.suggestion, "embedded");
  assert.equal(byId.p4.apart, false);
  assert.equal(team.answerText(fw, ""), "Not answered");
  // v1: Leading, Emerging, Developing: median Developing.
  assert.equal(byId.v1.suggestion, "developing");
  assert.equal(byId.v2.gap, 0);
  assert.equal(team.spreadText(fw, byId.v2.lowest, byId.v2.highest), "All at Developing");
});

test("the median falls to the lower level between two", () => {
  assert.equal(team.medianLevel([2, 3]), 2);
  assert.equal(team.medianLevel([1, 4]), 2);
  assert.equal(team.medianLevel([5, 1, 3]), 3);
  assert.equal(team.medianLevel([]), null);
});

test("each dimension has every person's result, as the form scores it, and the spread", () => {
  const fw = info();
  const dims = team.dimensions(fw, three());
  const purpose = dims[0];
  // Ann: Emerging, Developing -> 1.5; Bob: 3, 2, 4 -> 3.0; Cal: 4, 3 -> 3.5.
  assert.deepEqual(purpose.results.map((r) => r.score), [1.5, 3, 3.5]);
  assert.equal(purpose.lowest, 1);
  assert.equal(purpose.highest, 3);
  assert.equal(purpose.apart, true);
  const voice = dims[1];
  assert.deepEqual(voice.results.map((r) => r.score), [3.5, 1.5, 2]);
  assert.equal(voice.apart, true);
});

test("the team's assessment has the agreed levels, who took part and the discussion in the evidence notes", () => {
  const fw = info();
  const people = three().map((assessment, i) => ({ name: ["Ann", "Bob", "Cal"][i], assessment }));
  const record = team.teamAssessment(
    fw,
    {
      people,
      agreed: { p1: "established", p2: "developing", p3: "not_applicable", v1: "not_sure", nope: "leading", v2: "brilliant" },
      notes: { p1: "Ann saw the old audit; the new one is better." },
      name: "Leadership team, autumn",
      authority: "Anyshire",
    },
    new Date("2026-11-30T10:00:00Z")
  );
  assert.deepEqual(record.answers, { p1: "established", p2: "developing", p3: "not_applicable", v1: "not_sure" });
  assert.equal(record.participants, "Ann, Bob and Cal");
  assert.equal(record.name, "Leadership team, autumn");
  assert.equal(record.authority, "Anyshire");
  const purpose = record.notes.purpose.evidence;
  assert.match(purpose, /^Team discussion where people's answers differed:/);
  assert.match(purpose, /1\.1 Criterion p1: answers Emerging to Embedded \(Ann: Emerging; Bob: Established; Cal: Embedded\); agreed Established\. Ann saw the old audit/);
  assert.doesNotMatch(purpose, /1\.2/, "a criterion one level apart with no note is not listed");
  // v1 is three levels apart with no note: it is still recorded.
  assert.match(record.notes.voice.evidence, /2\.1 Criterion v1: answers Emerging to Leading .*; agreed Not sure yet\./);
  // The record passes the checks a stored record, and an export of it, go through.
  const exported = transfer.parseImport(fw, transfer.exportJson(fw, record));
  assert.equal(exported.ok, true, JSON.stringify(exported.errors));
  assert.deepEqual(exported.assessment.answers, record.answers);
});

test("the authority is kept when everyone names the same one", () => {
  assert.equal(team.sharedAuthority(three()), "Anyshire");
  assert.equal(team.sharedAuthority([person("a", {}), person("b", {}, { authority: "Borsetshire" })]), "");
});

test("the same answers twice are recognised, different ones are not", () => {
  const [a, b] = three();
  assert.ok(team.sameAnswers(a, JSON.parse(JSON.stringify(a))));
  assert.ok(!team.sameAnswers(a, b));
});

test("the work in progress is kept and read back checked; anything tampered with is left out", () => {
  const fw = info();
  const people = three().map((assessment, i) => ({ key: i + 1, name: ["Ann", "Bob", "Cal"][i], kind: "file", source: `${i}.json`, assessment, otherVersion: "" }));
  const work = { people, agreed: { p1: "established" }, notes: { p1: "Because." }, hideNames: true, large: false, name: "Team", savedId: "", savedAs: null };
  const text = team.encodeWork(fw, work);
  const back = team.decodeWork(fw, text);
  assert.equal(back.people.length, 3);
  assert.deepEqual(back.people.map((p) => p.name), ["Ann", "Bob", "Cal"]);
  assert.deepEqual(back.people[1].assessment.answers, people[1].assessment.answers);
  assert.deepEqual(back.agreed, { p1: "established" });
  assert.deepEqual(back.notes, { p1: "Because." });
  assert.equal(back.hideNames, true);
  assert.equal(back.large, false);

  const raw = JSON.parse(text);
  raw.people[0][8] = `z${raw.people[0][8].slice(1)}`; // p1: not a level of this framework
  raw.people[1][0] = { toString: "no" };
  raw.people[2][6] = "<script>";
  raw.people.push("not a person", [1, 2, 3]);
  raw.agreed = { p1: "brilliant", p2: "developing", unknown: "leading" };
  raw.notes = { p1: 42, p2: "<img src=x onerror=alert(1)>" };
  raw.savedId = "../../x";
  const checked = team.decodeWork(fw, JSON.stringify(raw));
  assert.equal(checked.people.length, 3, "what is not a person is left out");
  assert.equal(checked.people[0].assessment.answers.p1, undefined, "an answer this framework does not have is left out");
  assert.equal(checked.people[0].assessment.answers.p2, "developing");
  assert.equal(checked.people[1].name, "", "a name that is not text is left empty");
  assert.equal(checked.people[2].assessment.date, "", "a date that is not a date is left out");
  assert.deepEqual(checked.agreed, { p2: "developing" });
  assert.deepEqual(checked.notes, { p2: "<img src=x onerror=alert(1)>" }, "text is kept as typed; the page shows it as text");
  assert.equal(checked.savedId, "");
  assert.equal(team.decodeWork(fw, "{not json"), null);
  assert.equal(team.decodeWork(fw, JSON.stringify({ ...raw, frameworkId: "other" })), null);
  assert.equal(team.decodeWork(fw, null), null);
});

/* A person with long notes, as in a real export: the team view does not keep them in the tab. */
function talkative(i) {
  const fw = info();
  const a = person(`Person ${i}`, { p1: ["emerging", "developing", "established"][i % 3], p2: "developing", v1: "not_sure", v2: "not_applicable" });
  model.setNote(fw, a, "purpose", "evidence", "A long account of the evidence. ".repeat(600));
  model.setTarget(fw, a, "voice", "embedded");
  return a;
}

test("everyone added is read back, however many, and kept compactly (not each whole export)", () => {
  const fw = info();
  const people = Array.from({ length: 500 }, (_, i) => ({ key: i + 1, name: `Name ${i}`, kind: "file", source: `${i}.json`, assessment: talkative(i), otherVersion: i === 3 ? "0.9" : "" }));
  const text = team.encodeWork(fw, { people, agreed: {}, notes: {}, hideNames: false, large: false, name: "", savedId: "", savedAs: null });
  assert.ok(text.length < 500 * 150, `${text.length} characters for 500 people with long notes`);
  const back = team.decodeWork(fw, text);
  assert.equal(back.people.length, 500, "no one is dropped on the way back");
  back.people.forEach((p, i) => {
    assert.equal(p.name, `Name ${i}`);
    assert.ok(team.sameAnswers(p.assessment, people[i].assessment), `person ${i} comes back with the same answers, name, date and targets`);
  });
  assert.equal(back.people[3].otherVersion, "0.9");
  assert.equal(team.MAX_PEOPLE >= 10000, true);
});

test("work kept by the first version of the page (whole exports) is still read back", () => {
  const fw = info();
  const a = talkative(1);
  const stored = JSON.stringify({ version: 1, frameworkId: fw.framework.id, people: [{ name: "Ann", kind: "file", source: "a.json", file: transfer.exportData(fw, a) }], agreed: { p1: "established" }, notes: {} });
  const back = team.decodeWork(fw, stored);
  assert.equal(back.people.length, 1);
  assert.deepEqual(back.people[0].assessment.answers, a.answers);
  assert.deepEqual(back.agreed, { p1: "established" });
});

test("many people are counted per answer, in the order of the choices", () => {
  const fw = info();
  const views = team.criteria(fw, [...three(), person("Dee", { p1: "emerging", p4: "not_sure" })]);
  const p1 = views.find((v) => v.criterion.id === "p1");
  assert.deepEqual(team.answerCounts(fw, p1).map((r) => [r.value, r.count, r.people]), [["emerging", 2, [0, 3]], ["established", 1, [1]], ["embedded", 1, [2]]]);
  const p4 = views.find((v) => v.criterion.id === "p4");
  assert.deepEqual(team.answerCounts(fw, p4).map((r) => [r.value, r.count]), [["embedded", 1], ["not_sure", 2], ["", 1]]);
});

/* The team's assessment as saved, then as the team view would write it after another level was agreed. */
function savedTwice() {
  const fw = info();
  const people = three().map((assessment, i) => ({ name: ["Ann", "Bob", "Cal"][i], assessment }));
  const work = { people, agreed: { p1: "established" }, notes: { p1: "First talk." }, name: "Team", authority: "Anyshire" };
  const base = team.teamAssessment(fw, work);
  const mine = team.teamAssessment(fw, { ...work, agreed: { p1: "established", v1: "developing" }, notes: { p1: "First talk.", v1: "Second talk." } });
  mine.id = base.id;
  return { fw, base, mine };
}

test("saving again keeps a note edited in the form and adds only the discussion's new lines after it", () => {
  const { fw, base, mine } = savedTwice();
  const theirs = JSON.parse(JSON.stringify(base));
  theirs.notes.purpose.evidence = "We rewrote this in the form: the audit counts.";
  theirs.notes.voice.evidence = `${base.notes.voice.evidence}\nAdded in the form.`;
  const { record, kept } = team.keepEdits(fw, base, mine, theirs);
  assert.equal(record.notes.purpose.evidence, "We rewrote this in the form: the audit counts.", "nothing new for 1: the edit stands as typed");
  const voice = record.notes.voice.evidence;
  assert.ok(voice.startsWith(`${base.notes.voice.evidence}\nAdded in the form.\n\n`), "the form's text comes first, whole");
  assert.match(voice, /2\.1 Criterion v1: .*agreed Developing\. Second talk\.$/, "the new line is added after it");
  assert.equal(voice.split("2.1 Criterion v1").length, 3, "the line the form already had is there once, the changed one added once");
  assert.deepEqual(kept.map((k) => [k.kind, k.id, k.added]), [["note", "voice", true]], "1 was changed only in the form: nothing to say");
  assert.equal(record.answers.v1, "developing");
});

test("saving again keeps a level chosen in the form, and changes nothing the form left alone", () => {
  const { fw, base, mine } = savedTwice();
  const theirs = JSON.parse(JSON.stringify(base));
  theirs.answers.v1 = "leading";
  theirs.name = "Renamed in the form";
  const { record, kept } = team.keepEdits(fw, base, mine, theirs);
  assert.equal(record.answers.v1, "leading");
  assert.equal(record.name, "Renamed in the form");
  assert.deepEqual(kept.filter((k) => k.kind === "answer"), [{ kind: "answer", id: "v1", theirs: "leading", mine: "developing" }]);
  const untouched = team.keepEdits(fw, base, mine, JSON.parse(JSON.stringify(base)));
  assert.deepEqual(untouched.kept, []);
  assert.deepEqual(untouched.record, mine, "where the form changed nothing, the team view's new text is saved");
  assert.deepEqual(team.keepEdits(fw, null, mine, theirs).record, mine, "the first save has nothing to keep");
});

/* A tab's sessionStorage holding at most `room` characters, as a browser's does. */
function tabStorage(room = Infinity) {
  const items = new Map();
  const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem(key, value) {
      const before = items.get(key);
      items.set(key, String(value));
      if (used() > room) {
        if (before === undefined) items.delete(key);
        else items.set(key, before);
        throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
      }
    },
    removeItem: (key) => items.delete(key),
  };
}

const readAs = (a, i) => ({ status: "ok", kind: "file", source: `${i}.json`, assessment: a, otherVersion: "" });

test("the tab keeps people apart from the levels, so a level writes a few characters; a reload brings all back", async () => {
  const { TeamState } = await import("../../plugins/mkdocs_framework/js/team/state.mjs");
  const fw = info();
  const win = { sessionStorage: tabStorage() };
  const state = new TeamState(fw, win);
  state.take(Array.from({ length: 70 }, (_, i) => readAs(talkative(i), i)));
  const people = win.sessionStorage.getItem(state.peopleKey);
  state.setAgreed("p1", "established");
  assert.equal(win.sessionStorage.getItem(state.peopleKey), people);
  assert.ok(win.sessionStorage.getItem(state.key).length < 1000);
  const again = new TeamState(fw, win);
  assert.equal(again.people.length, 70);
  assert.deepEqual(again.work.agreed, { p1: "established" });
});

test("when the tab is full the state says so at once, and a reload knows its work is older", async () => {
  const { TeamState } = await import("../../plugins/mkdocs_framework/js/team/state.mjs");
  const fw = info();
  const storage = tabStorage(1500);
  const state = new TeamState(fw, { sessionStorage: storage });
  state.take([readAs(talkative(1), 1)]);
  assert.equal(state.unkept, "");
  state.setNote("p1", "A long note. ".repeat(300));
  assert.equal(state.unkept, "full");
  assert.equal(state.work.notes.p1.length, team.MAX_NOTE, "the work stays in memory");
  const reloaded = new TeamState(fw, { sessionStorage: storage });
  assert.notEqual(reloaded.staleSince, "", "a reload knows that what it read back is older than the page was");
  state.setNote("p1", "Short.");
  assert.equal(state.unkept, "", "once the work fits again it is kept, and the mark is gone");
  assert.equal(new TeamState(fw, { sessionStorage: storage }).staleSince, "");
});

test("adding beyond the most people the view holds is refused, and said, not dropped later", async () => {
  const { TeamState } = await import("../../plugins/mkdocs_framework/js/team/state.mjs");
  const fw = info();
  const state = new TeamState(fw, { sessionStorage: tabStorage() });
  const many = Array.from({ length: team.MAX_PEOPLE + 2 }, (_, i) => {
    const a = person(`P${i}`, {});
    a.authority = `Authority ${i}`;
    return readAs(a, i);
  });
  const outcome = state.take(many);
  assert.equal(outcome.added, team.MAX_PEOPLE);
  assert.deepEqual(outcome.refused, [`${team.MAX_PEOPLE}.json`, `${team.MAX_PEOPLE + 1}.json`]);
  assert.equal(new TeamState(fw, { sessionStorage: state.win.sessionStorage }).people.length, team.MAX_PEOPLE);
});
