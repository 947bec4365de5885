/* The group page's files: the file chooser in a box that also takes dropped files, the files that
 * could not be included and why, and the list of files in the comparison with a Remove button each.
 */

import { plural } from "../core/model.mjs";
import { all, bdi, make, sentence } from "../ui/dom.mjs";
import { Component, acceptDroppedFiles } from "../ui/component.mjs";
import { versionNote } from "./text.mjs";
import { terms } from "../core/terms.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Change} Change */

/** @extends {Component<GroupContext>} */
export class GroupFiles extends Component {
  static moduleName = "cif-group-files";
  static elements = {
    input: "input.cif-file", drop: ".cif-dropzone", problems: ".cif-error-summary",
    none: ".cif-group-none", list: "ul.cif-group-files",
  };

  /** @param {HTMLElement} root @param {GroupContext} context */
  constructor(root, context) {
    super(root, context);
    this.on(this.el.input, "change", () => this.add(this.el.input.files));
    this.on(this.el.list, "click", (event) => this.onClick(event));
    acceptDroppedFiles(this, this.el.drop, (files) => this.add(files));
    // A browser may keep files chosen before a reload; read them like a fresh choice.
    if (this.el.input.files?.length) this.add(this.el.input.files);
  }

  /** @param {Change} change */
  update(change) {
    if (change !== "view") this.render();
  }

  /** Reads the files into the comparison, then says what happened.
   * @param {FileList | null} fileList */
  async add(fileList) {
    const files = Array.from(fileList || []);
    if (!files.length) return;
    const { state, announce } = this.context;
    const { added, problems } = await state.addFiles(files);
    this.el.input.value = "";
    this.showProblems(problems);
    let message = added ? `${plural(added, "file", "files")} added to the comparison. ` : "No files were added. ";
    const words = terms(this.context.framework);
    message += `${plural(state.entries.length, words.organisation, words.organisations)} in the comparison.`;
    if (problems.length) {
      message += ` ${plural(problems.length, "file", "files")} could not be included: the list above the comparison says why.`;
    }
    announce(message);
  }

  /** @param {import("./state.mjs").Problem[]} problems */
  showProblems(problems) {
    const list = this.find("ul.cif-group-problems");
    list.textContent = "";
    for (const problem of problems) {
      const item = make(this.doc, "li", `cif-group-problem cif-group-problem--${problem.status}`);
      item.appendChild(sentence(make(this.doc, "strong", "cif-group-problem__file"), [problem.name]));
      if (problem.status === "foreign") item.appendChild(make(this.doc, "span", "cif-tag cif-tag--foreign", "Another framework"));
      item.appendChild(make(this.doc, "span", "cif-group-problem__reason", problem.reason));
      list.appendChild(item);
    }
    this.el.problems.hidden = !problems.length;
  }

  /** The list of files in the comparison, in the comparison's order, an organisation's rounds
   * together (baseline first); built in a fragment and put in at once. */
  render() {
    const { state } = this.context;
    const rows = state.comparison.rows;
    this.el.none.hidden = rows.length > 0;
    const fragment = this.doc.createDocumentFragment();
    // A round is listed by the name its own file gives the organisation (as the CSV does); an
    // organisation of one file by the name the heatmap gives it, which tells apart two that share one.
    for (const row of rows) {
      row.rounds.forEach((round, r) => {
        const name = state.hideNames ? row.code : row.rounds.length > 1 ? round.name : row.name;
        fragment.appendChild(this.item(row, round, r, name));
      });
    }
    this.el.list.replaceChildren(fragment);
  }

  /** @param {import("./state.mjs").Row} row @param {import("./state.mjs").Row["rounds"][number]} round
   * @param {number} index the round's number less one @param {string} name */
  item(row, round, index, name) {
    const { doc } = this;
    const { entry } = round;
    const item = make(doc, "li", "cif-group-file");
    item.setAttribute("data-entry", String(entry.key));
    item.appendChild(bdi(doc, "cif-group-file__name", name));
    const count = row.rounds.length;
    const which = count > 1 ? `round ${index + 1} of ${count}` : "";
    if (which) item.appendChild(make(doc, "span", "cif-tag cif-tag--round", `Round ${index + 1} of ${count}`));
    if (!this.context.state.hideNames) {
      item.appendChild(sentence(make(doc, "span", "cif-group-file__detail"), `${row.code}, from the file `, [entry.name]));
    }
    if (entry.otherVersion) {
      item.appendChild(make(doc, "span", "cif-tag cif-tag--version", `Another version (${entry.otherVersion})`));
      item.appendChild(make(doc, "span", "cif-group-file__note", versionNote(this.context.framework.version, entry)));
    }
    const button = make(doc, "button", "cif-link-button cif-group-file__remove", "Remove");
    button.type = "button";
    button.setAttribute("data-remove", String(entry.key));
    button.appendChild(sentence(make(doc, "span", "cif-visually-hidden"), " ", [name], which ? `, ${which}` : ""));
    item.appendChild(button);
    return item;
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const button = /** @type {Element} */ (event.target).closest("button[data-remove]");
    if (button) this.remove(Number(button.getAttribute("data-remove")));
  }

  /** Removes a file, then puts focus on the Remove button now in its place (or the chooser).
   * @param {number} key */
  remove(key) {
    /** @returns {HTMLButtonElement[]} */
    const buttons = () => all(this.el.list, "[data-remove]");
    const position = buttons().findIndex((button) => Number(button.getAttribute("data-remove")) === key);
    const removed = position < 0 ? "" : this.el.list.querySelectorAll(".cif-group-file__remove")[position].textContent.replace(/^Remove /, "");
    if (!this.context.state.remove(key)) return;
    const left = buttons();
    const next = left[Math.min(position, left.length - 1)];
    (next || this.el.input).focus();
    const words = terms(this.context.framework);
    const count = plural(this.context.state.entries.length, words.organisation, words.organisations);
    this.context.announce(`Removed ${removed} from the comparison. ${count} left.`);
  }
}
