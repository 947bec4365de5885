/* The account of progress between two assessments: each dimension's full results then and now,
 * the levels then and now on the criteria answered with a level both times (like for like), the
 * change between those levels, the criteria left out, named, and a headline counted from the same
 * rows. No DOM. The comparison itself (carrying both to this version of the framework, the
 * like-for-like results, the answers that moved) is core/compare.mjs's; this gives its facts with
 * their words, so a change is never stated beside levels that do not show it.
 */

import * as compare from "../core/compare.mjs";
import { account, dimensionAccount } from "./account.mjs";
import { WORDS, fill, count, either, levelLabel, scoreText, answerWords } from "./words.mjs";

/**
 * @typedef {import("../core/model.mjs").Info} Info
 * @typedef {import("../core/model.mjs").Assessment} Assessment
 * @typedef {import("./account.mjs").Account} Account
 * @typedef {import("./account.mjs").DimensionAccount} DimensionAccount
 * @typedef {import("../core/compare.mjs").DimensionChange} DimensionChange
 * @typedef {{score: number | null, level: number | null, label: string}} Like  a result on the criteria answered both times
 * @typedef {{number: string, title: string, criterion: import("../core/model.mjs").Criterion, then: string, now: string}} LeftOut
 *   a criterion with a level in only one of the two, with its answers then and now in words
 * @typedef {object} RowWords
 * @property {string} name
 * @property {string} then  "2.5 Developing, from 2 of 3 criteria", or "No result yet" / "Not applicable"
 * @property {string} now
 * @property {string} change  "Up 1 level", "Down 2 levels", "No change in level", "Not compared: ..."
 * @property {string} like  "On the 2 criteria answered both times: Developing (2.5) → Established (3.0)", or ""
 * @property {string} changeFull  change, then like: "Up 1 level. On the 2 criteria answered both times: Developing (2.5) → Established (3.0)"
 * @property {string} scoreChange  "+0.5 on 2 criteria answered both times", or ""
 * @property {string} leftOut  "Left out: 3.3 Consent (Not sure yet then, Embedded now)", or ""
 * @typedef {object} ProgressRow
 * @property {import("../core/model.mjs").Dimension} dimension
 * @property {DimensionAccount} then  the full result then (all its answers then)
 * @property {DimensionAccount} now  the full result now
 * @property {number} compared  criteria answered with a level both times
 * @property {Like} likeThen  the result then on those criteria only
 * @property {Like} likeNow  the result now on those criteria only
 * @property {"up" | "down" | "same" | null} direction  from likeThen.level to likeNow.level; null: not compared
 * @property {number | null} levels  likeNow.level - likeThen.level
 * @property {number | null} change  likeNow.score - likeThen.score, one decimal place
 * @property {LeftOut[]} leftOut
 * @property {RowWords} words
 * @typedef {object} Progress
 * @property {Account} then  the earlier assessment's account (carried to this version of the framework)
 * @property {Account} now  the later one's
 * @property {ProgressRow[]} rows
 * @property {{up: number, down: number, same: number, notCompared: number}} counts  counted from rows
 * @property {string} headline  "2 dimensions moved up a level, 1 down, ..., on the criteria answered in both assessments."
 * @property {import("../core/compare.mjs").Moved[]} moved  criteria whose answers differ
 * @property {string[]} notCompared  ids of answers to criteria this version does not have
 * @property {string[]} flagged  ids of answers carried over that need checking
 * @property {boolean} likeForLike  neither of the two lists has anything
 */

/** @param {Info} info @param {{score: number | null, level: number | null}} m @returns {Like} */
function like(info, m) {
  return { score: m.score, level: m.level, label: levelLabel(info.framework, m.level) };
}

/** "2.5 Developing, from 2 of 3 criteria", or the kind of result when there is none. @param {DimensionAccount} d */
function fullWords(d) {
  return d.score === null ? d.words.level : `${d.words.result}, ${d.words.coverage}`;
}

/** "+0.5", "−1.0", "0.0" @param {number | null} change */
function signed(change) {
  if (change === null) return "";
  const text = Math.abs(change).toFixed(1);
  return change > 0 ? `+${text}` : change < 0 ? `\u2212${text}` : text;
}

/** @param {DimensionChange} c */
function changeWords(c) {
  if (c.direction === null) return WORDS.progress.notCompared;
  if (c.direction === "same") return WORDS.progress.same;
  const levels = count(Math.abs(/** @type {number} */ (c.levels)), "level");
  return fill(c.direction === "up" ? WORDS.progress.up : WORDS.progress.down, { levels });
}

