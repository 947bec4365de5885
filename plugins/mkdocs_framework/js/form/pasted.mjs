/* Says beside a field that what was pasted into it was too long and was cut (the browser keeps only
 * what fits the field's maxlength), rather than letting text go missing silently. Comes with
 * assess-more.js: form/index.mjs notices the paste and loads it. */

import { make } from "../ui/dom.mjs";

/** @param {HTMLInputElement | HTMLTextAreaElement} field @param {number} over how many characters did not fit */
export function pasteCut(field, over) {
  const doc = field.ownerDocument;
  const id = field.id + "-cut";
  let note = doc.getElementById(id);
  if (!note) {
    note = make(doc, "p", "cif-hint cif-cut");
    note.id = id;
    field.after(note);
    field.setAttribute("aria-describedby", `${field.getAttribute("aria-describedby") || ""} ${id}`.trim());
  }
  const count = (/** @type {number} */ n) => n.toLocaleString("en-GB");
  const one = over === 1;
  note.textContent =
    `What you pasted was too long for this box, which holds up to ${count(field.maxLength)} characters: ` +
    `the last ${one ? "character" : count(over) + " characters"} of it ${one ? "was" : "were"} left out.`;
}
