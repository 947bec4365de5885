/* The modules of assess-more.js, loaded by the form on first use (ui/loader.mjs, through form/page.mjs withMore). */
export * as transfer from "../core/transfer.mjs";
export * as keep from "../core/keep.mjs";
export { migrateAssessment } from "../core/migrate.mjs";
export { pasteCut } from "./pasted.mjs";
export { ShareView } from "./share-view.mjs";
export { FileKeeper } from "./file-keep.mjs";
export { exportNow } from "./transfer.mjs";
export { startHub } from "./hub-more.mjs";
