/* The modules of assess-more.js, loaded by the form on first use (see later.mjs). */
export * as transfer from "./transfer.mjs";
export * as compare from "./compare.mjs";
export * as share from "./share.mjs";
export { ComparisonReport } from "./progress/comparison-report.mjs";
