#!/usr/bin/env node
/* Builds the browser bundles the plugin ships, from the ES modules in plugins/mkdocs_framework/js/:
 * one classic script per kind of page (the site must work from file://, where browsers refuse
 * module scripts), minified with esbuild, written to plugins/mkdocs_framework/assets/.
 *
 *   node scripts/build-js.mjs           build the bundles
 *   node scripts/build-js.mjs --check   fail, naming each bundle, when a shipped bundle differs from
 *                                       a fresh build of its sources (run by `make test`)
 *   node scripts/build-js.mjs --sizes [name ...]
 *                                       print each bundle's size gzipped and what it holds, module
 *                                       by module (esbuild's metafile), without writing anything
 */
import { readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = join(ROOT, "plugins/mkdocs_framework/js/entries");
const OUT = join(ROOT, "plugins/mkdocs_framework/assets");
/* Each bundle the site loads, by the entry module it is built from. */
const BUNDLES = ["assess", "assess-step", "assess-more", "assess-shared", "assess-group", "assess-group-more", "assess-team", "assess-report", "assess-report-more", "worksheet"];

/** @param {string} name @param {boolean} [metafile] */
async function compile(name, metafile = false) {
  return esbuild.build({
    entryPoints: [join(SOURCES, `${name}.mjs`)],
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "silent",
    metafile,
    outfile: join(OUT, `${name}.js`),
  });
}

/** @param {string} name */
async function build(name) {
  const result = await compile(name);
  const banner = `/* ${name}.js: built by scripts/build-js.mjs from plugins/mkdocs_framework/js/entries/${name}.mjs; do not edit. */\n`;
  return banner + result.outputFiles[0].text;
}

/** What each bundle holds, module by module, and its size gzipped (level 6, as tests/test_assets.py
 * measures it, and level 9). @param {string[]} names */
async function sizes(names) {
  for (const name of names) {
    const result = await compile(name, true);
    const text = result.outputFiles[0].contents;
    const [six, nine] = [6, 9].map((level) => gzipSync(text, { level }).length);
    console.log(`${name}.js: ${text.length.toLocaleString("en")} B, gzipped ${six.toLocaleString("en")} B (level 6), ${nine.toLocaleString("en")} B (level 9)`);
    if (result.metafile) console.log(await esbuild.analyzeMetafile(result.metafile, { verbose: false }));
  }
}

async function main() {
  if (process.argv.includes("--sizes")) {
    const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
    await sizes(asked.length ? asked : BUNDLES);
    return;
  }
  const check = process.argv.includes("--check");
  const stale = [];
  for (const name of BUNDLES) {
    const fresh = await build(name);
    const path = join(OUT, `${name}.js`);
    if (check) {
      const shipped = await readFile(path, "utf8").catch(() => null);
      if (shipped !== fresh) stale.push(`plugins/mkdocs_framework/assets/${name}.js`);
    } else {
      await writeFile(path, fresh);
    }
  }
  if (stale.length) {
    console.error(
      `These shipped bundles differ from a fresh build of plugins/mkdocs_framework/js/:\n  ${stale.join("\n  ")}\n` +
        "Run `npm run build` (node scripts/build-js.mjs) and commit the rebuilt bundles."
    );
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
