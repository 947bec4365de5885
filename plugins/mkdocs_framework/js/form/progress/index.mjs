/* Self-assessment: the form's views of several assessments on one device (library.mjs), progress
 * between two of them (comparison.mjs, comparison-report.mjs, comparison-chart.mjs) and the action
 * plan (action-plan.mjs), in js/progress/. Each is a component (form/component.mjs) constructed on
 * its root element, found by its data-module attribute in the form's template, and follows the
 * page's state object; the logic they show is in model.mjs, scoring.mjs, compare.mjs and plan.mjs.
 * Started with assess-more.js, by form/hub-more.mjs through attach(context).
 */

import { Library } from "./library.mjs";
import { Comparison } from "./comparison.mjs";
import { ActionPlan } from "./action-plan.mjs";

/** @typedef {import("./shared.mjs").PageContext} PageContext */

const COMPONENTS = [Library, Comparison, ActionPlan];

/**
 * Starts the components on the form page, each on the element with its data-module name. They
 * follow ctx.state from then on. Returns the hooks form/hub-more.mjs calls: update(event) hands them
 * an event of the state (the opening they missed), and stop() ends them when the page goes.
 * @param {PageContext} ctx
 * @returns {{update: (event: import("../state.mjs").StateEvent) => void, stop: () => void}}
 */
function attach(ctx) {
  const components = COMPONENTS.flatMap((Component) => {
    const root = ctx.page.querySelector(`[data-module="${Component.moduleName}"]`);
    return root instanceof HTMLElement ? [new Component(root, ctx)] : [];
  });
  return {
    update: (event) => components.forEach((component) => component.update(event)),
    stop: () => components.forEach((component) => component.stop()),
  };
}

export { attach };
