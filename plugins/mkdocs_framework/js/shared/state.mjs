/* The shared results page's state: the results held in the address's fragment, read with
 * share.read each time the address changes. Reads nothing from and writes nothing to storage. No
 * DOM: the components render from it.
 */

import * as share from "../core/share.mjs";
import { account } from "../results/account.mjs";
import { Listeners } from "../ui/listeners.mjs";

/**
 * What the page shows: nothing to show, a link that cannot be shown (with why), or the results.
 * @typedef {{kind: "empty"} | {kind: "problem", message: string} |
 *   {kind: "results", link: any, assessment: any, account: import("../results/account.mjs").Account}} View
 * link is what share.read gives (otherVersion, migrated, counts, notShown); account is the
 * account of the assessment's results (results/account.mjs), which the page renders.
 * @typedef {{view: View, focus: boolean}} Shown what the state tells its listeners: the view, and
 * whether to move focus to what is shown
 */

export class SharedState {
  /** @param {ReturnType<import("../core/model.mjs").describe>} info the framework as model.describe gives it */
  constructor(info) {
    this.info = info;
    /** @type {View} */
    this.view = { kind: "empty" };
    /** @type {Listeners<[Shown]>} */
    this.listeners = new Listeners();
  }

  /** Calls listener with the view after every change; returns a function that stops it.
   * @param {(shown: Shown) => void} listener */
  subscribe(listener) {
    return this.listeners.add(listener);
  }

  /** Reads the results in an address's fragment ("#..."), then tells the listeners.
   * @param {string} fragment @param {boolean} focus */
  load(fragment, focus) {
    const link = share.read(this.info, fragment);
    if (link.ok && link.assessment) {
      const { assessment } = link;
      this.view = { kind: "results", link, assessment, account: account(this.info, assessment) };
    } else if (link.kind === "empty") {
      this.view = { kind: "empty" };
    } else {
      this.view = { kind: "problem", message: link.message || "" };
    }
    this.listeners.tell({ view: this.view, focus });
  }
}
