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

const OPENS_ISOLATE = "\u2066\u2067\u2068"; // LRI, RLI, FSI
const OPENS_EMBEDDING = "\u202A\u202B\u202D\u202E"; // LRE, RLE, LRO, RLO
const CLOSES_ISOLATE = "\u2069"; // PDI
const CLOSES_EMBEDDING = "\u202C"; // PDF
const PARAGRAPH_END = /[\n\r\u001C-\u001E\u0085\u2029]/;

/** Text someone typed with its direction controls balanced, so that it can be isolated (in a
 * <bdi>, or between FSI and PDI) without ending the isolation early or leaving one open: a closing
 * mark that closes nothing opened in the text is dropped, and whatever the text opens and leaves
 * open is closed at its end. Balanced controls are kept, so the text reads as it was typed. THE ONE
 * PLACE this is decided; ui/dom.mjs's isolate() and bdi() use it.
 * @param {unknown} value @returns {string} */
export function balancedBidi(value) {
  const text = String(value);
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  /** @type {string[]} */
  let open = []; // the closing mark each opened run needs, innermost last
  let out = "";
  const closeAll = () => open.reverse().join("");
  for (const ch of text) {
    if (PARAGRAPH_END.test(ch)) {
      // A new paragraph ends every run; close them first, so the isolation around stays balanced.
      out += closeAll() + ch;
      open = [];
    } else if (OPENS_ISOLATE.includes(ch)) {
      open.push(CLOSES_ISOLATE);
      out += ch;
    } else if (OPENS_EMBEDDING.includes(ch)) {
      open.push(CLOSES_EMBEDDING);
      out += ch;
    } else if (ch === CLOSES_ISOLATE) {
      // A PDI closes its isolate and every embedding opened inside it (Unicode's bidi algorithm).
      const at = open.lastIndexOf(CLOSES_ISOLATE);
      if (at < 0) continue;
      out += open.slice(at + 1).reverse().join("") + ch;
      open = open.slice(0, at);
    } else if (ch === CLOSES_EMBEDDING) {
      if (open[open.length - 1] !== CLOSES_EMBEDDING) continue;
      open.pop();
      out += ch;
    } else out += ch;
  }
  return out + closeAll();
}

/** A real date written YYYY-MM-DD (a year of four digits): the only dates an assessment keeps.
 * decode.mjs checks files with it and the form's date fields refuse anything else as it is typed.
 * @param {unknown} text */
export function isRealDate(text) {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
