/* The account of an assessment's results: every fact a page states about them, with its words.
 * No DOM. Pages render it and work nothing out of their own, so the hub, a step, Check your
 * answers, the report (screen, print, Word), the shared page, the team view and the group page can
 * never disagree. The rule itself (scores, levels, coverage, weak spots) is core/scoring.mjs's;
 * the words are templates/words.json's (words.mjs); progress between two assessments is
 * progress.mjs's, built on this.
 *
 * A dimension's kind of result:
 *   result          a score from at least half of its applicable criteria
 *   low-coverage    a score from fewer than half of them: shown, but never named strongest or weakest
 *   no-result       no criterion with a level yet (some may be "Not sure yet")
 *   not-applicable  every criterion marked "Not applicable"
 */

import * as scoring from "../core/scoring.mjs";
import { WORDS, fill, count, either, levelLabel, levelWords, levelNumberWords, coverageWords, weakSpotsWords, ruleInWords } from "./words.mjs";

/**
 * @typedef {import("../core/model.mjs").Info} Info
 * @typedef {import("../core/model.mjs").Assessment} Assessment
 * @typedef {import("../core/model.mjs").Dimension} Dimension
 * @typedef {import("../core/scoring.mjs").DimensionResult} DimensionResult
 * @typedef {"result" | "low-coverage" | "no-result" | "not-applicable"} Kind
 * @typedef {{number: string, title: string, level: number, label: string, criterion: import("../core/model.mjs").Criterion}} Weak
 *   a weak spot: its criterion's number ("2.3"), title, and its level (number and label)
 * @typedef {{withLevel: number, applicable: number, notApplicable: number, notSure: number, blank: number, total: number}} Coverage
 *   a dimension's criteria: answered with a level, not marked "Not applicable", marked "Not applicable",
 *   marked "Not sure yet", not answered at all, and all of them (withLevel + notApplicable + notSure + blank = total)
 * @typedef {object} DimensionWords
 * @property {string} name  "3. Ethics and proportionality"
 * @property {string} kind  "Result", "Low coverage", "No result yet", "Not applicable"
 * @property {string} score  the level's number in words, "Level 2 of 4", or "–" without a result
 *   (the levels are untested: no page shows the average or middle value behind a level)
 * @property {string} level  the level's label, or "No result yet" / "Not applicable"
 * @property {string} result  "Developing (level 2 of 4)", or "No result yet" / "Not applicable"
 * @property {string} qualified  level, with "(low coverage)" when it is: "Developing (low coverage)"
 * @property {string} coverage  "from 3 of 4 criteria", "from 1 of 3 criteria (low coverage)"; "4 Not applicable"
 * @property {string} coverageDetail  coverage, then "; 1 Not applicable, 1 Not sure yet, 1 not answered" (those not zero)
 * @property {string} weakSpots  "Weak spot: 2.3 Consent records, Emerging", or ""
 * @property {string} target  the target's label, or "Not set"
 * @property {string} sentence  "Developing (level 2 of 4), from 3 of 4 criteria." (then the weak spots), or why there is none
 * @typedef {DimensionResult & {id: string, kind: Kind, label: string, targetLabel: string,
 *   meetsTarget: boolean | null, coverage: Coverage, weak: Weak[], words: DimensionWords}} DimensionAccount
 *   a dimension's facts: scoring's DimensionResult (score, level and target as numbers, answered =
 *   with a level, lowCoverage, weakSpots, status...) with its kind, labels, coverage and words
 * @typedef {{id: string | null, title: string, score: number | null, level: number | null, label: string,
 *   answered: number, applicable: number, lowCoverage: boolean, kind: Kind,
 *   words: {label: string, result: string, coverage: string, line: string}}} WiderAccount  a theme's or the overall result
 * @typedef {{total: number, answered: number, withLevel: number, notApplicable: number, notSure: number,
 *   blank: number, percent: number}} Counts  every criterion of the framework: answered (with a level
 *   or "Not applicable") = withLevel + notApplicable; answered + notSure + blank = total
 * @typedef {object} Account
 * @property {boolean} supported  false when this version does not know the framework's scoring method
 * @property {DimensionAccount[]} dimensions
 * @property {Counts} counts
 * @property {{total: number, withResult: number, completed: number}} dimensionCounts  withResult: a score, low coverage or not
 * @property {DimensionAccount[]} withoutResult  no result yet, or not applicable: named, never implied
 * @property {DimensionAccount[]} lowCoverage
 * @property {DimensionAccount[]} strongest  chosen among results that are not low coverage; [] when fewer than two differ
 * @property {DimensionAccount[]} weakest
 * @property {{set: number, met: number}} targets  dimensions with a target and a result, and those at or above it
 * @property {WiderAccount[]} themes  only when the framework asks for theme results
 * @property {WiderAccount | null} overall  only when the framework asks for one
 * @property {AccountWords} words
 * @typedef {object} AccountWords
 * @property {string} counts  "31 of 39 criteria answered (4 Not applicable), 4 Not sure yet, 4 not answered"
 * @property {string} withResult  "9 of 11 dimensions have a result"
 * @property {string} without  "Without a result: 3. Ethics (No result yet), 7. Data (Not applicable)", or ""
 * @property {string} lowCoverage  "Low coverage (from fewer than half of their criteria): 6. Analysis", or ""
 * @property {string} targets  "2 of 3 dimensions with a target meet it", or "No target levels are set"
 * @property {{label: string, text: string} | null} strongest  "Strongest dimension:", "6. Analysis (Established (level 3 of 4); weak spot: 6.2 Tools, Emerging)"
 * @property {{label: string, text: string} | null} weakest
 * @property {string} highlightNone  why none is named strongest or weakest ("" when they are)
 * @property {string[]} rule  the scoring rule in words
 */

