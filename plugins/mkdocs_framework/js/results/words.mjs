/* The words about results: every sentence the account of the results gives, filled in from
 * templates/words.json, the file the plugin's Python reads for the pages too (words.py). A level's
 * label from its number and an answer in words are here, once; the scoring rule in words is read
 * here from the page data, where the plugin put it (its sentences are templates/scoring-rule.json). No DOM.
 */

import WORDS from "../../templates/words.json" with { type: "json" };

/** @typedef {{levels: {label: string}[], ruleInWords?: string[]}} FrameworkWords  the page data's parts used here */

/** A template of words.json with each {name} replaced by its value.
 * @param {string} template @param {Record<string, string | number>} values */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}

/** "1 criterion", "3 criteria". @param {number} count @param {keyof typeof WORDS.nouns} noun */
function count(count, noun) {
  const [one, many] = WORDS.nouns[noun];
  return `${count} ${count === 1 ? one : many}`;
}

/** The singular or plural of a pair of words.json ("has"/"have"). @param {number} n @param {string[]} pair */
function either(n, pair) {
  return n === 1 ? pair[0] : pair[1];
}

/** A level's label from its number (1 = lowest); "" for none. @param {FrameworkWords} framework @param {number | null | undefined} number */
function levelLabel(framework, number) {
  const level = number ? framework.levels[number - 1] : undefined;
  return level ? level.label : "";
}

/* The levels are untested, so a result is only ever shown as a whole level, in words with its
 * number: never the average or middle value it was worked out from (core/scoring.mjs keeps that). */

/** "Developing (level 2 of 4)": a level in words with its number; "" for none.
 * @param {FrameworkWords} framework @param {number | null | undefined} number */
function levelWords(framework, number) {
  const label = levelLabel(framework, number);
  return label ? fill(WORDS.result.scored, { level: label, number: Number(number), count: framework.levels.length }) : "";
}

/** "Level 2 of 4": a level's number in words; "" for none. @param {FrameworkWords} framework @param {number | null | undefined} number */
function levelNumberWords(framework, number) {
  return levelLabel(framework, number) ? fill(WORDS.result.score, { number: Number(number), count: framework.levels.length }) : "";
}

/** The middle of some levels, which may fall halfway between two: "Developing (level 2 of 4)", or
 * "Between Emerging and Developing" for 1.5; "" for none. @param {FrameworkWords} framework @param {number | null | undefined} middle */
function middleWords(framework, middle) {
  if (typeof middle !== "number") return "";
  const lower = Math.floor(middle);
  if (lower === middle) return levelWords(framework, middle);
  return fill(WORDS.result.between, { lower: levelLabel(framework, lower), higher: levelLabel(framework, lower + 1) });
}

/** An answer in words: a level's label, "Not applicable", "Not sure yet", or `none` when there is
 * no answer (or one this framework does not have). @param {FrameworkWords} framework
 * @param {Map<string, number>} levelIndex @param {string | null | undefined} value @param {string} [none] */
function answerWords(framework, levelIndex, value, none = WORDS.answer.none) {
  if (value === "not_applicable") return WORDS.answer.not_applicable;
  if (value === "not_sure") return WORDS.answer.not_sure;
  return (value && levelLabel(framework, levelIndex.get(value))) || none;
}

/** "from 3 of 4 criteria": a result's coverage, with "(low coverage)" when it comes from fewer than
 * half of its applicable criteria. @param {{answered: number, applicable: number, lowCoverage: boolean}} r */
function coverageWords(r) {
  const text = fill(WORDS.coverage.from, { answered: r.answered, applicable: count(r.applicable, "criterion") });
  return r.lowCoverage ? fill(WORDS.coverage.low, { text }) : text;
}

/** "Weak spot: 2.3 Consent records, Emerging" (or "Weak spots: …; …"), or "" for none.
 * @param {{number: string, title: string, label: string}[]} weak */
function weakSpotsWords(weak) {
  if (!weak.length) return "";
  const list = weak.map((w) => fill(WORDS.weakSpot.item, { number: w.number, title: w.title, level: w.label })).join("; ");
  return fill(weak.length > 1 ? WORDS.weakSpot.many : WORDS.weakSpot.one, { list });
}

/** The framework's scoring rule in words, one paragraph each: worked out by the plugin (words.py)
 * and handed over in the page data, so the pages and the scripts say it the same way.
 * @param {FrameworkWords} framework @returns {string[]} */
function ruleInWords(framework) {
  return Array.isArray(framework.ruleInWords) ? framework.ruleInWords.slice() : [];
}

export { WORDS, fill, count, either, levelLabel, levelWords, levelNumberWords, middleWords, answerWords, coverageWords, weakSpotsWords, ruleInWords };
