/* The framework's own words for what the pages name (framework.yml terms: and notes:). The plugin
 * sends them resolved (data.py); the neutral words, for a framework that gives none, are written
 * once, in templates/words.json ("neutral"), which model.py reads too. This file keeps no copy: it
 * reads them from there only for page data that lacks them (data made before they were sent). No DOM.
 */

import WORDS from "../../templates/words.json" with { type: "json" };

/** @typedef {import("./framework-types.mjs").Terms} Terms */
/** @typedef {import("./framework-types.mjs").NoteField} NoteField */

/** The framework's words, each falling back to the neutral one.
 * @param {{terms?: Partial<Terms>}} framework the framework data (data.py) @returns {Terms} */
export function terms(framework) {
  return { ...WORDS.neutral.terms, ...(framework.terms || {}) };
}

/** The notes fields each dimension has, in the order shown: the framework's own (data.py always
 * gives them; [] for none), else the neutral ones.
 * @param {{notes?: NoteField[]}} framework the framework data (data.py) @returns {NoteField[]} */
export function noteFields(framework) {
  return framework.notes || /** @type {NoteField[]} */ (WORDS.neutral.notes);
}

/** A word as it starts a sentence or a label: "authority" -> "Authority".
 * @param {string} word */
export function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** How pages name a dimension: "3. Culture", with its theme when another dimension has the same
 * title ("3. Culture (Skills)"; data.py gives the name so).
 * @param {{number: number, name: string}} dimension */
export function dimensionName(dimension) {
  return `${dimension.number}. ${dimension.name}`;
}
