/* The levels are untested, so every result a person sees is a whole level, in words with its
 * number ("Developing (level 2 of 5)"), and progress is said in whole levels: no text of the
 * account (results/account.mjs), of progress (results/progress.mjs), of the board report and its
 * Word file (core/report.mjs, core/docx.mjs), of the chart or of the CSV files holds a decimal
 * score, whatever the answers. */
import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as scoring from "../../plugins/mkdocs_framework/js/core/scoring.mjs";
import * as report from "../../plugins/mkdocs_framework/js/core/report.mjs";
import { docx } from "../../plugins/mkdocs_framework/js/core/docx.mjs";
import { exportCsv } from "../../plugins/mkdocs_framework/js/core/transfer.mjs";
import { combinedCsv } from "../../plugins/mkdocs_framework/js/core/group-csv.mjs";
import { accountRows } from "../../plugins/mkdocs_framework/js/ui/chart.mjs";
import { account } from "../../plugins/mkdocs_framework/js/results/account.mjs";
import { progress } from "../../plugins/mkdocs_framework/js/results/progress.mjs";
import { middleWords } from "../../plugins/mkdocs_framework/js/results/words.mjs";
import { info } from "./framework.mjs";
import { wordText } from "./word-file.mjs";

/** An assessment of fw with these answers (criterion id -> level id, "not_applicable", "not_sure"). */
function answered(fw, answers) {
  const a = model.blankAssessment(fw);
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  a.name = "Annual review";
  return a;
}

/** Every string inside a value (an account, a report's blocks), however deep. */
function strings(value, out = [], seen = new Set()) {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const item of value instanceof Map ? value.values() : Object.values(value)) strings(item, out, seen);
  }
  return out;
}

/** The words of an account or a progress row: every string under a `words` key (never the
 * framework's own titles). */
function wordsOf(value, out = [], seen = new Set()) {
  if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const [key, item] of Object.entries(value)) {
      if (key === "words") strings(item, out);
      else if (key !== "dimension" && key !== "criterion") wordsOf(item, out, seen);
    }
  }
  return out;
}

/** A decimal figure in text, after taking out the criterion numbers ("1.2 Criterion p2", a CSV's
 * "1.2,Criterion p2", or a table's cell "1.2" before the criterion's title): a criterion's number
 * is not a score. */
function decimals(text) {
  if (/^\d\.\d$/.test(text) && CRITERION_NUMBERS.has(text)) return [];
  return text.replace(/\b\d+\.\d+[ ,](?=Criterion )/g, "").match(/\d\.\d/g) || [];
}

/** The criterion numbers of the test framework ("1.1" to "2.2"). */
const CRITERION_NUMBERS = new Set(info().framework.dimensions.flatMap((d) => d.criteria.map((_, i) => `${d.number}.${i + 1}`)));

/** Asserts that none of these texts holds a decimal figure. @param {string} where @param {string[]} texts */
function noDecimal(where, texts) {
  for (const text of texts) assert.deepEqual(decimals(text), [], `${where}: ${text}`);
}

/** A framework version with no figures in it, so that any figure found is a result's. */
function framework(method) {
  const fw = info();
  fw.framework.version = "draft";
  fw.framework.scoring = { method };
  return model.describe(fw.framework);
}

/** Everything shown about an earlier and a later assessment: the account, progress, the report
 * and its Word file, the chart's words and both CSV files. */
function everything(fw, earlier, later) {
  const p = progress(fw, earlier, later);
  const a = account(fw, later);
  const built = report.build(fw, later, "2026-11-30", { assessment: earlier, progress: p });
  const round = (assessment) => ({ entry: { name: "file.json" }, assessment, name: "Anyshire", results: scoring.results(fw, assessment) });
  return {
    account: wordsOf(a),
    progress: [...wordsOf(p.rows), p.headline],
    report: strings({ ...built, cover: null }).filter((s) => !s.includes("Annual review")),
    word: [wordText(docx(built, "Kicker"))],
    chart: accountRows(a).map((row) => row.scoreText),
    csv: [exportCsv(fw, later), combinedCsv(fw, [{ code: "Authority A", rounds: [round(earlier), round(later)] }], true)],
  };
}

test("a mean of 2.7 is shown as Developing (level 2 of 5) everywhere, and a move from 2.5 to 3.0 as up 1 level", () => {
  const fw = framework("mean");
  const earlier = answered(fw, { p1: "developing", p2: "established", v1: "developing", v2: "established" });
  const later = answered(fw, { p1: "developing", p2: "established", p3: "established", v1: "established", v2: "established" });
  assert.equal(scoring.scoreDimension(fw, later, fw.dimensions.get("purpose")).score, 2.7);
  const shown = everything(fw, earlier, later);
  for (const [where, texts] of Object.entries(shown)) noDecimal(where, texts);
  const purpose = account(fw, later).dimensions[0];
  assert.equal(purpose.words.result, "Developing (level 2 of 5)");
  assert.equal(purpose.words.score, "Level 2 of 5");
  assert.equal(purpose.words.sentence, "Developing (level 2 of 5), from 3 of 4 criteria.");
  assert.ok(shown.chart.includes("Developing (level 2 of 5)"));
  const voice = progress(fw, earlier, later).rows[1];
  assert.equal(voice.words.changeFull, "Up 1 level. On the 2 criteria answered both times: Developing (level 2 of 5) \u2192 Established (level 3 of 5)");
  assert.ok(shown.word[0].includes("Developing (level 2 of 5)"));
  // The CSV files give the whole level's number.
  assert.match(shown.csv[0], /\r\nDimension,[^\r\n]*,purpose,Purpose,,,,,2,Developing,/);
});

test("the middle of some levels is a level, or between two levels: never a halfway figure", () => {
  const fw = framework("mean").framework;
  assert.equal(middleWords(fw, 2), "Developing (level 2 of 5)");
  assert.equal(middleWords(fw, 1.5), "Between Emerging and Developing");
  assert.equal(middleWords(fw, null), "");
});

/** Random answers for every criterion of fw: any level, "Not applicable", "Not sure yet" or none. */
function answersFor(fw) {
  const choices = ["", model.NOT_APPLICABLE, model.NOT_SURE, ...fw.framework.levels.map((l) => l.id)];
  const ids = [...fw.criteria.keys()];
  return fc.tuple(...ids.map(() => fc.constantFrom(...choices))).map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]]).filter(([, v]) => v)));
}

test("property: no result, change, report, Word file, chart or CSV shows a decimal score, by any method", () => {
  const cases = fc.constantFrom("mean", "median", "minimum").chain((method) => {
    const fw = framework(method);
    return fc.tuple(fc.constant(fw), answersFor(fw), answersFor(fw));
  });
  fc.assert(
    fc.property(cases, ([fw, before, after]) => {
      for (const [where, texts] of Object.entries(everything(fw, answered(fw, before), answered(fw, after)))) noDecimal(where, texts);
    }),
    { numRuns: 80 }
  );
});
