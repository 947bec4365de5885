/* The form's action plan, drawn (in assess-more.js, loaded after the form's first paint by
 * action-plan.mjs): the suggestions of plan.mjs (every criterion below its dimension's target, or
 * the lowest answers when no target is set) and the team's own actions, each with action, owner,
 * due date, priority, status and progress note, saved with the assessment as they are typed; printed
 * on its own, or downloaded as a spreadsheet. User text is only ever set with textContent or value.
 */

import * as model from "../../core/model.mjs";
import { dimensionAccount } from "../../results/account.mjs";
import { levelLabel } from "../../results/words.mjs";
import * as plan from "../../core/plan.mjs";
import * as transfer from "../../core/transfer.mjs";
import { Component } from "../../ui/component.mjs";
import { download, make, find } from "../../ui/dom.mjs";
import { printAs } from "../print.mjs";
import { hiddenText, nameOf } from "./shared.mjs";
import { dateFieldOk } from "../date-field.mjs";

/** @typedef {import("./shared.mjs").Assessment} Assessment */
/** @typedef {import("./shared.mjs").PageContext} PageContext */
/** @typedef {import("../../core/plan.mjs").Item} Item */
/** @typedef {import("../../core/plan.mjs").Section} Section */
/** @typedef {import("../../core/plan.mjs").Plan} Plan */
/** @typedef {import("../../core/model.mjs").PlanEntry} PlanEntry */
/** @typedef {import("../../core/model.mjs").OwnAction} OwnAction */
/** @typedef {{kind: "item" | "own", id: string, about: string}} Target  what a field belongs to */

const FIELDS = ["action", "owner", "due", "priority", "status", "progress"];

/** What prints in place of a field. @param {PlanEntry} entry @param {string} field */
function printedText(entry, field) {
  return `${plan.FIELD_LABELS[field]}: ${plan.fieldText(entry, field) || "\u2013"}`;
}

/** @extends {Component<PageContext>} */
export class ActionPlanView extends Component {
  /** @param {HTMLElement} root @param {PageContext} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.ctx = ctx;
    this.doc = ctx.doc;
    this.printTitle = find(root, "#cif-plan-print-title");
    this.printMeta = find(root, "#cif-plan-print-meta");
    this.basis = find(root, "#cif-plan-basis");
    this.body = find(root, "#cif-plan-body");
    this.own = find(root, "#cif-plan-own");
    this.printButton = find(root, "#cif-print-plan");
    this.exportButton = find(root, "#cif-export-plan");
    this.addButton = find(root, "#cif-plan-add");
    /** Which plan is shown: the assessment and its items, not what was written in them. @type {string | null} */
    this.shown = null;
    /** Which own actions are shown (their ids). @type {string | null} */
    this.shownOwn = null;

