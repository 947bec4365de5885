/* The team view's main region: for each dimension, each person's result and the spread, and the
 * notes each person wrote on it beside it (as typed, named by the row's person); for each criterion, each person's answer, the spread, a mark in words where people are two or more levels
 * apart, the agreed level (the median offered as a suggestion) and a note on the disagreement.
 * Drawn again when people are added or removed; names, agreed levels and notes are updated in place
 * so that focus and typing are never disturbed. With more than team.ROWS_UP_TO people, each table
 * counts people per answer (or per result) instead of giving each person a row, and who gave which
 * is drawn only when asked for ("Who gave each answer"), so the page stays the same size however
 * many files are opened.
 * "Accept every criterion where everyone agrees" sets, in one action, the agreed level of each
 * criterion where everyone gave the same level (or Not applicable); criteria with an agreed level
 * are folded into one disclosure per dimension each time the region is drawn (never while the
 * facilitator is choosing, so nothing moves under them), leaving the ones to discuss in view.
 */

import * as model from "../core/model.mjs";
import * as team from "../core/team.mjs";
import { scoreDimension } from "../core/scoring.mjs";
import { dimensionAccount } from "../results/account.mjs";
import { WORDS, count } from "../results/words.mjs";
import { all, bdi, make } from "../ui/dom.mjs";
import { Component } from "../ui/component.mjs";

/** @typedef {import("./index.mjs").TeamContext} TeamContext */
/** @typedef {import("./state.mjs").Change} Change */

/* Notes longer than this (about a screen's paragraph) are shown whole on demand. */
const LONG_NOTE = 800;
/** @typedef {import("../core/team.mjs").CriterionView} CriterionView */
/** @typedef {import("../core/team.mjs").DimensionView} DimensionView */

/** @extends {Component<TeamContext>} */
export class TeamCriteria extends Component {
  static moduleName = "cif-team-criteria";
  static elements = { waiting: "#cif-team-waiting", results: "#cif-team-results", holder: "#cif-team-dimensions", accepted: "#cif-team-accepted" };

  /** @param {HTMLElement} root @param {TeamContext} context */
  constructor(root, context) {
    super(root, context);
    /** @type {CriterionView[] | null} the criteria as last drawn */
    this.views = null;
    this.on(this.el.holder, "change", (event) => this.onChange(event));
    this.on(this.el.holder, "input", (event) => this.onInput(event));
    this.on(this.find("#cif-team-accept"), "click", () => this.accept());
    // A link to a criterion folded away opens its disclosure first, so the link lands on it.
    this.on(this.root, "click", (event) => this.unfoldTarget(event));
    this.render();
  }

  /** @param {Change} change */
  update(change) {
    if (change === "people" || change === "accepted") this.render();
    else if (change === "names" || change === "options") this.renameAll();
    if (change === "agreed") this.countAgreed();
  }

  /** "2.3 Emerging, from 3 of 4 criteria", "No result yet" or "Not applicable": the account's words,
   * as the form says them. @param {import("../core/scoring.mjs").DimensionResult} result */
  resultText(result) {
    const d = dimensionAccount(this.context.info, result);
    return d.level === null ? d.words.level : `${d.words.result}, ${d.words.coverage}`;
  }

  render() {
    const { state, info } = this.context;
    const people = state.people.map((p) => p.assessment);
    this.el.waiting.hidden = people.length > 0;
    this.el.results.hidden = people.length === 0;
    this.el.holder.textContent = "";
    this.el.accepted.hidden = true;
    if (!people.length) return;
    const views = team.criteria(info, people, (a) => state.rowOf(a));
    const dims = team.dimensions(info, people, (a) => state.resultsOf(a));
    this.views = views;
    this.summary(views, dims);
    this.countAgreed();
    this.notesKept();
    for (const dim of dims) {
      const section = make(this.doc, "section", "cif-team-dimension");
      const headingId = `cif-team-dim-${dim.dimension.id}`;
      section.setAttribute("aria-labelledby", headingId);
      const heading = make(this.doc, "h3", "cif-team-dimension__title", `${dim.dimension.number}. ${dim.dimension.name}`);
      heading.id = headingId;
      section.appendChild(heading);
      section.appendChild(this.dimensionTable(dim));
      section.appendChild(this.spreadLine(dim.lowest, dim.highest, dim.apart ? Number(dim.highest) - Number(dim.lowest) : 0, "Spread of results"));
      const teamLine = make(this.doc, "p", "cif-team-agreed-result");
      teamLine.setAttribute("data-team-result", dim.dimension.id);
      section.appendChild(teamLine);
      const mine = views.filter((v) => v.dimension === dim.dimension);
      const agreed = mine.filter((v) => this.isAgreed(v.criterion.id));
      for (const view of mine.filter((v) => !this.isAgreed(v.criterion.id))) section.appendChild(this.criterion(view));
      if (agreed.length) section.appendChild(this.folded(dim, agreed));
      this.el.holder.appendChild(section);
      this.teamResult(dim.dimension.id);
    }
  }

