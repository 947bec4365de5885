/* The group comparison as one CSV file for a spreadsheet or R (the group page's "Download as CSV").
 * No DOM. Loaded with assess-group-more.js, when first needed. */

import * as scoring from "./scoring.mjs";
import { answerWords, levelLabel } from "../results/words.mjs";
import { csvRows } from "./csv.mjs";
import { capitalise, terms } from "./terms.mjs";

/** @typedef {import("./model.mjs").Info} Info @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./group.mjs").Entry} Entry */

/** The whole comparison as CSV for a spreadsheet or R: one row per organisation, round and
 * criterion, with the ids, the answer and its level number, the dimension's result (its whole level,
 * as a number and in words: the levels are untested, so the score behind it is left out) and coverage,
 * and the round (1 = baseline). Each round gives the organisation the name its own file gives it
 * (as the list of files does), and an answer in the words the page uses ("Not answered" for a
 * criterion not answered, as the view by criterion heads its column). With names hidden, the
 * organisation is given by its code only and the assessment's name and file name are left out.
 * Fields a spreadsheet could run as a formula are made inert (csv.mjs), as in the form's CSV.
 * @param {Info} info
 * @param {{code: string, rounds: {entry: Entry, assessment: Assessment, name: string, results: any}[]}[]} rows
 * @param {boolean} hidden */
export function combinedCsv(info, rows, hidden) {
  const fw = info.framework;
  const one = capitalise(terms(/** @type {any} */ (fw)).organisation);
  const themes = new Map(((/** @type {any} */ (fw).themes || [])).map((/** @type {any} */ t) => [t.id, t.title]));
  const answerText = (/** @type {string} */ value) => answerWords(fw, info.levelIndex, value);
  /** @type {unknown[][]} */
  const out = [
    [
      `${one} code`, one, "Round", "Rounds", "Latest round", "Assessment name", "Assessment date", "File",
      "Framework version", "Theme", "Dimension ID", "Dimension number", "Dimension", "Criterion ID", "Criterion number",
      "Criterion", "Answer", "Level number", "Dimension level number", "Dimension level", "Dimension criteria answered",
      "Dimension criteria applicable", "Low coverage",
    ],
  ];
  for (const row of rows) {
    row.rounds.forEach((round, r) => {
      const a = round.assessment;
      const about = [
        row.code, hidden ? row.code : round.name, r + 1, row.rounds.length, r === row.rounds.length - 1 ? "Yes" : "No",
        hidden ? "" : a.name, a.date, hidden ? "" : round.entry.name, round.entry.otherVersion || fw.version,
      ];
      round.results.dimensions.forEach((/** @type {any} */ result) => {
        const d = result.dimension;
        const scored = [
          result.score === null ? "" : scoring.formatScore(result.score),
          levelLabel(fw, result.level),
          result.answered,
          result.applicable,
          result.lowCoverage ? "Yes" : "No",
        ];
        d.criteria.forEach((/** @type {any} */ c, /** @type {number} */ i) => {
          const value = Object.prototype.hasOwnProperty.call(a.answers, c.id) ? a.answers[c.id] : "";
          const number = value ? info.levelIndex.get(value) : undefined;
          out.push([
            ...about, themes.get(d.theme) || "", d.id, d.number, d.name, c.id, `${d.number}.${i + 1}`, c.title,
            answerText(value), number || "", ...scored,
          ]);
        });
      });
    });
  }
  return `\uFEFF${csvRows(out)}\r\n`;
}

