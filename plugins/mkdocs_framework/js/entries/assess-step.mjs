/* assess-step.js: a step of the self-assessment form (assess/<dimension>.html) and Check your answers (assess/check.html). */
import "../form/step.mjs";
