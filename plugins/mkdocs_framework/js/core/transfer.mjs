/* Self-assessment: export to JSON and CSV, and importing a JSON file. No DOM here: these
 * functions take and return strings and plain data. What an imported file may hold is checked in
 * decode.mjs; parseImport() only hands it the file's text.
 */

import { levelLabel } from "../results/words.mjs";
import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { FORMAT, FORMAT_VERSION, MAX_BYTES, decodeFile } from "./decode.mjs";
import { migrateAssessment } from "./migrate.mjs";
import { DETAIL_COLUMNS, csvField, csvRows, detailCells, wordedHeader } from "./csv.mjs";
import { fileName as safeFileName } from "./util.mjs";
import { noteFields } from "./terms.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {object} Imported  {ok: false, errors} or {ok: true, assessment, warnings, answerCount, migration}
 * @property {boolean} ok
 * @property {string[]} [errors]  why the file cannot be imported
 * @property {Assessment} [assessment]
 * @property {string[]} [warnings]  what the person should know before importing it
 * @property {number} [answerCount]
 * @property {any} [migration]  the migration report when answers were carried from another version, else null
 */

/* ---- Export ---------------------------------------------------------------------------- */

/** @param {Info} info @param {Assessment} assessment @param {Date} [now] */
function exportData(info, assessment, now) {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: (now || new Date()).toISOString(),
    framework: { id: info.framework.id, version: info.framework.version, title: info.framework.title },
    assessment: {
      name: assessment.name,
      authority: assessment.authority,
      participants: assessment.participants || "",
      date: assessment.date,
      frameworkVersion: assessment.frameworkVersion,
      created: assessment.created,
      updated: assessment.updated,
      answers: assessment.answers,
      targets: assessment.targets,
      notes: assessment.notes,
      plan: assessment.plan || {},
      actions: assessment.actions || [],
      fingerprints: model.fingerprintsOf(info, assessment),
      review: assessment.review || {},
      notCarried: assessment.notCarried || [],
      migrations: assessment.migrations || [],
    },
  };
}

/** @param {Info} info @param {Assessment} assessment @param {Date} [now] */
function exportJson(info, assessment, now) {
  return `${JSON.stringify(exportData(info, assessment, now), null, 2)}\n`;
}

const CSV_HEADER = [
  "Row",
  ...DETAIL_COLUMNS,
  "Dimension ID",
  "Dimension",
  "Criterion ID",
  "Criterion",
  "Answer",
  "Level number",
  "Dimension level number",
  "Dimension level",
  "Target level",
];

/** @param {Info} info @param {string} value */
const answerText = (info, value) => model.answerText(info, value, "");

/** One row per criterion (its answer) and one per dimension (score, target, notes), each carrying
 * the assessment's details, so that files from several assessments can be stacked together.
 * @param {Info} info @param {Assessment} assessment */
function exportCsv(info, assessment) {
  const meta = detailCells(assessment, info.framework.version);
  const label = (/** @type {number|null} */ level) => levelLabel(info.framework, level);
  const notes = noteFields(info.framework);
  const rows = [[...wordedHeader(CSV_HEADER, info.framework), ...notes.map((field) => field.column)]];
  for (const dimension of info.framework.dimensions) {
    const result = scoring.scoreDimension(info, assessment, dimension);
    const note = (/** @type {string} */ kind) => model.note(assessment, dimension.id, kind);
    const score = scoring.formatScore(result.score);
    const scored = [score, label(result.level), label(result.target)];
    rows.push(["Dimension", ...meta, dimension.id, dimension.name, "", "", "", "", ...scored, ...notes.map((field) => note(field.id))]);
    for (const criterion of dimension.criteria) {
      const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : "";
      const number = info.levelIndex.get(value);
      const answered = [answerText(info, value), number ? String(number) : ""];
      rows.push(["Criterion", ...meta, dimension.id, dimension.name, criterion.id, criterion.title, ...answered, "", "", "", ...notes.map(() => "")]);
    }
  }
  return `\uFEFF${csvRows(rows)}\r\n`;
}

/** A file name from the assessment's name and date, using only safe characters.
 * @param {Assessment} assessment @param {string} extension */
function fileName(assessment, extension) {
  return safeFileName(assessment, `.${extension}`);
}

/* ---- Import ---------------------------------------------------------------------------- */

/** Reads an exported file's text for import. Nothing is changed: the caller decides what to do
 * with {ok: false, errors} or {ok: true, assessment, warnings, answerCount, migration (the
 * migration report when the answers were carried from another version, else null)}.
 * @param {Info} info @param {string | Uint8Array} text the file's text or bytes @param {number} [byteLength] @returns {Imported} */
function parseImport(info, text, byteLength) {
  const decoded = decodeFile(info, text, byteLength, "file", migrateAssessment);
  const { assessment, problems, migration } = decoded;
  if (!assessment) return { ok: false, errors: problems.errors };
  return {
    ok: true,
    assessment,
    warnings: problems.warnings,
    answerCount: Object.keys(assessment.answers).length,
    migration: migration.status === "migrated" ? migration.report : null,
  };
}

export { FORMAT, MAX_BYTES, exportData, exportJson, exportCsv, csvField, fileName, parseImport };
