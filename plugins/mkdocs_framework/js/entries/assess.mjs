/* assess.js: the self-assessment form (assess/index.html). */
import "../form/index.mjs";
