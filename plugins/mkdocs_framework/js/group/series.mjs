/* The group page's rounds of one organisation, drawn for rounds.mjs: loaded with
 * assess-group-more.js, when an organisation first has files from more than one round. */

import { longDate } from "../core/model.mjs";
import { progress } from "../results/progress.mjs";
import { bdi, headedRow, labelledSection, make, sentence, tableHead } from "../ui/dom.mjs";
import { resultText } from "./text.mjs";

/** @typedef {import("./index.mjs").GroupContext} GroupContext */
/** @typedef {import("./state.mjs").Row} Row */

/** "Baseline, 1 October 2026", or the date alone. @param {any} assessment */
function roundName(assessment) {
  return [assessment.name.trim(), assessment.date ? longDate(assessment.date) : ""].filter(Boolean).join(", ");
}

/** One organisation's rounds: the series of files, the change in a sentence, and each dimension
 * in the first and latest round with its change.
 * @param {Document} doc @param {GroupContext} context @param {Row} row @param {number} index */
export function seriesSection(doc, context, row, index) {
  const { state } = context;
  const name = state.nameOf(row);
  const first = row.rounds[0];
  const last = row.rounds[row.rounds.length - 1];
  const hidden = state.hideNames;
  const id = `cif-series-${index + 1}`;
  const section = labelledSection(doc, "cif-series", id, [name]);
  const path = row.rounds.map((round) => (hidden ? longDate(round.assessment.date, "No date") : roundName(round.assessment) || round.entry.name));
  const line = make(doc, "p", "cif-series__path");
  line.appendChild(doc.createTextNode(`${row.rounds.length} rounds: `));
  path.forEach((text, i) => {
    if (i) line.appendChild(doc.createTextNode(" \u2192 "));
    line.appendChild(bdi(doc, "", text));
  });
  line.appendChild(doc.createTextNode(". The comparison above shows the latest."));
  section.appendChild(line);
  // The progress account: each change comes with the like-for-like levels it is worked out from.
  const p = progress(state.info, first.assessment, last.assessment);
  section.appendChild(make(doc, "p", "cif-series__summary", `From the first round to the latest: ${p.headline}`));
  const table = make(doc, "table", "cif-table cif-series__table");
  const caption = sentence(make(doc, "caption"), "Each dimension in the first and latest round of ", [name]);
  caption.id = `${id}-caption`;
  table.appendChild(caption);
  table.appendChild(tableHead(doc, ["Dimension", "First round", "Latest round", "Change"]));
  const body = make(doc, "tbody");
  for (const row of p.rows) {
    const tr = headedRow(doc, row.words.name);
    for (const d of [row.then, row.now]) tr.appendChild(make(doc, "td", "", resultText(d)));
    tr.appendChild(make(doc, "td", "", row.words.changeFull));
    body.appendChild(tr);
  }
  table.appendChild(body);
  const wrap = make(doc, "div", "cif-table-wrap");
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-labelledby", caption.id);
  wrap.tabIndex = 0;
  wrap.appendChild(table);
  section.appendChild(wrap);
  return section;
}
