/* The group page's second bundle (assess-group-more.js, built from more.mjs): the profiles' charts,
 * the rounds and the combined CSV, loaded the first time they are needed so the page itself loads less script.
 * The bundle hands its modules over in a "cif:group-more" event on the document, so nothing is put
 * on the global object. */

/** @typedef {typeof import("./more.mjs")} GroupMore */

/** @type {GroupMore | null} */
let loaded = null;
/** @type {Promise<GroupMore | null> | null} */
let loading = null;

/** The modules, loading them the first time (from the address the page gives on its framework
 * data, data-more); null when they cannot be loaded (a later call tries again).
 * @param {Document} doc @returns {Promise<GroupMore | null>} */
export function loadMore(doc) {
  const url = doc.getElementById("cif-framework")?.getAttribute("data-more") || "";
  if (loaded) return Promise.resolve(loaded);
  if (loading) return loading;
  loading = new Promise((resolve) => {
    const script = doc.createElement("script");
    /** @param {Event} event */
    const onLoaded = (event) => {
      loaded = /** @type {CustomEvent<GroupMore>} */ (event).detail;
    };
    /** @param {GroupMore | null} result */
    const finish = (result) => {
      doc.removeEventListener("cif:group-more", onLoaded);
      if (!result) script.remove();
      loading = null;
      resolve(result);
    };
    doc.addEventListener("cif:group-more", onLoaded);
    script.onload = () => finish(loaded);
    script.onerror = () => finish(null);
    script.src = url;
    doc.head.appendChild(script);
  });
  return loading;
}
