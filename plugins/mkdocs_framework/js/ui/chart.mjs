/* Bar charts of scores, drawn as inline SVG: the results chart of the form and the shared results,
 * each authority's profile on the group page, and (through frame) the then-and-now chart of
 * form/progress/comparison-chart.mjs.
 *
 * Horizontal bars on the fixed level scale (0 to the number of levels), one per dimension, each with
 * its score written as text and its target marked. A chart is an image to assistive technology
 * (role="img" with a name); the data table beside it carries the same figures as text. It is drawn
 * at the width it is shown, so its text stays the size of the page's text on any screen.
 *
 * A result from fewer than half of its criteria (low coverage) is never drawn like a full one: its
 * bar is hatched inside a dashed outline (lowBar), and its label says "low coverage" in words.
 *
 * Colours are never written here: the SVG's classes take them from the custom properties set once
 * in assets/assess.css (--cif-chart-*), where the print width (--cif-print-width) is set too.
 */

import { WORDS, levelLabel } from "../results/words.mjs";
import { chartPrintWidth } from "./dom.mjs";

const SVG = "http://www.w3.org/2000/svg";
const LINE = 18;
const BAR = 18;
const AXIS = 28;
const PAD = 8;
const CHAR_WIDTH = 8; // a generous average for 0.7rem text, so wrapped labels never overflow

/**
 * @typedef {{label: string}} FrameRow
 * @typedef {{width: number, levels: {label: string}[], label: string, rows: FrameRow[]}} FrameOptions
 * @typedef {{line: number, rowHeight: (lines: string[], beside: boolean, i: number) => number}} FrameLayout
 * @typedef {{svg: SVGSVGElement, x: (value: number) => number, plotLeft: number, plotWidth: number,
 *   barTops: number[]}} Frame
 * @typedef {{label: string, score: number | null, scoreText: string, target: number | null,
 *   emptyText: string, low?: boolean}} BarRow  low: a result from fewer than half of its criteria
 * @typedef {{width: number, levels: {label: string}[], label: string, rows: BarRow[]}} BarOptions
 * @typedef {{dimension: {number: number, name: string}, score: number | null, level: number | null,
 *   target: number | null, total: number, answered: number, notApplicable: number, applicable?: number,
 *   lowCoverage?: boolean, weakSpots?: {number: string, criterion: {title: string}, level: number}[]}} DimensionResult
 * @typedef {{dimensions: DimensionResult[]}} Results
 */

/** A new SVG element with these attributes, and text when given.
 * @param {Document} doc @param {string} name
 * @param {Record<string, string | number>} attributes @param {string} [text]
 * @returns {any} the element (an SVGElement of the kind named) */
