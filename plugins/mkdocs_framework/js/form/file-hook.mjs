/* Keeping the assessment in a file, as much of it as every page of the form loads up front (the
 * rest, file-keep.mjs, comes with assess-more.js). Where the browser has the File System Access API
 * (Edge, Chrome), the hub starts it to offer the choice, and any other page once a file was ever
 * chosen on this device (its database exists). Elsewhere the hub says in one sentence why the
 * choice is not offered, and nothing else changes. */

import { databaseName } from "../core/file-store.mjs";
import { later } from "./later.mjs";

/** @param {import("./state.mjs").FormState} state @param {Document} doc
 * @param {(action: () => void) => void} withMore @returns {() => void} stop */
export function keepInFile(state, doc, withMore) {
  const win = /** @type {any} */ (doc.defaultView);
  const root = doc.getElementById("cif-filekeep");
  /** @type {{stop: () => void} | null} */
  let keeper = null;
  let stopped = false;
  if (!root) return () => {};
  if (typeof win.showSaveFilePicker !== "function") {
    const why = /** @type {HTMLElement | null} */ (root.querySelector(".cif-filekeep__missing"));
    if (why) why.hidden = false;
    return () => {};
  }
  const start = () => withMore(() => stopped || (keeper = later().FileKeeper.start(root, { state, doc, withMore })));
  if (root.querySelector(".cif-filekeep__offer")) start();
  else {
    win.indexedDB.databases().then((/** @type {{name: string}[]} */ list) => list.some((db) => db.name === databaseName(state.framework.id)) && start(), () => {});
  }
  return () => {
    stopped = true;
    if (keeper) keeper.stop();
  };
}
