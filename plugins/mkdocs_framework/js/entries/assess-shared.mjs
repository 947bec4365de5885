/* assess-shared.js: the read-only shared results page (assess/shared.html). */
import "../shared/index.mjs";