function element(doc, name, attributes, text) {
  const node = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A label split into lines that fit the width, broken between words.
 * @param {string} text @param {number} width @returns {string[]} */
function wrap(text, width) {
  const most = Math.max(12, Math.floor(width / CHAR_WIDTH));
  /** @type {string[]} */
  const lines = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= most) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Gridlines and axis labels: a number for every level, and its name where there is room.
 * @param {Document} doc @param {SVGSVGElement} svg @param {FrameOptions["levels"]} levels
 * @param {(value: number) => number} x @param {number} plotWidth @param {number} height */
function drawAxis(doc, svg, levels, x, plotWidth, height) {
  const roomForNames = plotWidth / levels.length >= 96;
  for (let n = 0; n <= levels.length; n += 1) {
    svg.appendChild(element(doc, "line", { class: "cif-chart__grid", x1: x(n), x2: x(n), y1: AXIS - 6, y2: height - PAD }));
    if (n > 0) {
      const name = roomForNames ? `${n} ${levelLabel({ levels }, n)}` : String(n);
      svg.appendChild(element(doc, "text", { class: "cif-chart__axis", x: x(n) - 4, y: AXIS - 10, "text-anchor": "end" }, name));
    }
  }
}

/** Where a chart's parts go at its width: wide charts have the rows' labels in a column beside the
 * plot, narrow ones above each row's bars; x(value) is a score's place on the level scale.
 * @param {{width: number, levels: unknown[]}} options */
function scale(options) {
  const width = Math.max(260, Math.round(options.width));
  const beside = width >= 560;
  const labelWidth = beside ? Math.round(width * 0.34) : width - 2 * PAD;
  const plotLeft = beside ? PAD + labelWidth + PAD : PAD;
  const plotWidth = width - plotLeft - PAD;
  /** @param {number} value */
  const x = (value) => plotLeft + (plotWidth * value) / options.levels.length;
  return { width, beside, labelWidth, plotLeft, plotWidth, x };
}

/** What both bar charts share (drawResults' chart here, and the then-and-now chart of progress):
 * an SVG at the width it is shown, named for assistive technology, with a gridline and axis label
 * for every level, and each row's label wrapped to fit. Wide charts put each label beside its bars;
 * narrow ones put it above. layout.line is the labels' line height, and layout.rowHeight(lines,
 * beside, i) the height of row i, whose label has that many lines.
 * @param {Document} doc @param {FrameOptions} options @param {FrameLayout} layout @returns {Frame} */
function frame(doc, options, layout) {
  const { levels } = options;
  const { line } = layout;
  const { width, beside, labelWidth, plotLeft, plotWidth, x } = scale(options);
  const labels = options.rows.map((row) => wrap(row.label, labelWidth));
  const heights = labels.map((lines, i) => layout.rowHeight(lines, beside, i));
  const height = heights.reduce((sum, rowHeight) => sum + rowHeight, AXIS + PAD);
  /** @type {SVGSVGElement} */
  const svg = element(doc, "svg", {
    class: "cif-chart__svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": options.label,
    focusable: "false",
  });
  svg.appendChild(element(doc, "title", {}, options.label));
  drawAxis(doc, svg, levels, x, plotWidth, height);

  let top = AXIS;
  const barTops = labels.map((lines, i) => {
    const label = element(doc, "text", { class: "cif-chart__label", x: PAD, y: top + line - 4 });
    lines.forEach((text, j) => label.appendChild(element(doc, "tspan", { x: PAD, dy: j ? line : 0 }, text)));
    svg.appendChild(label);
    const barTop = beside ? top + 2 : top + lines.length * line + 4;
    top += heights[i];
    return barTop;
  });
  return { svg, x, plotLeft, plotWidth, barTops };
}

const VALUE_CHAR = 9; // a generous average for the values' 14px (bold inside a bar) text
const GAP = 6; // between a value and the end of its bar
const CLEAR = 9; // between a value and the target mark (its line and the cap 5px either side)
const BELOW = 19; // from the foot of a bar to the baseline of a value written under it, clear of the mark
const BELOW_ROOM = 24; // the height a value written under its bar adds to its row

/**
 * Where a bar's value is written: beside its own bar, always whole (with its level's name), and
 * never across the target mark or past it. It goes after the bar's end, or inside it, or, when the
 * mark is on the bar or at its end, on either side of the mark: the first of these that fits in the
 * plot, preferring the inside of long bars. When none does (a short bar with the mark just after
 * it), it goes on a line of its own under the bar (below: true; the row is drawn BELOW_ROOM taller).
 * Words without a bar (no score) start at the plot's edge, after the mark if it is in the way.
 * @param {{end: number, plotLeft: number, plotRight: number, target: number | null, text: string,
 *   preferInside: boolean}} bar end, target (the mark's x or null) and the plot's edges in pixels
 * @returns {{x: number, anchor: "start" | "end", inside: boolean, below: boolean, text: string}}
 */
function placeValue(bar) {
  const { end, target, text } = bar;
  const width = text.length * VALUE_CHAR;
  const lefts = [end + GAP, end - GAP - width];
  if (bar.preferInside) lefts.reverse();
  const hasBar = end > bar.plotLeft;
  // Either side of a mark on the bar or at its end; with no bar, either side of the mark.
  if (target !== null && (target < end + CLEAR || !hasBar)) lefts.push(target - CLEAR - width, target + CLEAR);
  for (const left of lefts) {
    const right = left + width;
    const clear = target === null || right <= target - CLEAR || left >= target + CLEAR;
    // Inside the bar, or starting right after its end (past a mark at the end, at most).
    const beside = right <= end - GAP || (left >= end && (!hasBar || left <= end + 2 * CLEAR));
    if (left > bar.plotLeft && right < bar.plotRight + PAD && clear && beside) {
      return right < end ? { x: right, anchor: "end", inside: true, below: false, text } : { x: left, anchor: "start", inside: false, below: false, text };
    }
  }
  return { x: bar.plotLeft, anchor: "start", inside: false, below: hasBar, text };
}

let hatches = 0;

/** A bar of a result from fewer than half of its criteria: hatched, in a dashed outline, so it is
 * never read as a full result (the hatching's pattern is defined once per chart).
 * @param {Document} doc @param {SVGSVGElement} svg @param {Record<string, string | number>} attributes
 * the rect's position and size */
function lowBar(doc, svg, attributes) {
  let id = svg.getAttribute("data-hatch");
  if (!id) {
    hatches += 1;
    id = `cif-hatch-${hatches}`;
    const pattern = element(doc, "pattern", { id, width: 6, height: 6, patternUnits: "userSpaceOnUse" });
    pattern.appendChild(element(doc, "path", { class: "cif-chart__hatch", d: "M-1 1l2-2M0 6l6-6M5 7l2-2" }));
    const defs = element(doc, "defs", {});
    defs.appendChild(pattern);
    svg.insertBefore(defs, svg.firstChild);
    svg.setAttribute("data-hatch", id);
  }
  svg.appendChild(element(doc, "rect", { ...attributes, class: "cif-chart__bar--low", fill: `url(#${id})` }));
}

/** Says under a chart what a hatched bar means, while it shows one (the key's last line).
 * @param {Document} doc @param {Element} body the element the chart is drawn in @param {boolean} shown */
function lowKey(doc, body, shown) {
  const figure = body.closest("figure") || body.parentElement;
  if (!figure) return;
  let key = figure.querySelector(".cif-chart__key--low");
  if (!key && !shown) return;
  if (!key) {
    key = doc.createElement("p");
    key.className = "cif-chart__key cif-chart__key--low";
    key.textContent = "A hatched bar in a dashed outline is a result from fewer than half of its criteria (low coverage).";
    figure.append(key);
  }
  /** @type {HTMLElement} */ (key).hidden = !shown;
}

/** Where a row's value (or its words for no score) is written. @param {ReturnType<typeof scale>} s @param {BarRow} row */
function rowPlace(s, row) {
  const { x, plotLeft } = s;
  const target = row.target ? x(row.target) : null;
  const plotRight = plotLeft + s.plotWidth;
  if (row.score === null) return placeValue({ end: plotLeft - 2, plotLeft, plotRight, target, text: row.emptyText, preferInside: false });
  // After the bar, or inside its end when the bar reaches the right-hand side.
  return placeValue({ end: x(row.score), plotLeft, plotRight, target, text: row.scoreText, preferInside: !row.low && x(row.score) > plotLeft + s.plotWidth * 0.7 });
}

/** One row's bar and its value (placed by rowPlace), or the words for no score, and its target mark.
 * @param {Document} doc @param {Frame} chart @param {BarRow} row @param {number} barTop @param {ReturnType<typeof placeValue>} place */
function drawBar(doc, chart, row, barTop, place) {
  const { svg, x, plotLeft } = chart;
  const target = row.target ? x(row.target) : null;
  const y = place.below ? barTop + BAR + BELOW : barTop + 14;
  if (row.score === null) {
    svg.appendChild(element(doc, "text", { class: "cif-chart__empty", x: place.x, y }, place.text));
  } else {
    const bar = { x: plotLeft, y: barTop, width: x(row.score) - plotLeft, height: BAR };
    if (row.low) lowBar(doc, svg, bar);
    else svg.appendChild(element(doc, "rect", { class: "cif-chart__bar", ...bar }));
    const value = {
      class: row.low ? "cif-chart__value cif-chart__value--halo" : place.inside ? "cif-chart__value cif-chart__value--inside" : "cif-chart__value",
      x: place.x,
      y,
      "text-anchor": place.anchor,
    };
    svg.appendChild(element(doc, "text", value, place.text));
  }
  if (target !== null) {
    const d = `M${target} ${barTop - 4}V${barTop + BAR + 4}M${target - 5} ${barTop - 4}H${target + 5}`;
    svg.appendChild(element(doc, "path", { class: "cif-chart__target", d }));
  }
}

/** A bar chart of scores on the level scale, with targets.
 * @param {Document} doc @param {BarOptions} options @returns {SVGSVGElement} */
function draw(doc, options) {
  const s = scale(options);
  const places = options.rows.map((row) => rowPlace(s, row));
  const chart = frame(doc, options, {
    line: LINE,
    rowHeight: (lines, beside, i) => {
      const bar = BAR + (places[i].below ? BELOW_ROOM : 0);
      return beside ? Math.max(lines.length * LINE, bar) + 14 : lines.length * LINE + bar + 16;
    },
  });
  options.rows.forEach((row, i) => drawBar(doc, chart, row, chart.barTops[i], places[i]));
  return chart.svg;
}

/** The chart's rows for an assessment's results: a bar per dimension with its score and level, and
 * its target. noScore is the words for a dimension without a score.
 * @param {Results} results @param {(level: number | null) => string} levelName @param {string} noScore
 * @returns {BarRow[]} */
function resultRows(results, levelName, noScore) {
  return results.dimensions.map((r) => ({
    label: `${r.dimension.number}. ${r.dimension.name}` + (r.lowCoverage ? ` (low coverage: ${coverage(r)})` : ""),
    low: Boolean(r.lowCoverage),
    score: r.level,
    scoreText: r.level === null ? "" : levelName(r.level),
    target: r.target,
    emptyText: r.total && r.notApplicable === r.total ? WORDS.kind["not-applicable"] : noScore,
  }));
}

/** The results chart of an assessment. The results table (fillResultsTable) is its text
 * equivalent. noScore is the words for a dimension without a score.
 * @param {Document} doc @param {number} width @param {FrameOptions["levels"]} levels
 * @param {Results} results @param {(level: number | null) => string} levelName @param {string} noScore
 * @returns {SVGSVGElement} */
function drawResults(doc, width, levels, results, levelName, noScore) {
  return draw(doc, {
    width,
    levels,
    label: `Bar chart of the level of each dimension on the scale 1 to ${levels.length}, with targets. The table below gives the same figures.`,
    // An account (results/account.mjs) is drawn in its own words, as drawAccount draws it, so the
    // report's chart and the hub's say the same.
    rows: "words" in results ? accountRows(/** @type {any} */ (results)) : resultRows(results, levelName, noScore),
  });
}

/** "from 3 of 4 criteria": answered of the criteria not marked "Not applicable".
 * @param {DimensionResult} r */
function coverage(r) {
  const applicable = r.applicable === undefined ? r.total - r.notApplicable : r.applicable;
  return `from ${r.answered} of ${applicable} ${applicable === 1 ? "criterion" : "criteria"}`;
}

/** Keeps a page's charts drawn at the width they are shown: redrawn when the window is resized
 * (only if the width changed), at the print width (--cif-print-width) before printing, and at the
 * page's width again after. measure() gives the width the charts are shown at (0 when unknown);
 * draw(width) draws them all at that width.
 */
class ChartSizer {
  /** @param {Window} win @param {() => number} measure @param {(width: number) => void} draw
   * @param {number} fallback the width when measure() gives 0 */
  constructor(win, measure, draw, fallback) {
    this.win = win;
    this.measure = measure;
    this.drawAt = draw;
    this.fallback = fallback;
    this.lastWidth = 0;
    this.onResize = () => this.redraw(false);
    this.beforePrint = () => this.redraw(true, chartPrintWidth());
    this.afterPrint = () => this.redraw(true);
    win.addEventListener("resize", this.onResize);
    win.addEventListener("beforeprint", this.beforePrint);
    win.addEventListener("afterprint", this.afterPrint);
  }

  /** Draws the charts, unless force is false and the width has not changed.
   * @param {boolean} force @param {number} [printWidth] */
  redraw(force, printWidth) {
    const width = printWidth || this.measure() || this.fallback;
    if (!force && width === this.lastWidth) return;
    this.lastWidth = width;
    this.drawAt(width);
  }

  stop() {
    this.win.removeEventListener("resize", this.onResize);
    this.win.removeEventListener("beforeprint", this.beforePrint);
    this.win.removeEventListener("afterprint", this.afterPrint);
  }
}

/** The chart's rows for an account of the results (results/account.mjs): every label and value
 * is the account's words, so the chart says what the table and every other page say.
 * @param {import("../results/account.mjs").Account} account @returns {BarRow[]} */
function accountRows(account) {
  return account.dimensions.map((d) => ({
    label: d.kind === "low-coverage" ? `${d.words.name}, ${d.words.coverage}` : d.words.name,
    low: d.kind === "low-coverage",
    score: d.level,
    scoreText: d.level === null ? "" : d.words.result,
    target: d.target,
    emptyText: d.words.level,
  }));
}

/** The results chart of an account; fillAccountTable is its text equivalent.
 * @param {Document} doc @param {number} width @param {FrameOptions["levels"]} levels
 * @param {import("../results/account.mjs").Account} account @returns {SVGSVGElement} */
function drawAccount(doc, width, levels, account) {
  return draw(doc, {
    width,
    levels,
    label: `Bar chart of the level of each dimension on the scale 1 to ${levels.length}, with targets. The table below gives the same figures.`,
    rows: accountRows(account),
  });
}

/** Fills a results table body from an account: a row per dimension with its score, level (with
 * "low coverage" and any weak spots), target and coverage, each in the account's words.
 * @param {Document} doc @param {HTMLElement} body @param {import("../results/account.mjs").Account} account */
function fillAccountTable(doc, body, account) {
  body.textContent = "";
  for (const d of account.dimensions) {
    const row = doc.createElement("tr");
    const head = doc.createElement("th");
    head.scope = "row";
    head.textContent = d.words.name;
    row.appendChild(head);
    [d.words.score, d.words.qualified, d.words.target, d.words.coverageDetail].forEach((text, i) => {
      const cell = doc.createElement("td");
      cell.textContent = text;
      if (i === 1 && d.words.weakSpots) {
        const note = doc.createElement("span");
        note.className = "cif-weak-spot";
        note.textContent = d.words.weakSpots;
        cell.append(" ", note);
      }
      row.appendChild(cell);
    });
    body.appendChild(row);
  }
}

/** The lines above a results table: the strongest and weakest dimensions (only among results
 * that are not low coverage) or why none is named, then those with low coverage, each in the
 * account's words. A dimension without a result is named in its row of the table ("No result
 * yet", "Not applicable"), so a printed summary does not list them twice. Fills holder with a
 * paragraph each.
 * @param {Document} doc @param {HTMLElement} holder @param {import("../results/account.mjs").Account} account */
function fillHighlights(doc, holder, account) {
  const w = account.words;
  /** @type {[string, string][]} */
  const lines = [];
  for (const pick of [w.strongest, w.weakest]) if (pick) lines.push([pick.label, pick.text]);
  for (const text of [w.highlightNone, w.lowCoverage]) if (text) lines.push(["", text]);
  holder.textContent = "";
  for (const [label, text] of lines) {
    const p = doc.createElement("p");
    if (label) {
      const strong = doc.createElement("strong");
      strong.textContent = label;
      p.append(strong, " ");
    }
    p.append(text);
    holder.append(p);
  }
}

export { accountRows, drawAccount, fillAccountTable, fillHighlights };
export { draw, drawResults, resultRows, frame, scale, element, placeValue, BELOW, BELOW_ROOM, ChartSizer, lowBar, lowKey, coverage };
