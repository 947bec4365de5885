/* Self-assessment: the action plan of an assessment. No DOM here.
 *
 * Suggestions: for each dimension with a target level, every answered criterion below that target,
 * each with the descriptor of its next level up as the thing to work towards (so a weak criterion
 * is never hidden by a dimension whose overall result meets its target). When no dimension has a
 * target, the plan suggests the criteria answered at the lowest level of the whole assessment, and
 * says so. What the team writes against a suggestion (action, owner, due date, priority, status and
 * a progress note) is kept in assessment.plan, keyed by criterion id, so it stays with the
 * assessment, its export and its import, and comes back if the item leaves the plan and returns.
 *
 * The team's own actions are kept in assessment.actions (a list, each with an id, the same fields
 * and the criterion it is about, or none). migrate.mjs carries them across framework versions: an
 * action about a renamed criterion follows it; one about a removed criterion is kept and marked
 * (formerCriterion).
 */

import { levelLabel } from "../results/words.mjs";
import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { DETAIL_COLUMNS, csvRows, detailCells, wordedHeader } from "./csv.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {import("./model.mjs").OwnAction} OwnAction
 * @typedef {import("./model.mjs").PlanEntry} PlanEntry
 * @typedef {{criterion: Criterion, dimension: Dimension, number: string, from: number, to: number, descriptor: string}} Item
 * @typedef {{dimension: Dimension, result: import("./scoring.mjs").DimensionResult, items: Item[]}} Section
 * @typedef {{sections: Section[], waiting: Dimension[], withoutTarget: number, atTarget: number,
 *   lowest: boolean}} Plan  lowest: no dimension has a target, so the lowest answers are suggested
 * @typedef {{kind: "suggested" | "own", id: string, dimension: Dimension | null, criterion: Criterion | null,
 *   number: string, title: string, item: Item | null, entry: PlanEntry, formerCriterion: string}} Row
 *   one action of the plan as the report, the spreadsheet and the Word document list it
 */

const MAX_ACTIONS = 500;
/** @type {Record<string, string>} */
const PRIORITY_LABELS = { high: "High", medium: "Medium", low: "Low" };
/** @type {Record<string, string>} */
const STATUS_LABELS = { "not-started": "Not started", "in-progress": "In progress", done: "Done" };
/** @type {Record<string, string>} */
const FIELD_LABELS = {
  action: "Action",
  owner: "Owner",
  due: "Due date",
  priority: "Priority",
  status: "Status",
  progress: "Progress note",
};

/** A criterion's answer as a level number, or 0 when it has none. @param {Info} info
 * @param {Assessment} assessment @param {Criterion} criterion */
function levelOf(info, assessment, criterion) {
  const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : "";
  return info.levelIndex.get(value) || 0;
}

/** The dimension's answered criteria below `below` (a level number), each with the next level up.
 * @param {Info} info @param {Assessment} assessment @param {Dimension} dimension @param {number} below
 * @returns {Item[]} */
function itemsBelow(info, assessment, dimension, below) {
  /** @type {Item[]} */
  const items = [];
  dimension.criteria.forEach((criterion, i) => {
    const level = levelOf(info, assessment, criterion);
    if (!level || level >= below) return;
    items.push({
      criterion,
      dimension,
      number: `${dimension.number}.${i + 1}`,
      from: level,
      to: level + 1,
      descriptor: criterion.descriptors[level] || "",
    });
  });
  return items;
}

/** The suggestions. Levels (from, to) are numbers, 1 = lowest.
 * @param {Info} info @param {Assessment} assessment @returns {Plan} */
