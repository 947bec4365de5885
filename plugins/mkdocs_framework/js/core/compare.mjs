/* Progress over time, for the pages that read it here: the comparison of two assessments lives with
 * the rest of the account of the results, in results/progress.mjs (progress() gives the whole
 * account; compare() the older, smaller shape). */

export { compare, summary, formatChange, changeWords, carryForward } from "../results/progress.mjs";

/**
 * @typedef {import("../results/progress.mjs").Comparison} Comparison
 * @typedef {import("../results/progress.mjs").DimensionChange} DimensionChange
 * @typedef {import("../results/progress.mjs").Moved} Moved
 * @typedef {import("../results/progress.mjs").Apart} Apart
 * @typedef {import("../results/progress.mjs").Measure} Measure
 * @typedef {import("../results/progress.mjs").DimensionResult} DimensionResult
 */