  /** @param {string} id */
  isAgreed(id) {
    const { agreed } = this.context.state.work;
    return model.has(agreed, id) && Boolean(agreed[id]);
  }

  /** The criteria with an agreed level, folded into a disclosure: the page stays short and the
   * ones left to discuss stay in view. @param {DimensionView} dim @param {CriterionView[]} agreed */
  folded(dim, agreed) {
    const details = make(this.doc, "details", "cif-team-folded");
    details.setAttribute("data-folded", dim.dimension.id);
    const noun = WORDS.nouns.criterion[agreed.length === 1 ? 0 : 1];
    details.appendChild(make(this.doc, "summary", "", `Show ${agreed.length} agreed ${noun} in ${dim.dimension.number}. ${dim.dimension.name}`));
    for (const view of agreed) details.appendChild(this.criterion(view));
    return details;
  }

  /** What a person wrote on a dimension, as typed, each note under its field's label; "No notes"
   * when they wrote none. @param {number} index the person @param {string} dimensionId */
  notesCell(index, dimensionId) {
    const { info, state } = this.context;
    const td = make(this.doc, "td", "cif-team-notes");
    const notes = team.notesOf(info, state.people[index].assessment, dimensionId);
    if (!notes.length) td.textContent = "No notes";
    for (const note of notes) {
      const text = bdi(this.doc, "cif-team-note__text", note.text);
      // A long note is one click away, whole, so that it does not make the page many screens longer.
      if (note.text.length > LONG_NOTE) {
        const details = make(this.doc, "details", "cif-team-note cif-team-note--long");
        const summary = make(this.doc, "summary", "", `${note.label}: a long note (${note.text.length.toLocaleString("en-GB")} characters). Show it`);
        details.append(summary, text);
        td.appendChild(details);
        continue;
      }
      const p = make(this.doc, "p", "cif-team-note");
      p.append(make(this.doc, "strong", "", `${note.label}:`), " ", text);
      td.appendChild(p);
    }
    return td;
  }

  /** Says when the tab could not keep people's notes (state.mjs): after a reload they are gone
   * from this page until the files are added again; before one, a reload would lose them. */
  notesKept() {
    const { state } = this.context;
    const line = this.find("#cif-team-notes-unkept");
    line.hidden = !state.notesLost && !state.notesUnkept;
    if (state.notesLost) line.textContent = "The notes people wrote in their files could not be brought back when this page was reloaded, so they are not shown and would not be saved with the team's assessment. Add everyone's files again to see their notes and carry them into the team's assessment.";
    else if (state.notesUnkept) line.textContent = "The notes people wrote are too long for this browser tab to keep. They are shown here and will be saved with the team's assessment, but would be lost from this page if it were reloaded: save the team's assessment before you reload or close it.";
  }

  /** How many criteria have an agreed level, as the form counts answers (results/account.mjs). */
  countAgreed() {
    const text = `Agreed levels so far: ${this.context.state.agreedCounts().text}.`;
    const line = this.find("#cif-team-agreed-count");
    if (line.textContent !== text) line.textContent = text;
    return text;
  }

