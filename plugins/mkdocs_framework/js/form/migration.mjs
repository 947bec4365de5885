/* The notice at the top of the form about answers from another version of the framework: after
 * they were carried over to this version (it stays, also after a reload, until the person hides
 * it), or when they cannot be opened here (another framework, a newer version), left exactly as
 * they are. Root: #cif-migration. It comes with assess-more.js (see form/index.mjs, which loads it
 * when a record from another version is met or a notice about one is still to be shown). */

import * as model from "../core/model.mjs";
import { make, setText } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { migrationLists } from "./migration-lists.mjs";

export class MigrationNotice extends FormComponent {
  static moduleName = "cif-migration";

  /** @param {HTMLElement} root @param {import("./component.mjs").App} app */
  constructor(root, app) {
    super(root, app);
    this.body = this.byId("cif-migration-content");
    this.on(root, "click", (event) => {
      if (event.target.closest("#cif-migration-dismiss")) this.dismiss();
    });
  }

  /** @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if (event.type === "refused") this.refuse(event.report, event.after);
    if (event.type !== "opened") return;
    const migration = event.migration || { status: "current", report: null };
    const status = migration.status;
    if (event.how === "load" && status === "refused") this.refuse(migration.report);
    else if (event.how === "load") this.show(status === "migrated");
    else if (event.how === "other-window") return;
    else {
      this.root.removeAttribute("data-refused");
      if (event.how === "import" || event.how === "start-again") this.root.hidden = true;
      if (status === "migrated" || event.how !== "import") this.show(status === "migrated");
    }
  }

  latest() {
    const list = Array.isArray(this.state.assessment.migrations) ? this.state.assessment.migrations : [];
    const last = list[list.length - 1];
    return last && !last.dismissed && last.report && typeof last.report === "object" ? last : null;
  }

  /** @param {string} text */
  paragraph(text) {
    return this.body.appendChild(make(this.doc, "p", "", text));
  }

  /** @param {string} title */
  open(title) {
    setText(this.byId("cif-migration-title"), title);
    this.body.textContent = "";
  }

  /** @param {boolean} focus */
  show(focus) {
    const notice = this.root;
    const entry = this.latest();
    if (!entry) {
      if (!notice.hasAttribute("data-refused")) notice.hidden = true;
      return;
    }
    const { report, from } = entry;
    const version = this.state.framework.version;
    notice.removeAttribute("data-refused");
    notice.classList.remove("cif-notification--refused");
    this.open(`Your answers were carried over to version ${version} of the framework`);
    this.paragraph(
      `They were made with version ${from}. The changes published with version ${version} were used to carry them over, and nothing has been deleted.` +
        (report.undeclared ? ` Version ${from} is not listed in the framework's history, so answers were matched by their question ids.` : "")
    );
    const carried = Array.isArray(report.carried) ? report.carried.length : 0;
    if (carried) this.paragraph(model.plural(carried, "answer was", "answers were") + " carried over unchanged.");
    migrationLists(this.state, this.body.appendChild(make(this.doc, "div")), report);
    const changesHref = notice.getAttribute("data-changes-href");
    if (changesHref) {
      const link = make(this.doc, "a", "", "What changed in this version of the framework");
      link.href = changesHref;
      this.paragraph("").append(link);
    }
    const hide = make(this.doc, "button", "cif-link-button", "Hide this message");
    hide.type = "button";
    hide.id = "cif-migration-dismiss";
    this.paragraph("").append(hide);
    notice.hidden = false;
    if (focus) notice.focus();
  }

  /** Answers this site must not open, said plainly. @param {any} report @param {string} [after] */
  refuse(report, after) {
    const notice = this.root;
    notice.setAttribute("data-refused", "");
    notice.classList.add("cif-notification--refused");
    this.open("Your saved answers cannot be opened here");
    this.paragraph(report.refusedReason || "They have been left exactly as they are.");
    this.paragraph(after || "This form has started a new assessment. Anything you enter is saved separately and does not replace them.");
    notice.hidden = false;
    notice.focus();
  }

  dismiss() {
    const entry = this.latest();
    if (entry) {
      entry.dismissed = true;
      this.state.save();
    }
    this.root.hidden = true;
    this.root.removeAttribute("data-refused");
    this.doc.getElementById("cif-name")?.focus();
  }
}
