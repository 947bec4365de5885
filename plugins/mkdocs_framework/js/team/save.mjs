/* Saving the team's assessment: how many criteria have an agreed level, the name, who took part,
 * the Save button, and once saved, the link that opens it in the form. Also clears the page for
 * the next team.
 */

import * as model from "../core/model.mjs";
import * as team from "../core/team.mjs";
import { MAX_TEXT } from "../core/decode.mjs";
import { download, sentence } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";
import { defaultTeamName } from "./state.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */
/** @typedef {import("./state.mjs").Change} Change */

const FAILED = {
  full: "The team's assessment could not be saved: this browser's storage for the site is full. Delete an assessment you no longer need in the form, then try again.",
  blocked: "The team's assessment could not be saved: this browser does not let the site save anything. Allow site data for this site, then try again.",
  newer: "The team's assessment could not be saved: the assessments on this device were saved by a newer version of the form.",
  unreadable: "The team's assessment could not be saved: the assessments already on this device cannot be read, and are never written over. Open the form to export them first.",
  failed: "The team's assessment could not be saved. Try again.",
};

/** "1.2": a criterion's number in its dimension. @param {any} info @param {string} id */
function criterionNumber(info, id) {
  const { dimension } = info.criteria.get(id);
  const index = dimension.criteria.findIndex((/** @type {{id: string}} */ c) => c.id === id);
  return `${dimension.number}.${index + 1}`;
}

