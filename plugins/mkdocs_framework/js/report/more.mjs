/* The modules of assess-report-more.js (entries/assess-report-more.mjs): what the board report
 * loads on first use, to show progress since an earlier assessment (the account of progress) or to
 * write the Word document. */
export { progress } from "../results/progress.mjs";
export { docx } from "../core/docx.mjs";
import { fileName as safeFileName } from "../core/util.mjs";

/** The Word file's name, from the assessment's name and date. @param {{name: string, date: string}} assessment */
export function fileName(assessment) {
  return safeFileName(assessment, "-board-report.docx");
}
