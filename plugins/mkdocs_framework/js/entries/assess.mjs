/* assess.js: the self-assessment form's hub (assess/index.html). */
import "../form/index.mjs";
