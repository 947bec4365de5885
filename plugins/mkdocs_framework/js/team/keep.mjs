/* What the page says when the tab cannot keep the work: at once, as an alert, with two ways to keep
 * it (save the team's assessment on this device, or download it as a file the form opens); and after
 * a reload, that what came back is the work as the tab last kept it. Nothing is lost without a word.
 */

import * as transfer from "../core/transfer.mjs";
import { download } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */

const UNKEPT = {
  full: "Your latest changes could not be kept in this browser tab: its storage is full.",
  blocked: "Your latest changes could not be kept in this browser tab: this browser does not let the site keep anything.",
  failed: "Your latest changes could not be kept in this browser tab.",
};
const KEEP = " They are still on this page, but would be lost if the page were reloaded or closed. Keep them now: save the team's assessment on this device, or download it as a file the form can open.";

/** "16:05" in the person's time. @param {string} iso */
function clock(iso) {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? "" : when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** @extends {Component<TeamContext>} */
export class TeamKeep extends Component {
  static moduleName = "cif-team-keep";
  static elements = { text: "#cif-team-keep-text", actions: "#cif-team-keep-actions" };

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    const { state } = context;
    // Said for as long as the page is open: the reload brought back older work than was on the page.
    this.stale = state.staleSince ? this.staleText(state.staleSince, state.people.length > 0) : "";
    this.on(this.find("#cif-team-keep-save"), "click", () => /** @type {HTMLElement} */ (this.doc.getElementById("cif-team-save")).click());
    this.on(this.find("#cif-team-keep-download"), "click", () => this.download());
    this.render();
  }

  update() {
    this.render();
  }

  /** @param {string} since @param {boolean} any people came back */
  staleText(since, any) {
    const at = since === "unknown" ? "" : clock(since);
    const when = at ? ` after ${at}` : "";
    return any
      ? `This tab could not keep the work on this page${when}. What is shown is the work as the tab last kept it: changes made after that were lost when the page was reloaded.`
      : `This tab could not keep the work on this page${when}, so the reload could not bring it back. Add people's answers again.`;
  }

  render() {
    const { state } = this.context;
    const now = state.unkept ? `${UNKEPT[state.unkept]}${KEEP}` : "";
    const text = [now, this.stale].filter(Boolean).join(" ");
    this.root.hidden = !text;
    if (this.el.text.textContent !== text) this.el.text.textContent = text;
    this.el.actions.hidden = !(state.unkept && state.people.length);
  }

  download() {
    const { info, state } = this.context;
    const draft = state.draft();
    download(this.doc, transfer.exportJson(info, draft), transfer.fileName(draft, "json"), "application/json");
    this.context.announce("The team's assessment is downloaded as a file. Open it in the form with Import answers.");
  }
}