/** @extends {Component<TeamContext>} */
export class TeamSave extends Component {
  static moduleName = "cif-team-save";
  static elements = { name: "#cif-team-name", saved: "#cif-team-saved", error: "#cif-team-save-error", changed: "#cif-team-changed" };

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    this.on(this.find("#cif-team-save"), "click", () => this.save());
    this.on(this.find("#cif-team-clear"), "click", () => this.clear());
    this.on(this.find("#cif-team-aside-download"), "click", () => this.downloadAside());
    /** @type {import("../core/model.mjs").NotCarried[]} */
    this.aside = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.asideTimer = undefined;
    this.keep(() => clearTimeout(this.asideTimer));
    this.on(this.el.name, "input", () => context.state.setName(this.el.name.value));
    this.render();
    if (context.state.work.savedId) this.showSaved(true);
  }

  /** @param {Change} change */
  update(change) {
    if (change === "saved") return;
    this.render();
    if (change !== "options" && this.context.state.work.savedId) this.el.changed.hidden = false;
  }

  render() {
    const { state, info } = this.context;
    const people = state.people;
    this.find("#cif-team-save-waiting").hidden = people.length > 0;
    this.find("#cif-team-save-form").hidden = people.length === 0;
    if (!people.length) return;
    const agreed = state.agreedCounts();
    const rest = agreed.counts.blank;
    let text = `Agreed levels: ${agreed.text}.`;
    if (rest) text += ` The ${model.plural(rest, "criterion", "criteria")} not answered stay unanswered in the team's assessment; you can answer them later in the form.`;
    text += " Each person's notes, named by person, and the notes on the discussion are saved in each dimension's notes.";
    this.find("#cif-team-save-summary").textContent = text;
    this.checkAside();
    if (this.doc.activeElement !== this.el.name) {
      this.el.name.value = state.work.name || defaultTeamName();
    }
    const who = this.find("#cif-team-participants");
    // Beyond a leadership team, a sentence of every name is too long to read: the list above has them.
    if (people.length > team.ROWS_UP_TO) who.textContent = `Who took part: ${model.plural(people.length, "person", "people")} (each is in the list of people above; every name is saved with the assessment).`;
    else if (state.work.hideNames) who.textContent = `Who took part: ${model.plural(people.length, "person", "people")} (names hidden on screen; they are saved with the assessment).`;
    else sentence(who, "Who took part: ", [team.joinNames(people.map((p, i) => p.name.trim() || `Respondent ${i + 1}`))], ".");
  }

  /** Works out, a moment after the latest change (not at every key pressed in a note), which notes
   * would not fit in the team's assessment. */
  checkAside() {
    clearTimeout(this.asideTimer);
    this.asideTimer = setTimeout(() => this.showAside(team.notesAside(this.context.state.draft())), 200);
  }

  /** Says truthfully where the notes that do not fit went: kept whole with the team's assessment
   * and in its exports (core/team.mjs teamAssessment), and offers them as a file to read.
   * @param {import("../core/model.mjs").NotCarried[]} aside */
  showAside(aside) {
    const { info } = this.context;
    const box = this.find("#cif-team-aside");
    box.hidden = !aside.length;
    this.aside = aside;
    if (!aside.length) return;
    const limit = MAX_TEXT.toLocaleString("en-GB");
    const where = [...new Set(aside.map((entry) => `${info.dimensions.get(entry.id)?.number}. ${info.dimensions.get(entry.id)?.name}`))].join("; ");
    this.find("#cif-team-aside-text").textContent =
      `${model.plural(aside.length, "note does", "notes do")} not fit in the team's assessment's notes on ${where} ` +
      `(each holds at most ${limit} characters). The team's assessment keeps ${aside.length === 1 ? "it" : "them"} whole, apart from its notes, and so does every file exported from it, ` +
      `but the form does not show ${aside.length === 1 ? "it" : "them"}: every note is shown whole on this page, and you can download the ones that do not fit.`;
  }

  /** The notes that do not fit, as a text file: each named by dimension, field and person. */
  downloadAside() {
    const { info, state } = this.context;
    const fields = /** @type {{id: string, label: string}[]} */ (info.framework.notes || []);
    const parts = (this.aside || []).map((entry) => {
      const dimension = info.dimensions.get(entry.id);
      const [kind, text] = Object.entries(entry.value).find(([key]) => key !== "person") || ["", ""];
      const label = fields.find((field) => field.id === kind)?.label || kind;
      const who = entry.value.person ? `, ${entry.value.person}` : ", the team's discussion";
      return `${dimension?.number}. ${dimension?.name}: ${label}${who}\n\n${text}`;
    });
    const name = `${state.work.name || defaultTeamName()} - notes that do not fit.txt`.replace(/[\\/:*?"<>|]+/g, "-");
    download(this.doc, `${parts.join("\n\n----------\n\n")}\n`, name, "text/plain");
    this.context.announce("The notes that do not fit are downloaded as a text file.");
  }

  save() {
    const { state, announce } = this.context;
    if (!state.work.name) state.work.name = this.el.name.value;
    const result = state.save();
    this.el.error.hidden = result.ok;
    if (!result.ok) {
      this.el.error.textContent = FAILED[/** @type {keyof typeof FAILED} */ (result.error)] || FAILED.failed;
      return;
    }
    this.showSaved(result.again);
    this.showKept(result.kept);
    clearTimeout(this.asideTimer);
    this.showAside(team.notesAside(state.work.savedAs));
    this.el.changed.hidden = true;
    this.el.saved.focus();
    const aside = this.aside.length ? this.find("#cif-team-aside-text").textContent : "";
    announce(`${this.find("#cif-team-saved-text").textContent} ${result.kept.length ? this.find("#cif-team-kept-edits").textContent : ""} ${aside}`.trim());
  }

  /** Says which changes made in the form since the last save were kept, rather than written over.
   * @param {import("../core/team.mjs").KeptEdit[]} kept */
  showKept(kept) {
    const { info } = this.context;
    const line = this.find("#cif-team-kept-edits");
    line.hidden = !kept.length;
    if (!kept.length) return;
    const parts = kept.map((edit) => {
      if (edit.kind === "note") {
        const dimension = info.dimensions.get(edit.id);
        const kinds = /** @type {{id: string, label: string}[]} */ (info.framework.notes || []);
        const label = kinds.find((kind) => kind.id === edit.noteKind)?.label || edit.noteKind;
        const what = `the note \u201c${label}\u201d on ${dimension ? `${dimension.number}. ${dimension.name}` : edit.id}`;
        return edit.added ? `${what} (the discussion's new lines are added after what was typed in the form)` : `${what} (as typed in the form)`;
      }
      if (edit.kind === "answer") {
        const number = criterionNumber(info, edit.id);
        const form = edit.theirs ? model.answerText(info, edit.theirs) : "no answer";
        return `the level of ${number} (${form}, as chosen in the form; the team view has ${model.answerText(info, edit.mine || "")}: change it in the form if the team's is right)`;
      }
      return `the ${edit.id === "participants" ? "list of who took part" : edit.id}`;
    });
    line.textContent = `Changes made in the form since the last save were kept, not written over: ${parts.join("; ")}.`;
  }

  /** @param {boolean} again */
  showSaved(again) {
    const name = this.context.state.work.savedAs?.name || "";
    const text = this.find("#cif-team-saved-text");
    const lead = again ? "Saved again: the team's assessment " : "Saved: the team's assessment ";
    sentence(text, lead, "\u201c", [name], "\u201d", " is on this device, in the form's list of assessments, and is the one the form opens.");
    this.el.saved.hidden = false;
  }

  clear() {
    this.context.state.clear();
    this.el.saved.hidden = true;
    this.find("#cif-team-kept-edits").hidden = true;
    this.el.error.hidden = true;
    this.el.name.value = "";
    this.context.announce("The page has been cleared. The team's assessment, if you saved it, is still in the form.");
    /** @type {HTMLElement} */ (this.doc.getElementById("cif-team-files"))?.focus();
  }
}
