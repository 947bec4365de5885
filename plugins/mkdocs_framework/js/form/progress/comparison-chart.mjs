/* The progress comparison's chart: each dimension's score then and now as a pair of bars on the
 * fixed level scale, with its target marked, drawn as inline SVG in the frame both bar charts share
 * (chart.frame). Its text equivalent is the comparison's table.
 */

import * as chart from "../../ui/chart.mjs";

/**
 * A dimension's pair of bars: scores (null for none) and the words written on or beside each bar.
 * @typedef {{label: string, then: number | null, now: number | null, thenText: string, nowText: string,
 *   target: number | null, thenLow?: boolean, nowLow?: boolean}} ComparisonRow  thenLow, nowLow: a result
 *   from fewer than half of its criteria, drawn hatched (chart.lowBar), never like a full one
 */

/** @typedef {{y: number, score: number | null, then: boolean, low?: boolean}} Bar */

/* Sizes, on screen and printed: printed, the chart is drawn compactly so that the comparison
 * summary fits on one or two A4 pages. */
const SCREEN = { line: 18, bar: 16, gap: 4, space: 18 };
const COMPACT = { line: 15, bar: 13, gap: 2, space: 8 };

/**
 * @param {Document} doc
 * @param {{width: number, compact?: boolean, levels: {label: string}[], label: string,
 *   rows: ComparisonRow[]}} options label names the chart for assistive technology
 * @returns {SVGSVGElement}
 */
export function drawComparison(doc, options) {
  const size = options.compact ? COMPACT : SCREEN;
  const s = chart.scale(options);
  // Each bar's value is placed first: one written under its bar makes room for itself.
  const places = options.rows.map((row) => [place(s, row.target, row.then, row.thenText, row.thenLow), place(s, row.target, row.now, row.nowText, row.nowLow)]);
  const room = (/** @type {number} */ i) => places[i].reduce((sum, p) => sum + (p.below ? chart.BELOW_ROOM : 0), 0);
  const pair = 2 * size.bar + size.gap;
  const frame = chart.frame(doc, options, {
    line: size.line,
    rowHeight: (lines, beside, i) =>
      beside ? Math.max(lines.length * size.line, pair + room(i)) + size.space : lines.length * size.line + pair + room(i) + size.space + 2,
  });
  options.rows.forEach((row, i) => {
    const top = frame.barTops[i];
    const [thenPlace, nowPlace] = places[i];
    const nowTop = top + size.bar + size.gap + (thenPlace.below ? chart.BELOW_ROOM : 0);
    const target = row.target ? frame.x(row.target) : null;
    drawBar(doc, frame, size, { y: top, score: row.then, then: true, low: row.thenLow }, thenPlace);
    drawBar(doc, frame, size, { y: nowTop, score: row.now, then: false, low: row.nowLow }, nowPlace);
    if (target === null) return;
    // One mark across the pair; one on each bar when "then"'s value is written between them.
    const spans = thenPlace.below ? [[top, top + size.bar], [nowTop, nowTop + size.bar]] : [[top, nowTop + size.bar]];
    for (const [from, to] of spans) {
      const d = `M${target} ${from - 3}V${to + 3}M${target - 5} ${from - 3}H${target + 5}`;
      frame.svg.appendChild(chart.element(doc, "path", { class: "cif-chart__target", d }));
    }
  });
  return frame.svg;
}

/** Where a bar's words go (chart.placeValue): after the bar, or inside its end when the bar is long;
 * at the plot's edge when there is no score. @param {ReturnType<typeof chart.scale>} s
 * @param {number | null} targetLevel @param {number | null} score @param {string} text @param {boolean} [low] */
function place(s, targetLevel, score, text, low) {
  const plotRight = s.plotLeft + s.plotWidth;
  const target = targetLevel ? s.x(targetLevel) : null;
  const end = score === null ? s.plotLeft - 2 : s.x(score);
  return chart.placeValue({ end, plotLeft: s.plotLeft, plotRight, target, text, preferInside: score !== null && !low && end > s.plotLeft + s.plotWidth * 0.6 });
}

/** One bar and its words, placed by place(); words alone when there is no score.
 * @param {Document} doc @param {ReturnType<typeof chart.frame>} frame
 * @param {typeof SCREEN} size @param {Bar} bar @param {ReturnType<typeof chart.placeValue>} at */
function drawBar(doc, frame, size, bar, at) {
  const { svg, plotLeft } = frame;
  const textY = at.below ? bar.y + size.bar + chart.BELOW : bar.y + 13;
  if (bar.score === null) {
    svg.appendChild(chart.element(doc, "text", { class: "cif-chart__empty", x: at.x, y: textY }, at.text));
    return;
  }
  const end = frame.x(bar.score);
  const barClass = bar.then ? "cif-chart__bar cif-chart__bar--then" : "cif-chart__bar";
  const width = Math.max(1, end - plotLeft);
  const rect = { class: barClass, x: plotLeft, y: bar.y + 1, width, height: size.bar - 2 };
  if (bar.low) chart.lowBar(doc, svg, { x: rect.x, y: rect.y, width, height: rect.height });
  else svg.appendChild(chart.element(doc, "rect", rect));
  const attributes = {
    class: "cif-chart__value" + (bar.low ? " cif-chart__value--halo" : at.inside && !bar.then ? " cif-chart__value--inside" : ""),
    x: at.x,
    y: textY,
    "text-anchor": at.anchor,
  };
  svg.appendChild(chart.element(doc, "text", attributes, at.text));
}
