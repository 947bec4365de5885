/* Column widths for the Word file's tables, worked out from what the cells hold. No DOM here.
 *
 * Word and LibreOffice lay a table out from the widths the file gives (w:tblGrid), not from its
 * content as a browser does, so equal widths broke words mid-word in narrow columns. This module
 * does what a browser's automatic table layout does: each column gets at least its longest word,
 * the room left is shared in proportion to how much more each column's text would take on one line,
 * and the total is the width of the text on the page. Text is measured with Arial's widths (the
 * font the file asks for; LibreOffice's Liberation Sans has the same), so a word fits its column in
 * either program. All lengths are in twentieths of a point (twips), as WordprocessingML has them.
 */

/* Arial (Helvetica's metrics) advance widths of the printable ASCII characters, space to tilde, in
 * thousandths of the font size. Other characters are taken as wide as a capital, to be safe. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
const OTHER_WIDTH = 722;
const BOLD = 1.1; // bold Arial is at most about a tenth wider
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/; // direction and joining controls

/** The width of a line of text, in twips. @param {string} text @param {number} size the font size
 * in half-points (w:sz) @param {boolean} [bold] */
export function textWidth(text, size, bold = false) {
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) || 0;
    if (ZERO_WIDTH.test(ch)) continue;
    thousandths += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : OTHER_WIDTH;
  }
  // size / 2 points, 20 twips a point
  return Math.ceil((thousandths / 1000) * (size / 2) * 20 * (bold ? BOLD : 1));
}

/** How narrow and how wide a cell's text can be set: its longest word, and its longest line
 * unbroken. @param {string} text @param {number} size @param {boolean} bold */
function cellRange(text, size, bold) {
  const lines = text.split(/\r\n|\r|\n/);
  const least = Math.max(0, ...lines.flatMap((line) => line.split(/[\s]+/).map((word) => textWidth(word, size, bold))));
  const most = Math.max(0, ...lines.map((line) => textWidth(line, size, bold)));
  return { least, most };
}

/**
 * Widths of a table's columns that fit their content within the width of the text.
 * @param {string[][]} rows the cells' plain text, row by row (the header row first, if any)
 * @param {number} width the width the table may take, in twips
 * @param {{size: number, padding: number, bold: (row: number, column: number) => boolean}} options
 *   size: the cells' font size in half-points; padding: a cell's left and right margins together,
 *   in twips; bold: whether a cell is set in bold
 * @returns {number[]} each column's width in twips, adding up to width
 */
export function columnWidths(rows, width, options) {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  if (!columns) return [];
  const least = new Array(columns).fill(0);
  const most = new Array(columns).fill(0);
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      const range = cellRange(text, options.size, options.bold(r, c));
      least[c] = Math.max(least[c], range.least + options.padding);
      most[c] = Math.max(most[c], range.most + options.padding);
    })
  );
  const sum = (/** @type {number[]} */ list) => list.reduce((total, n) => total + n, 0);
  /** @type {number[]} */
  let widths;
  if (sum(least) >= width) {
    // Even the longest words do not fit side by side: each column in proportion to its longest word.
    widths = least.map((n) => (n * width) / sum(least));
  } else if (sum(most) <= width) {
    // Everything fits on one line: the room left goes to the column with the most text, so short
    // columns stay as narrow as their text and the table spans the page.
    const widest = most.indexOf(Math.max(...most));
    widths = most.map((n, c) => (c === widest ? n + width - sum(most) : n));
  } else {
    // A short column (its text on one line takes no more than an equal share) is given its line, so
    // a date or a status is not wrapped; the others get their longest word, and the room left goes
    // to them in proportion to how much more their text needs.
    const share = width / columns;
    const short = most.map((n) => n <= share);
    const fixed = least.map((n, c) => (short[c] ? most[c] : n));
    const spare = width - sum(fixed);
    const grow = most.map((n, c) => (short[c] ? 0 : n - least[c]));
    const wanted = spare >= 0 ? sum(grow) : 0;
    widths = wanted > 0 ? fixed.map((n, c) => n + (grow[c] * spare) / wanted) : least.map((n, c) => n + ((most[c] - n) * (width - sum(least))) / (sum(most) - sum(least)));
  }
  const whole = widths.map((n) => Math.floor(n));
  whole[whole.length - 1] += width - sum(whole);
  return whole;
}
