/* The self-assessment form's import, and what it says when the device cannot save, on the real
 * built hub and steps in happy-dom (dom.mjs). What needs a real browser (print, downloads, the
 * keyboard, file://) stays in tests/test_assessment_browser.py. */

import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, siteFramework, words } from "./dom.mjs";

const fw = await siteFramework();
const STORAGE_KEY = `cif:${fw.id}:assessments`;
const [first, second] = fw.dimensions;
const criteriaCount = fw.dimensions.reduce((/** @type {number} */ sum, /** @type {any} */ d) => sum + d.criteria.length, 0);
const REPLACE = "Replace your answers with the ones in this file?";

/** @param {import("./dom.mjs").Tab} tab */
function confirmRegion(tab) {
  const region = tab.$$("[role=region]").find((node) => words(tab.document.getElementById(node.getAttribute("aria-labelledby") || "")?.textContent || "") === REPLACE);
  if (!region) throw new Error("the page has no region asking to replace the answers");
  return region;
}

/** A file as the form exports one. @param {Record<string, unknown>} assessment */
function exportLike(assessment) {
  return {
    format: "cif-self-assessment",
    formatVersion: 1,
    exportedAt: "2026-10-01T09:00:00Z",
    framework: { id: fw.id, version: fw.version },
    assessment: { name: "From a file", answers: {}, targets: {}, notes: {}, ...assessment },
  };
}

/** Some answers, details, a target and a note, given on the steps; back on the hub. */
async function fillSome() {
  let tab = await openPage("assess/index.html");
  await tab.fill(tab.field("Assessment name"), "Baseline, autumn 2026");
  await tab.fill(tab.field("Local authority (optional)"), "Anyshire");
  tab = await tab.choose(first.criteria[0].id, "Developing");
  tab = await tab.choose(first.criteria[1].id, "Established");
  tab = await tab.choose(first.criteria[2].id, "Not applicable");
  tab = await tab.choose(first.criteria[3].id, "Not sure yet");
  await tab.select(tab.field(`Target level for ${first.name}`), "4 Embedded");
  tab = await tab.choose(second.criteria[0].id, "Leading");
  return tab.goto("index.html");
}

/** Chooses a file in the import field and presses Import answers.
 * @param {import("./dom.mjs").Tab} tab @param {string} name @param {string} text */
async function importFile(tab, name, text) {
  await tab.chooseFiles(tab.field("Choose a JSON file exported from this form"), [{ name, text }]);
  await tab.click(tab.button("Import answers"));
}

/** @type {Record<string, [string | ((data: any) => void), string]>} */
const REFUSED = {
  "bad JSON": ['{"format": "cif-self-assessment", ', "could not be read as JSON"],
  "an empty file": ["", "The selected file is empty"],
  "not an export": ['{"hello": "world"}', "not an export from this self-assessment form"],
  "another framework": [(data) => (data.framework.id = "another-framework"), "is for a different framework (“another-framework”)"],
  "invalid values": [(data) => (data.assessment.answers[first.criteria[0].id] = "excellent"), "are not levels of this framework"],
  "too large": [(data) => (data.assessment.notes = { [first.id]: { evidence: "x".repeat(1024 * 1024) } }), "larger than 1 MB"],
};

