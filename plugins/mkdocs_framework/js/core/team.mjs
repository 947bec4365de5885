/* A team's consensus: several people's answers to the same framework, side by side, and the
 * levels the team agrees. No DOM, no storage.
 *
 * Each person's answers come from an exported file or a results link, checked by decode.mjs
 * exactly as the group page and the form's import check them. For each criterion the view shows
 * every answer, the spread (lowest to highest level) and whether people are two or more levels
 * apart; the median of the levels given is offered as a suggestion, never chosen for the team.
 * The agreed levels become a new assessment (teamAssessment) that the form opens like any other.
 * The facilitator's work in progress is kept in the tab (encodeWork) and checked again, as a
 * file would be, when it is read back (decodeWork).
 */

import { levelLabel } from "../results/words.mjs";
import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import { decode, decodeFile, decodeLink, MAX_TEXT } from "./decode.mjs";
import { migrateAssessment } from "./migrate.mjs";
import { noteFields } from "./terms.mjs";
import { isPlainObject } from "./util.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./model.mjs").Criterion} Criterion
 * @typedef {import("./model.mjs").Dimension} Dimension
 * @typedef {object} Source  one person's answers, read and checked
 * @property {"ok"} status
 * @property {"file"|"link"} kind
 * @property {string} source  the file's name, or which link it was
 * @property {Assessment} assessment
 * @property {string} otherVersion  the framework version it was made with when not this one
 * @typedef {{status: "broken"|"foreign", source: string, reason: string}} Problem
 * @typedef {object} Person  a respondent in the team view
 * @property {number} key
 * @property {string} name  as the facilitator has it (editable)
 * @property {"file"|"link"} kind
 * @property {string} source
 * @property {Assessment} assessment
 * @property {string} otherVersion
 * @typedef {object} CriterionView
 * @property {Criterion} criterion
 * @property {Dimension} dimension
 * @property {string} number  "1.2"
 * @property {string[]} answers  each person's answer: a level id, NOT_SURE, NOT_APPLICABLE or ""
 * @property {(number|null)[]} levels  each person's level number, null when not a level
 * @property {number|null} lowest
 * @property {number|null} highest
 * @property {number} gap  highest - lowest (0 with fewer than two levels)
 * @property {boolean} apart  two or more levels apart
 * @property {string} suggestion  the level id, NOT_APPLICABLE when everyone said so, else ""
 * @typedef {object} DimensionView
 * @property {Dimension} dimension
 * @property {scoring.DimensionResult[]} results  each person's result
 * @property {number|null} lowest  the lowest level among the results
 * @property {number|null} highest
 * @property {boolean} apart
 */

/** @typedef {import("./scoring.mjs").DimensionResult} DimensionResult */

export const MAX_NAME = 120;
export const MAX_NOTE = 2000;
/* The most people one team view holds. A leadership team is a handful; the limit only keeps a
 * mistaken choice of a whole folder from outgrowing the tab. Adding beyond it is refused with a
 * message at the moment of adding (state.mjs), and everything added is read back after a reload. */
export const MAX_PEOPLE = 10000;
/* Beyond this many people each criterion shows counts per answer instead of one row per person;
 * who gave which answer is shown on demand. */
export const ROWS_UP_TO = 20;

/* ---- Reading each person's answers --------------------------------------------------------- */

/** @param {Info} info @param {"file"|"link"} kind @param {string} source @param {import("./decode.mjs").Decoded} decoded
 * @returns {Source|Problem} */
function fromDecoded(info, kind, source, decoded) {
  const reason = decoded.problems.errors.join(" ");
  if (decoded.outcome === "foreign") return { status: "foreign", source, reason };
  if (!decoded.assessment) return { status: "broken", source, reason };
  const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
  return { status: "ok", kind, source, assessment: decoded.assessment, otherVersion };
}

/** An exported file, as text or as the bytes a file chooser gives (size: its size on disk).
 * @param {Info} info @param {string} name @param {string | Uint8Array} content @param {number} [size] */
export function readFile(info, name, content, size) {
  return fromDecoded(info, "file", name, decodeFile(info, content, size, "group", migrateAssessment));
}

/** The results links in pasted text: every address (or bare fragment) holding "r1.", one per line
 * or separated by spaces. @param {string} text @returns {string[]} */
