/* assess-team.js: agreeing a team's assessment (assess/team.html). */
import { startPage } from "../ui/start.mjs";
import { teamPage } from "../team/index.mjs";

startPage(teamPage);
