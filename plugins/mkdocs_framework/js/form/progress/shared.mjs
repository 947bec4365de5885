/* What the form's library of assessments, progress comparison and action plan share: finding their elements inside their root, and how an assessment is
 * named and dated in their words. User text is only ever set with textContent.
 */

import * as model from "../../core/model.mjs";
import { make } from "../../ui/dom.mjs";

/** @typedef {import("../../core/model.mjs").Assessment} Assessment */
/** @typedef {import("../../core/model.mjs").Info} Info */

/** What the components are given: the form page's context (form/component.mjs App), as every
 * component of the form is; the open assessment, the store and the rest are its state's.
 * @typedef {import("../component.mjs").App} PageContext */

/** @param {Assessment} assessment */
export function nameOf(assessment) {
  return assessment.name || "Untitled assessment";
}

/** @param {string} text */
export function longDate(text) {
  return model.longDate(text, "no date");
}

/** Words for screen readers only, such as the name of the assessment a button acts on.
 * @param {Document} doc @param {string} text */
export function hiddenText(doc, text) {
  return make(doc, "span", "cif-visually-hidden", text);
}

/** The saved record with this id, or null when it is no longer on the device.
 * @param {PageContext} ctx @param {string} id */
export function savedRecord(ctx, id) {
  const loaded = ctx.state.store.loadAll();
  return (loaded.ok && loaded.assessments.find((/** @type {any} */ a) => a.id === id)) || null;
}

/** The assessments on the device, with the open one's unsaved state in place of its saved one
 * (first, when it has not been saved yet).
 * @param {PageContext} ctx @returns {Assessment[]} */
export function everyAssessment(ctx) {
  const current = ctx.state.assessment;
  const loaded = ctx.state.store.loadAll();
  /** @type {Assessment[]} */
  const list = (loaded.ok ? loaded.assessments : []).map((/** @type {any} */ raw) =>
    raw.id === current.id ? current : model.restore(ctx.state.info, raw)
  );
  if (!list.some((a) => a.id === current.id)) list.unshift(current);
  return list;
}
