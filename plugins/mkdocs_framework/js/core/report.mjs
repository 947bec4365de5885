/* The board report's content, worked out from an assessment. No DOM here.
 *
 * build() gives the report as plain data: the cover's facts, then parts made of blocks (headings,
 * paragraphs, term lists and tables). The report page (report/index.mjs) draws the blocks as HTML
 * and the Word download (core/docx.mjs) writes the same blocks as a .docx, so the two always say
 * the same. Text from the assessment is carried as it was typed; a name inside a sentence is
 * marked ({bdi: text}) so each renderer can isolate it.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as plan from "./plan.mjs";
import { noteFields, terms } from "./terms.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {string | {bdi: string}} Part
 * @typedef {string | Part[]} Text  plain text, or text with names to isolate
 * @typedef {{kind: "heading", level: 2 | 3 | 4, text: Text, id?: string}
 *   | {kind: "paragraph", text: Text, style?: string}
 *   | {kind: "terms", rows: [string, Text][]}
 *   | {kind: "table", caption: string, head: string[], rows: Text[][], style?: string}} Block
 * @typedef {{id: string, title: string, blocks: Block[]}} Part_
 * @typedef {object} Report
 * @property {string} title  the assessment's name
 * @property {[string, string][]} facts  the cover's facts (label, value), "who took part" only when given
 * @property {string[]} rule  the scoring rule in words
 * @property {string[]} summary
 * @property {Block[]} results  the results table (the page draws the chart beside it)
 * @property {Block[]} dimensions
 * @property {Block[]} plan
 * @property {Block[]} progress
 */

const answerText = model.answerText;

/** Paragraphs of typed text: kept exactly, one paragraph per blank-line-separated part. @param {string} text
 * @param {string} [style] @returns {Block[]} */
function typed(text, style) {
  return text
    .split(/\r?\n\s*\r?\n/)
    .filter((part) => part.trim())
    .map((part) => ({ kind: "paragraph", text: part, style: style || "typed" }));
}

/** @param {Info} info */
function levelNamer(info) {
  return (/** @type {number | null} */ level) => (level ? info.framework.levels[level - 1].label : "");
}

/** The results' text: what a reader should take from the chart. @param {Info} info @param {any} results @returns {string[]} */
function summaryOf(info, results) {
  const name = levelNamer(info);
  const lines = [];
  const done = `${results.criteriaDecided} of ${model.plural(results.criteriaTotal, "criterion", "criteria")} answered`;
  lines.push(`${done}; ${results.scoredCount} of ${model.plural(results.dimensionsTotal, "dimension has", "dimensions have")} a result.`);
  const dims = /** @type {any[]} */ (results.dimensions);
  const withTarget = dims.filter((d) => d.target && d.level);
  if (withTarget.length) {
    const met = withTarget.filter((d) => d.level >= d.target).length;
    lines.push(`${met} of ${model.plural(withTarget.length, "dimension", "dimensions")} with a target ${met === 1 ? "meets" : "meet"} it.`);
  } else lines.push("No target levels are set.");
  const list = (/** @type {any[]} */ ds) => ds.map((d) => `${d.dimension.number}. ${d.dimension.title} (${name(d.level)})`).join(", ");
  if (results.strongest.length) lines.push(`Strongest: ${list(results.strongest)}.`);
  if (results.weakest.length) lines.push(`Weakest: ${list(results.weakest)}.`);
  const low = dims.filter((d) => d.lowCoverage);
  if (low.length) lines.push(`Results with low coverage (from fewer than half of their criteria): ${low.map((d) => `${d.dimension.number}. ${d.dimension.title}`).join(", ")}.`);
  return lines;
}

/** The results table: a row per dimension. @param {Info} info @param {any} results @returns {Block} */
function resultsTable(info, results) {
  const name = levelNamer(info);
  const rows = results.dimensions.map((/** @type {any} */ r) => [
    `${r.dimension.number}. ${r.dimension.title}`,
    r.score === null ? "\u2013" : scoring.formatScore(r.score),
    r.score === null ? (r.total && r.notApplicable === r.total ? "Not applicable" : "No result yet") : name(r.level),
    r.target ? name(r.target) : "Not set",
    coverage(r),
  ]);
  return {
    kind: "table",
    caption: "Score, level and target for each dimension",
    head: ["Dimension", "Score", "Level", "Target", "Criteria answered"],
    rows,
  };
}

