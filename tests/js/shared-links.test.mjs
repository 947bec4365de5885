/* The read-only results page (assess/shared.html) on the real built site in happy-dom (dom.mjs):
 * what it says for a broken, foreign or empty link. Its accessibility (axe), print and the link
 * made and opened in a fresh browser stay in tests/test_share_browser.py. */

import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, siteFramework } from "./dom.mjs";

const fw = await siteFramework();

/** The part of a results link after its "#": "r1." and the data, base64url-encoded. @param {object} data */
function fragment(data) {
  return "r1." + Buffer.from(JSON.stringify(data)).toString("base64url");
}

const data = {
  f: fw.id,
  v: fw.version,
  n: "Review",
  u: "Anyshire",
  l: fw.levels.map((/** @type {any} */ level) => level.id),
  a: Object.fromEntries(fw.dimensions[0].criteria.map((/** @type {any} */ c) => [c.id, [3]])),
};
const good = fragment(data);
const CHANGED = "This link is incomplete or has been changed";

/** @type {[string, string, string][]} */
const LINKS = [
  ["truncated", good.slice(0, Math.floor(good.length / 2)), CHANGED],
  ["nonsense", "hello-there", CHANGED],
  ["foreign", fragment({ ...data, f: "someone-elses-framework" }), "This link holds results for another framework (“someone-elses-framework”)"],
];

for (const [kind, link, says] of LINKS) {
  test(`a ${kind} link says so plainly and shows no results`, async () => {
    const tab = await openPage(`assess/shared.html#${link}`);
    const problem = tab.$("#cif-shared-problem");
    await tab.until(() => tab.visible(problem), "the problem to be shown");
    assert.equal(tab.text("#cif-shared-problem h2, #cif-shared-problem h1"), "These results cannot be shown");
    assert.ok(tab.text("#cif-shared-problem").includes(says), tab.text("#cif-shared-problem"));
    assert.ok(!tab.visible(tab.$("#cif-shared")));
    assert.deepEqual(tab.errors(), []);
    await tab.close();
  });
}

test("an address with no results explains the page", async () => {
  const tab = await openPage("assess/shared.html");
  assert.ok(tab.text("#cif-shared-empty").includes("The address you opened has no results in it"));
  assert.ok(tab.visible(tab.$("#cif-shared-empty")));
  assert.ok(!tab.visible(tab.$("#cif-shared-problem")));
  await tab.close();
});
