/* The listeners of a page's state object (the group page's and the shared results page's). No DOM. */

/** @template {unknown[]} Args */
export class Listeners {
  constructor() {
    /** @type {Set<(...args: Args) => void>} */
    this.set = new Set();
  }

  /** Calls listener on every tell(); returns a function that stops it.
   * @param {(...args: Args) => void} listener */
  add(listener) {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** @param {Args} args */
  tell(...args) {
    for (const listener of this.set) listener(...args);
  }
}
