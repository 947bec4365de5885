/* What the form's hub says of each section after answers given on the steps, and the board
 * report with nothing to show, on the real built pages in happy-dom (dom.mjs). Moving between the
 * steps with the keyboard, print and axe stay in tests/test_steps_browser.py and
 * tests/test_report_browser.py. */

import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, siteFramework } from "./dom.mjs";

const fw = await siteFramework();

test("each section on the hub says what is missing, read with its section's link", async () => {
  const [one, two, three, four] = fw.dimensions;
  let tab = await openPage("assess/index.html");
  tab = await tab.choose(one.criteria[0].id, "Developing");
  tab = await tab.choose(one.criteria[1].id, "Not applicable");
  for (const item of two.criteria.slice(0, -1)) tab = await tab.choose(item.id, "Leading");
  tab = await tab.choose(two.criteria[two.criteria.length - 1].id, "Not sure yet");
  for (const item of three.criteria) tab = await tab.choose(item.id, "Emerging");
  tab = await tab.goto("index.html");
  const status = (/** @type {any} */ d) => tab.text(`[data-task-status='${d.id}']`);
  assert.equal(status(one), `${one.criteria.length - 2} criteria not answered`);
  assert.equal(status(two), "1 criterion marked “Not sure yet”");
  assert.equal(status(three), "Completed");
  assert.equal(status(four), "Not started");
  // Each status is read with its section's link, which opens the step with the answers given.
  const link = tab.button(`${one.number}. ${one.name}`);
  const description = (link.getAttribute("aria-describedby") || "").split(" ").map((/** @type {string} */ id) => tab.text(`#${id}`)).join(" ");
  assert.equal(description, `${one.criteria.length - 2} criteria not answered`);
  tab = await tab.goto(link.getAttribute("href"));
  assert.ok(tab.window.location.href.endsWith(`/assess/${one.id}.html`));
  assert.equal(tab.$(`#answer-${one.criteria[0].id}-developing`).checked, true);
  await tab.close();
});

test("the report says when there is nothing to show", async () => {
  const tab = await openPage("assess/report.html");
  await tab.until(() => tab.text("#cif-report-empty").includes("There is no assessment on this device yet"), "the report to say so");
  assert.ok(tab.visible(tab.$("#cif-report-empty")));
  assert.ok(!tab.visible(tab.$("#cif-report")));
  assert.deepEqual(tab.errors(), []);
  await tab.close();
});

const criteriaCount = fw.dimensions.reduce((/** @type {number} */ sum, /** @type {any} */ d) => sum + d.criteria.length, 0);

test("questions start unanswered, with every level and its descriptor", async () => {
  let tab = await openPage("assess/index.html");
  assert.deepEqual(tab.savedAnswers(), {});
  const tags = tab.$$(".cif-tasks .cif-tag");
  assert.equal(tags.length, fw.dimensions.length);
  assert.deepEqual(new Set(tags.map((tag) => tag.textContent.trim())), new Set(["Not started"]));
  assert.ok(!tab.visible(tab.$("#cif-nojs")));
  tab = await tab.goto(`${fw.dimensions[0].id}.html`);
  const first = fw.dimensions[0].criteria[0];
  const radios = tab.$$(`#criterion-${first.id} input[type=radio]`);
  assert.equal(radios.filter((radio) => radio.checked).length, 0);
  const labels = radios.map((radio) => tab.text(`label[for='${radio.id}']`));
  const expected = [...fw.levels.map((/** @type {any} */ level) => level.label), "Not applicable", "Not sure yet"];
  assert.deepEqual(
    radios.map((radio) => tab.text(`label[for='${radio.id}'] .cif-radio__level`).replace(/:$/, "")),
    expected,
  );
  first.descriptors.forEach((/** @type {string} */ descriptor, /** @type {number} */ i) => assert.ok(labels[i].includes(descriptor.replace(/\s+/g, " ").trim()), labels[i]));
  await tab.close();
});

test("a section is completed when every criterion has a level or is not applicable", async () => {
  const dimension = fw.dimensions[1];
  let tab = await openPage("assess/index.html");
  for (const item of dimension.criteria.slice(0, -1)) tab = await tab.choose(item.id, "Embedded");
  const last = dimension.criteria[dimension.criteria.length - 1];
  tab = await tab.choose(last.id, "Not sure yet");
  tab = await tab.goto("index.html");
  assert.equal(tab.text(`[data-task-status='${dimension.id}']`), "1 criterion marked “Not sure yet”");
  tab = await tab.choose(last.id, "Not applicable");
  tab = await tab.goto("index.html");
  assert.equal(tab.text(`[data-task-status='${dimension.id}']`), "Completed");
  assert.ok(tab.text("#cif-progress").includes(`${dimension.criteria.length} of ${criteriaCount} criteria answered (1 Not applicable), `), tab.text("#cif-progress"));
  assert.ok(tab.text("#cif-progress").includes(`1 of ${fw.dimensions.length} sections completed.`));
  // The overview links to the section's step.
  const link = tab.button(`${dimension.number}. ${dimension.name}`, tab.$(".cif-tasks"));
  tab = await tab.goto(link.getAttribute("href"));
  assert.ok(tab.window.location.href.endsWith(`/assess/${dimension.id}.html`));
  assert.equal(tab.text("h1"), `${dimension.number}. ${dimension.name}`);
  await tab.close();
});

test("an answer can be cleared, the focus staying in the question", async () => {
  const item = fw.dimensions[0].criteria[0];
  let tab = await openPage("assess/index.html");
  tab = await tab.choose(item.id, "Leading");
  const clear = tab.$(`#criterion-${item.id} button[data-clear]`);
  assert.ok(tab.visible(clear) && tab.text(`#criterion-${item.id} button[data-clear]`).startsWith("Clear answer"));
  await tab.click(clear);
  assert.deepEqual(tab.savedAnswers(), {});
  assert.ok(!tab.visible(clear));
  assert.equal(tab.document.activeElement, tab.$(`#criterion-${item.id} input[type=radio]`));
  tab = await tab.reload();
  assert.equal(tab.$$(`#criterion-${item.id} input:checked`).length, 0);
  tab = await tab.goto("index.html");
  assert.equal(tab.text(`[data-task-status='${fw.dimensions[0].id}']`), "Not started");
  await tab.close();
});
