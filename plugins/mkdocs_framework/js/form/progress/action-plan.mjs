/* The form's action plan (see action-plan-view.mjs, which draws it). The plan is at the foot of the
 * form and not needed at first paint, so its code is in assess-more.js: this component, constructed
 * on the element with data-module="cif-action-plan", loads that bundle on first use (when the open
 * assessment has something to plan from, once the browser is idle, or when the plan's section
 * comes near the screen), then hands the plan to it and keeps it following the page's state. A
 * first visit with nothing saved loads only the form's own bundle.
 */

import * as model from "../../core/model.mjs";
import { later } from "../later.mjs";
import { FormComponent } from "../component.mjs";

/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../state.mjs").StateEvent} StateEvent */

export class ActionPlan extends FormComponent {
  static moduleName = "cif-action-plan";

  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.ctx = ctx;
    /** @type {{render: (redraw?: boolean) => void, stop: () => void} | null} */
    this.view = null;
    this.stopped = false;
    this.loading = false;
    const section = root.ownerDocument.getElementById("action-plan") || root.parentElement || root;
    if (typeof IntersectionObserver === "function") {
      const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.start(), { rootMargin: "600px 0px" });
      seen.observe(section);
      this.keep(() => seen.disconnect());
    } else this.start();
    this.startIfNeeded();
  }

  /* Loads the plan's code once the open assessment has something in it, when the browser is next idle. */
  startIfNeeded() {
    if (this.loading || !model.hasContent(this.state.assessment)) return;
    const start = () => this.start();
    if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start);
  }

  start() {
    if (this.loading) return;
    this.loading = true;
    this.ctx.withMore(() => {
      if (this.stopped || this.view) return;
      this.view = new (later().ActionPlanView)(this.root, this.ctx);
      this.view.render();
    });
  }

  /** @param {StateEvent} event */
  update(event) {
    if (!this.view) return this.startIfNeeded();
    // Another assessment, or this one changed elsewhere (another window, an import): draw it all again.
    if (event.type === "opened") this.view.render(true);
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
