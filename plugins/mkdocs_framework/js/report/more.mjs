/* The modules of assess-report-more.js (entries/assess-report-more.mjs): what the board report
 * loads on first use, to show progress since an earlier assessment or to write the Word document. */
export * as compare from "../core/compare.mjs";
export { docx } from "../core/docx.mjs";

/** A file name from the assessment's name and date, using only safe characters.
 * @param {{name: string, date: string}} assessment */
export function fileName(assessment) {
  const slug = (assessment.name || "self-assessment")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(assessment.date) ? `-${assessment.date}` : "";
  return `${slug || "self-assessment"}${date}-board-report.docx`;
}