function generate(info, assessment) {
  /** @type {Plan} */
  const plan = { sections: [], waiting: [], withoutTarget: 0, atTarget: 0, lowest: false };
  const results = info.framework.dimensions.map((dimension) => scoring.scoreDimension(info, assessment, dimension));
  if (!results.some((result) => result.target)) {
    // No targets: the criteria at the lowest level answered anywhere, below the top level.
    const answered = info.framework.dimensions.flatMap((d) => d.criteria.map((c) => levelOf(info, assessment, c)));
    const lowest = Math.min(...answered.filter(Boolean));
    if (!Number.isFinite(lowest) || lowest >= info.framework.levels.length) return plan;
    plan.lowest = true;
    results.forEach((result) => {
      const items = itemsBelow(info, assessment, result.dimension, lowest + 1);
      if (items.length) plan.sections.push({ dimension: result.dimension, result, items });
    });
    return plan;
  }
  for (const result of results) {
    const dimension = result.dimension;
    if (!result.target) {
      if (result.score !== null) plan.withoutTarget += 1;
      continue;
    }
    const items = itemsBelow(info, assessment, dimension, result.target);
    if (items.length) plan.sections.push({ dimension, result, items });
    else if (result.score === null) {
      if (result.notApplicable < result.total) plan.waiting.push(dimension);
    } else plan.atTarget += 1;
  }
  return plan;
}

/** A stable description of the plan's items, to tell when the plan itself (not just what was
 * written in it) has changed. @param {Plan} plan */
function signature(plan) {
  const sections = plan.sections.map(({ dimension, result, items }) => {
    const listed = items.map((item) => `${item.criterion.id}@${item.from}`).join(",");
    return `${dimension.id}:${result.level}>${result.target}[${listed}]`;
  });
  return `${plan.lowest ? "L" : ""}${sections.join(";")}|${plan.waiting.map((d) => d.id).join(",")}`;
}

/* ---- The team's own actions ------------------------------------------------------------ */

/** @param {Assessment} assessment */
function touch(assessment) {
  assessment.updated = new Date().toISOString();
  return assessment;
}

