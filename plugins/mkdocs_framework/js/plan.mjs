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
import { csvField } from "./csv.mjs";

var has = model.has;

/* Returns {sections: [{dimension, result, items: [{criterion, number, from, to, descriptor}]}],
 *          waiting: [dimension with a target but no score yet], withoutTarget: count,
 *          atTarget: count}. Levels (from, to) are numbers, 1 = lowest. */
function generate(info, assessment) {
  var levelCount = info.framework.levels.length;
  var sections = [];
  var waiting = [];
  var withoutTarget = 0;
  var atTarget = 0;
  info.framework.dimensions.forEach(function (dimension) {
    var result = scoring.scoreDimension(info, assessment, dimension);
    if (!result.target) {
      if (result.score !== null) withoutTarget += 1;
      return;
    }
    if (result.level === null) {
      if (result.notApplicable < result.total) waiting.push(dimension);
      return;
    }
    if (result.level >= result.target) {
      atTarget += 1;
      return;
    }
    var answered = [];
    dimension.criteria.forEach(function (criterion, i) {
      var value = has(assessment.answers, criterion.id) ? assessment.answers[criterion.id] : null;
      var number = value ? info.levelIndex.get(value) : undefined;
      if (number) answered.push({ criterion: criterion, position: i + 1, level: number });
    });
    var lowest = Math.min.apply(
      null,
      answered.map(function (a) {
        return a.level;
      })
    );
    var items = answered
      .filter(function (a) {
        return a.level === lowest && a.level < levelCount;
      })
      .map(function (a) {
        return {
          criterion: a.criterion,
          dimension: dimension,
          number: dimension.number + "." + a.position,
          from: a.level,
          to: a.level + 1,
          descriptor: a.criterion.descriptors[a.level] || "",
        };
      });
    sections.push({ dimension: dimension, result: result, items: items });
  });
  return { sections: sections, waiting: waiting, withoutTarget: withoutTarget, atTarget: atTarget };
}

/* A stable description of the plan's items, to tell when the plan itself (not just what was
 * written in it) has changed. */
function signature(plan) {
  return plan.sections
    .map(function (section) {
      return (
        section.dimension.id +
        ":" +
        section.result.level +
        ">" +
        section.result.target +
        "[" +
        section.items
          .map(function (item) {
            return item.criterion.id + "@" + item.from;
          })
          .join(",") +
        "]"
      );
    })
    .join(";") +
    "|" +
    plan.waiting
      .map(function (d) {
        return d.id;
      })
      .join(",");
}

var CSV_HEADER = [
  "Assessment name",
  "Authority",
  "Assessment date",
  "Framework version",
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

/* The plan for a spreadsheet: one row per item. UTF-8 with a byte order mark, RFC 4180, and cells
 * that a spreadsheet would run as formulas made inert, as in the answers' CSV. */
function exportCsv(info, assessment) {
  var levels = info.framework.levels;
  var meta = [assessment.name, assessment.authority, assessment.date, info.framework.version];
  var rows = [CSV_HEADER];
  generate(info, assessment).sections.forEach(function (section) {
    section.items.forEach(function (item) {
      rows.push(
        meta.concat([
          section.dimension.id,
          section.dimension.title,
          levels[section.result.level - 1].label,
          levels[section.result.target - 1].label,
          item.criterion.id,
          item.criterion.title,
          levels[item.from - 1].label,
          levels[item.to - 1].label,
          item.descriptor,
          model.planField(assessment, item.criterion.id, "action"),
          model.planField(assessment, item.criterion.id, "owner"),
          model.planField(assessment, item.criterion.id, "due"),
        ])
      );
    });
  });
  return (
    "\uFEFF" +
    rows
      .map(function (row) {
        return row.map(csvField).join(",");
      })
      .join("\r\n") +
    "\r\n"
  );
}


export { generate, signature, exportCsv, CSV_HEADER };
