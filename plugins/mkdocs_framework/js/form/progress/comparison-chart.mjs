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

/** @typedef {{y: number, score: number | null, text: string, then: boolean, target: number | null, low?: boolean}} Bar */

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
  const pair = 2 * size.bar + size.gap;
  const frame = chart.frame(doc, options, {
    line: size.line,
    /** @param {string[]} lines @param {boolean} beside */
    rowHeight: (lines, beside) =>
      beside ? Math.max(lines.length * size.line, pair) + size.space : lines.length * size.line + pair + size.space + 2,
  });
  options.rows.forEach((row, i) => {
    const top = frame.barTops[i];
    const target = row.target ? frame.x(row.target) : null;
    drawBar(doc, frame, size, { y: top, score: row.then, text: row.thenText, then: true, target, low: row.thenLow });
    drawBar(doc, frame, size, { y: top + size.bar + size.gap, score: row.now, text: row.nowText, then: false, target, low: row.nowLow });
    if (row.target) {
      const x = frame.x(row.target);
      const d = `M${x} ${top - 3}V${top + pair + 3}M${x - 5} ${top - 3}H${x + 5}`;
      frame.svg.appendChild(chart.element(doc, "path", { class: "cif-chart__target", d }));
    }
  });
  return frame.svg;
}

/** One bar with its words: after the bar, or inside its end when the bar is long; words alone when
 * there is no score.
 * @param {Document} doc @param {ReturnType<typeof chart.frame>} frame
 * @param {typeof SCREEN} size @param {Bar} bar */
function drawBar(doc, frame, size, bar) {
  const { svg, plotLeft, plotWidth } = frame;
  const textY = bar.y + 13;
  const plotRight = plotLeft + plotWidth;
  if (bar.score === null) {
    const place = chart.placeValue({ end: plotLeft - 2, plotLeft, plotRight, target: bar.target, text: bar.text, preferInside: false });
    svg.appendChild(chart.element(doc, "text", { class: "cif-chart__empty", x: place.x, y: textY }, place.text));
    return;
  }
  const end = frame.x(bar.score);
  const barClass = bar.then ? "cif-chart__bar cif-chart__bar--then" : "cif-chart__bar";
  const width = Math.max(1, end - plotLeft);
  const rect = { class: barClass, x: plotLeft, y: bar.y + 1, width, height: size.bar - 2 };
  if (bar.low) chart.lowBar(doc, svg, { x: rect.x, y: rect.y, width, height: rect.height });
  else svg.appendChild(chart.element(doc, "rect", rect));
  // After the bar, or inside its end when the bar is long, and never across the target mark.
  const preferInside = !bar.low && end > plotLeft + plotWidth * 0.6;
  const place = chart.placeValue({ end, plotLeft, plotRight, target: bar.target, text: bar.text, preferInside });
  const attributes = {
    class: "cif-chart__value" + (bar.low ? " cif-chart__value--halo" : place.inside && !bar.then ? " cif-chart__value--inside" : ""),
    x: place.x,
    y: textY,
    "text-anchor": place.anchor,
  };
  svg.appendChild(chart.element(doc, "text", attributes, place.text));
}
