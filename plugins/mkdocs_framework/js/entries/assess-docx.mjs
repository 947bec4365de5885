/* assess-docx.js: the board report's Word writer, loaded by the report page when "Download as
 * Word" is first pressed; it hands its functions over in a "cif:docx" event on the document. */
import { docx } from "../core/docx.mjs";

/** A file name from the assessment's name and date, using only safe characters.
 * @param {{name: string, date: string}} assessment */
function fileName(assessment) {
  const slug = (assessment.name || "self-assessment")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(assessment.date) ? `-${assessment.date}` : "";
  return `${slug || "self-assessment"}${date}-board-report.docx`;
}

document.dispatchEvent(new CustomEvent("cif:docx", { detail: { docx, fileName } }));