export function linksIn(text) {
  return String(text || "")
    .split(/\s+/)
    .filter((word) => word.includes("#") || word.startsWith("r1."))
    .map((word) => word.slice(word.indexOf("#") + 1));
}

/** One results link's fragment (the part after "#"). @param {Info} info @param {string} fragment */
export function readLink(info, fragment) {
  return fromDecoded(info, "link", "results link", decodeLink(info, fragment, migrateAssessment));
}

/** True when two people's answers are the same file or link given twice (or one person's file and
 * link): the same name, authority, date, answers and targets. @param {Assessment} a @param {Assessment} b */
export function sameAnswers(a, b) {
  return answersKey(a) === answersKey(b);
}

/** What sameAnswers compares, as one string, so that many people are checked with a Set.
 * @param {Assessment} a */
export function answersKey(a) {
  return JSON.stringify([a.name, a.authority, a.date, sorted(a.answers), sorted(a.targets)]);
}

/** @param {Record<string, string>} map */
function sorted(map) {
  return Object.keys(map)
    .sort()
    .map((id) => [id, map[id]]);
}

/** The "who took part" field of an assessment, when it has one. @param {Assessment} assessment */
export function participantsOf(assessment) {
  const value = /** @type {any} */ (assessment).participants;
  return typeof value === "string" ? value : "";
}

/** The name a person is first given: who took part, as their export says; else the assessment's
 * name; else "Respondent 1", "Respondent 2"... @param {Assessment} assessment @param {number} index 0, 1, ... */
export function defaultName(assessment, index) {
  const name = participantsOf(assessment).trim() || assessment.name.trim();
  return name ? name.slice(0, MAX_NAME) : `Respondent ${index + 1}`;
}

/* ---- Side by side ------------------------------------------------------------------------ */

/** The median of level numbers, rounded down to a level when it falls between two (as the form
 * rounds a score down to its level); null for none. @param {number[]} numbers */
export function medianLevel(numbers) {
  if (!numbers.length) return null;
  // Counted, not sorted: levels are a handful of small numbers, and thousands of people may answer.
  /** @type {number[]} */
  const counts = [];
  for (const n of numbers) counts[n] = (counts[n] || 0) + 1;
  const nth = (/** @type {number} */ k) => {
    let seen = 0;
    for (let value = 0; value < counts.length; value += 1) {
      seen += counts[value] || 0;
      if (seen > k) return value;
    }
    return counts.length - 1;
  };
  const middle = Math.floor(numbers.length / 2);
  return numbers.length % 2 ? nth(middle) : Math.floor((nth(middle - 1) + nth(middle)) / 2);
}
/** @param {Info} info @param {Assessment} assessment @param {string} id */
function answerOf(info, assessment, id) {
  const value = model.has(assessment.answers, id) ? assessment.answers[id] : "";
  return model.isAllowedAnswer(info, value) ? value : "";
}

/** A person's answer to every criterion, in the framework's order (what criteria() reads; the page
 * works it out once per person). @param {Info} info @param {Assessment} assessment @returns {string[]} */
export function answerRow(info, assessment) {
  return info.framework.dimensions.flatMap((dimension) => dimension.criteria.map((criterion) => answerOf(info, assessment, criterion.id)));
}

/** Each dimension's result for a person, in the framework's order (what dimensions() reads).
 * @param {Info} info @param {Assessment} assessment @returns {DimensionResult[]} */
export function resultRow(info, assessment) {
  return info.framework.dimensions.map((dimension) => scoring.scoreDimension(info, assessment, dimension));
}

/** Every criterion with each person's answer, the spread and the suggestion.
 * @param {Info} info @param {Assessment[]} assessments @param {(a: Assessment) => string[]} [rowOf] answerRow, perhaps kept
 * @returns {CriterionView[]} */
export function criteria(info, assessments, rowOf = (/** @type {Assessment} */ a) => answerRow(info, a)) {
  /** @type {CriterionView[]} */
  const views = [];
  const rows = assessments.map(rowOf);
  let column = 0;
  for (const dimension of info.framework.dimensions) {
    dimension.criteria.forEach((criterion, i) => {
      const at = column;
      column += 1;
      const answers = rows.map((row) => row[at]);
      const levels = answers.map((value) => info.levelIndex.get(value) || null);
      const given = levels.filter((level) => level !== null);
      const lowest = given.length ? Math.min(...given) : null;
      const highest = given.length ? Math.max(...given) : null;
      const gap = highest !== null && lowest !== null ? highest - lowest : 0;
      const middle = medianLevel(given);
      const everyoneNotApplicable = answers.length > 0 && answers.every((value) => value === model.NOT_APPLICABLE);
      const suggestion = middle ? info.framework.levels[middle - 1].id : everyoneNotApplicable ? model.NOT_APPLICABLE : "";
      views.push({ criterion, dimension, number: `${dimension.number}.${i + 1}`, answers, levels, lowest, highest, gap, apart: gap >= 2, suggestion });
    });
  }
  return views;
}

