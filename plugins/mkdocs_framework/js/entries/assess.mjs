/* assess.js: the self-assessment form (assess/index.html). */
import "../form-page.mjs";