/** @param {DimensionResult} r @returns {Kind} */
function kindOf(r) {
  if (r.score === null) return r.total > 0 && r.notApplicable === r.total ? "not-applicable" : "no-result";
  return r.lowCoverage ? "low-coverage" : "result";
}

/** The dimension's criteria that are not behind its result, in words ("1 Not applicable, ..."). @param {Coverage} c */
function otherParts(c) {
  const parts = [];
  if (c.notApplicable) parts.push(fill(WORDS.coverage.notApplicable, { count: c.notApplicable }));
  if (c.notSure) parts.push(fill(WORDS.coverage.notSure, { count: c.notSure }));
  if (c.blank) parts.push(fill(WORDS.coverage.blank, { count: c.blank }));
  return parts.join(", ");
}

/** @param {Info} info @param {DimensionResult} r @returns {Weak[]} */
function weakOf(info, r) {
  return (r.weakSpots || []).map((w) => ({
    number: w.number,
    title: w.criterion.title,
    level: w.level,
    label: levelLabel(info.framework, w.level),
    criterion: w.criterion,
  }));
}

/** A dimension's facts and words, from its result by the framework's rule.
 * @param {Info} info @param {DimensionResult} r @returns {DimensionAccount} */
function dimensionAccount(info, r) {
  const kind = kindOf(r);
  const label = levelLabel(info.framework, r.level);
  /** @type {Coverage} */
  const coverage = {
    withLevel: r.answered,
    applicable: r.applicable,
    notApplicable: r.notApplicable,
    notSure: r.notSure,
    blank: r.unanswered - r.notSure,
    total: r.total,
  };
  const weak = weakOf(info, r);
  const targetLabel = levelLabel(info.framework, r.target);
  const score = r.level === null ? WORDS.result.noScore : levelNumberWords(info.framework, r.level);
  const level = kind === "not-applicable" ? WORDS.result.notApplicable : r.level === null ? WORDS.result.noResult : label;
  const result = r.level === null ? level : levelWords(info.framework, r.level);
  const others = otherParts(coverage);
  const short = kind === "not-applicable" ? others : coverageWords(r);
  const detail = kind === "not-applicable" || !others ? short : fill(WORDS.coverage.detail, { text: short, parts: others });
  const weakSpots = weakSpotsWords(weak);
  let sentence = WORDS.result.sentenceNoResult;
  if (kind === "not-applicable") sentence = WORDS.result.sentenceNotApplicable;
  else if (r.level !== null) {
    sentence = fill(WORDS.result.sentence, { result, coverage: short }) + (weakSpots ? ` ${weakSpots}.` : "");
  }
  return {
    ...r,
    id: r.dimension.id,
    kind,
    label,
    targetLabel,
    meetsTarget: r.target && r.level !== null ? r.level >= r.target : null,
    coverage,
    weak,
    words: {
      name: `${r.dimension.number}. ${r.dimension.name}`,
      kind: WORDS.kind[kind],
      score,
      level,
      result,
      qualified: kind === "low-coverage" ? fill(WORDS.result.low, { text: level }) : level,
      coverage: short,
      coverageDetail: detail,
      weakSpots,
      target: targetLabel || WORDS.result.targetNone,
      sentence,
    },
  };
}

/** A theme's or the overall result. @param {Info} info @param {{id: string, title: string} | null} theme
 * @param {ReturnType<typeof scoring.scoreAcross>} m @returns {WiderAccount} */
function widerAccount(info, theme, m) {
  const kind = m.score === null ? "no-result" : m.lowCoverage ? "low-coverage" : "result";
  const label = levelLabel(info.framework, m.level);
  const result = m.level === null ? WORDS.result.noResult : levelWords(info.framework, m.level);
  const coverage = coverageWords(m);
  return {
    id: theme ? theme.id : null,
    title: theme ? theme.title : "",
    ...m,
    label,
    kind,
    words: {
      label: theme ? fill(WORDS.wider.theme, { title: theme.title }) : WORDS.wider.overall,
      result,
      coverage,
      line: fill(WORDS.wider.line, { result, coverage }),
    },
  };
}