/** "from 3 of 4 criteria" (with low coverage marked), and any not applicable. @param {any} r */
function coverage(r) {
  const from = typeof scoring.coverageText === "function" && "applicable" in r ? scoring.coverageText(r) : `${r.answered} of ${r.total}`;
  return r.notApplicable ? `${from} (${r.notApplicable} not applicable)` : from;
}

/** The notes each dimension has, in the framework's words (the plugin's when it says nothing; [] for none).
 * @param {Info} info @returns {{id: string, column: string}[]} */
function notesOf(info) {
  const fields = noteFields(/** @type {any} */ (info.framework));
  return fields;
}

/** Each dimension: level, coverage, target, evidence, views and every criterion's answer.
 * @param {Info} info @param {Assessment} assessment @param {any} results @returns {Block[]} */
function dimensionBlocks(info, assessment, results) {
  const name = levelNamer(info);
  /** @type {Block[]} */
  const blocks = [];
  results.dimensions.forEach((/** @type {any} */ r) => {
    const dimension = r.dimension;
    blocks.push({ kind: "heading", level: 3, text: `${dimension.number}. ${dimension.title}`, id: `report-${dimension.id}` });
    /** @type {[string, Text][]} */
    const facts = [
      ["Level", r.level ? `${name(r.level)} (score ${scoring.formatScore(r.score)})` : "No result yet"],
      ["Coverage", coverage(r)],
      ["Target", r.target ? name(r.target) : "Not set"],
    ];
    const weak = typeof scoring.weakSpotText === "function" ? scoring.weakSpotText(r, name) : "";
    if (weak) facts.push(["Weak spots", weak.replace(/^Weak spots?: /, "")]);
    blocks.push({ kind: "terms", rows: facts });
    for (const field of notesOf(info)) {
      blocks.push({ kind: "heading", level: 4, text: field.column });
      const text = model.note(assessment, dimension.id, field.id);
      /** @type {Block} */
      const none = { kind: "paragraph", text: "None recorded.", style: "empty" };
      blocks.push(...(text.trim() ? typed(text) : [none]));
    }
    blocks.push({
      kind: "table",
      caption: `Answer to each criterion of ${dimension.number}. ${dimension.title}`,
      head: ["Criterion", "Answer"],
      rows: dimension.criteria.map((/** @type {any} */ c, /** @type {number} */ i) => [
        `${dimension.number}.${i + 1} ${c.title}`,
        answerText(info, model.has(assessment.answers, c.id) ? assessment.answers[c.id] : ""),
      ]),
      style: "answers",
    });
  });
  return blocks;
}

/** The action plan: what it is made from, then a table of every action. @param {Info} info
 * @param {Assessment} assessment @returns {Block[]} */
function planBlocks(info, assessment) {
  const generated = plan.generate(info, assessment);
  const all = plan.rows(info, assessment, generated);
  /** @type {Block[]} */
  const blocks = [];
  if (generated.sections.length) blocks.push({ kind: "paragraph", text: plan.basisText(generated) });
  if (!all.length) {
    blocks.push({ kind: "paragraph", text: "There are no actions yet: set target levels and answer the criteria, or add actions of your own, in the form.", style: "empty" });
    return blocks;
  }
  const name = levelNamer(info);
  const rows = all.map((row) => {
    let about = row.criterion ? `${row.number} ${row.title}` : "General";
    if (row.item) about += `: from ${name(row.item.from)} to ${name(row.item.to)}`;
    if (row.formerCriterion) about = plan.formerText(row.formerCriterion);
    const source = row.kind === "suggested" ? "Suggested" : "Own";
    return [
      about,
      row.entry.action || "\u2013",
      row.entry.owner || "\u2013",
      plan.fieldText(row.entry, "due") || "\u2013",
      plan.fieldText(row.entry, "priority") || "\u2013",
      plan.fieldText(row.entry, "status"),
      row.entry.progress || "\u2013",
      source,
    ];
  });
  blocks.push({
    kind: "table",
    caption: "Actions: suggested by the plan, then the team's own",
    head: ["About", "Action", "Owner", "Due", "Priority", "Status", "Progress", "Source"],
    rows,
    style: "plan",
  });
  return blocks;
}

