/* Print modes: what the printed page shows, "results" (also the default, for the browser's own
 * Print), "plan" or "progress", set on the root element as data-cif-print for print.css. */

import { FormComponent } from "./component.mjs";

/** @param {Document} doc @param {string} what */
export function printAs(doc, what) {
  if (what === "results") doc.documentElement.removeAttribute("data-cif-print");
  else doc.documentElement.setAttribute("data-cif-print", what);
  window.print();
}

/** "Print results": root is the element with data-module="cif-print" around the button. */
export class PrintResults extends FormComponent {
  static moduleName = "cif-print";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.on(root, "click", (event) => {
      if (event.target.closest("button")) printAs(app.doc, "results");
    });
    this.on(window, "afterprint", () => app.doc.documentElement.removeAttribute("data-cif-print"));
  }
}
