/* The form's action plan (see action-plan-view.mjs, which draws it). The plan is at the foot of the
 * form and not needed at first paint, so it comes with assess-more.js (see form/index.mjs, which
 * says when the hub loads it: when the open assessment has something to plan from, or when the
 * plan's section comes near the screen). Constructed on the element with
 * data-module="cif-action-plan", it hands the plan to the view and keeps it following the page's
 * state.
 */

import { FormComponent } from "../component.mjs";
import { ActionPlanView } from "./action-plan-view.mjs";

/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../state.mjs").StateEvent} StateEvent */

export class ActionPlan extends FormComponent {
  static moduleName = "cif-action-plan";

  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.view = new ActionPlanView(root, ctx);
  }

  /** @param {StateEvent} event */
  update(event) {
    // Another assessment, or this one changed elsewhere (another window, an import): draw it all again.
    if (event.type === "opened") this.view.render(true);
    else if (event.type === "changed") this.render();
  }

  render() {
    this.view.render();
  }

  stop() {
    super.stop();
    this.view.stop();
  }
}
