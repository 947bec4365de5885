/* Small helpers for data that came from outside the page's own code (storage, files, links):
 * plain objects only, never a key that could reach an object's prototype, quoting it in a
 * message, and the base64url text that results links are made of. What is allowed in an assessment is decided in
 * decode.mjs. */

export const UNSAFE_KEYS = ["__proto__", "constructor", "prototype"];

/** @param {unknown} value @returns {value is Record<string, any>} */
export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @param {string} key */
export function isSafeKey(key) {
  return !UNSAFE_KEYS.includes(key);
}

/** True when object is a plain object with its own, safe property key.
 * @param {unknown} object @param {string} key @returns {boolean} */
export function own(object, key) {
  return isPlainObject(object) && isSafeKey(key) && Object.prototype.hasOwnProperty.call(object, key);
}

/** Outside text quoted for a message: “text”, shortened to 60 characters. @param {unknown} text */
export function quote(text) {
  const shown = String(text);
  return `\u201c${shown.length > 60 ? `${shown.slice(0, 60)}\u2026` : shown}\u201d`;
}

/** base64url (no padding) of the text's UTF-8 bytes. @param {string} text */
export function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text whose UTF-8 bytes are base64url-encoded in text. Throws on anything that is not
 * base64url of valid UTF-8. @param {string} text */
export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** A file name from an assessment's name and date, using only safe characters, then ending (such as
 * ".json" or "-board-report.docx"). @param {{name: string, date: string}} assessment @param {string} ending */
export function fileName(assessment, ending) {
  const slug = (assessment.name || "self-assessment")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(assessment.date) ? `-${assessment.date}` : "";
  return `${slug || "self-assessment"}${date}${ending}`;
}
