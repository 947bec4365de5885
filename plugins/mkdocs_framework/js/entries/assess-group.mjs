/* assess-group.js: the group comparison page (assess/group.html). */
import "../group/index.mjs";
import { startFolder } from "../ui/folder.mjs";

startFolder("cif-group-files"); // "Open a folder of exports" (ui/folder.mjs)
