/* Keeping the assessment in a file, as much of it as every page of the form loads up front (the
 * rest, file-keep.mjs, comes with assess-more.js; the form's first script is held to a budget):
 * where the browser has the File System Access API (Edge, Chrome), any page of the form starts
 * file-keep.mjs once a file was ever chosen on this device (its database, core/file-store.mjs,
 * exists), to carry on writing to it. The hub's offer of a file starts with keeping.mjs. */

/** @param {import("./component.mjs").App} app @returns {() => void} stop */
export function keepInFile(app) {
  const { state, doc } = app;
  const root = doc.getElementById("cif-filekeep");
  /** @type {any} */
  let keeper;
  if (root && "showSaveFilePicker" in window) {
    indexedDB.databases().then(
      (list) => {
        if (list.some((db) => db.name === `cif:${state.framework.id}:files`)) app.withMore((more) => (keeper = more.FileKeeper.start(root, app)));
      },
      () => {}
    );
  }
  return () => keeper && keeper.stop();
}
