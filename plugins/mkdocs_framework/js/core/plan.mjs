/* Self-assessment: the action plan generated from an assessment. No DOM here.
 *
 * For each dimension whose level is below its target, the plan takes the dimension's weakest
 * criteria (those answered at its lowest level) and offers, for each, the descriptor of the next
 * level up as the thing to work towards. What the person writes against an item (action, owner,
 * due date) is kept in assessment.plan, keyed by criterion id, so it stays with the assessment, its
 * export and its import, and comes back if the item leaves the plan and later returns.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { DETAIL_COLUMNS, csvRows, detailCells } from "./csv.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {{criterion: Criterion, dimension: Dimension, number: string, from: number, to: number, descriptor: string}} Item
 * @typedef {{dimension: Dimension, result: import("./scoring.mjs").DimensionResult, items: Item[]}} Section
 * @typedef {{sections: Section[], waiting: Dimension[], withoutTarget: number, atTarget: number}} Plan
 */

/** The dimension's weakest answered criteria, each with the next level up to work towards.
 * @param {Info} info @param {Assessment} assessment @param {Dimension} dimension @returns {Item[]} */
function weakestItems(info, assessment, dimension) {
  const levelCount = info.framework.levels.length;
  const answered = [];
  dimension.criteria.forEach((criterion, i) => {
    const value = model.has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
    const level = value ? info.levelIndex.get(value) : undefined;
    if (level) answered.push({ criterion, position: i + 1, level });
  });
  const lowest = Math.min(...answered.map((a) => a.level));
  return answered
    .filter((a) => a.level === lowest && a.level < levelCount)
    .map((a) => ({
      criterion: a.criterion,
      dimension,
      number: `${dimension.number}.${a.position}`,
      from: a.level,
      to: a.level + 1,
      descriptor: a.criterion.descriptors[a.level] || "",
    }));
}

/** Levels (from, to) are numbers, 1 = lowest. @param {Info} info @param {Assessment} assessment @returns {Plan} */
function generate(info, assessment) {
  /** @type {Plan} */
  const plan = { sections: [], waiting: [], withoutTarget: 0, atTarget: 0 };
  for (const dimension of info.framework.dimensions) {
    const result = scoring.scoreDimension(info, assessment, dimension);
    if (!result.target) {
      if (result.score !== null) plan.withoutTarget += 1;
    } else if (result.level === null) {
      if (result.notApplicable < result.total) plan.waiting.push(dimension);
    } else if (result.level >= result.target) {
      plan.atTarget += 1;
    } else {
      plan.sections.push({ dimension, result, items: weakestItems(info, assessment, dimension) });
    }
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
  return `${sections.join(";")}|${plan.waiting.map((d) => d.id).join(",")}`;
}

const CSV_HEADER = [
  ...DETAIL_COLUMNS,
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
];

/** The plan for a spreadsheet: one row per item. UTF-8 with a byte order mark, RFC 4180, and cells
 * that a spreadsheet would run as formulas made inert, as in the answers' CSV.
 * @param {Info} info @param {Assessment} assessment */
function exportCsv(info, assessment) {
  const label = (/** @type {number} */ level) => info.framework.levels[level - 1].label;
  const meta = detailCells(assessment, info.framework.version);
  const rows = [CSV_HEADER];
  for (const section of generate(info, assessment).sections) {
    for (const item of section.items) {
      const written = (/** @type {string} */ field) => model.planField(assessment, item.criterion.id, field);
      rows.push([
        ...meta,
        section.dimension.id,
        section.dimension.title,
        label(section.result.level),
        label(section.result.target),
        item.criterion.id,
        item.criterion.title,
        label(item.from),
        label(item.to),
        item.descriptor,
        written("action"),
        written("owner"),
        written("due"),
      ]);
    }
  }
  return `\uFEFF${csvRows(rows)}\r\n`;
}

export { generate, signature, exportCsv, CSV_HEADER };