/** Every dimension with each person's result (scoring.mjs, as the form works it out) and the
 * spread of their levels. @param {Info} info @param {Assessment[]} assessments
 * @param {(a: Assessment) => DimensionResult[]} [resultsOf] resultRow, perhaps kept @returns {DimensionView[]} */
export function dimensions(info, assessments, resultsOf = (/** @type {Assessment} */ a) => resultRow(info, a)) {
  const rows = assessments.map(resultsOf);
  return info.framework.dimensions.map((dimension, at) => {
    const results = rows.map((row) => row[at]);
    const given = results.map((r) => r.level).filter((level) => level !== null);
    const lowest = given.length ? Math.min(...given) : null;
    const highest = given.length ? Math.max(...given) : null;
    return { dimension, results, lowest, highest, apart: highest !== null && lowest !== null && highest - lowest >= 2 };
  });
}

/** How a criterion's or dimension's levels spread, in words: "Emerging to Embedded",
 * "All at Developing", "No levels given". @param {Info} info @param {number|null} lowest @param {number|null} highest */
export function spreadText(info, lowest, highest) {
  if (lowest === null || highest === null) return "No levels given";
  const label = (/** @type {number} */ n) => levelLabel(info.framework, n);
  return lowest === highest ? `All at ${label(lowest)}` : `${label(lowest)} to ${label(highest)}`;
}

export const answerText = model.answerText;

/** How many people gave each answer to a criterion, in the order of the choices (each level, then
 * Not sure yet, Not applicable, Not answered), leaving out answers no one gave: what the page
 * shows instead of one row per person when many people are open.
 * @param {Info} info @param {CriterionView} view @returns {{value: string, count: number, people: number[]}[]} */
export function answerCounts(info, view) {
  const order = [...info.framework.levels.map((level) => level.id), model.NOT_SURE, model.NOT_APPLICABLE, ""];
  /** @type {Map<string, number[]>} */
  const byValue = new Map(order.map((value) => [value, []]));
  view.answers.forEach((value, person) => /** @type {number[]} */ (byValue.get(byValue.has(value) ? value : "")).push(person));
  return order.map((value) => ({ value, count: byValue.get(value)?.length || 0, people: byValue.get(value) || [] })).filter((row) => row.count > 0);
}

/** The answer everyone gave to a criterion, when it is one the team can agree as it stands (a level
 * or Not applicable); "" when people differ, or anyone is not sure or did not answer.
 * @param {Info} info @param {CriterionView} view */
export function unanimousAnswer(info, view) {
  const [first] = view.answers;
  if (!first || !(first === model.NOT_APPLICABLE || info.levelIndex.has(first))) return "";
  return view.answers.every((value) => value === first) ? first : "";
}

/** "Accept every criterion where everyone agrees": the agreed levels with each unanimous criterion
 * that has none yet set to everyone's answer. A level the facilitator already chose is never
 * changed (kept lists those that differ from everyone's answer).
 * @param {Info} info @param {CriterionView[]} views @param {Record<string, string>} agreed
 * @returns {{agreed: Record<string, string>, accepted: string[], kept: string[]}} */
export function acceptUnanimous(info, views, agreed) {
  const next = { ...agreed };
  /** @type {string[]} */
  const accepted = [];
  /** @type {string[]} */
  const kept = [];
  for (const view of views) {
    const id = view.criterion.id;
    const everyone = unanimousAnswer(info, view);
    if (!everyone) continue;
    if (!model.has(agreed, id) || !agreed[id]) {
      next[id] = everyone;
      accepted.push(id);
    } else if (agreed[id] !== everyone) kept.push(id);
  }
  return { agreed: next, accepted, kept };
}

/** The notes fields of each dimension (framework.yml notes:, in its order) that an assessment holds.
 * @param {Info} info */