  /** "Accept every criterion where everyone agrees": sets them, draws the page again with them
   * folded away, and says what was done where focus lands (and to screen readers). */
  accept() {
    const { state, announce } = this.context;
    if (!this.views) return;
    const outcome = state.acceptUnanimous(this.views);
    const left = this.views.filter((v) => !this.isAgreed(v.criterion.id));
    const numbers = (/** @type {string[]} */ list) => list.map((id) => this.views?.find((v) => v.criterion.id === id)?.number || id).join(", ");
    let text = outcome.accepted.length
      ? `Accepted ${count(outcome.accepted.length, "criterion")} where everyone gave the same answer.`
      : "No criterion is left where everyone gave the same answer and no level is agreed yet.";
    if (outcome.kept.length) text += ` Where everyone agreed but you had chosen another level, your choice stands: ${numbers(outcome.kept)}.`;
    text += ` ${this.countAgreed()}`;
    text += left.length ? ` Left to discuss: ${count(left.length, "criterion")}, starting with ${left[0].number} ${left[0].criterion.title}.` : " Every criterion has an agreed level.";
    this.el.accepted.textContent = "";
    this.el.accepted.append(text);
    if (left.length) {
      const link = make(this.doc, "a", "", `Go to ${left[0].number} ${left[0].criterion.title}`);
      link.href = `#cif-team-c-${left[0].criterion.id}`;
      this.el.accepted.append(" ", link);
    }
    this.el.accepted.hidden = false;
    this.el.accepted.focus();
    announce(text);
  }

  /** Opens the disclosure a link's target is folded in. @param {Event} event */
  unfoldTarget(event) {
    const link = /** @type {Element} */ (event.target).closest?.("a[href^='#cif-team-c-']");
    if (!link) return;
    const target = this.doc.getElementById(/** @type {string} */ (link.getAttribute("href")).slice(1));
    const details = target?.closest("details");
    if (details) /** @type {HTMLDetailsElement} */ (details).open = true;
  }

  /** The sentence above the criteria, and links to every criterion where people are apart.
   * @param {CriterionView[]} views @param {DimensionView[]} dims */
  summary(views, dims) {
    const { state } = this.context;
    const apart = views.filter((v) => v.apart);
    const apartDims = dims.filter((d) => d.apart).length;
    const count = model.plural(state.people.length, "person", "people");
    let text = `${count} in the team view. `;
    text += apart.length
      ? `People are two or more levels apart on ${model.plural(apart.length, "criterion", "criteria")}`
      : "No criterion has answers two or more levels apart";
    text += apartDims ? ` and on the results of ${model.plural(apartDims, "dimension", "dimensions")}.` : ".";
    if (apart.length) text += " Start with these:";
    this.find("#cif-team-summary").textContent = text;
    const list = this.find("#cif-team-apart-list");
    list.textContent = "";
    for (const view of apart) {
      const link = make(this.doc, "a", "", `${view.number} ${view.criterion.title}`);
      link.href = `#cif-team-c-${view.criterion.id}`;
      const item = make(this.doc, "li");
      item.append(link, ` (${team.spreadText(this.context.info, view.lowest, view.highest)})`);
      list.appendChild(item);
    }
  }

  /** The name cell of person index. @param {number} index */
  who(index) {
    const th = make(this.doc, "th");
    th.scope = "row";
    th.appendChild(bdi(this.doc, "cif-team-who", this.context.state.nameOf(index))).setAttribute("data-person", String(index));
    return th;
  }

