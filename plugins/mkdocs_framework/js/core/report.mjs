/* The board report's content, rendered from the account of the results. No DOM here.
 *
 * build() gives the report as plain data: the cover's facts, then parts made of blocks (headings,
 * paragraphs, term lists and tables). The report page (report/index.mjs) draws the blocks as HTML
 * and the Word download (core/docx.mjs) writes the same blocks as a .docx, so the two always say
 * the same. Every fact about results (levels, scores, coverage, kinds of result, weak spots,
 * counts, strongest and weakest, progress) and its words come from the account
 * (results/account.mjs and results/progress.mjs, worded in templates/words.json): nothing about
 * results is worked out or worded here. Text from the assessment is carried as it was typed; a
 * name inside a sentence is marked ({bdi: text}) so each renderer can isolate it.
 */

import * as model from "./model.mjs";
import * as plan from "./plan.mjs";
import { noteFields, terms } from "./terms.mjs";
import { account } from "../results/account.mjs";
import { WORDS, fill, either, levelLabel, answerWords } from "../results/words.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("../results/account.mjs").Account} Account
 * @typedef {import("../results/account.mjs").DimensionAccount} DimensionAccount
 * @typedef {import("../results/progress.mjs").Progress} Progress
 * @typedef {string | {bdi: string}} Part
 * @typedef {string | Part[]} Text  plain text, or text with names to isolate
 * @typedef {{kind: "heading", level: 2 | 3 | 4, text: Text, id?: string}
 *   | {kind: "paragraph", text: Text, style?: string}
 *   | {kind: "terms", rows: [string, Text][]}
 *   | {kind: "table", caption: string, head: string[], rows: Text[][], style?: string}} Block
 *   a paragraph's style: "typed" (as someone typed it), "empty" (nothing to show) or "intro"
 *   (introduces the table after it, and is kept with it on paper)
 * @typedef {{name: string, warnings: string[]}} FromFile  the exported file the earlier assessment was
 *   read from: its name, and what reading it found (core/transfer.mjs parseImport, as the hub reads it)
 * @typedef {{assessment: Assessment, progress: Progress, later?: boolean, file?: FromFile}} Since  the
 *   assessment chosen to compare with, the account of progress between the two in date order
 *   (results/progress.mjs, passed in so the report bundle need not carry it when there is nothing to
 *   compare), whether the one chosen is the later of the two, and, when it came from a file, which
 * @typedef {object} Report
 * @property {string} title  the assessment's name
 * @property {[string, string][]} facts  the cover's facts (label, value), "who took part" only when given
 * @property {Account} account  the account of the results the report renders (the chart draws it)
 * @property {string[]} rule  the scoring rule in words
 * @property {string[]} summary
 * @property {Block[]} results  the results table, the chart's text equivalent
 * @property {Block[]} dimensions
 * @property {Block[]} plan
 * @property {Block[]} progress
 */

/** An answer in words, from the one place answers are worded. @param {Info} info @param {string | null | undefined} value */
function answerText(info, value) {
  return answerWords(info.framework, info.levelIndex, value);
}

/** Paragraphs of typed text: kept exactly, one paragraph per blank-line-separated part. @param {string} text
 * @param {string} [style] @returns {Block[]} */
function typed(text, style) {
  return text
    .split(/\r?\n\s*\r?\n/)
    .filter((part) => part.trim())
    .map((part) => ({ kind: "paragraph", text: part, style: style || "typed" }));
}

/** A sentence of the account's words, ended. @param {string} text */
function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The summary: what a reader should take first, in the account's words. The counts name what is
 * not answered with a level; dimensions without a result and results with low coverage come before
 * strongest and weakest, which the account chooses only among results that are not low coverage
 * (and which say any weak spot). @param {Account} r @returns {string[]} */
function summaryOf(r) {
  const w = r.words;
  const lines = [sentence(`${w.counts}; ${w.withResult}`)];
  if (w.without) lines.push(sentence(w.without));
  if (w.lowCoverage) lines.push(sentence(w.lowCoverage));
  if (w.strongest) lines.push(sentence(`${w.strongest.label} ${w.strongest.text}`));
  if (w.weakest) lines.push(sentence(`${w.weakest.label} ${w.weakest.text}`));
  if (w.highlightNone) lines.push(sentence(w.highlightNone));
  for (const wider of [...r.themes, ...(r.overall ? [r.overall] : [])]) lines.push(`${wider.words.label} ${wider.words.line}`);
  lines.push(sentence(w.targets));
  return lines;
}

/** A dimension's level as the table and its own part show it: the level (or "No result yet" / "Not
 * applicable"), marked low coverage when it is, and its weak spots beside it. @param {DimensionAccount} d */
function levelWords(d) {
  return d.words.weakSpots ? `${d.words.qualified}. ${sentence(d.words.weakSpots)}` : d.words.qualified;
}

/** The results table: a row per dimension, the chart's text equivalent. @param {Account} r @returns {Block} */
function resultsTable(r) {
  return {
    kind: "table",
    caption: "Score, level and target for each dimension",
    head: ["Dimension", "Score", "Level and weak spots", "Target", "Coverage"],
    rows: r.dimensions.map((d) => [d.words.name, d.words.score, levelWords(d), d.words.target, d.words.coverageDetail]),
    style: "results",
  };
}

/** The notes each dimension has, in the framework's words (the plugin's when it says nothing; [] for none).
 * @param {Info} info @returns {{id: string, column: string}[]} */
function notesOf(info) {
  const fields = noteFields(/** @type {any} */ (info.framework));
  return fields;
}

/** Each dimension: level, coverage, target, evidence, views and every criterion's answer.
 * @param {Info} info @param {Assessment} assessment @param {Account} r @returns {Block[]} */
