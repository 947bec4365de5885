/* CSV for spreadsheets (RFC 4180), safe to open in Excel, LibreOffice or Google Sheets. */

import { capitalise, terms } from "./terms.mjs";

/* A formula character (or its full-width form, which some spreadsheets read as the same), after
 * any run of spaces, no-break spaces, line breaks or zero-width characters that a spreadsheet
 * may skip before reading the cell. */
const FORMULA = /^([\s\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

/** A field a spreadsheet could run as a formula is prefixed with an apostrophe (OWASP's advice on
 * CSV injection), so it is shown as text. @param {string} text */
export function inert(text) {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** Quote a field holding a comma, quote, CR or LF, doubling any quotes inside. @param {unknown} value */
export function csvField(value) {
  const text = inert(value === null || value === undefined ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields as CSV text, rows separated by CRLF (no line break after the last).
 * @param {unknown[][]} rows */
export function csvRows(rows) {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n");
}

/** The organisation column, named in the framework's words ("Authority") by wordedHeader. */
const ORGANISATION = "Authority";

/** A CSV header in the framework's words: the organisation column as the framework names one.
 * @param {string[]} header @param {{title: string, terms?: object}} framework */
export function wordedHeader(header, framework) {
  const organisation = capitalise(terms(/** @type {any} */ (framework)).organisation);
  return header.map((name) => (name === ORGANISATION ? organisation : name));
}

/* The columns that start the rows of every CSV made from an assessment, so that files from
 * several assessments can be stacked together. */
export const DETAIL_COLUMNS = ["Assessment name", ORGANISATION, "Who took part", "Assessment date", "Framework version"];

/** The cells under DETAIL_COLUMNS. @param {{name: string, authority: string, participants?: string, date: string}} assessment
 * @param {string} version the framework version the CSV is made with */
export function detailCells(assessment, version) {
  return [assessment.name, assessment.authority, assessment.participants || "", assessment.date, version];
}
