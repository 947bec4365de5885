/* assess-report.js: the board report (assess/report.html). */
import { startPage } from "../ui/start.mjs";
import { reportPage } from "../report/index.mjs";

startPage(reportPage);
