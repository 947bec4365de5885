/* Keeping the assessment in a file, as much of it as every page of the form loads up front (the
 * rest, file-keep.mjs, comes with assess-more.js; the form's first script is held to a budget):
 * where the browser has the File System Access API (Edge, Chrome), any page of the form starts
 * file-keep.mjs once a file was ever chosen on this device (its database, core/file-store.mjs,
 * exists), to carry on writing to it. The hub's offer of a file starts with keeping.mjs. */

import { later } from "./later.mjs";

/** @param {import("./state.mjs").FormState} state @param {Document} doc
 * @param {(action: () => void) => void} withMore @returns {() => void} stop */
export function keepInFile(state, doc, withMore) {
  const root = doc.getElementById("cif-filekeep");
  /** @type {any} */
  let keeper;
  if (root && "showSaveFilePicker" in window) {
    indexedDB.databases().then(
      (list) => list.some((db) => db.name === `cif:${state.framework.id}:files`) && withMore(() => (keeper = later().FileKeeper.start(root, { state, doc, withMore }))),
      () => {}
    );
  }
  return () => keeper && keeper.stop();
}
