/* Sentences the form's components share. */

import * as scoring from "../core/scoring.mjs";

/** @typedef {import("./state.mjs").FormState} FormState */

/** A dimension's score in words. @param {FormState} state @param {any} result */
export function scoreSentence(state, result) {
  if (result.score !== null) {
    const weak = scoring.weakSpotText(result, (n) => state.levelName(n));
    return (
      `Score ${scoring.formatScore(result.score)}, ${state.levelName(result.level)}, ${scoring.coverageText(result)}.` +
      (weak ? ` ${weak}.` : "")
    );
  }
  if (result.notApplicable === result.total) return "Not applicable: every criterion is marked not applicable.";
  return "No score yet. Choose a level for a criterion to see one.";
}

/** The dimension of a criterion and its score now, in words, as announced after an answer.
 * @param {FormState} state @param {string} criterionId */
export function dimensionSentence(state, criterionId) {
  const dimension = state.info.criteria.get(criterionId).dimension;
  return dimension.title + ": " + scoreSentence(state, scoring.scoreDimension(state.info, state.assessment, dimension));
}

/** "1.2 Title" for a criterion of this framework, or the id in quotes. @param {any} info @param {string} id */
export function criterionName(info, id) {
  const found = info.criteria.get(id);
  if (!found) return "\u201c" + id + "\u201d";
  return `${found.dimension.number}.${found.dimension.criteria.indexOf(found.criterion) + 1} ${found.criterion.title}`;
}
