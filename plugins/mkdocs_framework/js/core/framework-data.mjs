/* How every assessment page receives the framework: one way, the same on the form, its steps, Check
 * your answers, the report, the team, group and shared-results pages. The page has an empty
 * <script type="application/json" id="cif-framework"> element (its data-* attributes carry the
 * page's own addresses) and loads framework-data.js, a classic script the plugin writes once per site
 * (data.py's framework_script), which fills the element before the page's deferred script runs. One
 * file the browser caches for every page, and it works from file://, where a fetch of JSON would not.
 * What the data holds is described once, in schema/browser-data.schema.json; its types are
 * framework-types.mjs, generated from it. No other DOM.
 */

/** @typedef {import("./framework-types.mjs").Framework} Framework */

/** The id of the element that carries the framework data. */
export const FRAMEWORK_DATA_ID = "cif-framework";

/** The element that carries the framework data (and the page's data-* addresses), or null on a page
 * that has none.
 * @param {Document} doc @returns {HTMLElement | null} */
export function frameworkElement(doc) {
  return doc.getElementById(FRAMEWORK_DATA_ID);
}

/** The framework data of the page. Throws when the page has none, or framework-data.js did not
 * fill it (a page that could not load the file).
 * @param {Document} doc @returns {Framework} */
export function readFramework(doc) {
  const text = frameworkElement(doc)?.textContent;
  if (!text) throw new Error(`The framework data did not arrive: #${FRAMEWORK_DATA_ID} is missing or empty.`);
  return /** @type {Framework} */ (JSON.parse(text));
}