const noteKinds = (info) => noteFields(info.framework).filter((field) => field.id === "evidence" || field.id === "views");

/** A person's notes on a dimension, as typed, in the order of the framework's notes fields; only
 * those with text. @param {Info} info @param {Assessment} assessment @param {string} dimensionId
 * @returns {{kind: string, label: string, text: string}[]} */
export function notesOf(info, assessment, dimensionId) {
  const notes = model.has(assessment.notes, dimensionId) ? assessment.notes[dimensionId] : null;
  if (!notes) return [];
  return noteKinds(info)
    .map((field) => ({ kind: field.id, label: field.label, text: model.has(notes, field.id) ? String(/** @type {any} */ (notes)[field.id] || "") : "" }))
    .filter((note) => note.text.trim());
}

/* ---- The team's assessment ----------------------------------------------------------------- */

/** "Ann, Bob and Carol". @param {string[]} names */
export function joinNames(names) {
  const list = names.map((name) => name.trim()).filter(Boolean);
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list.join("");
}

export const DISCUSSION = "Team discussion where people's answers differed:";
export const WROTE = "What each person wrote:";

/** Who gave which answer to a criterion: "Ann: Emerging; Bob: Developing", or with more people
 * than a row each, how many gave each answer ("3 Emerging, 2 Developing"), so a line stays short.
 * @param {Info} info @param {CriterionView} view @param {string[]} names */
function whoAnswered(info, view, names) {
  if (names.length > ROWS_UP_TO) return answerCounts(info, view).map((row) => `${row.count} ${answerText(info, row.value)}`).join(", ");
  return view.answers.map((value, i) => `${names[i]}: ${answerText(info, value)}`).join("; ");
}

/** What the team discussed where people disagreed, one line per criterion (those with a note, or
 * two or more levels apart), each with the facilitator's note whole.
 * @param {Info} info @param {CriterionView[]} views the dimension's criteria @param {string[]} names
 * @param {Record<string, string>} agreed @param {Record<string, string>} notes @returns {string[]} */
export function discussionLines(info, views, names, agreed, notes) {
  const lines = [];
  for (const view of views) {
    const id = view.criterion.id;
    const note = model.has(notes, id) ? notes[id].trim() : "";
    if (!note && !view.apart) continue;
    const decided = model.has(agreed, id) && agreed[id] ? `agreed ${answerText(info, agreed[id])}` : "no level agreed yet";
    let line = `${view.number} ${view.criterion.title}: answers ${spreadText(info, view.lowest, view.highest).replace(/^All at/, "all at")} (${whoAnswered(info, view, names)}); ${decided}.`;
    if (note) line += ` ${note}`;
    lines.push(line);
  }
  return lines;
}

/** The evidence note of one dimension's discussion, as one text ("" when there is nothing to say).
 * @param {Info} info @param {CriterionView[]} views @param {string[]} names
 * @param {Record<string, string>} agreed @param {Record<string, string>} notes */
export function disagreementNote(info, views, names, agreed, notes) {
  const lines = discussionLines(info, views, names, agreed, notes);
  return lines.length ? `${DISCUSSION}\n${lines.join("\n")}` : "";
}

/**
 * @typedef {object} Piece  one thing to write in a note field: a person's note, or a line of the discussion
 * @property {string} heading  the heading of the part it belongs to (WROTE or DISCUSSION)
 * @property {string} text  as it is written in the field ("Ann: …")
 * @property {string} person  whose note it is ("" for the discussion)
 * @property {string} typed  what was typed, whole (a person's note), or the line
 */

/** The pieces, in order, within a field of at most `limit` characters: each part's heading once,
 * before its first piece that fits; pieces apart by a blank line (a person's note) or a line
 * break (the discussion). A piece that would pass the limit is set aside whole, never cut.
 * @param {Piece[]} pieces @param {number} limit @returns {{text: string, aside: Piece[]}} */
export function fitPieces(pieces, limit) {
  let text = "";
  let heading = "";
  /** @type {Piece[]} */
  const aside = [];
  for (const piece of pieces) {
    const gap = piece.person ? "\n\n" : "\n";
    const lead = piece.heading === heading ? gap : `${text ? "\n\n" : ""}${piece.heading}\n`;
    const next = `${text}${lead}${piece.text}`;
    if (next.length > limit) aside.push(piece);
    else [text, heading] = [next, piece.heading];
  }
  return { text, aside };
}

