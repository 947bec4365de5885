/* What the form's library of assessments, progress comparison and action plan share: the view of
 * the form page they are given, finding their elements inside their root, and how an assessment is
 * named and dated in their words. User text is only ever set with textContent.
 */

import * as model from "../../core/model.mjs";
import { make } from "../../ui/dom.mjs";

/** @typedef {import("../../core/model.mjs").Assessment} Assessment */
/** @typedef {import("../../core/model.mjs").Info} Info */

/**
 * The view of the form page the components are given by form/index.mjs, through attach(ctx) in
 * form/progress/index.mjs.
 * @typedef {object} PageContext
 * @property {Info} info the framework as the page's scripts read it (model.describe)
 * @property {any} framework the framework data the page was given
 * @property {Window} win
 * @property {Document} doc
 * @property {HTMLElement} page the form page's content
 * @property {ReturnType<typeof import("../../core/storage.mjs").createStore>} store the assessments saved on the device
 * @property {(text: string) => void} announce says text in the page's live region
 * @property {(title: string, text: string) => void} showBanner shows (and focuses) the page's banner
 * @property {(text: string, name: string, type: string) => void} download
 * @property {(count: number, one: string, many: string) => string} plural
 * @property {(level: number | null) => string} levelName a level's label from its number (1 = lowest)
 * @property {() => Assessment} getAssessment the assessment open in the form, with its unsaved changes
 * @property {(next: Record<string, any>, how: "save" | "select" | "none") => boolean} open shows
 *   another assessment in the form: "save" (a new one or a copy), "select" (one already saved) or
 *   "none" (a blank form, saved once something is entered); false when it was refused
 * @property {() => void} changed saves the open assessment after a change, and refreshes the page
 * @property {(what: "results" | "plan" | "progress") => void} printAs prints that part of the page
 * @property {import("../component.mjs").App["withMore"]} withMore runs action once assess-more.js is loaded
 * @property {import("../state.mjs").FormState} state the page's state object, which tells its
 *   listeners when the open assessment changes (the components follow it: see form/component.mjs)
 */

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
  const loaded = ctx.store.loadAll();
  return (loaded.ok && loaded.assessments.find((a) => a.id === id)) || null;
}

/** The assessments on the device, with the open one's unsaved state in place of its saved one
 * (first, when it has not been saved yet).
 * @param {PageContext} ctx @returns {Assessment[]} */
export function everyAssessment(ctx) {
  const current = ctx.getAssessment();
  const loaded = ctx.store.loadAll();
  const list = (loaded.ok ? loaded.assessments : []).map((raw) =>
    raw.id === current.id ? current : model.restore(ctx.info, raw)
  );
  if (!list.some((a) => a.id === current.id)) list.unshift(current);
  return list;
}
