/* Self-assessment: the results bar chart, drawn as inline SVG.
 *
 * Horizontal bars on the fixed level scale (0 to the number of levels), one per dimension, each with
 * its score written as text and its target marked. The chart is an image to assistive technology
 * (role="img" with a name); the data table beside it carries the same figures as text. It is drawn
 * at the width it is shown, so its text stays the size of the page's text on any screen.
 */

import * as scoring from "./scoring.mjs";

var SVG = "http://www.w3.org/2000/svg";
var LINE = 18;
var BAR = 18;
var AXIS = 28;
var PAD = 8;
var CHAR_WIDTH = 8; // a generous average for 0.7rem text, so wrapped labels never overflow

function element(doc, name, attributes, text) {
  var node = doc.createElementNS(SVG, name);
  Object.keys(attributes).forEach(function (key) {
    node.setAttribute(key, String(attributes[key]));
  });
  if (text !== undefined) node.textContent = text;
  return node;
}

/* Splits a label into lines that fit the width, breaking between words. */
function wrap(text, width) {
  var most = Math.max(12, Math.floor(width / CHAR_WIDTH));
  var lines = [];
  text.split(/\s+/).forEach(function (word) {
    var last = lines.length - 1;
    if (last >= 0 && (lines[last] + " " + word).length <= most) lines[last] += " " + word;
    else lines.push(word);
  });
  return lines;
}

/* What both bar charts share (this one, and the then-and-now chart of assess-progress.js): an SVG
 * at the width it is shown, named for assistive technology, with a gridline and axis label for
 * every level, and each row's label wrapped to fit. Wide charts put each label beside its bars;
 * narrow ones put it above. layout.line is the labels' line height, and layout.rowHeight(lines,
 * beside) the height of a row whose label has that many lines. Returns {svg, x (a score's x),
 * plotLeft, plotWidth, barTops: [y of each row's first bar]}. */
function frame(doc, options, layout) {
  var levels = options.levels;
  var line = layout.line;
  var width = Math.max(260, Math.round(options.width));
  var beside = width >= 560;
  var labelWidth = beside ? Math.round(width * 0.34) : width - 2 * PAD;
  var plotLeft = beside ? PAD + labelWidth + PAD : PAD;
  var plotWidth = width - plotLeft - PAD;
  var labels = options.rows.map(function (row) {
    return wrap(row.label, labelWidth);
  });
  var heights = labels.map(function (lines) {
    return layout.rowHeight(lines, beside);
  });
  var height = AXIS + PAD;
  heights.forEach(function (rowHeight) {
    height += rowHeight;
  });
  var x = function (value) {
    return plotLeft + (plotWidth * value) / levels.length;
  };
  var svg = element(doc, "svg", {
    class: "cif-chart__svg",
    width: width,
    height: height,
    viewBox: "0 0 " + width + " " + height,
    role: "img",
    "aria-label": options.label,
    focusable: "false",
  });
  svg.appendChild(element(doc, "title", {}, options.label));

  // Gridlines and axis labels: a number for every level, and its name where there is room.
  var roomForNames = plotWidth / levels.length >= 96;
  for (var n = 0; n <= levels.length; n += 1) {
    svg.appendChild(element(doc, "line", { class: "cif-chart__grid", x1: x(n), x2: x(n), y1: AXIS - 6, y2: height - PAD }));
    if (n > 0) {
      var name = roomForNames ? n + " " + levels[n - 1].label : String(n);
      svg.appendChild(
        element(doc, "text", { class: "cif-chart__axis", x: x(n) - 4, y: AXIS - 10, "text-anchor": "end" }, name)
      );
    }
  }

  var top = AXIS;
  var barTops = labels.map(function (lines, i) {
    var label = element(doc, "text", { class: "cif-chart__label", x: PAD, y: top + line - 4 });
    lines.forEach(function (text, j) {
      label.appendChild(element(doc, "tspan", { x: PAD, dy: j ? line : 0 }, text));
    });
    svg.appendChild(label);
    var barTop = beside ? top + 2 : top + lines.length * line + 4;
    top += heights[i];
    return barTop;
  });
  return { svg: svg, x: x, plotLeft: plotLeft, plotWidth: plotWidth, barTops: barTops };
}

