/* Sentences the form's components share: each is the account's (results/account.mjs), so a step,
 * Check your answers and the hub say a result the way every other page does. */

/** @typedef {import("./state.mjs").FormState} FormState */

/** A dimension's result in words, as under its questions: "Score 2.3, Developing, from 3 of 4
 * criteria." (with its weak spots), "No result yet. …" or "Not applicable: …".
 * @param {FormState} state @param {string} dimensionId */
export function scoreSentence(state, dimensionId) {
  const found = state.account().dimensions.find((d) => d.id === dimensionId);
  return found ? found.words.sentence : "";
}

/** The dimension of a criterion and its result now, in words, as announced after an answer.
 * @param {FormState} state @param {string} criterionId */
export function dimensionSentence(state, criterionId) {
  const found = state.info.criteria.get(criterionId);
  if (!found) return "";
  const dimension = found.dimension;
  return dimension.name + ": " + scoreSentence(state, dimension.id);
}

/** "1.2 Title" for a criterion of this framework, or the id in quotes. @param {any} info @param {string} id */
export function criterionName(info, id) {
  const found = info.criteria.get(id);
  if (!found) return "\u201c" + id + "\u201d";
  return `${found.dimension.number}.${found.dimension.criteria.indexOf(found.criterion) + 1} ${found.criterion.title}`;
}