for (const [kind, [content, says]] of Object.entries(REFUSED)) {
  test(`a bad file (${kind}) leaves the answers untouched and says what is wrong`, async () => {
    const tab = await fillSome();
    const before = tab.storage().local[STORAGE_KEY];
    let text = content;
    if (typeof content === "function") {
      const data = exportLike({ answers: { [first.criteria[0].id]: "leading" } });
      content(data);
      text = JSON.stringify(data);
    }
    await importFile(tab, "file.json", /** @type {string} */ (text));
    const summary = tab.$("#cif-import-errors");
    await tab.until(() => tab.visible(summary), "the error summary");
    assert.equal(summary.getAttribute("role"), "alert");
    assert.match(words(summary.textContent), /There is a problem with the file/);
    assert.match(words(summary.textContent), /Your current answers have not changed\./);
    assert.ok(words(summary.textContent).includes(says), words(summary.textContent));
    assert.equal(tab.document.activeElement, summary, "the summary has the focus");
    // The message is also shown by the file field, and tied to it for screen readers.
    const input = tab.field("Choose a JSON file exported from this form");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").map((/** @type {string} */ id) => tab.text(`#${id}`)).join(" ");
    assert.match(described, new RegExp(`Error: .*${says.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    // The summary links to the field (following the link with the keyboard: tests/test_assessment_browser.py).
    assert.equal(summary.querySelector("a").getAttribute("href"), `#${input.id}`);
    assert.equal(tab.storage().local[STORAGE_KEY], before);
    assert.ok(!tab.visible(confirmRegion(tab)));
    await tab.close();
  });
}

test("importing without a file says to choose one", async () => {
  const tab = await openPage("assess/index.html");
  await tab.click(tab.button("Import answers"));
  await tab.until(() => tab.text("#cif-import-errors").includes("Select a JSON file exported from this form."), "the error to ask for a file");
  await tab.close();
});

test("import asks before replacing answers, and Cancel keeps them", async () => {
  let tab = await fillSome();
  const file = JSON.stringify(exportLike({ answers: { [first.criteria[0].id]: "developing", [first.criteria[2].id]: "not_applicable" } }));
  tab = await tab.choose(first.criteria[0].id, "Leading");
  tab = await tab.goto("index.html");
  await importFile(tab, "older.json", file);
  const confirm = confirmRegion(tab);
  await tab.until(() => tab.visible(confirm), "the question before replacing");
  assert.equal(tab.document.activeElement, confirm);
  assert.ok(words(confirm.textContent).includes(`older.json holds 2 of ${criteriaCount} criteria answered (1 Not applicable)`), words(confirm.textContent));
  await tab.click(tab.button("Cancel", confirm));
  assert.ok(!tab.visible(confirm));
  assert.equal(tab.savedAnswers()[first.criteria[0].id], "leading");

  await importFile(tab, "older.json", file);
  await tab.click(tab.button("Replace my answers"));
  await tab.until(() => tab.text("#cif-banner").includes("Answers imported"), "the banner to say the answers were imported");
  assert.deepEqual(tab.savedAnswers(), { [first.criteria[0].id]: "developing", [first.criteria[2].id]: "not_applicable" });
  await tab.close();
});

test("answers for unknown criteria are reported before anything changes", async () => {
  const tab = await fillSome();
  const before = tab.savedAnswers();
  const id = second.criteria[1].id;
  await importFile(tab, "old.json", JSON.stringify(exportLike({ answers: { [id]: "embedded", "retired-criterion": "leading" } })));
  const confirm = confirmRegion(tab);
  await tab.until(() => tab.visible(confirm), "the question before replacing");
  assert.ok(words(confirm.textContent).includes("1 answer is for criteria that this version of the framework does not have"));
  assert.ok(words(confirm.textContent).includes("“retired-criterion”"));
  assert.deepEqual(tab.savedAnswers(), before);
  await tab.click(tab.button("Replace my answers"));
  assert.deepEqual(tab.savedAnswers(), { [id]: "embedded" });
  await tab.close();
});

test("__proto__ and constructor keys in a file are dropped, reported and pollute nothing", async () => {
  const tab = await openPage("assess/index.html");
  let text = JSON.stringify(exportLike({ answers: { [first.criteria[0].id]: "leading" } }));
  text = text.replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes"},');
  text = text.replace('"targets":{', '"targets":{"constructor":{"prototype":{"polluted":"yes"}}},"x":{');
  await importFile(tab, "hostile.json", text);
  const confirm = confirmRegion(tab);
  await tab.until(() => tab.visible(confirm), "the question before replacing");
  assert.ok(words(confirm.textContent).includes("ignored for safety"), words(confirm.textContent));
  assert.deepEqual(tab.savedAnswers(), {});
  await tab.click(tab.button("Replace my answers"));
  await tab.until(() => tab.text("#cif-banner").includes(`Imported from hostile.json: 1 of ${criteriaCount} criteria answered, `), "the banner");
  assert.deepEqual(tab.savedAnswers(), { [first.criteria[0].id]: "leading" });
  assert.equal(tab.window.eval("({}).polluted"), undefined);
  assert.equal(tab.window.eval("Object.prototype.hasOwnProperty('polluted')"), false);
  await tab.close();
});

const NOT_SAVED = "Your answers are not being saved";

/** The storage warning, once shown. @param {import("./dom.mjs").Tab} tab */
function warning(tab) {
  return tab.$$("[role=alert]").find((node) => tab.visible(node) && words(node.textContent).includes(NOT_SAVED)) || null;
}

test("with storage full, a warning advises an export once an answer cannot be saved", async () => {
  let tab = await openPage(`assess/${first.id}.html`, { storageProblem: "full" });
  assert.equal(warning(tab), null);
  tab = await tab.choose(first.criteria[0].id, "Established");
  await tab.until(() => warning(tab), "the warning");
  const shown = words(warning(tab).textContent);
  assert.ok(shown.includes("storage for this site is full"), shown);
  assert.ok(shown.includes("go to another page of the form"), shown);
  assert.ok(tab.visible(tab.button("Export answers (JSON)", warning(tab))));
  assert.equal(tab.text(".cif-save-status"), "Not saved on this device. Export your answers to keep them.");
  await tab.close();
});

test("with storage blocked, a warning shows at once and the form still counts the answers", async () => {
  let tab = await openPage("assess/index.html", { storageProblem: "blocked" });
  assert.ok(words(warning(tab)?.textContent || "").includes("blocking this site from saving data"));
  tab = await openPage(`assess/${first.id}.html`, { storageProblem: "blocked" });
  assert.ok(warning(tab));
  tab = await tab.choose(first.criteria[0].id, "Established");
  await tab.until(() => tab.text("[data-answered]") === `1 of ${criteriaCount} criteria answered`, "the count of answers");
  await tab.close();
});

test("answers saved by a newer version are never written over", async () => {
  const newer = JSON.stringify({ schemaVersion: 2, assessments: { x: { name: "Saved by a newer site" } } });
  let tab = await openPage("assess/index.html", { storage: { [STORAGE_KEY]: newer } });
  assert.ok(warning(tab));
  tab = await tab.choose(first.criteria[0].id, "Established");
  await tab.until(() => words(warning(tab)?.textContent || "").includes("will not save over them"), "the warning to say so");
  assert.equal(tab.storage().local[STORAGE_KEY], newer);
  await tab.close();
});

/** @type {[string, unknown, string][]} */
const UNREADABLE = [
  ["newer", { schemaVersion: 2, assessments: {} }, "saved by a newer version of this site"],
  ["damaged", [1, 2, 3], "could not be read (they are damaged)"],
];

for (const [kind, stored, says] of UNREADABLE) {
  test(`saved data that cannot be read (${kind}) is described truly, and nothing claims to be saved`, async () => {
    const tab = await openPage("assess/index.html", { storage: { [STORAGE_KEY]: JSON.stringify(stored) } });
    const shown = words(warning(tab)?.textContent || "");
    assert.ok(shown.includes(says), shown);
    assert.ok(!shown.includes("private browsing"), shown);
    assert.equal(tab.text(".cif-save-status"), "Not saved on this device. Export your answers to keep them.");
    await tab.close();
  });
}
