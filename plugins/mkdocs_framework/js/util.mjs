/* Small helpers for reading data that came from outside the page's own code (storage, files,
 * links): plain objects only, and never a key that could reach an object's prototype. */

export const UNSAFE_KEYS = ["__proto__", "constructor", "prototype"];

/** @param {unknown} value @returns {value is Record<string, any>} */
export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @param {string} key */
export function isSafeKey(key) {
  return UNSAFE_KEYS.indexOf(key) < 0;
}

/** True when object is a plain object with its own, safe property key.
 * @param {unknown} object @param {string} key @returns {boolean} */
export function own(object, key) {
  return isPlainObject(object) && isSafeKey(key) && Object.prototype.hasOwnProperty.call(object, key);
}
