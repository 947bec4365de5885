/* Keeping a copy: export (JSON, CSV) and import with confirmation. Root: the element with
 * data-module="cif-transfer" around "Export your answers" and "Import answers". It comes with
 * assess-more.js (see form/index.mjs, which says when the hub loads it); the form's other export
 * buttons reach exportNow through export.mjs. */

import * as model from "../core/model.mjs";
import { download, make, setText } from "../ui/dom.mjs";
import { account } from "../results/account.mjs";
import { WORDS, fill } from "../results/words.mjs";
import * as transfer from "../core/transfer.mjs";
import * as keep from "../core/keep.mjs";
import { FormComponent } from "./component.mjs";

/** What an imported assessment holds, counted and worded as the hub counts it once it is open
 * ("31 of 39 criteria answered (4 Not applicable), 4 Not sure yet, 4 not answered"): the account's
 * counts, so the message and the list never give two numbers. @param {any} info @param {any} imported */
function importedCounts(info, imported) {
  return account(info, imported.assessment).words.counts;
}

/** Downloads the open assessment as a JSON or CSV file, and says so.
 * @param {{state: import("./state.mjs").FormState, doc: Document}} app @param {"json" | "csv"} kind */
export function exportNow(app, kind) {
  const { info, assessment } = app.state;
  const name = transfer.fileName(assessment, kind);
  if (kind === "json") {
    download(app.doc, transfer.exportJson(info, assessment), name, "application/json");
    app.state.change((a) => keep.exported(a)); // the list of assessments says when
    app.state.announce("Your answers have been exported to the file " + name + ".");
  } else {
    download(app.doc, transfer.exportCsv(info, assessment), name, "text/csv;charset=utf-8");
    app.state.announce("Your answers have been downloaded as the spreadsheet file " + name + ".");
  }
}

export class Transfer extends FormComponent {
  static moduleName = "cif-transfer";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    /** @type {{result: any, fileName: string} | null} */
    this.pending = null;
    /** @type {(() => void) | undefined} what to do once the file being read is imported */
    this.applied = undefined;
    this.file = /** @type {HTMLInputElement} */ (this.byId("cif-import-file"));
    this.confirmPanel = this.byId("cif-import-confirm");
    /** @type {Record<string, () => void>} */
    const actions = {
      "cif-export-json": () => exportNow(app, "json"),
      "cif-export-csv": () => exportNow(app, "csv"),
      "cif-import-export-first": () => exportNow(app, "json"),
      "cif-import": () => {
        this.clearErrors();
        this.read();
      },
      "cif-import-confirm-yes": () => this.pending && this.apply(this.pending.result, this.pending.fileName),
      "cif-import-cancel": () => this.cancel(false),
    };
    this.on(root, "click", (event) => {
      const button = event.target.closest("button");
      if (button && Object.prototype.hasOwnProperty.call(actions, button.id)) actions[button.id]();
    });
    // A file opened to keep the assessment in (file-keep.mjs) is imported the same way, then kept
    // (its detail.applied is called once its answers are in the form).
    this.on(app.doc, "cif:import-file", (event) => this.read(event.detail));
  }

  /** Another assessment opened: what was being imported no longer applies.
   * @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type !== "opened" || event.how === "import" || event.how === "other-window" || event.how === "load") return;
    this.cancel(true);
    this.clearErrors();
  }

  clearErrors() {
    this.byId("cif-import-errors").hidden = true;
    this.byId("cif-import-error").hidden = true;
    this.byId("cif-import-field").classList.remove("cif-field--error");
    this.file.setAttribute("aria-describedby", "cif-import-hint");
  }

  /** @param {string[]} messages */
  showErrors(messages) {
    const doc = this.doc;
    this.cancel(true);
    const list = this.byId("cif-import-errors-list");
    list.textContent = "";
    messages.forEach((message) => {
      const link = make(doc, "a", "", message);
      link.href = "#cif-import-file";
      const item = make(doc, "li");
      item.append(link);
      list.append(item);
    });
    const inline = this.byId("cif-import-error");
    inline.textContent = "";
    inline.append(make(doc, "span", "cif-visually-hidden", "Error: "), messages[0]);
    inline.hidden = false;
    this.byId("cif-import-field").classList.add("cif-field--error");
    this.file.setAttribute("aria-describedby", "cif-import-hint cif-import-error");
    const summary = this.byId("cif-import-errors");
    summary.hidden = false;
    summary.focus();
  }

  /** Reads the file chosen here, or one opened to keep the assessment in.
   * @param {{file: File, applied: () => void}} [opened] */
  read(opened) {
    this.applied = opened && opened.applied;
    const file = opened ? opened.file : this.file.files && this.file.files[0];
    if (!file) return this.showErrors(["Select a JSON file exported from this form."]);
    if (file.size > transfer.MAX_BYTES) {
      return this.showErrors(["The selected file is larger than 1 MB, so it cannot be an export from this form."]);
    }
    file.arrayBuffer().then(
      (buffer) => {
        const text = new Uint8Array(buffer);
        const result = /** @type {any} */ (transfer.parseImport(this.state.info, text, file.size));
        if (!result.ok) this.showErrors(result.errors);
        else if (model.hasContent(this.state.assessment) || result.warnings.length) this.confirm(result, file.name);
        else this.apply(result, file.name);
      },
      () => this.showErrors([WORDS.form.fileUnreadable])
    );
  }

  /** @param {any} result @param {string} fileName */
  confirm(result, fileName) {
    this.pending = { result, fileName };
    setText(
      this.byId("cif-import-confirm-summary"),
      fill(WORDS.form.importHolds, { file: fileName, counts: importedCounts(this.state.info, result) }) +
        (result.assessment.name ? fill(WORDS.form.importFor, { name: result.assessment.name }) : "") +
        ". Importing it replaces every answer, note and target in this form." +
        (model.hasContent(this.state.assessment) ? " Export your current answers first if you might need them." : "")
    );
    const warnings = this.byId("cif-import-warnings");
    warnings.textContent = "";
    result.warnings.forEach((/** @type {string} */ message) => warnings.append(make(this.doc, "li", "", message)));
    warnings.hidden = !result.warnings.length;
    this.confirmPanel.hidden = false;
    this.confirmPanel.focus();
  }

  /** @param {boolean} quiet */
  cancel(quiet) {
    const wasOpen = this.pending !== null;
    this.pending = null;
    this.confirmPanel.hidden = true;
    if (wasOpen && !quiet) this.byId("cif-import").focus();
  }

  /** @param {any} result @param {string} fileName */
  apply(result, fileName) {
    this.pending = null;
    this.confirmPanel.hidden = true;
    this.file.value = "";
    // The banner first: a notice about answers carried over from another version takes the focus after it.
    this.state.banner(WORDS.form.importedTitle, fill(WORDS.form.imported, { file: fileName, counts: importedCounts(this.state.info, result) }));
    this.state.replace(result.assessment, Boolean(result.migration));
    this.state.change((a) => keep.imported(a)); // its answers are in that file
    if (this.applied) this.applied();
  }
}