/** One dimension's notes fields in the team's assessment: each person's notes, named ("Ann: …"),
 * and in the evidence field the discussion after them.
 * @param {Info} info @param {Dimension} dimension @param {{name: string, assessment: Assessment}[]} people
 * @param {string[]} discussion the dimension's discussionLines @returns {Record<string, Piece[]>} field id -> pieces */
function piecesOf(info, dimension, people, discussion) {
  /** @type {Record<string, Piece[]>} */
  const fields = {};
  for (const field of noteKinds(info)) fields[field.id] = [];
  for (const person of people) {
    for (const note of notesOf(info, person.assessment, dimension.id)) {
      if (!fields[note.kind]) continue;
      fields[note.kind].push({ heading: WROTE, text: `${person.name}: ${note.text.trim()}`, person: person.name, typed: note.text });
    }
  }
  const evidence = fields.evidence ? "evidence" : Object.keys(fields)[0];
  if (evidence) for (const line of discussion) fields[evidence].push({ heading: DISCUSSION, text: line, person: "", typed: line });
  return fields;
}

/**
 * The team's assessment, ready to save: the agreed levels as its answers, who took part from the
 * people's names, and in each dimension's notes, every person's notes named by person, and the
 * discussion. A note field holds at most decode.mjs's MAX_TEXT characters (a longer one makes the
 * file unreadable); what does not fit is kept whole in the assessment's notCarried (reason "long":
 * exports keep it), each entry naming the dimension, the field and whose note it is.
 * @param {Info} info @param {{people: {name: string, assessment: Assessment}[], agreed: Record<string, string>,
 *   notes: Record<string, string>, name: string, authority: string}} work @param {Date} [now]
 * @returns {Assessment}
 */
export function teamAssessment(info, work, now) {
  const record = model.blankAssessment(info, now);
  const names = work.people.map((p) => p.name.trim() || "Unnamed");
  record.name = work.name.trim().slice(0, 300) || "Team assessment";
  record.authority = work.authority.trim().slice(0, 300);
  /** @type {any} */ (record).participants = joinNames(names).slice(0, 5000);
  for (const [id, value] of Object.entries(work.agreed)) {
    if (info.criteria.has(id) && model.isAllowedAnswer(info, value)) model.setAnswer(info, record, id, value);
  }
  const views = criteria(info, work.people.map((p) => p.assessment));
  const people = work.people.map((p, i) => ({ name: names[i], assessment: p.assessment }));
  /** @type {import("./model.mjs").NotCarried[]} */
  const aside = [];
  for (const dimension of info.framework.dimensions) {
    const discussion = discussionLines(info, views.filter((v) => v.dimension === dimension), names, work.agreed, work.notes);
    for (const [kind, pieces] of Object.entries(piecesOf(info, dimension, people, discussion))) {
      const fitted = fitPieces(pieces, MAX_TEXT);
      if (fitted.text) model.setNote(info, record, dimension.id, kind, fitted.text);
      for (const piece of fitted.aside) {
        /** @type {Record<string, string>} */
        // Whole: a person's note is at most MAX_TEXT (decode.mjs), a line of the discussion far less.
        const value = piece.person ? { person: piece.person } : {};
        value[kind] = piece.typed;
        aside.push({ kind: "notes", id: dimension.id, value, reason: "long", version: info.framework.version });
      }
    }
  }
  if (aside.length) record.notCarried = aside;
  if (now) record.updated = now.toISOString();
  return record;
}

/** The notes that did not fit in the team's assessment (teamAssessment keeps them aside whole).
 * @param {Assessment | null} record */
export function notesAside(record) {
  return (record && Array.isArray(record.notCarried) ? record.notCarried : []).filter((entry) => entry.kind === "notes" && entry.reason === "long");
}

/** The authority the people share, or "" when they name none or different ones.
 * @param {Assessment[]} assessments */
export function sharedAuthority(assessments) {
  const named = new Set(assessments.map((a) => a.authority.trim()).filter(Boolean));
  return named.size === 1 ? [...named][0] : "";
}

/* ---- Saving again -------------------------------------------------------------------------- */

