/* Export from anywhere on the form (a step, Start again): the code that writes the file comes with
 * assess-more.js (transfer.mjs, exportNow), loaded on first use. */

/** Downloads the open assessment as a JSON or CSV file, and says so.
 * @param {import("./component.mjs").App} app @param {"json" | "csv"} kind */
export function exportAnswers(app, kind) {
  app.withMore((more) => more.exportNow(app, kind));
}
