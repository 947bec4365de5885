/* The notice at the top of the form about answers from another version of the framework: after
 * they were carried over to this version (it stays, also after a reload, until the person hides
 * it), or when they cannot be opened here (another framework, a newer version), left exactly as
 * they are. Root: #cif-migration. */

import * as model from "../core/model.mjs";
import * as migrate from "../core/migrate.mjs";
import { make, setText } from "../ui/dom.mjs";
import { FormComponent } from "./component.mjs";
import { criterionName } from "./words.mjs";

const NOT_CARRIED_KIND = { answer: "Answer to", target: "Target level for", notes: "Notes for", plan: "Action plan entry for" };

/** @param {any} items @returns {any[]} */
function listOf(items) {
  return Array.isArray(items) ? items.filter((item) => item && typeof item === "object") : [];
}

/** @param {any} info @param {any} value */
function valueName(info, value) {
  if (value === model.NOT_APPLICABLE) return "Not applicable";
  if (value === model.NOT_SURE) return "Not sure yet";
  if (typeof value === "string") return model.levelLabel(info, value) || value;
  return "";
}

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
    const status = event.migration ? event.migration.status : "current";
    if (event.how === "load" && status === "refused") this.refuse(event.migration.report);
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

  /** @param {string} heading @param {string} intro @param {any[]} items @param {(li: HTMLLIElement, item: any) => void} fill */
  list(heading, intro, items, fill) {
    if (!items.length) return;
    this.body.append(make(this.doc, "h3", "cif-notification__heading", `${heading} (${items.length})`));
    if (intro) this.paragraph(intro);
    const list = make(this.doc, "ul", "cif-notification__list");
    items.forEach((item) => {
      const li = make(this.doc, "li");
      fill(li, item);
      list.append(li);
    });
    this.body.append(list);
  }

  /** @param {string} id */
  questionLink(id) {
    const link = make(this.doc, "a", "", criterionName(this.state.info, id));
    link.href = "#criterion-" + id;
    return link;
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
    this.lists(report);
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

  /** @param {any} report */
  lists(report) {
    const doc = this.doc;
    const moved = listOf(report.moved).filter((m) => m.kind === "answer");
    this.list("Moved to new questions", "", moved, (li, move) => {
      li.append(doc.createTextNode(`Your answer to \u201c${move.from}\u201d is now the answer to `), this.questionLink(move.to));
    });
    const review = listOf(report.review).filter((item) => model.reviewReason(this.state.assessment, item.criterion));
    const reviewIntro = "Each of these questions is marked on the form until you choose an answer again or keep the one shown.";
    this.list("Check these answers", reviewIntro, review, (li, item) => {
      li.append(this.questionLink(item.criterion), doc.createTextNode(": " + this.reviewDetail(item)));
    });
    const keptIntro = "These are kept with your assessment and included when you export your answers (JSON), but they are not scored.";
    this.list("Could not be carried over", keptIntro, listOf(report.notCarried), (li, item) => {
      const value = valueName(this.state.info, item.value);
      li.textContent =
        `${NOT_CARRIED_KIND[item.kind] || "Answer to"} \u201c${item.id}\u201d${value ? ": " + value : ""} (` +
        (migrate.NOT_CARRIED_REASONS[item.reason] || "it could not be carried over") +
        (item.reason === "removed" && item.version ? " after version " + item.version : "") +
        ").";
    });
  }

  /** @param {any} item */
  reviewDetail(item) {
    const info = this.state.info;
    const sources = listOf(item.sources);
    if (item.reason === "merged" && sources.length) {
      const each = sources.map((s) => `\u201c${s.id}\u201d (${valueName(info, s.value)})`).join(" and ");
      return `it combines your answers to ${each}; the lowest, ${valueName(info, this.state.assessment.answers[item.criterion])}, was kept.`;
    }
    if (item.reason === "split" && sources.length) {
      return `your answer to \u201c${sources[0].id}\u201d was copied to each of the questions it was divided into.`;
    }
    return { reworded: "the wording changed.", unverified: "the wording may have changed." }[item.reason] || "check it is still right.";
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
    this.doc.getElementById("cif-name").focus();
  }
}