/** Progress since an earlier assessment, from compare.mjs (passed in, so the report bundle need not
 * carry it when there is nothing to compare). @param {Info} info @param {Assessment} assessment
 * @param {{assessment: Assessment, comparison: any, summary: string, changeWords: (row: any) => string} | null} since
 * @returns {Block[]} */
function progressBlocks(info, assessment, since) {
  if (!since) {
    return [{ kind: "paragraph", text: "No earlier assessment was chosen to compare with, so this report does not show progress.", style: "empty" }];
  }
  const name = levelNamer(info);
  const earlier = since.assessment;
  /** @type {Block[]} */
  const blocks = [
    {
      kind: "paragraph",
      text: ["Since ", { bdi: earlier.name || "Untitled assessment" }, `, ${model.longDate(earlier.date, "no date")}: ${since.summary}`],
    },
  ];
  const rows = since.comparison.dimensions.map((/** @type {any} */ d) => [
    `${d.dimension.number}. ${d.dimension.title}`,
    d.then.level ? `${name(d.then.level)} (${scoring.formatScore(d.then.score)})` : "No result",
    d.now.level ? `${name(d.now.level)} (${scoring.formatScore(d.now.score)})` : "No result",
    since.changeWords(d),
  ]);
  blocks.push({ kind: "table", caption: "Each dimension then and now", head: ["Dimension", "Then", "Now", "Change, like for like"], rows });
  // Criteria with a level in only one of the two are left out of the changes, and listed apart.
  const apart = since.comparison.dimensions.flatMap((/** @type {any} */ d) => [
    ...d.onlyThen.map((/** @type {any} */ a) => [`${a.number} ${a.criterion.title}`, answerText(info, a.value), answerText(info, a.other || "")]),
    ...d.onlyNow.map((/** @type {any} */ a) => [`${a.number} ${a.criterion.title}`, answerText(info, a.other || ""), answerText(info, a.value)]),
  ]);
  if (apart.length) {
    blocks.push(
      { kind: "paragraph", text: "These criteria have a level in only one of the two assessments, so they are left out of the changes above:" },
      { kind: "table", caption: "Criteria answered with a level in only one of the two", head: ["Criterion", "Then", "Now"], rows: apart }
    );
  }
  return blocks;
}

/** The whole report. made: the date the report is made (YYYY-MM-DD).
 * @param {Info} info @param {Assessment} assessment @param {string} made
 * @param {Parameters<typeof progressBlocks>[2]} since @returns {Report} */
function build(info, assessment, made, since) {
  const results = scoring.results(info, assessment);
  /** @type {[string, string][]} */
  const facts = [
    [terms(/** @type {any} */ (info.framework)).organisationLabel, assessment.authority || "Not given"],
    ["Date of the assessment", model.longDate(assessment.date, "Not given")],
  ];
  const participants = /** @type {any} */ (assessment).participants;
  if (typeof participants === "string" && participants.trim()) facts.push(["Who took part", participants]);
  facts.push(["Framework", `${info.framework.shortTitle}, version ${info.framework.version}`], ["Report made", model.longDate(made)]);
  const rule = typeof scoring.ruleInWords === "function" ? scoring.ruleInWords(info.framework) : [`Scoring method: ${info.framework.scoring ? info.framework.scoring.method : "mean"}.`];
  return {
    title: assessment.name || "Untitled assessment",
    facts,
    rule,
    summary: summaryOf(info, results),
    results: [resultsTable(info, results)],
    dimensions: dimensionBlocks(info, assessment, results),
    plan: planBlocks(info, assessment),
    progress: progressBlocks(info, assessment, since),
  };
}

/** A text's plain words. @param {Text} text */
function plain(text) {
  return typeof text === "string" ? text : text.map((part) => (typeof part === "string" ? part : part.bdi)).join("");
}

export { build, plain, answerText, results };

/** Re-exported for the page, which draws the chart from the same results. */
function results(/** @type {Info} */ info, /** @type {Assessment} */ assessment) {
  return scoring.results(info, assessment);
}
