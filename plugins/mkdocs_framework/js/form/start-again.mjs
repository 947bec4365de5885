/* "Start again": deletes the open assessment, after the person confirms in a dialog (or the
 * browser's own confirm where dialogs are not supported). Root: the element with
 * data-module="cif-start-again". */

import { FormComponent } from "./component.mjs";
import { exportAnswers } from "./export.mjs";

export class StartAgain extends FormComponent {
  static moduleName = "cif-start-again";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.dialog = /** @type {HTMLDialogElement} */ (this.byId("cif-start-again-dialog"));
    this.button = this.byId("cif-start-again");
    /** @type {Record<string, () => void>} */
    const actions = {
      "cif-start-again": () => this.ask(),
      "cif-dialog-confirm": () => this.confirm(),
      "cif-dialog-cancel": () => this.close(),
      "cif-dialog-export": () => exportAnswers(app, "json"),
    };
    this.on(root, "click", (event) => {
      const button = event.target.closest("button");
      if (button && Object.prototype.hasOwnProperty.call(actions, button.id)) actions[button.id]();
    });
    this.on(this.dialog, "close", () => {
      if (this.doc.activeElement === this.doc.body) this.button.focus();
    });
  }

  ask() {
    if (typeof this.dialog.showModal === "function") this.dialog.showModal();
    else if (window.confirm("Delete all your answers, notes and targets from this device and start again?")) this.confirm();
  }

  close() {
    if (this.dialog.open) this.dialog.close();
    this.button.focus();
  }

  confirm() {
    if (this.dialog.open) this.dialog.close();
    this.state.startAgain();
    this.state.banner("Your answers have been deleted", "You can start a new assessment.");
  }
}
