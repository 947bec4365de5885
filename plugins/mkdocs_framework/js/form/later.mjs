/* Export, import, progress comparison and sharing need a second bundle (assess-more.js, built from
 * more.mjs), which the form loads the first time one of them is used rather than up front, so that
 * the form itself loads less script. The bundle hands its modules over in a "cif:more" event on
 * the document, so nothing is put on the global object. */

/** @typedef {typeof import("./more.mjs")} LaterModules */

/** @type {LaterModules | null} */
let loaded = null;
/** @type {HTMLScriptElement | null} */
let script = null;
/** @type {((ok: boolean) => void)[]} */
let waiting = [];

/** The later modules once loaded (call only inside a load() callback). */
export function later() {
  if (!loaded) throw new Error("assess-more.js has not been loaded");
  return loaded;
}

/** Calls done(true) once the modules are there (at once if they already are), or done(false) if
 * they cannot be loaded, for example when the connection has dropped; a later call tries again.
 * @param {Document} doc @param {string} url @param {(ok: boolean) => void} done */
export function load(doc, url, done) {
  if (loaded) {
    done(true);
    return;
  }
  waiting.push(done);
  if (script) return;
  const element = doc.createElement("script");
  /** @param {boolean} ok */
  const finish = (ok) => {
    doc.removeEventListener("cif:more", onLoaded);
    if (!ok) element.remove();
    script = ok ? element : null;
    const callbacks = waiting;
    waiting = [];
    callbacks.forEach((callback) => callback(ok));
  };
  /** @param {Event} event */
  const onLoaded = (event) => {
    loaded = /** @type {CustomEvent<LaterModules>} */ (event).detail;
  };
  doc.addEventListener("cif:more", onLoaded);
  element.onload = () => finish(Boolean(loaded));
  element.onerror = () => finish(false);
  element.src = url;
  script = element;
  doc.head.appendChild(element);
}
