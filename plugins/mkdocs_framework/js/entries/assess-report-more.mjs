/* assess-report-more.js: what the board report (assess/report.html) loads the first time it shows
 * progress or writes the Word document; it hands its modules over in a "cif:report-more" event on
 * the document, so nothing is put on the global object. */
import * as more from "../report/more.mjs";

document.dispatchEvent(new CustomEvent("cif:report-more", { detail: more }));
