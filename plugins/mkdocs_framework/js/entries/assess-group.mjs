/* assess-group.js: the group comparison page (assess/group.html). */
import "../group/index.mjs";