/**
 * @typedef {object} KeptEdit  a part of the team's assessment changed in the form since the team
 *   view last saved it, where the team view would now write something else: the form's is kept
 * @property {"note"|"answer"|"detail"} kind
 * @property {string} id  the dimension (note), criterion (answer) or field (detail: name, authority, participants, date)
 * @property {string} [noteKind]  "evidence" or "views"
 * @property {boolean} [added]  a note: the team view's new lines were added after the form's text
 * @property {string} [theirs]  an answer: the one kept from the form ("" for none)
 * @property {string} [mine]  an answer: the one the team view has
 */

/** @param {unknown} value */
const str = (value) => (typeof value === "string" ? value : "");

/** The team view's lines that are new since it last saved and not already in the form's text.
 * @param {string} base @param {string} mine @param {string} theirs */
function newLines(base, mine, theirs) {
  const before = new Set(base.split("\n"));
  const there = new Set(theirs.split("\n").map((line) => line.trim()));
  return mine.split("\n").filter((line) => line.trim() && !before.has(line) && !there.has(line.trim()));
}

/** @param {any} record @param {string} dimensionId @param {string} kind */
function noteOf(record, dimensionId, kind) {
  const notes = isPlainObject(record) && isPlainObject(record.notes) ? record.notes : {};
  return isPlainObject(notes[dimensionId]) ? str(notes[dimensionId][kind]) : "";
}

/** @param {any} record @param {string} id */
function answerIn(record, id) {
  const answers = isPlainObject(record) && isPlainObject(record.answers) ? record.answers : {};
  return model.has(answers, id) ? str(answers[id]) : "";
}

/**
 * Saving the team's assessment again, after it may have been changed in the form. base is the
 * record as the team view last wrote it, mine as the team view would write it now, theirs as it is
 * saved now. Where theirs differs from base (a person changed it in the form) and mine differs
 * too, what the person typed or chose is kept: a note keeps their text and gains, after it, only
 * the lines of the discussion that are new; a level or a detail stays as chosen in the form. Where
 * only the form changed it, the form's stands; where only the team view did, the team view's. The
 * store's merge (storage.mjs) does the same for every other field.
 * @param {Info} info @param {any} base @param {Assessment} mine @param {any} theirs
 * @returns {{record: Assessment, kept: KeptEdit[]}}
 */
export function keepEdits(info, base, mine, theirs) {
  /** @type {KeptEdit[]} */
  const kept = [];
  if (!isPlainObject(base) || !isPlainObject(theirs)) return { record: mine, kept };
  const record = /** @type {Assessment} */ (JSON.parse(JSON.stringify(mine)));
  for (const dimension of info.framework.dimensions) {
    for (const kind of /** @type {const} */ (["evidence", "views"])) {
      const [was, now, edited] = [noteOf(base, dimension.id, kind), noteOf(mine, dimension.id, kind), noteOf(theirs, dimension.id, kind)];
      if (edited === was || now === edited) continue;
      const lines = now === was ? [] : newLines(was, now, edited);
      const text = lines.length ? `${edited.trimEnd()}${edited.trim() ? "\n\n" : ""}${lines.join("\n")}` : edited;
      if (!isPlainObject(record.notes[dimension.id])) record.notes[dimension.id] = { evidence: "", views: "" };
      record.notes[dimension.id][kind] = text;
      if (now !== was) kept.push({ kind: "note", id: dimension.id, noteKind: kind, added: lines.length > 0 });
    }
  }
  for (const id of info.criteria.keys()) {
    const [was, now, edited] = [answerIn(base, id), answerIn(mine, id), answerIn(theirs, id)];
    if (edited === was || now === edited) continue;
    if (edited) record.answers[id] = edited;
    else delete record.answers[id];
    if (now !== was) kept.push({ kind: "answer", id, theirs: edited, mine: now });
  }
  for (const field of ["name", "authority", "participants", "date"]) {
    const [was, now, edited] = [str(base[field]), str(/** @type {any} */ (mine)[field]), str(theirs[field])];
    if (edited === was || now === edited) continue;
    /** @type {any} */ (record)[field] = edited;
    if (now !== was) kept.push({ kind: "detail", id: field });
  }
  return { record, kept };
}

/* ---- The work in progress, kept in the tab ------------------------------------------------- */

/**
 * @typedef {object} Work  what the facilitator has done so far
 * @property {Person[]} people
 * @property {Record<string, string>} agreed  criterion id -> answer
 * @property {Record<string, string>} notes  criterion id -> note
 * @property {boolean} hideNames
 * @property {boolean} large
 * @property {string} name  the team assessment's name
 * @property {string} savedId  the id of the team's assessment once saved, else ""
 * @property {any} savedAs  the record as it was last saved (to merge with changes made since), or null
 */