/** The whole's counts. @param {Info} info @param {DimensionAccount[]} dimensions @returns {Counts} */
function countsOf(info, dimensions) {
  const sum = (/** @type {(d: DimensionAccount) => number} */ pick) => dimensions.reduce((n, d) => n + pick(d), 0);
  const withLevel = sum((d) => d.coverage.withLevel);
  const notApplicable = sum((d) => d.coverage.notApplicable);
  const notSure = sum((d) => d.coverage.notSure);
  const total = sum((d) => d.coverage.total);
  const answered = withLevel + notApplicable;
  return {
    total,
    answered,
    withLevel,
    notApplicable,
    notSure,
    blank: total - answered - notSure,
    percent: total ? Math.floor((answered * 100) / total) : 0,
  };
}

/** @param {Counts} c */
function countsWords(c) {
  let text = fill(WORDS.counts.answered, { answered: c.answered, total: count(c.total, "criterion") });
  if (c.notApplicable) text += " " + fill(WORDS.counts.notApplicable, { count: c.notApplicable });
  if (c.notSure) text += ", " + fill(WORDS.counts.notSure, { count: c.notSure });
  if (c.blank) text += ", " + fill(WORDS.counts.blank, { count: c.blank });
  return text;
}

/** Strongest and weakest (scoring.extremes: only among results that are not low coverage, and only
 * when they differ), and why none is named. @param {DimensionAccount[]} dimensions */
function extremes(dimensions) {
  const { strongest, weakest, sure } = scoring.extremes(dimensions);
  const why = !dimensions.some((d) => d.score !== null) ? WORDS.highlight.none : sure < 2 ? WORDS.highlight.one : strongest.length ? "" : WORDS.highlight.same;
  return { strongest, weakest, why };
}

/** "Strongest dimension:" and its list, each with its result and any weak spot. @param {DimensionAccount[]} list @param {string[]} labels */
function highlightWords(list, labels) {
  if (!list.length) return null;
  const items = list.map((d) => {
    const weak = d.words.weakSpots;
    const values = { name: d.words.name, result: d.words.result, weak: weak.charAt(0).toLowerCase() + weak.slice(1) };
    return fill(weak ? WORDS.highlight.itemWeak : WORDS.highlight.item, values);
  });
  return { label: either(list.length, labels), text: items.join("; ") };
}

/** @param {DimensionAccount[]} list @param {(d: DimensionAccount) => string} say */
function names(list, say) {
  return list.map(say).join(", ");
}

/** The account of an assessment's results, against the framework on this page (the assessment is
 * taken as it is: carry an older one forward first, as decode.mjs does when it is opened).
 * @param {Info} info @param {Assessment} assessment @returns {Account} */
function account(info, assessment) {
  const dimensions = info.framework.dimensions.map((d) => dimensionAccount(info, scoring.scoreDimension(info, assessment, d)));
  const counts = countsOf(info, dimensions);
  const withoutResult = dimensions.filter((d) => d.score === null);
  const lowCoverage = dimensions.filter((d) => d.kind === "low-coverage");
  const { strongest, weakest, why } = extremes(dimensions);
  const withTarget = dimensions.filter((d) => d.meetsTarget !== null);
  const met = withTarget.filter((d) => d.meetsTarget).length;
  const withResult = dimensions.length - withoutResult.length;
  const asked = scoring.rules(info.framework);
  /** @type {{id: string, title: string}[]} */
  const themes = /** @type {any} */ (info.framework).themes || [];
  const inTheme = (/** @type {string} */ id) => info.framework.dimensions.filter((d) => /** @type {any} */ (d).theme === id);
  return {
    supported: scoring.isSupported(info),
    dimensions,
    counts,
    dimensionCounts: { total: dimensions.length, withResult, completed: dimensions.filter((d) => d.status === "completed").length },
    withoutResult,
    lowCoverage,
    strongest,
    weakest,
    targets: { set: withTarget.length, met },
    themes: asked.themeResults ? themes.map((t) => widerAccount(info, t, scoring.scoreAcross(info, assessment, inTheme(t.id)))) : [],
    overall: asked.overallResult ? widerAccount(info, null, scoring.scoreAcross(info, assessment, info.framework.dimensions)) : null,
    words: {
      counts: countsWords(counts),
      withResult: fill(WORDS.counts.withResult, { count: withResult, total: count(dimensions.length, "dimension"), have: either(withResult, WORDS.counts.have) }),
      without: withoutResult.length ? fill(WORDS.counts.without, { list: names(withoutResult, (d) => fill(WORDS.counts.withoutItem, { name: d.words.name, kind: d.words.kind })) }) : "",
      lowCoverage: lowCoverage.length ? fill(WORDS.counts.lowCoverage, { list: names(lowCoverage, (d) => d.words.name) }) : "",
      targets: withTarget.length
        ? fill(WORDS.counts.targetsMet, { met, total: count(withTarget.length, "dimension"), meet: either(met, WORDS.counts.meet) })
        : WORDS.counts.noTargets,
      strongest: highlightWords(strongest, WORDS.highlight.strongest),
      weakest: highlightWords(weakest, WORDS.highlight.weakest),
      highlightNone: why,
      rule: ruleInWords(info.framework),
    },
  };
}

export { account, dimensionAccount, kindOf };
