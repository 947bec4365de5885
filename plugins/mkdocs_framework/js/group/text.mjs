/* The words the group comparison page shows for scores, levels and files of other versions. No DOM. */

import { plural } from "../core/model.mjs";
import { WORDS, middleWords } from "../results/words.mjs";

/** @typedef {{label: string}[]} Levels */
/** @typedef {import("../results/account.mjs").DimensionAccount} DimensionAccount */

/** The middle of the organisations' levels, which may fall halfway between two: "Developing (level
 * 2 of 4)", "Between Emerging and Developing", or "No result yet". @param {Levels} levels @param {number | null} middle */
export function middleText(levels, middle) {
  return middle === null ? WORDS.result.noResult : middleWords({ levels }, middle);
}

/** A dimension's result with its coverage, in the account's words: "Developing (level 2 of 4), from 2 of 3
 * criteria", "No result yet" or "Not applicable". @param {DimensionAccount} d */
export function resultText(d) {
  return d.level === null ? d.words.level : `${d.words.result}, ${d.words.coverage}`;
}

/** What carrying a file's answers over from another version of the framework did, in a sentence
 * or two; "" for a file of this version.
 * @param {string} version this site's version of the framework
 * @param {import("./state.mjs").Entry} entry */
export function versionNote(version, entry) {
  if (!entry.otherVersion) return "";
  const text = `Made with version ${entry.otherVersion} of the framework, not ${version}. `;
  const { counts, notCarried } = entry;
  if (entry.migrated && counts) {
    const parts = [
      counts.carried ? `${plural(counts.carried, "answer", "answers")} unchanged` : "",
      counts.moved ? `${plural(counts.moved, "answer", "answers")} moved to new questions` : "",
      counts.review ? `${plural(counts.review, "answer", "answers")} to check because the wording may have changed` : "",
      counts.notCarried ? `${plural(counts.notCarried, "entry", "entries")} that could not be carried over` : "",
    ].filter(Boolean);
    return `${text}Its answers were carried over to this version${parts.length ? `: ${parts.join(", ")}` : ""}.`;
  }
  if (notCarried.length) {
    const one = notCarried.length === 1;
    return `${text}${plural(notCarried.length, "answer is", "answers are")} for questions this version does not have, so ${one ? "it is" : "they are"} left out.`;
  }
  return `${text}Compare it with care: the questions may not be the same.`;
}

/** The sentence above the comparison: how many organisations, and a warning about other versions.
 * @param {import("./state.mjs").Row[]} rows @param {import("../core/terms.mjs").Terms} words */
export function summary(rows, words) {
  const others = rows.filter((row) => row.entry.otherVersion).length;
  const files = rows.reduce((sum, row) => sum + row.rounds.length, 0);
  const series = rows.filter((row) => row.rounds.length > 1).length;
  let text = `${plural(rows.length, words.organisation, words.organisations)} in the comparison`;
  text += files > rows.length ? `, from ${plural(files, "file", "files")}.` : ".";
  if (series) {
    const has = series === 1 ? `${words.organisation} has` : `${words.organisations} have`;
    text += ` ${series} ${has} files from more than one round: the comparison shows each one\u2019s latest round, and the rounds are compared under \u201cRounds\u201d.`;
  }
  if (others) {
    text += ` ${plural(others, "file was", "files were")} made with another version of the framework (marked \u201cVersion\u201d); compare ${others === 1 ? "it" : "them"} with care.`;
  }
  return text;
}
