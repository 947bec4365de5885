/* assess-group.js: the group comparison page (assess/group.html). */
import { startPage } from "../ui/start.mjs";
import { groupPage } from "../group/index.mjs";

startPage(groupPage);
