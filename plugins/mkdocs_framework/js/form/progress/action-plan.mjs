/* The form's action plan (see action-plan-view.mjs, which draws it). The plan is at the foot of the
 * form and not needed at first paint, so its code is in assess-more.js: this component, constructed
 * on the element with data-module="cif-action-plan", loads that bundle once the form has started,
 * then hands the plan to it and keeps it following the page's state.
 */

import { later } from "../later.mjs";
import { FormComponent } from "../component.mjs";

/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../state.mjs").StateEvent} StateEvent */

export class ActionPlan extends FormComponent {
  static moduleName = "cif-action-plan";

  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    /** @type {{render: (redraw?: boolean) => void, stop: () => void} | null} */
    this.view = null;
    this.stopped = false;
    ctx.withMore(() => {
      if (this.stopped || this.view) return;
      this.view = new (later().ActionPlanView)(root, ctx);
      this.view.render();
    });
  }

  /** @param {StateEvent} event */
  update(event) {
    // Another assessment, or this one changed elsewhere (another window, an import): draw it all again.
    if (event.type === "opened" && this.view) this.view.render(true);
    else if (event.type === "changed") this.render();
  }

  render() {
    if (this.view) this.view.render();
  }

  stop() {
    super.stop();
    this.stopped = true;
    if (this.view) this.view.stop();
  }
}
