/* The one loader for the code a page loads on first use rather than up front, so that the page
 * itself loads less script. Each such page has a second bundle (its "more" bundle: assess-more.js
 * for the form, assess-group-more.js, assess-report-more.js), whose address the template gives as
 * data-more on the page's framework data (#cif-framework). load(name) adds the bundle's script
 * once; the bundle calls register(name, modules) (entries/*-more.mjs), which hands its modules over
 * in a "cif:registered" event on the document, so nothing is put on the global object; load
 * resolves with them. When the script cannot be loaded (the connection dropped), load rejects with
 * an Error whose message a person can act on, and a later call tries again.
 */

/**
 * The "more" bundles, by name, and the modules each hands over.
 * @typedef {{
 *   "assess-more": typeof import("../form/more.mjs"),
 *   "assess-group-more": typeof import("../group/more.mjs"),
 *   "assess-report-more": typeof import("../report/more.mjs"),
 * }} Bundles
 */

/** What a page says when the code it needs could not be loaded. */
export const NOT_LOADED = "This part of the page could not be loaded. Check your internet connection and try again.";

const EVENT = "cif:registered";

/** The bundles loaded, and those loading, by name. @type {Map<string, Promise<any>>} */
const loads = new Map();
/** The modules each bundle registered, by name. @type {Map<string, unknown>} */
const registered = new Map();

/** The modules of the bundle with this name, loading its script (from the page's data-more) the
 * first time.
 * @template {keyof Bundles} N @param {N} name @param {Document} [doc] @returns {Promise<Bundles[N]>} */
export function load(name, doc = document) {
  const known = loads.get(name);
  if (known) return known;
  /** @type {Promise<Bundles[N]>} */
  const loading = new Promise((resolve, reject) => {
    const url = doc.getElementById("cif-framework")?.getAttribute("data-more");
    if (!url) throw new Error(`The page gives no address for ${name}.js (data-more on #cif-framework)`);
    const script = doc.createElement("script");
    /** @param {Event} event */
    const onRegistered = (event) => {
      const detail = /** @type {CustomEvent<{name: string, modules: unknown}>} */ (event).detail;
      if (detail && detail.name === name) registered.set(name, detail.modules);
    };
    /** @param {boolean} loaded */
    const finish = (loaded) => {
      doc.removeEventListener(EVENT, onRegistered);
      if (loaded && registered.has(name)) return resolve(/** @type {Bundles[N]} */ (registered.get(name)));
      script.remove();
      reject(new Error(NOT_LOADED));
    };
    doc.addEventListener(EVENT, onRegistered);
    script.onload = () => finish(true);
    script.onerror = () => finish(false);
    script.src = new URL(url, doc.baseURI).href;
    // As browsers treat a script made in code: it runs later, never inside appendChild, so this
    // load is recorded (below) before the bundle can register.
    script.async = true;
    doc.head.appendChild(script);
  });
  loads.set(name, loading);
  loading.catch(() => loads.delete(name));
  return loading;
}

/** The modules of a bundle already loaded, or null (for code that runs only after load resolved).
 * @template {keyof Bundles} N @param {N} name @returns {Bundles[N] | null} */
export function loaded(name) {
  return registered.has(name) ? /** @type {Bundles[N]} */ (registered.get(name)) : null;
}

/** Hands a bundle's modules to the page that loaded it: the last line of each "more" entry.
 * @template {keyof Bundles} N @param {N} name @param {Bundles[N]} modules @param {Document} [doc] */
export function register(name, modules, doc = document) {
  doc.dispatchEvent(new CustomEvent(EVENT, { detail: { name, modules } }));
}
