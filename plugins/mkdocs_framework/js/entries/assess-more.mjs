/* assess-more.js: hands its modules to the form that loaded it (see later.mjs). */
import * as more from "../form/more.mjs";

document.dispatchEvent(new CustomEvent("cif:more", { detail: more }));
