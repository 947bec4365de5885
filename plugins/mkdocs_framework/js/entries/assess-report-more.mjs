/* assess-report-more.js: what the board report (assess/report.html) loads the first time it shows
 * progress or writes the Word document (ui/loader.mjs). */
import * as more from "../report/more.mjs";
import { register } from "../ui/loader.mjs";

register("assess-report-more", more);