function dimensionBlocks(info, assessment, r) {
  /** @type {Block[]} */
  const blocks = [];
  r.dimensions.forEach((d) => {
    const dimension = d.dimension;
    blocks.push({ kind: "heading", level: 3, text: d.words.name, id: `report-${d.id}` });
    /** @type {[string, Text][]} */
    const facts = [
      ["Level", levelWords(d)],
      ["Score", d.words.score],
      ["Coverage", d.words.coverageDetail],
      ["Target", d.words.target],
    ];
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
      caption: `Answer to each criterion of ${d.words.name}`,
      head: ["Criterion", "Answer"],
      rows: dimension.criteria.map((c, i) => [
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
  if (generated.sections.length) blocks.push({ kind: "paragraph", text: plan.basisText(generated), style: "intro" });
  if (!all.length) {
    blocks.push({ kind: "paragraph", text: "There are no actions yet: set target levels and answer the criteria, or add actions of your own, in the form.", style: "empty" });
    return blocks;
  }
  const name = (/** @type {number | null} */ level) => levelLabel(info.framework, level);
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

/** Progress since an earlier assessment, from the account of progress. Each change is printed with
 * the two levels it is worked out from (on the criteria answered with a level both times), beside
 * each dimension's full results then and now, and the criteria left out are named; the headline is
 * counted from the same rows. @param {Info} info @param {Since | null} since @returns {Block[]} */
function progressBlocks(info, since) {
  if (!since) {
    return [{ kind: "paragraph", text: "No earlier assessment was chosen to compare with, so this report does not show progress.", style: "empty" }];
  }
  const p = since.progress;
  const earlier = since.assessment;
  const date = model.longDate(earlier.date, "no date");
  /** @type {Part[]} where it came from: a file's name is isolated like the assessment's */
  const from = since.file ? [`, ${date}, from the file `, { bdi: since.file.name }, `: ${p.headline}`] : [`, ${date}: ${p.headline}`];
  /** @type {Block[]} */
  const blocks = [
    {
      kind: "paragraph",
      // The hub tells progress from the earlier to the later; so does the report, whichever is open.
      text: [since.later ? "From this assessment to " : "Since ", { bdi: earlier.name || "Untitled assessment" }, ...from],
      style: "intro",
    },
    {
      kind: "table",
      caption: "Each dimension then and now",
      head: ["Dimension", "Result then (all its answers then)", "Result now (all its answers now)", "Change, on the criteria answered with a level both times"],
      rows: p.rows.map((row) => [row.words.name, row.words.then, row.words.now, row.words.changeFull]),
      style: "progress",
    },
  ];
  // What reading the file found (as the hub says it), and answers the two versions of the
  // framework do not let be compared like for like, named.
  for (const text of [...(since.file ? since.file.warnings : []), ...versionCaveats(info, p)]) blocks.push({ kind: "paragraph", text });
  // Criteria with a level in only one of the two are left out of the changes, and named.
  const apart = p.rows.flatMap((row) => row.leftOut.map((l) => [`${l.number} ${l.title}`, l.then, l.now]));
  if (apart.length) {
    blocks.push(
      { kind: "paragraph", text: "These criteria have a level in only one of the two assessments, so they are left out of the changes above:", style: "intro" },
      { kind: "table", caption: "Criteria answered with a level in only one of the two", head: ["Criterion", "Answer then", "Answer now"], rows: apart }
    );
  }
  return blocks;
}

/** Where the two were made with different versions of the framework: the answers to criteria this
 * version does not have (not compared), and those carried over that need checking, each named.
 * @param {Info} info @param {Progress} p @returns {string[]} */
function versionCaveats(info, p) {
  /** @param {string} id */
  const name = (id) => {
    const found = info.criteria.get(id);
    if (!found) return fill(WORDS.versionCaveats.unknownCriterion, { id });
    return `${found.dimension.number}.${found.dimension.criteria.indexOf(found.criterion) + 1} ${found.criterion.title}`;
  };
  /** @param {string[]} ids @param {string[]} pair */
  const say = (ids, pair) => fill(either(ids.length, pair), { count: ids.length, list: ids.map(name).join(", ") });
  return [
    ...(p.notCompared.length ? [say(p.notCompared, WORDS.versionCaveats.notCompared)] : []),
    ...(p.flagged.length ? [say(p.flagged, WORDS.versionCaveats.flagged)] : []),
  ];
}

/** The whole report. made: the date the report is made (YYYY-MM-DD).
 * @param {Info} info @param {Assessment} assessment @param {string} made
 * @param {Since | null} since @returns {Report} */
function build(info, assessment, made, since) {
  const r = account(info, assessment);
  /** @type {[string, string][]} */
  const facts = [
    [terms(/** @type {any} */ (info.framework)).organisationLabel, assessment.authority || "Not given"],
    ["Date of the assessment", model.longDate(assessment.date, "Not given")],
  ];
  const participants = /** @type {any} */ (assessment).participants;
  if (typeof participants === "string" && participants.trim()) facts.push(["Who took part", participants]);
  facts.push(["Framework", `${info.framework.shortTitle}, version ${info.framework.version}`], ["Report made", model.longDate(made)]);
  return {
    title: assessment.name || "Untitled assessment",
    facts,
    account: r,
    rule: r.words.rule,
    summary: summaryOf(r),
    results: [resultsTable(r)],
    dimensions: dimensionBlocks(info, assessment, r),
    plan: planBlocks(info, assessment),
    progress: progressBlocks(info, since),
  };
}

/** A text's plain words. @param {Text} text */
function plain(text) {
  return typeof text === "string" ? text : text.map((part) => (typeof part === "string" ? part : part.bdi)).join("");
}

export { build, plain, answerText };