  /** One row per person: their name, their value and, for a dimension where anyone wrote notes,
   * what they wrote, beside it. @param {string} caption @param {string} column @param {string[]} values
   * @param {string} [notesOf] the dimension whose notes to show */
  table(caption, column, values, notesOf) {
    const table = make(this.doc, "table", notesOf ? "cif-table cif-team-table cif-team-table--notes" : "cif-table cif-team-table");
    table.appendChild(make(this.doc, "caption", "", caption));
    const head = make(this.doc, "tr");
    for (const text of notesOf ? ["Person", column, "Their notes"] : ["Person", column]) {
      const th = make(this.doc, "th", "", text);
      th.scope = "col";
      head.appendChild(th);
    }
    table.appendChild(make(this.doc, "thead")).appendChild(head);
    const body = make(this.doc, "tbody");
    values.forEach((value, i) => {
      const tr = make(this.doc, "tr");
      tr.append(this.who(i), make(this.doc, "td", "", value));
      if (notesOf) tr.appendChild(this.notesCell(i, notesOf));
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  /** @param {DimensionView} dim */
  dimensionTable(dim) {
    const { info, state } = this.context;
    const id = dim.dimension.id;
    const anyNotes = state.people.some((p) => team.notesOf(info, p.assessment, id).length > 0);
    const caption = anyNotes ? `Each person's result for ${dim.dimension.name}, and the notes they wrote` : `Each person's result for ${dim.dimension.name} (no one wrote notes on it)`;
    const notesOf = anyNotes ? id : undefined;
    if (!this.many()) return this.table(caption, "Result", dim.results.map((r) => this.resultText(r)), notesOf);
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const result of dim.results) {
      const label = dimensionAccount(info, result).words.level;
      counts.set(label, (counts.get(label) || 0) + 1);
    }
    const order = [...info.framework.levels.map((level) => level.label), WORDS.kind["no-result"], WORDS.kind["not-applicable"]];
    const rows = order.filter((label) => counts.has(label)).map((label) => /** @type {[string, number]} */ ([label, counts.get(label) || 0]));
    const box = make(this.doc, "div", "cif-team-counts");
    box.appendChild(this.countTable(`How many people have each result for ${dim.dimension.name}`, "Result", rows));
    box.appendChild(this.onDemand(anyNotes ? "Each person's result and notes" : "Each person's result", () => this.table(caption, "Result", dim.results.map((r) => this.resultText(r)), notesOf)));
    return box;
  }

  /** True when there are too many people for a row each. */
  many() {
    return this.context.state.people.length > team.ROWS_UP_TO;
  }

  /** A table of how many people gave each answer (or have each result).
   * @param {string} caption @param {string} column @param {[string, number][]} rows */
  countTable(caption, column, rows) {
    const table = make(this.doc, "table", "cif-table cif-team-table");
    table.appendChild(make(this.doc, "caption", "", caption));
    const head = make(this.doc, "tr");
    for (const text of [column, "People"]) {
      const th = make(this.doc, "th", "", text);
      th.scope = "col";
      head.appendChild(th);
    }
    table.appendChild(make(this.doc, "thead")).appendChild(head);
    const body = make(this.doc, "tbody");
    for (const [value, count] of rows) {
      const tr = make(this.doc, "tr");
      const th = make(this.doc, "th", "", value);
      th.scope = "row";
      tr.append(th, make(this.doc, "td", "", count.toLocaleString("en-GB")));
      body.appendChild(tr);
    }
    table.appendChild(body);
    return table;
  }

  /** A disclosure whose content is drawn the first time it is opened: the details of many people
   * are built only for the one criterion someone asks about. @param {string} summary @param {() => HTMLElement} draw */
  onDemand(summary, draw) {
    const details = make(this.doc, "details", "cif-team-details");
    details.appendChild(make(this.doc, "summary", "", summary));
    details.addEventListener("toggle", () => {
      if (details.open && details.childElementCount === 1) details.appendChild(draw());
    });
    return details;
  }

  /** "Spread: Emerging to Embedded." with the mark when two or more levels apart.
   * @param {number|null} lowest @param {number|null} highest @param {number} gap @param {string} what */
  spreadLine(lowest, highest, gap, what) {
    const line = make(this.doc, "p", "cif-team-spread", `${what}: ${team.spreadText(this.context.info, lowest, highest)}.`);
    if (gap >= 2) {
      line.append(" ");
      line.appendChild(make(this.doc, "strong", "cif-team-apart", `Two or more levels apart (${gap} levels): discuss`));
    }
    return line;
  }

  /** @param {CriterionView} view */
  criterion(view) {
    const { info, state } = this.context;
    const id = view.criterion.id;
    const box = make(this.doc, "div", view.apart ? "cif-team-criterion cif-team-criterion--apart" : "cif-team-criterion");
    box.id = `cif-team-c-${id}`;
    box.tabIndex = -1;
    box.appendChild(make(this.doc, "h4", "cif-team-criterion__title", `${view.number} ${view.criterion.title}`));
    // The answers, and beside them on a wide screen (team.css) the choice: the page stays short.
    const given = box.appendChild(make(this.doc, "div", "cif-team-criterion__answers"));
    const choice = box.appendChild(make(this.doc, "div", "cif-team-criterion__choice"));
    const answers = () => view.answers.map((value) => team.answerText(info, value));
    if (this.many()) {
      const rows = team.answerCounts(info, view).map((row) => /** @type {[string, number]} */ ([team.answerText(info, row.value), row.count]));
      given.appendChild(this.countTable(`How many people gave each answer to ${view.number}`, "Answer", rows));
      given.appendChild(this.onDemand("Who gave each answer", () => this.table(`Answers to ${view.number}`, "Answer", answers())));
    } else given.appendChild(this.table(`Answers to ${view.number}`, "Answer", answers()));
    given.appendChild(this.spreadLine(view.lowest, view.highest, view.gap, "Spread"));

    const field = make(this.doc, "div", "cif-field");
    const selectId = `cif-team-agreed-${id}`;
    const label = make(this.doc, "label", "cif-label", `Agreed level for ${view.number}`);
    label.htmlFor = selectId;
    const hint = make(this.doc, "p", "cif-hint", this.suggestionText(view));
    hint.id = `${selectId}-hint`;
    const select = make(this.doc, "select", "cif-select");
    select.id = selectId;
    select.setAttribute("data-agreed", id);
    select.setAttribute("aria-describedby", hint.id);
    select.appendChild(this.option("", "Not agreed yet"));
    info.framework.levels.forEach((level, i) => {
      const suggested = level.id === view.suggestion ? " (suggested)" : "";
      select.appendChild(this.option(level.id, `${i + 1} ${level.label}${suggested}`));
    });
    select.appendChild(this.option(model.NOT_SURE, WORDS.answer.not_sure));
    select.appendChild(this.option(model.NOT_APPLICABLE, `${WORDS.answer.not_applicable}${view.suggestion === model.NOT_APPLICABLE ? " (suggested)" : ""}`));
    select.value = model.has(state.work.agreed, id) ? state.work.agreed[id] : "";
    field.append(label, hint, select);
    choice.appendChild(field);

    const noteField = make(this.doc, "div", "cif-field");
    const noteId = `cif-team-note-${id}`;
    const noteLabel = make(this.doc, "label", "cif-label", `Note on the discussion of ${view.number} (optional)`);
    noteLabel.htmlFor = noteId;
    const note = make(this.doc, "textarea", "cif-textarea");
    note.id = noteId;
    note.rows = 2;
    note.maxLength = team.MAX_NOTE;
    note.setAttribute("data-note", id);
    note.value = model.has(state.work.notes, id) ? state.work.notes[id] : "";
    noteField.append(noteLabel, note);
    choice.appendChild(noteField);
    return box;
  }

  /** @param {CriterionView} view */
  suggestionText(view) {
    const { info } = this.context;
    if (view.suggestion === model.NOT_APPLICABLE) return "Suggested: Not applicable, as everyone answered. The choice is the team's.";
    if (!view.suggestion) return "No suggestion: no one gave a level. The choice is the team's.";
    const given = view.levels.filter((level) => level !== null).length;
    const median = given > 1 ? `the median of the ${given} levels given` : "the only level given";
    return `Suggested: ${model.levelLabel(info, view.suggestion)}, ${median}. The choice is the team's.`;
  }

  /** @param {string} value @param {string} text */
  option(value, text) {
    const option = make(this.doc, "option", "", text);
    option.value = value;
    return option;
  }

  /** The dimension's result from the levels agreed so far. @param {string} dimensionId */
  teamResult(dimensionId) {
    const { info, state } = this.context;
    const line = this.el.holder.querySelector(`[data-team-result="${dimensionId}"]`);
    if (!line) return;
    const draft = model.blankAssessment(info);
    const dimension = info.dimensions.get(dimensionId);
    if (!dimension) return;
    for (const criterion of dimension.criteria) {
      if (model.has(state.work.agreed, criterion.id)) draft.answers[criterion.id] = state.work.agreed[criterion.id];
    }
    const result = scoreDimension(info, draft, dimension);
    const agreedCount = dimension.criteria.filter((c) => model.has(state.work.agreed, c.id)).length;
    line.textContent = agreedCount
      ? `Team result from the levels agreed so far: ${this.resultText(result)}.`
      : `Team result: no levels agreed yet for ${dimension.name}.`;
  }

  /** Names shown again after a change of name or of "Hide names", without drawing anything else. */
  renameAll() {
    for (const node of all(this.el.holder, "[data-person]")) node.textContent = this.context.state.nameOf(Number(node.getAttribute("data-person")));
  }

  /** @param {Event} event */
  onChange(event) {
    const select = /** @type {HTMLSelectElement} */ (event.target);
    const id = select.getAttribute("data-agreed");
    if (!id) return;
    this.context.state.setAgreed(id, select.value);
    const criterion = this.context.info.criteria.get(id);
    if (criterion) this.teamResult(criterion.dimension.id);
  }

  /** @param {Event} event */
  onInput(event) {
    const note = /** @type {HTMLTextAreaElement} */ (event.target);
    const id = note.getAttribute("data-note");
    if (id) this.context.state.setNote(id, note.value);
  }
}
