/* The form's date fields (the assessment's date, each action's due date): a date is saved only when
 * it is one the form's own import accepts (core/util.mjs isRealDate: a real date with a four-digit
 * year). Anything else, such as a year typed with a fifth or sixth digit, stays in the field as typed,
 * is not saved, and is explained next to the field in the GOV.UK style (an error message between
 * the label and the field, the field's group marked, the message read with the field). */

import { isRealDate } from "../core/util.mjs";
import { make } from "../ui/dom.mjs";

const MESSAGE = "Enter a real date with a 4-digit year, like 27 3 2026. This date has not been saved.";

/** The error message's element for input, made when first needed. @param {HTMLInputElement} input */
function messageOf(input) {
  const id = `${input.id}-error`;
  const found = input.ownerDocument.getElementById(id);
  if (found) return found;
  const doc = input.ownerDocument;
  const message = make(doc, "p", "cif-error-message");
  message.id = id;
  message.append(make(doc, "span", "cif-visually-hidden", "Error: "), doc.createTextNode(MESSAGE));
  input.before(message);
  return message;
}

/** @param {HTMLInputElement} input @param {string} id @param {boolean} on */
function describedBy(input, id, on) {
  const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter((other) => other && other !== id);
  if (on) ids.unshift(id);
  if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
  else input.removeAttribute("aria-describedby");
}

/** True when the date field's value may be saved (empty, or a real date); otherwise shows the
 * error next to it and returns false. Either way what was typed stays in the field.
 * @param {HTMLInputElement} input */
export function dateFieldOk(input) {
  const ok = input.value === "" || isRealDate(input.value);
  const id = `${input.id}-error`;
  const group = input.closest(".cif-field");
  if (ok) {
    input.ownerDocument.getElementById(id)?.remove();
    input.removeAttribute("aria-invalid");
  } else {
    messageOf(input);
    input.setAttribute("aria-invalid", "true");
  }
  describedBy(input, id, !ok);
  if (group) group.classList.toggle("cif-field--error", !ok);
  return ok;
}
