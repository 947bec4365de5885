/* assess-group-more.js: hands its modules to the group page that loaded it (see group/later.mjs). */
import * as more from "../group/more.mjs";

document.dispatchEvent(new CustomEvent("cif:group-more", { detail: more }));