/* Kept compactly, so that a tab's storage (about five million characters) holds any team the page
 * takes: each person as the few fields the team view uses (names, dates, and one character per
 * criterion and per dimension's target), never their whole export. Their notes and action plans
 * are not used here and stay in their own files. The ids of the levels, criteria and dimensions are
 * written once, so that the answers are read back by id even after the framework has changed. */
const CODES = "123456789abcdefghijklmnopqrstuvwxyz";
export const APART = '"apart"';

/** One answer as one character. @param {Info} info @param {string} value */
function answerCode(info, value) {
  if (value === model.NOT_APPLICABLE) return "n";
  if (value === model.NOT_SURE) return "s";
  const index = info.levelIndex.get(value);
  return index && index <= CODES.length ? CODES[index - 1] : ".";
}

/** @param {string[]} levels the level ids as written @param {string} code */
function answerFrom(levels, code) {
  if (code === "n") return model.NOT_APPLICABLE;
  if (code === "s") return model.NOT_SURE;
  const index = CODES.indexOf(code);
  return index >= 0 && index < levels.length ? levels[index] : "";
}

/** The people, as encodeWork writes them: kept apart so that the page writes them once per change
 * of people or names, not at every key pressed in a note. @param {Info} info @param {Person[]} people */
export function encodePeople(info, people) {
  const criteriaIds = [...info.criteria.keys()];
  const dimensionIds = info.framework.dimensions.map((d) => d.id);
  return JSON.stringify(
    people.map((p) => {
      const a = p.assessment;
      const answers = criteriaIds.map((id) => answerCode(info, model.has(a.answers, id) ? a.answers[id] : "")).join("");
      const targets = dimensionIds.map((id) => answerCode(info, model.has(a.targets, id) ? a.targets[id] : "")).join("");
      return [p.name, p.kind, p.source, p.otherVersion, a.name, a.authority, a.date, participantsOf(a), answers, targets];
    })
  );
}

/** The work as one text; with people APART, the people are left for the caller to keep under a key
 * of their own (encodePeople), and decodeWork is then given them beside the work.
 * @param {Info} info @param {Work} work @param {string} [people] encodePeople's text, or APART @returns {string} */
export function encodeWork(info, work, people) {
  const rest = JSON.stringify({
    version: 2,
    frameworkId: info.framework.id,
    levels: info.framework.levels.map((level) => level.id),
    criteria: [...info.criteria.keys()],
    dimensions: info.framework.dimensions.map((d) => d.id),
    agreed: work.agreed,
    notes: work.notes,
    hideNames: work.hideNames,
    large: work.large,
    name: work.name,
    savedId: work.savedId,
    savedAs: work.savedAs,
  });
  return `{"people":${people ?? encodePeople(info, work.people)},${rest.slice(1)}`;
}

/** @param {unknown} value @param {number} limit */
const text = (value, limit) => (typeof value === "string" ? value.slice(0, limit) : "");

/** The work in progress read back from the tab, checked as strictly as files are: each person's
 * answers go through decode.mjs again, and anything else that is not what encodeWork writes is
 * left out. Null when there is nothing usable. @param {Info} info @param {string | null} stored
 * @param {string | null} [apart] the people, when encodeWork wrote them APART @returns {Work|null} */
export function decodeWork(info, stored, apart) {
  let raw;
  try {
    raw = JSON.parse(stored || "null");
  } catch {
    return null;
  }
  if (!isPlainObject(raw) || (raw.version !== 1 && raw.version !== 2) || raw.frameworkId !== info.framework.id) return null;
  if (raw.people === "apart") {
    try {
      raw.people = JSON.parse(apart || "[]");
    } catch {
      raw.people = [];
    }
  }
  const people = raw.version === 2 ? peopleFrom(info, raw) : exportsFrom(info, raw.people);
  /** @type {Record<string, string>} */
  const agreed = {};
  for (const [id, value] of Object.entries(isPlainObject(raw.agreed) ? raw.agreed : {})) {
    if (info.criteria.has(id) && model.isAllowedAnswer(info, value)) agreed[id] = value;
  }
  /** @type {Record<string, string>} */
  const notes = {};
  for (const [id, value] of Object.entries(isPlainObject(raw.notes) ? raw.notes : {})) {
    if (info.criteria.has(id) && typeof value === "string" && value) notes[id] = value.slice(0, MAX_NOTE);
  }
  const savedId = /^[A-Za-z0-9-]{1,64}$/.test(raw.savedId) ? raw.savedId : "";
  return {
    people,
    agreed,
    notes,
    hideNames: raw.hideNames === true,
    large: raw.large === true,
    name: text(raw.name, 300),
    savedId,
    savedAs: savedId && isPlainObject(raw.savedAs) ? raw.savedAs : null,
  };
}

