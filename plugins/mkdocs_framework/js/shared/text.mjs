/* The words the shared results page shows for answers and for links of other versions. No DOM. */

import * as model from "../core/model.mjs";
import { answerWords } from "../results/words.mjs";

const { plural } = model;

/** What a criterion was answered, in words: "3 Established" (a level with its number), or the
 * words every page uses ("Not applicable", "Not sure yet", "Not answered").
 * @param {ReturnType<typeof model.describe>} info @param {string} value */
export function answerText(info, value) {
  const number = value ? info.levelIndex.get(value) : undefined;
  const words = answerWords(info.framework, info.levelIndex, value);
  return number ? `${number} ${words}` : words;
}

/** The parts of "what carrying over did", each a phrase.
 * @param {{carried?: number, moved?: number, review?: number, notCarried?: number}} counts */
function carriedParts(counts) {
  return [
    counts.carried ? `${plural(counts.carried, "answer is", "answers are")} unchanged` : "",
    counts.moved ? `${plural(counts.moved, "answer was", "answers were")} moved to new questions` : "",
    counts.review
      ? `${plural(counts.review, "answer is", "answers are")} to check because the wording of the question may have changed`
      : "",
    counts.notCarried
      ? `${plural(counts.notCarried, "entry", "entries")} could not be carried over and ${counts.notCarried === 1 ? "is" : "are"} not shown`
      : "",
  ].filter(Boolean);
}

/** What the page says about results made with another version of the framework.
 * @param {string} version this site's version of the framework
 * @param {{otherVersion: string, migrated: boolean, counts: any, notShown: string[]}} link what share.read gave */
export function versionText(version, link) {
  const text = `These results were made with version ${link.otherVersion} of the framework. This site uses version ${version}. `;
  if (link.migrated && link.counts) {
    const parts = carriedParts(link.counts);
    return `${text}The results are shown as carried over to this version using the changes published with it${parts.length ? `: ${parts.join("; ")}` : ""}.`;
  }
  if (link.notShown.length) {
    const one = link.notShown.length === 1;
    return `${text}${plural(link.notShown.length, "answer is", "answers are")} for questions this version does not have, so ${one ? "it is" : "they are"} not shown. Compare with care: the questions may have changed.`;
  }
  return `${text}Compare with care: the questions may have changed.`;
}
