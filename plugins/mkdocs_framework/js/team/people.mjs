/* The team view's people: the file chooser in a box that also takes dropped files, the box for
 * pasted results links, what could not be added and why, and the list of people, each with a name
 * the facilitator can change and a Remove button. Many files are read in chunks, with progress
 * said as they are read; the list shows people PAGE at a time, so a large group never builds a
 * page of tens of thousands of elements.
 */

import { longDate, plural } from "../core/model.mjs";
import { MAX_PEOPLE } from "../core/team.mjs";
import { account } from "../results/account.mjs";
import { all, make, sentence } from "../ui/dom.mjs";
import { Component, acceptDroppedFiles } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */
/** @typedef {import("./state.mjs").Change} Change */
/** @typedef {import("./state.mjs").Outcome} Outcome */

/* How many more people each "Show more" adds to the list. */
const PAGE = 50;

/** @extends {Component<TeamContext>} */
export class TeamPeople extends Component {
  static moduleName = "cif-team-people";
  static elements = {
    input: "#cif-team-files", drop: "#cif-team-drop", links: "#cif-team-links",
    problems: "#cif-team-problems", duplicates: "#cif-team-duplicates", none: "#cif-team-none",
    list: "#cif-team-people", progress: "#cif-team-progress", more: "#cif-team-more-people",
  };

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    this.shown = PAGE;
    this.on(this.find("#cif-team-show-more"), "click", () => this.showMore());
    this.on(this.el.input, "change", () => this.addFiles(this.el.input.files));
    this.on(this.find("#cif-team-add-links"), "click", () => this.addLinks());
    this.on(this.el.list, "click", (event) => this.onClick(event));
    this.on(this.el.list, "input", (event) => this.onRename(event));
    acceptDroppedFiles(this, this.el.drop, (files) => this.addFiles(files));
    this.render();
    if (context.state.restored) {
      context.announce(`${plural(context.state.people.length, "person's answers are", "people's answers are")} still open from before the page was reloaded.`);
    }
    // A browser may keep files chosen before a reload; read them like a fresh choice.
    if (this.el.input.files?.length) this.addFiles(this.el.input.files);
  }

  /** @param {Change} change */
  update(change) {
    if (change === "people" || change === "options") this.render();
  }

  /** @param {FileList | null} fileList */
  async addFiles(fileList) {
    const files = Array.from(fileList || []);
    if (!files.length) return;
    const outcome = await this.context.state.addFiles(files, (done, total) => {
      this.el.progress.textContent = `Reading the files: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}.`;
    });
    this.el.progress.textContent = "";
    this.el.input.value = "";
    this.report(outcome);
  }

  addLinks() {
    const text = this.el.links.value;
    if (!text.trim()) {
      this.report({ added: 0, duplicates: [], refused: [], notesBack: false, problems: [{ status: "broken", source: "The box for links", reason: "It is empty. Paste a link to someone's results first." }] });
      this.el.links.focus();
      return;
    }
    const outcome = this.context.state.addLinks(text);
    if (!outcome.problems.length) this.el.links.value = "";
    this.report(outcome);
  }

  /** Shows what could not be added and what was already there, then says what happened.
   * @param {Outcome} outcome */
  report(outcome) {
    const { state, announce } = this.context;
    const list = this.find("#cif-team-problems-list");
    list.textContent = "";
    const problems = [...outcome.problems];
    if (outcome.refused.length) {
      const count = plural(outcome.refused.length, "file or link was", "files or links were");
      const first = outcome.refused.length > 1 ? `, from ${outcome.refused[0]} on` : `: ${outcome.refused[0]}`;
      problems.unshift({
        status: "broken",
        source: `${count} not added${first}`,
        reason: `The team view holds at most ${MAX_PEOPLE.toLocaleString("en-GB")} people, and is full. Remove people you no longer need, or open fewer files.`,
      });
    }
    for (const problem of problems) {
      const item = make(this.doc, "li", `cif-team-problem cif-team-problem--${problem.status}`);
      item.appendChild(sentence(make(this.doc, "strong", "cif-team-problem__source"), [problem.source]));
      item.appendChild(this.doc.createTextNode(": "));
      item.appendChild(make(this.doc, "span", "cif-team-problem__reason", problem.reason));
      list.appendChild(item);
    }
    this.el.problems.hidden = !problems.length;
    const dupes = outcome.duplicates;
    if (dupes.length) {
      const names = dupes.map((name) => /** @type {[string]} */ ([name]));
      const parts = names.flatMap((name, i) => (i ? [i === names.length - 1 ? " and " : ", ", name] : [name]));
      const same = dupes.length === 1 ? " holds the same answers as someone already added, so it is counted once." : " hold the same answers as people already added, so each is counted once.";
      sentence(this.el.duplicates, ...parts, same);
    }
    this.el.duplicates.hidden = !dupes.length;
    let message = outcome.added ? `${plural(outcome.added, "person", "people")} added. ` : "No one was added. ";
    if (dupes.length) message += `${plural(dupes.length, "answer was", "answers were")} already open, so counted once. `;
    const failed = outcome.problems.length + outcome.refused.length;
    if (failed) message += `${plural(failed, "file or link", "files or links")} could not be added: the list above the people says why. `;
    message += `${plural(state.people.length, "person", "people")} in the team view.`;
    announce(message);
    if (failed) this.el.problems.focus();
  }

  /** Shows PAGE more people, and puts focus on the first of them. */
  showMore() {
    const first = this.shown;
    this.shown += PAGE;
    this.render();
    /** @type {HTMLElement | undefined} */ (all(this.el.list, "input, .cif-team-person__name")[first])?.focus();
  }

  render() {
    const { state } = this.context;
    this.el.list.textContent = "";
    this.el.none.hidden = state.people.length > 0;
    const shown = Math.min(this.shown, state.people.length);
    for (let index = 0; index < shown; index += 1) this.el.list.appendChild(this.person(index));
    const rest = state.people.length - shown;
    this.el.more.hidden = rest <= 0;
    if (rest > 0) {
      this.find("#cif-team-show-more").textContent = `Show ${Math.min(rest, PAGE)} more of the ${state.people.length.toLocaleString("en-GB")} people (${rest.toLocaleString("en-GB")} not shown)`;
    }
  }

  /** One person's entry in the list. @param {number} index */
  person(index) {
    const { state, info } = this.context;
    const person = state.people[index];
    const item = make(this.doc, "li", "cif-team-person");
    const label = state.nameOf(index);
    if (state.work.hideNames) item.appendChild(make(this.doc, "strong", "cif-team-person__name", label));
    else {
      const field = make(this.doc, "div", "cif-field cif-team-person__field");
      const id = `cif-team-name-${person.key}`;
      const labelNode = make(this.doc, "label", "cif-label", `Name of person ${index + 1}`);
      labelNode.htmlFor = id;
      const input = make(this.doc, "input", "cif-input");
      input.type = "text";
      input.id = id;
      input.maxLength = 120;
      input.autocomplete = "off";
      input.value = person.name;
      input.setAttribute("data-rename", String(person.key));
      field.append(labelNode, input);
      item.appendChild(field);
    }
    const a = person.assessment;
    // Counted as the form counts them (a "Not sure yet" is not answered), from the account.
    const counts = `${account(info, a).words.counts}.`;
    const detail = make(this.doc, "p", "cif-team-person__detail");
    if (state.work.hideNames) detail.textContent = counts;
    else {
      const from = person.kind === "file" ? ["From the file ", [person.source]] : ["From a results link"];
      const named = a.name ? [", \u201c", [a.name], "\u201d"] : [];
      const dated = a.date ? `, ${longDate(a.date)}` : "";
      sentence(detail, .../** @type {(string|[string])[]} */ ([...from, ...named, `${dated}. ${counts}`]));
    }
    item.appendChild(detail);
    if (person.otherVersion) {
      item.appendChild(make(this.doc, "p", "cif-team-person__detail", `Made with version ${person.otherVersion} of the framework; its answers were carried over to version ${info.framework.version}.`));
    }
    const button = make(this.doc, "button", "cif-link-button cif-team-person__remove", "Remove");
    button.type = "button";
    button.setAttribute("data-remove", String(person.key));
    button.appendChild(sentence(make(this.doc, "span", "cif-visually-hidden"), " ", [label]));
    item.appendChild(button);
    return item;
  }

  /** @param {Event} event */
  onRename(event) {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const key = input.getAttribute("data-rename");
    if (key) this.context.state.rename(Number(key), input.value);
  }

  /** @param {MouseEvent} event */
  onClick(event) {
    const button = /** @type {Element} */ (event.target).closest("button[data-remove]");
    if (button) this.remove(Number(button.getAttribute("data-remove")));
  }

  /** Removes a person, then puts focus on the Remove button now in its place (or the chooser).
   * @param {number} key */
  remove(key) {
    const { state } = this.context;
    const index = state.people.findIndex((p) => p.key === key);
    if (index < 0) return;
    const name = state.nameOf(index);
    state.remove(key);
    /** @type {HTMLButtonElement[]} */
    const left = all(this.el.list, "[data-remove]");
    (left[Math.min(index, left.length - 1)] || this.el.input).focus();
    this.context.announce(`Removed ${name}. ${plural(state.people.length, "person", "people")} left.`);
  }
}
