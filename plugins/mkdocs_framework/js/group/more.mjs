/* What the group page loads when first needed (assess-group-more.js, see ui/loader.mjs): the profiles'
 * charts (ui/chart.mjs), an organisation's rounds (series.mjs) and the combined CSV (core/group-csv.mjs). */

export { seriesSection } from "./series.mjs";
export { ChartSizer, draw, accountRows } from "../ui/chart.mjs";
export { combinedCsv } from "../core/group-csv.mjs";
