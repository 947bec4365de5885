/* The lists in the form's notice about answers carried over from another version of the framework
 * (form/migration.mjs): answers moved to new questions, answers to check, and what could not be
 * carried over. They come with assess-more.js, since only a person whose answers were carried over
 * needs them. */

import * as model from "../core/model.mjs";
import * as fields from "../core/fields.mjs";
import { make } from "../ui/dom.mjs";
import { criterionName } from "./words.mjs";

/** @type {Record<string, string>} */
const NOT_CARRIED_KIND = { answer: "Answer to", target: "Target level for", notes: "Notes for", plan: "Action plan entry for", detail: "The assessment's" };

/** @param {any} items @returns {any[]} */
function listOf(items) {
  return Array.isArray(items) ? items.filter((item) => item && typeof item === "object") : [];
}

/** An answer in the words every page uses; one this version has no level for, as it was written.
 * @param {any} info @param {any} value */
function valueName(info, value) {
  return typeof value === "string" ? model.answerText(info, value, value) : "";
}

/** Fills holder with the lists of the report.
 * @param {import("./state.mjs").FormState} state @param {HTMLElement} holder @param {any} report */
export function migrationLists(state, holder, report) {
  const doc = holder.ownerDocument;
  const { info, assessment } = state;
  /** @param {string} heading @param {string} intro @param {any[]} items @param {(li: HTMLLIElement, item: any) => void} fill */
  const list = (heading, intro, items, fill) => {
    if (!items.length) return;
    holder.append(make(doc, "h3", "cif-notification__heading", `${heading} (${items.length})`));
    if (intro) holder.append(make(doc, "p", "", intro));
    const ul = make(doc, "ul", "cif-notification__list");
    items.forEach((item) => {
      const li = make(doc, "li");
      fill(li, item);
      ul.append(li);
    });
    holder.append(ul);
  };
  /** @param {string} id */
  const questionLink = (id) => {
    const link = make(doc, "a", "", criterionName(info, id));
    // The question is on its dimension's step (the form's page gives the steps' address, data-step-href).
    const found = info.criteria.get(id);
    const steps = doc.getElementById("cif-framework");
    const step = found && steps ? (steps.getAttribute("data-step-href") || "").replace("__ID__", encodeURIComponent(found.dimension.id)) : "";
    link.href = step + "#criterion-" + id;
    return link;
  };
  /** @param {any} item */
  const reviewDetail = (item) => {
    const sources = listOf(item.sources);
    if (item.reason === "merged" && sources.length) {
      const each = sources.map((s) => `\u201c${s.id}\u201d (${valueName(info, s.value)})`).join(" and ");
      return `it combines your answers to ${each}; the lowest, ${valueName(info, assessment.answers[item.criterion])}, was kept.`;
    }
    if (item.reason === "split" && sources.length) {
      return `your answer to \u201c${sources[0].id}\u201d was copied to each of the questions it was divided into.`;
    }
    /** @type {Record<string, string>} */
    const why = { reworded: "the wording changed.", unverified: "the wording may have changed." };
    return why[item.reason] || "check it is still right.";
  };

  holder.textContent = "";
  const moved = listOf(report.moved).filter((m) => m.kind === "answer");
  list("Moved to new questions", "", moved, (li, move) => {
    li.append(doc.createTextNode(`Your answer to \u201c${move.from}\u201d is now the answer to `), questionLink(move.to));
  });
  const review = listOf(report.review).filter((item) => model.reviewReason(assessment, item.criterion));
  const reviewIntro = "Each of these questions is marked on the form until you choose an answer again or keep the one shown.";
  list("Check these answers", reviewIntro, review, (li, item) => {
    li.append(questionLink(item.criterion), doc.createTextNode(": " + reviewDetail(item)));
  });
  const keptIntro = "These are kept with your assessment and included when you export your answers (JSON), but they are not scored.";
  list("Could not be carried over", keptIntro, listOf(report.notCarried), (li, item) => {
    const value = valueName(info, item.value);
    li.textContent =
      `${NOT_CARRIED_KIND[item.kind] || "Answer to"} \u201c${item.id}\u201d${value ? ": " + value : ""} (` +
      (/** @type {Record<string, string>} */ (fields.NOT_CARRIED_REASONS)[item.reason] || "it could not be carried over") +
      (item.reason === "removed" && item.version ? " after version " + item.version : "") +
      ").";
  });
}
