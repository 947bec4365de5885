/* assess-team.js: agreeing a team's assessment (assess/team.html). */
import "../team/index.mjs";
import { startFolder } from "../ui/folder.mjs";

startFolder("cif-team-files"); // "Open a folder of exports" (ui/folder.mjs)
