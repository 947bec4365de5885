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
  const link = tab.button(`${one.number}. ${one.title}`);
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
