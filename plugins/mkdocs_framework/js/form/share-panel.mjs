/* Self-assessment: "Copy a link to these results" on the form. The button is all that is needed
 * up front: the panel that tells the person what the link holds and copies it (share-view.mjs) comes
 * with assess-more.js, loaded on the first press, with share.mjs that makes the link.
 * Root: #cif-share (data-module="cif-share").
 */

import { FormComponent } from "./component.mjs";

export class SharePanel extends FormComponent {
  static moduleName = "cif-share";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    /** @type {import("./share-view.mjs").ShareView | null} */
    this.view = null;
    this.on(root, "click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      if (this.view) this.view.press(button);
      else if (button.id === "cif-share-start") {
        app.withMore((more) => {
          if (!this.view) this.view = new more.ShareView(this);
          this.view.press(button);
        });
      }
    });
    this.on(root, "keydown", (event) => {
      if (event.key === "Escape" && this.view) this.view.escape(event.target);
    });
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (this.view) this.view.update(event);
  }
}
