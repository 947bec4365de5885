/* assess-team.js: agreeing a team's assessment (assess/team.html). */
import "../team/index.mjs";
