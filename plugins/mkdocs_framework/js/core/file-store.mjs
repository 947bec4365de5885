/* Which file each assessment is kept in (form/file-keep.mjs), kept in the browser's IndexedDB, the
 * one storage that can hold a file handle (FileSystemFileHandle is structured-cloneable; localStorage
 * holds text only). No DOM. One database per framework, named as the privacy notice lists it:
 *   cif:<framework id>:files   store "files", key: the assessment's id, value: Kept (below)
 * The database is made only when a person first chooses a file: exists() asks the browser for its
 * databases' names without opening (and so creating) ours, so a page that keeps nothing in a file
 * stores nothing here. Every call resolves; a failure resolves null (the caller says so).
 */

/**
 * @typedef {object} Kept  an assessment's file, and what this device last wrote to it
 * @property {any} handle  the FileSystemFileHandle
 * @property {string} name  the file's name, as the person chose it
 * @property {string} written  ISO time of the last write ("" before the first)
 * @property {number} modified  the file's lastModified just after that write
 * @property {string} text  what was written, to tell a change made elsewhere from a touched file
 * @property {string} updated  the assessment's "updated" at that write, to know whether it is behind
 */

const STORE = "files";

/** @param {string} frameworkId */
export function databaseName(frameworkId) {
  return `cif:${frameworkId}:files`;
}

/** @param {IDBRequest} request @returns {Promise<any>} */
function settle(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The handles of one framework's assessments. @param {IDBFactory} factory @param {string} frameworkId */
export function fileStore(factory, frameworkId) {
  const name = databaseName(frameworkId);
  /** @type {Promise<IDBDatabase> | null} */
  let opened = null;
  const open = () => {
    if (!opened) {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      opened = settle(request);
    }
    return opened;
  };
  /** @param {IDBTransactionMode} mode @param {(store: IDBObjectStore) => IDBRequest} act */
  const run = (mode, act) =>
    open()
      .then((db) => settle(act(db.transaction(STORE, mode).objectStore(STORE))))
      .catch(() => null);
  /** Whether any file was ever chosen here (without making the database). @returns {Promise<boolean>} */
  const exists = () =>
    typeof factory.databases === "function"
      ? factory.databases().then((list) => list.some((db) => db.name === name), () => false)
      : Promise.resolve(false);
  return {
    exists,
    /** The assessment's file; never makes the database. @param {string} id @returns {Promise<Kept | null>} */
    get: (id) =>
      exists()
        .then((found) => (found ? run("readonly", (store) => store.get(id)) : null))
        .then((found) => found || null),
    /** @param {string} id @param {Kept} kept @returns {Promise<any>} */
    put: (id, kept) => run("readwrite", (store) => store.put(kept, id)),
    /** @param {string} id @returns {Promise<any>} */
    remove: (id) => run("readwrite", (store) => store.delete(id)),
  };
}