/** @param {Info} info @param {DimensionChange} c @returns {ProgressRow} */
function row(info, c) {
  const then = dimensionAccount(info, c.then);
  const now = dimensionAccount(info, c.now);
  const likeThen = like(info, c.likeThen);
  const likeNow = like(info, c.likeNow);
  const compared = c.direction !== null;
  const criteria = count(c.compared, "criterion");
  const side = (/** @type {Like} */ l) => fill(WORDS.progress.likeLevel, { level: l.label, score: scoreText(l.score) });
  const likeText = compared ? fill(WORDS.progress.like, { criteria, then: side(likeThen), now: side(likeNow) }) : "";
  const change = changeWords(c);
  /** @type {LeftOut[]} */
  const leftOut = [
    ...c.onlyThen.map((a) => ({ a, then: a.value, now: a.other })),
    ...c.onlyNow.map((a) => ({ a, then: a.other, now: a.value })),
  ]
    .sort((x, y) => c.dimension.criteria.indexOf(x.a.criterion) - c.dimension.criteria.indexOf(y.a.criterion))
    .map(({ a, then, now }) => ({
      number: a.number,
      title: a.criterion.title,
      criterion: a.criterion,
      then: answerWords(info.framework, info.levelIndex, then),
      now: answerWords(info.framework, info.levelIndex, now),
    }));
  const list = leftOut.map((l) => fill(WORDS.progress.leftOutItem, { number: l.number, title: l.title, then: l.then, now: l.now })).join("; ");
  return {
    dimension: c.dimension,
    then,
    now,
    compared: c.compared,
    likeThen,
    likeNow,
    direction: c.direction,
    levels: c.levels,
    change: c.change,
    leftOut,
    words: {
      name: then.words.name,
      then: fullWords(then),
      now: fullWords(now),
      change,
      like: likeText,
      changeFull: compared ? fill(WORDS.progress.change, { change, like: likeText }) : change,
      scoreChange: compared ? fill(WORDS.progress.scoreChange, { change: signed(c.change), criteria }) : "",
      leftOut: list ? fill(WORDS.progress.leftOut, { list }) : "",
    },
  };
}

/** The headline, counted from the rows. @param {ProgressRow[]} rows */
function headlineOf(rows) {
  const n = (/** @type {ProgressRow["direction"]} */ d) => rows.filter((r) => r.direction === d).length;
  const counts = { up: n("up"), down: n("down"), same: n("same"), notCompared: n(null) };
  const p = WORDS.progress;
  /** @type {string[]} */
  const parts = [];
  const dimensions = (/** @type {number} */ k) => count(k, "dimension");
  if (counts.up) parts.push(fill(p.headlineUp, { dimensions: dimensions(counts.up) }));
  if (counts.down) parts.push(parts.length ? fill(p.headlineDownAfter, { count: counts.down }) : fill(p.headlineDown, { dimensions: dimensions(counts.down) }));
  if (counts.same) parts.push(parts.length ? fill(p.headlineSameAfter, { count: counts.same }) : fill(p.headlineSame, { dimensions: dimensions(counts.same) }));
  if (!parts.length) return { counts, headline: p.headlineNone };
  let headline = fill(p.headlineEnd, { parts: parts.join(", ") });
  if (counts.notCompared) {
    const have = `${counts.notCompared} ${either(counts.notCompared, p.dimensionsHave)}`;
    headline += " " + fill(p.headlineNotCompared, { dimensions: have, they: either(counts.notCompared, p.they) });
  }
  return { counts, headline };
}

/** The account of progress from an earlier assessment to a later one (both plain assessments, of
 * any version of the framework: each is carried to this one first).
 * @param {Info} info @param {Assessment} earlier @param {Assessment} later @returns {Progress} */
function progress(info, earlier, later) {
  const comparison = compare.compare(info, earlier, later);
  const rows = comparison.dimensions.map((c) => row(info, c));
  const { counts, headline } = headlineOf(rows);
  return {
    then: account(info, compare.carryForward(info, earlier).assessment),
    now: account(info, compare.carryForward(info, later).assessment),
    rows,
    counts,
    headline,
    moved: comparison.moved,
    notCompared: comparison.notCompared,
    flagged: comparison.flagged,
    likeForLike: comparison.likeForLike,
  };
}

export { progress, signed };
