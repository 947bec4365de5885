/* Self-assessment: the form's views of several assessments on one device (library.mjs), progress
 * between two of them (comparison.mjs, comparison-report.mjs, comparison-chart.mjs) and the action
 * plan (action-plan.mjs), in js/progress/. Each is a component constructed on its root element,
 * found by its data-module attribute in the form's template; the logic they show is in model.mjs,
 * scoring.mjs, compare.mjs and plan.mjs. Started by form-page.mjs through attach(ctx).
 */

import { Library } from "./progress/library.mjs";
import { Comparison } from "./progress/comparison.mjs";
import { ActionPlan } from "./progress/action-plan.mjs";
import { everyAssessment } from "./progress/shared.mjs";

/** @typedef {import("./progress/shared.mjs").PageContext} PageContext */

/** The component on the element in page with data-module="name", or null when the page has none.
 * @template T @param {HTMLElement} page @param {{moduleName: string, new (root: HTMLElement, ctx: PageContext): T}} Component
 * @param {PageContext} ctx @returns {T | null} */
function create(page, Component, ctx) {
  const root = page.querySelector(`[data-module="${Component.moduleName}"]`);
  return root instanceof HTMLElement ? new Component(root, ctx) : null;
}

/**
 * Starts the components on the form page. Returns the hooks form-page.mjs calls: refresh() after
 * the open assessment changed or another was opened, and stop() when the page goes. They also
 * follow ctx.state, when the page has one. However many times they are told of one change, the
 * components are brought up to date once, when the code that made the change has finished.
 * @param {PageContext} ctx
 * @returns {{refresh: () => void, stop: () => void}}
 */
function attach(ctx) {
  const library = create(ctx.page, Library, ctx);
  const comparison = create(ctx.page, Comparison, ctx);
  const actionPlan = create(ctx.page, ActionPlan, ctx);

  let pending = false;
  const render = () => {
    pending = false;
    const assessments = everyAssessment(ctx);
    library?.render(assessments);
    comparison?.render(assessments);
    actionPlan?.render();
  };
  const refresh = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(render);
  };
  const beforePrint = () => comparison?.showForPrint();
  const afterPrint = () => comparison?.showForScreen();
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  const unsubscribe = ctx.state?.subscribe((event) => {
    if (event.type === "opened" || event.type === "changed") refresh();
  });

  return {
    refresh,
    stop() {
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
      if (typeof unsubscribe === "function") unsubscribe();
    },
  };
}

export { attach };