/** People's notes, kept in the tab under a key of their own (they can be long: when the tab cannot
 * hold them, the answers are still kept): for each person, their notes by dimension as typed.
 * @param {Person[]} people */
export function encodeNotes(people) {
  return JSON.stringify(people.map((p) => p.assessment.notes || {}));
}

/** People's notes read back (encodeNotes), each checked as a file's are: text of at most MAX_TEXT,
 * for a dimension of this framework; given to the people in the same order.
 * @param {Info} info @param {string | null} stored @param {Person[]} people @returns {boolean} true when read */
export function decodeNotes(info, stored, people) {
  let raw;
  try {
    raw = JSON.parse(stored || "null");
  } catch {
    return false;
  }
  if (!Array.isArray(raw) || raw.length !== people.length) return false;
  people.forEach((person, i) => {
    const notes = isPlainObject(raw[i]) ? raw[i] : {};
    for (const [id, entry] of Object.entries(notes)) {
      if (!info.dimensions.has(id) || !isPlainObject(entry)) continue;
      for (const field of noteKinds(info)) {
        const value = entry[field.id];
        if (typeof value === "string" && value && value.length <= MAX_TEXT) model.setNote(info, person.assessment, id, field.id, value);
      }
    }
  });
  return true;
}

/** @param {unknown} value */
const ids = (value) => (Array.isArray(value) ? value.map((id) => (typeof id === "string" ? id : "")) : []);

/** The people as encodeWork writes them, each field checked: answers only where the criterion and
 * the answer exist in this framework. @param {Info} info @param {Record<string, any>} raw @returns {Person[]} */
function peopleFrom(info, raw) {
  const [levels, criteriaIds, dimensionIds] = [ids(raw.levels), ids(raw.criteria), ids(raw.dimensions)];
  /** @type {Person[]} */
  const people = [];
  for (const entry of Array.isArray(raw.people) ? raw.people : []) {
    if (!Array.isArray(entry) || entry.length !== 10) continue;
    const [name, kind, source, otherVersion, aName, authority, date, participants, answers, targets] = entry;
    const assessment = model.blankAssessment(info);
    assessment.name = text(aName, 300);
    assessment.authority = text(authority, 300);
    assessment.date = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : "";
    if (typeof participants === "string" && participants) /** @type {any} */ (assessment).participants = participants.slice(0, 5000);
    [...text(answers, criteriaIds.length)].forEach((code, i) => {
      const value = answerFrom(levels, code);
      if (info.criteria.has(criteriaIds[i]) && model.isAllowedAnswer(info, value)) assessment.answers[criteriaIds[i]] = value;
    });
    [...text(targets, dimensionIds.length)].forEach((code, i) => {
      const value = answerFrom(levels, code);
      if (info.dimensions.has(dimensionIds[i]) && info.levelIndex.has(value)) assessment.targets[dimensionIds[i]] = value;
    });
    people.push({ key: people.length + 1, name: text(name, MAX_NAME), kind: kind === "file" ? "file" : "link", source: text(source, 300) || "results link", assessment, otherVersion: text(otherVersion, 100) });
  }
  return people;
}

/** The people as the first version of this page kept them, each a whole export checked again by
 * decode.mjs. @param {Info} info @param {unknown} list @returns {Person[]} */
function exportsFrom(info, list) {
  /** @type {Person[]} */
  const people = [];
  for (const entry of Array.isArray(list) ? list : []) {
    if (!isPlainObject(entry)) continue;
    const decoded = decode(info, entry.file, "group", migrateAssessment);
    if (!decoded.assessment) continue;
    const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
    people.push({ key: people.length + 1, name: text(entry.name, MAX_NAME), kind: entry.kind === "file" ? "file" : "link", source: text(entry.source, 300) || "results link", assessment: decoded.assessment, otherVersion });
  }
  return people;
}
