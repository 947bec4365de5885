/* Keeping the work: when an assessment was last exported, and when to remind the person to export
 * it again. No DOM. An assessment's `keep` field (made safe by decode.mjs's restore) holds:
 *   exported   ISO time of its last export as JSON (absent: never exported from this device)
 *   kept       ISO time its answers were last the same as in a file (exported or imported)
 *   answers    its answers at that time, to count the answers changed since
 *   dismissed  ISO time the person last dismissed the reminder
 * A reminder is due when something changed since the answers were last kept in a file and either
 * REMIND_AFTER answers are different from the file's, or the file is more than a day old (for an
 * assessment never kept in a file: it was started more than a day ago). Once dismissed, it stays
 * away for a day. None of this is ever exported: it describes this device's copy.
 */

import { has, hasContent, longDate, plural, today } from "./model.mjs";

/** @typedef {import("./model.mjs").Assessment} Assessment */
/** @typedef {{changed: number, exported: string, imported: boolean}} Reminder */

export const REMIND_AFTER = 10;
export const DAY = 24 * 60 * 60 * 1000;

/** Milliseconds since 1970 of an ISO time, or 0 when there is none. @param {unknown} text */
function time(text) {
  const t = typeof text === "string" ? Date.parse(text) : NaN;
  return isNaN(t) ? 0 : t;
}

/** "Last exported 3 November 2026" or "Never exported", in local time. @param {Assessment} assessment */
export function exportedText(assessment) {
  const when = time(assessment.keep && assessment.keep.exported);
  return when ? `Last exported ${longDate(today(new Date(when)))}` : "Never exported";
}

/** How many criteria have a different answer (or none) from when the answers were last kept in a
 * file; every answer when they never were. @param {Assessment} assessment */
export function answersChanged(assessment) {
  const then = (assessment.keep && assessment.keep.answers) || {};
  const now = assessment.answers;
  let changed = 0;
  for (const id of new Set([...Object.keys(now), ...Object.keys(then)])) {
    if ((has(now, id) ? now[id] : "") !== (has(then, id) ? then[id] : "")) changed += 1;
  }
  return changed;
}

/** The reminder due now, or null. @param {Assessment} assessment @param {number} [now] ms
 * @returns {Reminder | null} */
export function reminderDue(assessment, now = Date.now()) {
  if (!hasContent(assessment)) return null;
  const keep = assessment.keep || {};
  const kept = time(keep.kept);
  if (kept && time(assessment.updated) <= kept) return null;
  if (now - time(keep.dismissed) < DAY) return null;
  const changed = answersChanged(assessment);
  if (changed < REMIND_AFTER && now - (kept || time(assessment.created)) < DAY) return null;
  return { changed, exported: keep.exported && time(keep.exported) ? keep.exported : "", imported: Boolean(kept) && !keep.exported };
}

/** What the reminder says. @param {Reminder} due */
export function reminderText(due) {
  const what = due.changed ? `changed ${plural(due.changed, "answer", "answers")}` : "made changes";
  const since = due.exported
    ? `You have ${what} since you last exported this assessment, on ${longDate(today(new Date(due.exported)))}.`
    : due.imported
      ? `You have ${what} since you imported this assessment.`
      : "You have not exported this assessment yet.";
  return `${since} Your answers are kept only in this browser, which could lose them if its data is cleared. Export them to keep a copy somewhere safe.`;
}

/** The assessment has just been exported. @param {Assessment} assessment @param {Date} [now] */
export function exported(assessment, now = new Date()) {
  const at = now.toISOString();
  assessment.keep = { exported: at, kept: at, answers: { ...assessment.answers } };
  return assessment;
}

/** The assessment has just been imported from a file: its answers are in that file.
 * @param {Assessment} assessment @param {Date} [now] */
export function imported(assessment, now = new Date()) {
  assessment.keep = { kept: now.toISOString(), answers: { ...assessment.answers } };
  return assessment;
}

/** The person dismissed the reminder. @param {Assessment} assessment @param {Date} [now] */
export function dismissed(assessment, now = new Date()) {
  assessment.keep = { ...(assessment.keep || {}), dismissed: now.toISOString() };
  return assessment;
}