function newActionId() {
  return `act-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds an action of the team's own (blank, or about a criterion) and returns it.
 * @param {Info} info @param {Assessment} assessment @param {string} [criterionId] @returns {OwnAction} */
function addAction(info, assessment, criterionId) {
  if (!assessment.actions) assessment.actions = [];
  if (assessment.actions.length >= MAX_ACTIONS) throw new Error("Too many actions");
  const criterion = criterionId && info.criteria.has(criterionId) ? criterionId : "";
  /** @type {OwnAction} */
  const action = { id: newActionId(), criterion, action: "", owner: "", due: "" };
  assessment.actions.push(action);
  touch(assessment);
  return action;
}

/** @param {Assessment} assessment @param {string} id */
function findAction(assessment, id) {
  return (assessment.actions || []).find((action) => action.id === id) || null;
}

/** One field of an own action: a plan field, or "criterion" (a criterion id, or "" for none).
 * @param {Info} info @param {Assessment} assessment @param {string} id @param {string} field @param {unknown} value */
function setActionField(info, assessment, id, field, value) {
  const action = findAction(assessment, id);
  const text = String(value);
  if (!action) throw new Error(`Unknown action ${id}`);
  if (field === "criterion") {
    if (text && !info.criteria.has(text)) throw new Error(`Unknown criterion ${text}`);
    action.criterion = text;
    delete action.formerCriterion;
  } else if (model.PLAN_FIELDS.includes(field)) {
    if (field === "priority" && text && !model.PLAN_PRIORITIES.includes(text)) throw new Error(`Not a priority: ${text}`);
    if (field === "status" && text && !model.PLAN_STATUSES.includes(text)) throw new Error(`Not a status: ${text}`);
    /** @type {Record<string, any>} */ (action)[field] = text;
  } else throw new Error(`Unknown field ${field}`);
  return touch(assessment);
}

/** @param {Assessment} assessment @param {string} id */
function removeAction(assessment, id) {
  const before = (assessment.actions || []).length;
  assessment.actions = (assessment.actions || []).filter((action) => action.id !== id);
  if (!assessment.actions.length) delete assessment.actions;
  if (before !== (assessment.actions || []).length) touch(assessment);
  return assessment;
}

/* ---- Every action, for the report, the spreadsheet and the Word document --------------------- */

/** Where a criterion sits: its dimension and number ("2.3"), or nulls. @param {Info} info @param {string} id */
function placeOf(info, id) {
  const found = id && info.criteria.has(id) ? info.criteria.get(id) : null;
  if (!found) return { dimension: null, criterion: null, number: "" };
  const position = found.dimension.criteria.indexOf(found.criterion) + 1;
  return { dimension: found.dimension, criterion: found.criterion, number: `${found.dimension.number}.${position}` };
}

/** Every action: the suggestions (in the plan's order) then the team's own.
 * @param {Info} info @param {Assessment} assessment @param {Plan} [generated] @returns {Row[]} */
function rows(info, assessment, generated) {
  const plan = generated || generate(info, assessment);
  /** @type {Row[]} */
  const list = [];
  for (const section of plan.sections) {
    for (const item of section.items) {
      const written = model.has(assessment.plan || {}, item.criterion.id) ? assessment.plan[item.criterion.id] : null;
      list.push({
        kind: "suggested",
        id: item.criterion.id,
        dimension: item.dimension,
        criterion: item.criterion,
        number: item.number,
        title: item.criterion.title,
        item,
        entry: written || { action: "", owner: "", due: "" },
        formerCriterion: "",
      });
    }
  }
  for (const action of assessment.actions || []) {
    const place = placeOf(info, action.criterion);
    list.push({
      kind: "own",
      id: action.id,
      ...place,
      title: place.criterion ? place.criterion.title : "",
      item: null,
      entry: action,
      formerCriterion: action.formerCriterion || "",
    });
  }
  return list;
}

/** A field as people read it: labels for priority and status, dates written out, "" when empty.
 * @param {PlanEntry} entry @param {string} field */
function fieldText(entry, field) {
  const value = /** @type {Record<string, any>} */ (entry)[field] || "";
  if (field === "priority") return PRIORITY_LABELS[value] || "";
  if (field === "status") return STATUS_LABELS[value] || STATUS_LABELS["not-started"];
  if (field === "due") return model.longDate(value, value);
  return value;
}

/** Where a removed criterion's action came from, in words. @param {string} former */
function formerText(former) {
  return former ? `Was about criterion \u201c${former}\u201d, which this version of the framework no longer has.` : "";
}

/** What the plan is made from, in words. @param {Plan} plan */
function basisText(plan) {
  return plan.lowest
    ? "No target levels are set, so the plan suggests the criteria answered at the lowest level. Set a target for each dimension to plan towards it."
    : "The plan suggests every criterion answered below its dimension's target level, with what the next level up looks like.";
}

const CSV_HEADER = [
  ...DETAIL_COLUMNS,
  "Source",
  "Dimension ID",
  "Dimension",
  "Dimension level",
  "Target level",
  "Criterion ID",
  "Criterion",
  "Level now",
  "Work towards level",
  "What that level looks like",
  "Action",
  "Owner",
  "Due date",
  "Priority",
  "Status",
  "Progress note",
];

/** The plan for a spreadsheet: one row per action, suggested then the team's own. UTF-8 with a
 * byte order mark, RFC 4180, and cells that a spreadsheet would run as formulas made inert, as in
 * the answers' CSV. @param {Info} info @param {Assessment} assessment */
function exportCsv(info, assessment) {
  const label = (/** @type {number | null} */ level) => levelLabel(info.framework, level);
  const meta = detailCells(assessment, info.framework.version);
  /** @type {unknown[][]} */
  const out = [wordedHeader(CSV_HEADER, info.framework)];
  for (const row of rows(info, assessment)) {
    const result = row.dimension ? scoring.scoreDimension(info, assessment, row.dimension) : null;
    const item = row.item;
    const source = row.kind === "suggested" ? "Suggested" : row.formerCriterion ? `Own (${formerText(row.formerCriterion)})` : "Own";
    out.push([
      ...meta,
      source,
      row.dimension ? row.dimension.id : "",
      row.dimension ? row.dimension.name : "",
      result ? label(result.level) : "",
      result ? label(result.target) : "",
      row.criterion ? row.criterion.id : row.formerCriterion,
      row.title,
      item ? label(item.from) : "",
      item ? label(item.to) : "",
      item ? item.descriptor : "",
      row.entry.action,
      row.entry.owner,
      row.entry.due,
      fieldText(row.entry, "priority"),
      fieldText(row.entry, "status"),
      row.entry.progress || "",
    ]);
  }
  return `\uFEFF${csvRows(out)}\r\n`;
}

export {
  generate,
  signature,
  addAction,
  setActionField,
  removeAction,
  findAction,
  rows,
  fieldText,
  formerText,
  basisText,
  exportCsv,
  CSV_HEADER,
  FIELD_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  MAX_ACTIONS,
};
