/* The modules of assess-more.js, loaded by the form on first use (see later.mjs). */
export * as transfer from "../core/transfer.mjs";
export * as compare from "../core/compare.mjs";
export * as share from "../core/share.mjs";
export { ComparisonReport } from "./progress/comparison-report.mjs";
export { migrationLists } from "./migration-lists.mjs";
export { pasteCut } from "./pasted.mjs";
export * as keep from "../core/keep.mjs";
export { Keeping } from "./keeping.mjs";
export { ActionPlanView } from "./progress/action-plan-view.mjs";
export { ShareView } from "./share-view.mjs";
export { FileKeeper } from "./file-keep.mjs";
