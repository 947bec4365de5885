/* assess-report.js: the board report (assess/report.html). */
import "../report/index.mjs";
