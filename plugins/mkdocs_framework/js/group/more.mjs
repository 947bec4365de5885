/* What the group page loads when first needed (assess-group-more.js, see ui/loader.mjs): the profiles'
 * charts (ui/chart.mjs), an organisation's rounds (series.mjs), the combined CSV (core/group-csv.mjs)
 * and the migration (core/migrate.mjs) for a file from another version of the framework. */

export { seriesSection } from "./series.mjs";
export { ChartSizer, draw, accountRows } from "../ui/chart.mjs";
export { combinedCsv } from "../core/group-csv.mjs";
export { migrateAssessment } from "../core/migrate.mjs";
