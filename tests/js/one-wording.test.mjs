/* Issue 22: a level's label from its number, an answer in words and "no result" are worded in one
 * place (js/results/words.mjs and templates/words.json). This reads every browser module and fails
 * if another one looks a label up from a number itself or writes those words as its own string,
 * so a page can never drift from the others again. Comments are left out of the check. */

import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../plugins/mkdocs_framework/js/", import.meta.url));
const HOME = "results/words.mjs"; // the one place

/** @param {string} dir @returns {string[]} */
function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith(".mjs") ? [path] : [];
  });
}

/** The code of a module without its comments (block and line), so prose about the words is allowed.
 * @param {string} text */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, "")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** Each module's lines that match, as "path:line: text". @param {RegExp} pattern */
function found(pattern) {
  /** @type {string[]} */
  const hits = [];
  for (const path of modules(ROOT)) {
    const name = relative(ROOT, path).split("\\").join("/");
    if (name === HOME) continue;
    code(readFileSync(path, "utf8"))
      .split("\n")
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${name}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

const LOOKUP = /levels\s*\[[^\]]*\]\s*\.label/;

test("the guard reads every browser module and knows the lookups the views made", () => {
  assert.ok(modules(ROOT).length > 40);
  for (const old of ["levels[Math.round(r.score) - 1].label", "info.framework.levels[level - 1].label", "levels[0].label"]) {
    assert.ok(LOOKUP.test(old), old);
  }
  assert.ok(!LOOKUP.test("levels.map((level) => level.label)"));
});

test("only results/words.mjs looks a level's label up from its number", () => {
  assert.deepEqual(found(LOOKUP), []);
});

test("no module words an answer or a missing result itself", () => {
  // "Not applicable", "Not sure yet", "Not answered", "No result yet", and the old "No score (yet)".
  assert.deepEqual(found(/["'`](Not applicable|Not sure yet|Not answered|No result yet|No score( yet)?)["'`]/), []);
});