    this.on(root, "input", (event) => this.onInput(event));
    this.on(root, "change", (event) => this.onInput(event));
    this.on(root, "click", (event) => this.onClick(event));
    this.on(this.printButton, "click", () => printAs(ctx.doc, "plan"));
    this.on(this.exportButton, "click", () => this.download());
    this.on(this.addButton, "click", () => this.add());
    for (const node of [this.printButton, this.exportButton, this.addButton]) node.disabled = false;
  }

  /** Shows the open assessment's plan. Parts are drawn again only when the plan itself changed (or
   * redraw is true, when the assessment was replaced), so typing in them is never interrupted.
   * @param {boolean} [redraw] */
  render(redraw) {
    if (redraw) this.shown = this.shownOwn = null;
    const assessment = this.ctx.state.assessment;
    const framework = this.ctx.state.info.framework;
    this.printTitle.textContent = "Action plan: " + nameOf(assessment);
    const version = `${framework.shortTitle}, version ${framework.version}`;
    this.printMeta.textContent = [assessment.authority, assessment.date, version].filter(Boolean).join(" \u00b7 ");
    const generated = plan.generate(this.ctx.state.info, assessment);
    const shown = assessment.id + "|" + plan.signature(generated);
    if (shown !== this.shown) {
      this.shown = shown;
      // The form's introduction says how suggestions are chosen from targets; without targets, say so.
      this.basis.textContent = generated.lowest ? plan.basisText(generated) : "";
      const sections = generated.sections.map((section) => this.section(assessment, section, generated.lowest));
      const messages = this.messages(generated).map((text) => make(this.doc, "p", "cif-plan__message", text));
      this.body.replaceChildren(...sections, ...messages);
    }
    /** @type {OwnAction[]} */
    const actions = assessment.actions || [];
    const ownIds = assessment.id + "|" + actions.map((a) => a.id).join(",");
    if (ownIds !== this.shownOwn) {
      this.shownOwn = ownIds;
      this.own.replaceChildren(...actions.map((action, i) => this.ownAction(action, i + 1)));
    }
    this.addButton.hidden = (assessment.actions || []).length >= plan.MAX_ACTIONS;
    const empty = !generated.sections.length && !(assessment.actions || []).length;
    this.exportButton.hidden = empty;
    this.printButton.hidden = empty;
  }

  /** A dimension with criteria to work on. @param {Assessment} assessment @param {Section} section @param {boolean} lowest */
  section(assessment, section, lowest) {
    const { dimension, result } = section;
    const facts = dimensionAccount(this.ctx.state.info, result);
    const block = make(this.doc, "section", "cif-plan__section");
    block.setAttribute("aria-labelledby", "plan-" + dimension.id);
    const heading = make(this.doc, "h3", "", `${dimension.number}. ${dimension.name}`);
    heading.id = "plan-" + dimension.id;
    // The dimension's result and target in the account's words (results/account.mjs).
    const now = result.level ? `Now ${facts.words.result}, ${facts.words.coverage}.` : "";
    const status = lowest ? now : `${now} Target ${facts.words.target}.`.trim();
    block.append(heading);
    if (status) block.append(make(this.doc, "p", "cif-plan__status", status));
    block.append(...section.items.map((item) => this.item(assessment, item)));
    return block;
  }

  /** What to do to see (more of) a plan. @param {Plan} generated @returns {string[]} */
  messages(generated) {
    const messages = [];
    if (!generated.sections.length) {
      messages.push(
        generated.atTarget
          ? "Every criterion of every dimension with a target has reached it. Set higher targets to plan further improvement, or add actions of your own."
          : "Set a target level for a dimension, and answer its criteria, to see what to work towards."
      );
    }
    const waiting = generated.waiting;
    if (waiting.length) {
      const names = waiting.map((d) => `${d.number}. ${d.name}`).join(", ");
      messages.push(`Answer the criteria for ${names} to add ${waiting.length === 1 ? "it" : "them"} to the plan.`);
    }
    return messages;
  }

  /** A suggested item. @param {Assessment} assessment @param {Item} item */
  item(assessment, item) {
    const framework = this.ctx.state.info.framework;
    const id = item.criterion.id;
    const box = make(this.doc, "div", "cif-plan__item");
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "plan-item-" + id);
    const title = make(this.doc, "h4", "cif-plan__title", `${item.number} ${item.criterion.title}`);
    title.id = "plan-item-" + id;
    const step = `From ${levelLabel(framework, item.from)} to ${levelLabel(framework, item.to)}. Work towards:`;
    const entry = model.has(assessment.plan || {}, id) ? assessment.plan[id] : { action: "", owner: "", due: "" };
    box.append(
      title,
      make(this.doc, "p", "cif-plan__step", step),
      make(this.doc, "blockquote", "cif-plan__descriptor", item.descriptor),
      this.fields({ kind: "item", id, about: `${item.number} ${item.criterion.title}` }, entry)
    );
    return box;
  }

  /** One of the team's own actions. @param {OwnAction} action @param {number} n */
  ownAction(action, n) {
    const doc = this.doc;
    const box = make(doc, "div", "cif-plan__item cif-plan__own");
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "plan-own-" + action.id);
    const title = make(doc, "h4", "cif-plan__title", `Action ${n}`);
    title.id = "plan-own-" + action.id;
    box.append(title);
    if (action.formerCriterion) box.append(make(doc, "p", "cif-plan__former", plan.formerText(action.formerCriterion)));
    const about = `action ${n}`;
    const target = { kind: /** @type {"own"} */ ("own"), id: action.id, about };
    const fields = this.fields(target, action);
    fields.insertBefore(this.criterionField(target, action), fields.children[1] || null);
    const remove = make(doc, "button", "cif-link-button cif-plan__remove", "Remove");
    remove.type = "button";
    remove.setAttribute("data-remove-action", action.id);
    remove.append(hiddenText(doc, ` ${about}`));
    box.append(fields, make(doc, "p", "cif-plan__remove-line"));
    /** @type {HTMLElement} */ (box.lastChild).append(remove);
    return box;
  }

  /** The fields of an item or action. @param {Target} target @param {PlanEntry} entry */
  fields(target, entry) {
    const wrap = make(this.doc, "div", "cif-plan__fields");
    wrap.append(...FIELDS.map((field) => this.field(target, entry, field)));
    return wrap;
  }

  /** A labelled field, with what prints in its place. @param {Target} target @param {PlanEntry} entry @param {string} field */
  field(target, entry, field) {
    const doc = this.doc;
    const wrap = make(doc, "div", `cif-field cif-plan__field cif-plan__field--${field}`);
    const inputId = `plan-${target.kind}-${field}-${target.id}`;
    const label = make(doc, "label", "cif-label", plan.FIELD_LABELS[field]);
    label.htmlFor = inputId;
    label.append(hiddenText(doc, ` for ${target.about}`));
    const value = /** @type {Record<string, any>} */ (entry)[field] || "";
    /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */
    let input;
    if (field === "action" || field === "progress") {
      input = make(doc, "textarea", "cif-textarea");
      input.rows = field === "action" ? 3 : 2;
      input.maxLength = 20000;
    } else if (field === "priority" || field === "status") {
      input = make(doc, "select", "cif-select");
      const labels = field === "priority" ? { "": "Not set", ...plan.PRIORITY_LABELS } : plan.STATUS_LABELS;
      for (const [key, text] of Object.entries(labels)) {
        const option = make(doc, "option", "", text);
        option.value = key;
        input.append(option);
      }
    } else {
      input = make(doc, "input", "cif-input" + (field === "due" ? " cif-input--date" : ""));
      input.type = field === "due" ? "date" : "text";
      input.maxLength = field === "due" ? 10 : 300;
      if (field === "owner") input.autocomplete = "off";
    }
    input.id = inputId;
    input.setAttribute("data-plan-kind", target.kind);
    input.setAttribute("data-plan-for", target.id);
    input.setAttribute("data-plan-field", field);
    input.value = field === "status" && !value ? "not-started" : value;
    const printed = make(doc, "p", "cif-plan__printed", printedText(entry, field));
    printed.setAttribute("aria-hidden", "true");
    wrap.append(label, input, printed);
    // A due date saved by an earlier version of the form that it cannot hold: shown, with the error.
    if (field === "due" && value) dateFieldOk(/** @type {HTMLInputElement} */ (input));
    return wrap;
  }

  /** Which criterion an own action is about. @param {Target} target @param {OwnAction} action */
  criterionField(target, action) {
    const doc = this.doc;
    const wrap = make(doc, "div", "cif-field cif-plan__field cif-plan__field--criterion");
    const inputId = `plan-own-criterion-${action.id}`;
    const label = make(doc, "label", "cif-label", "About");
    label.htmlFor = inputId;
    label.append(hiddenText(doc, ` ${target.about}`));
    const select = make(doc, "select", "cif-select");
    select.id = inputId;
    const none = make(doc, "option", "", "No one criterion");
    none.value = "";
    select.append(none);
    let text = "No one criterion";
    for (const dimension of this.ctx.state.info.framework.dimensions) {
      const group = make(doc, "optgroup", "");
      group.label = `${dimension.number}. ${dimension.name}`;
      dimension.criteria.forEach((criterion, i) => {
        const option = make(doc, "option", "", `${dimension.number}.${i + 1} ${criterion.title}`);
        option.value = criterion.id;
        if (criterion.id === action.criterion) text = option.textContent || "";
        group.append(option);
      });
      select.append(group);
    }
    select.value = action.criterion || "";
    select.setAttribute("data-plan-kind", "own");
    select.setAttribute("data-plan-for", action.id);
    select.setAttribute("data-plan-field", "criterion");
    const printed = make(doc, "p", "cif-plan__printed", `About: ${text}`);
    printed.setAttribute("aria-hidden", "true");
    wrap.append(label, select, printed);
    return wrap;
  }

  /** Saves what is typed in a field. @param {Event} event */
  onInput(event) {
    const target = /** @type {HTMLInputElement} */ (event.target);
    const id = target.getAttribute("data-plan-for");
    const field = target.getAttribute("data-plan-field");
    const kind = target.getAttribute("data-plan-kind");
    if (!id || !field) return;
    // A due date the form's import would refuse (a year of six digits, say) is never saved.
    if (field === "due" && !dateFieldOk(target)) return;
    const assessment = this.ctx.state.assessment;
    if (kind === "own") {
      const action = /** @type {Record<string, any> | null} */ (plan.findAction(assessment, id));
      if (!action || (action[field] || "") === target.value) return;
      plan.setActionField(this.ctx.state.info, assessment, id, field, target.value);
    } else {
      if (model.planField(assessment, id, field) === target.value) return;
      model.setPlanField(this.ctx.state.info, assessment, id, field, target.value);
    }
    const printed = target.parentElement?.querySelector(".cif-plan__printed");
    if (printed && field !== "criterion") {
      const entry = /** @type {PlanEntry} */ ({ [field]: target.value });
      printed.textContent = printedText(entry, field);
    } else if (printed && target instanceof HTMLSelectElement) {
      printed.textContent = `About: ${target.selectedOptions[0]?.textContent || ""}`;
    }
    this.ctx.state.changed();
  }

  /** @param {Event} event */
  onClick(event) {
    const button = /** @type {Element} */ (event.target).closest("[data-remove-action]");
    if (!button) return;
    const id = button.getAttribute("data-remove-action") || "";
    const assessment = this.ctx.state.assessment;
    const index = (assessment.actions || []).findIndex((/** @type {OwnAction} */ a) => a.id === id);
    if (index < 0) return;
    plan.removeAction(assessment, id);
    this.ctx.state.changed();
    this.addButton.focus();
    this.ctx.announce(`Action ${index + 1} has been removed.`);
  }

  /* Adds a blank action of the team's own and moves to its first field. */
  add() {
    const assessment = this.ctx.state.assessment;
    const action = plan.addAction(this.ctx.state.info, assessment);
    this.ctx.state.changed();
    this.render();
    const field = this.doc.getElementById(`plan-own-action-${action.id}`);
    if (field) field.focus();
  }

  /* The plan as a spreadsheet, named after the assessment's file. */
  download() {
    const assessment = this.ctx.state.assessment;
    const name = transfer.fileName(assessment, "csv").replace(/\.csv$/, "-action-plan.csv");
    download(this.ctx.doc, plan.exportCsv(this.ctx.state.info, assessment), name, "text/csv;charset=utf-8");
    this.ctx.announce(`Your action plan has been downloaded as the spreadsheet file ${name}.`);
  }
}