/* rows: [{label, score (number|null), scoreText, target (1..N|null), emptyText}] */
function draw(doc, options) {
  var chart = frame(doc, options, {
    line: LINE,
    rowHeight: function (lines, beside) {
      return beside ? Math.max(lines.length * LINE, BAR) + 14 : lines.length * LINE + BAR + 16;
    },
  });
  var svg = chart.svg;
  var x = chart.x;
  var plotLeft = chart.plotLeft;
  var plotWidth = chart.plotWidth;
  options.rows.forEach(function (row, i) {
    var barTop = chart.barTops[i];
    if (row.score === null) {
      svg.appendChild(
        element(doc, "text", { class: "cif-chart__empty", x: plotLeft + 4, y: barTop + 14 }, row.emptyText)
      );
    } else {
      var end = x(row.score);
      svg.appendChild(
        element(doc, "rect", { class: "cif-chart__bar", x: plotLeft, y: barTop, width: end - plotLeft, height: BAR })
      );
      // The value sits after the bar, or inside its end when the bar reaches the right-hand side.
      var inside = end > plotLeft + plotWidth * 0.7;
      svg.appendChild(
        element(
          doc,
          "text",
          inside
            ? { class: "cif-chart__value cif-chart__value--inside", x: end - 6, y: barTop + 14, "text-anchor": "end" }
            : { class: "cif-chart__value", x: end + 6, y: barTop + 14 },
          row.scoreText
        )
      );
    }
    if (row.target) {
      var tx = x(row.target);
      svg.appendChild(
        element(doc, "path", {
          class: "cif-chart__target",
          d: "M" + tx + " " + (barTop - 4) + "V" + (barTop + BAR + 4) + "M" + (tx - 5) + " " + (barTop - 4) + "H" + (tx + 5),
        })
      );
    }
  });
  return svg;
}

/* The results chart of an assessment: a bar per dimension with its score and level, and its
 * target. The results table (fillResultsTable) is its text equivalent. noScore is the words for a
 * dimension without a score. */
function drawResults(doc, width, levels, results, levelName, noScore) {
  return draw(doc, {
    width: width,
    levels: levels,
    label: "Bar chart of the score of each dimension on the scale 1 to " + levels.length + ", with targets. The table below gives the same figures.",
    rows: results.dimensions.map(function (r) {
      return {
        label: r.dimension.number + ". " + r.dimension.title,
        score: r.score,
        scoreText: r.score === null ? "" : scoring.formatScore(r.score) + " " + levelName(r.level),
        target: r.target,
        emptyText: r.total && r.notApplicable === r.total ? "Not applicable" : noScore,
      };
    }),
  });
}

/* Fills a results table body: a row per dimension with its score, level, target and how many
 * criteria are answered; the table is the chart's text equivalent. noScore is the words for a
 * dimension without a score. */
function fillResultsTable(doc, body, results, levelName, noScore) {
  body.textContent = "";
  results.dimensions.forEach(function (r) {
    var row = doc.createElement("tr");
    var head = doc.createElement("th");
    head.scope = "row";
    head.textContent = r.dimension.number + ". " + r.dimension.title;
    row.appendChild(head);
    var notApplicable = r.score === null && r.total && r.notApplicable === r.total;
    var answered = r.answered + " of " + r.total;
    if (r.notApplicable) answered += " (" + r.notApplicable + " not applicable)";
    [
      r.score === null ? "\u2013" : scoring.formatScore(r.score),
      r.score === null ? (notApplicable ? "Not applicable" : noScore) : levelName(r.level),
      r.target ? levelName(r.target) : "Not set",
      answered,
    ].forEach(function (text) {
      var cell = doc.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    });
    body.appendChild(row);
  });
}


export { draw, drawResults, frame, element, fillResultsTable };
