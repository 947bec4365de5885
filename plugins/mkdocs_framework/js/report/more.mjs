/* The modules of assess-report-more.js (entries/assess-report-more.mjs): what the board report
 * loads on first use, to show progress since an earlier assessment (the account of progress) or to
 * write the Word document, with the page's results chart in it as a picture. */
export { progress, inDateOrder } from "../results/progress.mjs";
export { parseImport } from "../core/transfer.mjs";
export { migrateAssessment } from "../core/migrate.mjs";
import { docx } from "../core/docx.mjs";
import { fileName as safeFileName } from "../core/util.mjs";

/** @typedef {import("../core/report.mjs").Report} Report */
/** @typedef {import("../core/docx.mjs").Chart} Chart */

export { docx };

/** The Word file's name, from the assessment's name and date. @param {{name: string, date: string}} assessment */
export function fileName(assessment) {
  return safeFileName(assessment, "-board-report.docx");
}

/* The chart's colours as printed (assets/assess.css), whatever colour scheme the page is shown in:
 * the picture goes on white paper. */
const PRINT_COLOURS = "--cif-chart-bar: var(--cif-chart-bar-print); --cif-chart-then: var(--cif-chart-then-print);";
/* What an SVG element's look is made of, copied onto it so the picture needs no style sheet. */
const LOOK = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linejoin",
  "stroke-opacity",
  "paint-order",
  "opacity",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
];
/* Pixels of the picture for each pixel of the chart, so it stays sharp when printed. */
const SCALE = 2;

/** A copy of the chart that draws the same on its own: each element's look (taken from the page's
 * style sheets in the light colour scheme, with the print colours) written on it.
 * @param {SVGSVGElement} svg @returns {SVGSVGElement} */
function standalone(svg) {
  const doc = svg.ownerDocument;
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  // Placed out of sight beside the chart, so the page's rules for it still apply, in the light scheme.
  const holder = doc.createElement("div");
  holder.setAttribute("data-md-color-scheme", "default");
  holder.setAttribute("aria-hidden", "true");
  holder.setAttribute("style", `position: absolute; left: -10000px; top: 0; ${PRINT_COLOURS}`);
  holder.append(copy);
  (svg.parentElement || doc.body).append(holder);
  const view = doc.defaultView;
  try {
    for (const node of [copy, ...copy.querySelectorAll("*")]) {
      const computed = view ? view.getComputedStyle(node) : null;
      if (!computed) continue;
      const look = LOOK.map((name) => `${name}: ${computed.getPropertyValue(name)}`).join("; ");
      node.setAttribute("style", look);
    }
  } finally {
    holder.remove();
  }
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return copy;
}

/** The chart drawn on a canvas as a PNG, on white. @param {SVGSVGElement} svg
 * @returns {Promise<{png: Uint8Array, width: number, height: number}>} */
async function rasterise(svg) {
  const doc = svg.ownerDocument;
  const width = Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute("height")) || svg.getBoundingClientRect().height;
  const text = new XMLSerializer().serializeToString(standalone(svg));
  // A data: address, which needs no other host and works from file:// too.
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = doc.createElement("canvas");
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve, reject) => canvas.toBlob((made) => (made ? resolve(made) : reject(new Error("no PNG"))), "image/png"));
  return { png: new Uint8Array(await /** @type {Blob} */ (blob).arrayBuffer()), width, height };
}

/** The words of the chart's key as the page shows them, its mark for the target drawn as a bar.
 * @param {Element | null} key */
function keyText(key) {
  if (!key) return "";
  const copy = /** @type {Element} */ (key.cloneNode(true));
  copy.querySelectorAll(".cif-chart__key-target").forEach((mark) => mark.replaceWith("|"));
  return (copy.textContent || "").replace(/\s+/g, " ").trim();
}

/** The results chart on the page (in its figure, with caption and key) as a picture for the Word
 * file, or null when there is none or it cannot be drawn (the file then has the table alone).
 * @param {Element} body the chart's container on the page @returns {Promise<Chart | null>} */
export async function chartPicture(body) {
  const svg = body.querySelector("svg");
  const figure = body.closest("figure");
  if (!svg) return null;
  try {
    const picture = await rasterise(svg);
    return {
      ...picture,
      description: svg.getAttribute("aria-label") || "",
      caption: figure?.querySelector("figcaption")?.textContent?.trim() || "",
      key: keyText(figure?.querySelector(".cif-chart__key") || null),
    };
  } catch {
    return null;
  }
}

/** The report as a .docx, with the chart on the page as a picture.
 * @param {Report} report @param {string} kicker @param {string} statement @param {Element} chart
 * the chart's container on the page @returns {Promise<Uint8Array>} */
export async function wordFile(report, kicker, statement, chart) {
  return docx(report, kicker, statement, await chartPicture(chart));
}
