/* The listeners of a page's state object (the group, team and shared results pages'). No DOM. */

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

  /** The same as add: a page's state object that tells nothing more (ui/component.mjs PageState).
   * @param {(...args: Args) => void} listener */
  subscribe(listener) {
    return this.add(listener);
  }

  /** @param {Args} args */
  tell(...args) {
    for (const listener of this.set) listener(...args);
  }
}
