/* The board report as a Word document (.docx) that council staff can drop into a board paper. No DOM here.
 *
 * A small writer of our own rather than a library: a .docx is a zip of a few XML files (ECMA-376,
 * Office Open XML; core/docx-zip.mjs), and the report needs only headings, paragraphs, tables and
 * one picture. The fixed parts (styles, header, footer) are in core/docx-parts.mjs; column widths
 * are worked out from the cells' text in core/docx-layout.mjs. Every sentence comes from the report
 * (core/report.mjs, which renders the account of the results) or from the page (the chart's caption,
 * key and text alternative); worded here are only the parts' headings as the page has them, the
 * page furniture ("Page N of M") and the lead-in of the list of untouched suggestions.
 *
 * The file holds up on paper as the printed report does: the cover has a page of its own without a
 * number and every later page says "Page N of M"; headings and captions stay with what follows;
 * no table row is split, header rows repeat, and short tables are kept whole; the results chart
 * is a picture with its text alternative (the page's own), followed by its table. The action plan
 * gives the actions someone has written room (a landscape section, when there are any) and lists
 * the suggestions nobody has acted on yet one to a line, rather than as rows of dashes.
 *
 * Text is written exactly as typed; characters XML cannot hold (control characters) are left out.
 * A name the page isolates in a <bdi> (a {bdi} part, the title, the cover's facts) is isolated here
 * between FSI and PDI with its direction controls balanced (core/util.mjs balancedBidi), so a
 * right-to-left mark in it cannot turn the sentence around it in Word either.
 */

import { balancedBidi } from "./util.mjs";
import { STATUS_LABELS } from "./plan.mjs";
import { columnWidths } from "./docx-layout.mjs";
import { zip } from "./docx-zip.mjs";
import * as parts from "./docx-parts.mjs";

export { crc32, zip } from "./docx-zip.mjs";

/** @typedef {import("./report.mjs").Report} Report */
/** @typedef {import("./report.mjs").Block} Block */
/** @typedef {import("./report.mjs").Text} Text */
/**
 * @typedef {object} Chart  the results chart as a picture, made from the page's chart (report/more.mjs)
 * @property {Uint8Array} png  the picture
 * @property {number} width  its size in CSS pixels, as drawn on the page
 * @property {number} height
 * @property {string} description  its text alternative on the page
 * @property {string} caption  the figure's caption on the page
 * @property {string} key  the key under it on the page
 */

const { escapeXml, TABLE_SIZE, CELL_MARGIN } = parts;

/* A4, with the printed report's margins (1.8 cm top, 1.6 cm sides, 2 cm bottom), in twips. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1021, side: 907, bottom: 1134 };
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN.side, landscape: A4.height - 2 * MARGIN.side };
/* A cell's margins, and a little room so that a word measured a hair narrow still fits. */
const PADDING = 2 * CELL_MARGIN + 60;
/* A table this long runs on over pages (its head kept with its first rows); a shorter one is kept whole. */
const KEEP_WHOLE = 14;
/* The picture is never taller than this (EMU; 9 cm, as the printed chart), so it shares its page with its table. */
const CHART_HEIGHT = 3240000;
const EMU_PER_PX = 9525; // 914400 EMU an inch, 96 CSS pixels an inch
const EMU_PER_TWIP = 635;

/* ---- Text ---------------------------------------------------------------------------------- */

/** A name, isolated as the page isolates it in a <bdi>. @param {string} text */
function isolated(text) {
  return `\u2068${balancedBidi(text)}\u2069`;
}

/** The words of a text, its names isolated. @param {Text} text */
function words(text) {
  return typeof text === "string" ? text : text.map((part) => (typeof part === "string" ? part : isolated(part.bdi))).join("");
}

/** Runs of text, with line breaks and tabs kept. Each line's direction controls are closed at its
 * end, as a new line ends them on the page (a Word line break, unlike a paragraph, would not).
 * @param {string} text @param {boolean} [bold] */
function runs(text, bold) {
  const props = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const pieces = balancedBidi(line)
        .split("\t")
        .map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
      return `<w:r>${props}${i ? "<w:br/>" : ""}${pieces.join("<w:tab/>")}</w:r>`;
    })
    .join("");
}

/**
 * @typedef {{bold?: boolean, keepNext?: boolean, pageBreakBefore?: boolean, section?: string}} ParagraphOptions
 *   section: the properties of the section this paragraph ends (w:sectPr)
 * @param {string} text @param {string} [style] @param {ParagraphOptions} [options]
 */
function paragraph(text, style, options = {}) {
  const props = [
    style ? `<w:pStyle w:val="${style}"/>` : "",
    options.keepNext ? "<w:keepNext/>" : "",
    options.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    options.section || "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs(text, options.bold)}</w:p>`;
}

/* ---- Tables -------------------------------------------------------------------------------- */

/** A table across the text's width, its columns as wide as their content needs (the longest word
 * always fits), its header row repeated on each page, no row split, and kept whole when short.
 * @param {string[] | null} head @param {Text[][]} rows @param {number} width in twips */
function table(head, rows, width) {
  const cells = [...(head ? [head] : []), ...rows].map((row) => row.map(words));
  const bold = (/** @type {number} */ r, /** @type {number} */ c) => (Boolean(head) && r === 0) || c === 0;
  const widths = columnWidths(cells, width, { size: TABLE_SIZE, padding: PADDING, bold });
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const kept = cells.length <= KEEP_WHOLE ? cells.length - 1 : (head ? 1 : 0) + 2;
  const row = (/** @type {string[]} */ texts, /** @type {number} */ r) => {
    const header = Boolean(head) && r === 0;
    const cellXml = texts.map(
      (text, c) =>
        `<w:tc><w:tcPr><w:tcW w:w="${widths[c]}" w:type="dxa"/></w:tcPr>${paragraph(text, "TableText", { bold: bold(r, c), keepNext: r < kept })}</w:tc>`
    );
    return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cellXml.join("")}</w:tr>`;
  };
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblLook w:val="04A0" w:firstRow="${head ? 1 : 0}" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${cells.map(row).join("")}</w:tbl>` +
    paragraph("", "TableText")
  );
}

/** @param {Block} block @param {number} width the text's width in twips */
function blockXml(block, width) {
  switch (block.kind) {
    case "heading":
      return paragraph(words(block.text), `Heading${block.level - 1}`);
    case "paragraph":
      // An introduction stays with the table it introduces, as on paper.
      return paragraph(words(block.text), "", { keepNext: block.style === "intro" });
    case "terms":
      return table(null, block.rows, width);
    case "table":
      return paragraph(block.caption, "Caption") + table(block.head, block.rows, width);
    default:
      return "";
  }
}

/* ---- The action plan ------------------------------------------------------------------------ */

/* The plan's columns, by their heads in core/report.mjs, that say what someone has done about a suggestion. */
const WRITTEN = ["Action", "Owner", "Due", "Priority", "Progress"];
const NONE = "\u2013";

/** The plan's table split in two: the rows where someone has written an action, an owner, a date,
 * a priority, a status or progress (or that are the team's own), and the suggestions nobody has
 * acted on yet. @param {Extract<Block, {kind: "table"}>} block */
function splitPlan(block) {
  const at = (/** @type {string} */ name) => block.head.indexOf(name);
  const written = WRITTEN.map(at);
  const status = at("Status");
  const source = at("Source");
  if (written.includes(-1) || status < 0 || source < 0) return { acted: block.rows, untouched: [] };
  const untouched = (/** @type {Text[]} */ row) =>
    words(row[source]) === "Suggested" && words(row[status]) === STATUS_LABELS["not-started"] && written.every((i) => words(row[i]) === NONE);
  return { acted: block.rows.filter((row) => !untouched(row)), untouched: block.rows.filter(untouched) };
}

/** Whether the plan has a table of actions someone has written, which a landscape page gives room. @param {Block[]} plan */
function planIsWide(plan) {
  return plan.some((block) => block.kind === "table" && block.style === "plan" && splitPlan(block).acted.length > 0);
}

/** The action plan: the actions someone has written in a table, then the suggestions nobody has
 * acted on, one to a line (what each is about: the criterion and the levels from and to).
 * @param {Block} block @param {number} width */
function planXml(block, width) {
  if (block.kind !== "table" || block.style !== "plan") return blockXml(block, width);
  const { acted, untouched } = splitPlan(block);
  let xml = acted.length ? paragraph(block.caption, "Caption") + table(block.head, acted, width) : "";
  if (untouched.length) {
    xml += paragraph(`Suggested by the plan, with nothing written yet (${untouched.length}):`, "Caption");
    xml += untouched.map((row, i) => paragraph(`\u2022\t${words(row[0])}`, "ListCompact", { keepNext: i === 0 })).join("");
    xml += paragraph("", "TableText");
  }
  return xml;
}

/* ---- The chart ---------------------------------------------------------------------------- */

/** The chart's picture, inline, as large as it was drawn on the page but within the text's width
 * and the chart's height, described by its text alternative. @param {Chart} chart @param {number} width */
function pictureXml(chart, width) {
  const natural = { cx: chart.width * EMU_PER_PX, cy: chart.height * EMU_PER_PX };
  const scale = Math.min(1, (width * EMU_PER_TWIP) / natural.cx, CHART_HEIGHT / natural.cy);
  const cx = Math.round(natural.cx * scale);
  const cy = Math.round(natural.cy * scale);
  const description = escapeXml(chart.description);
  const a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const pic = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  return (
    '<w:p><w:pPr><w:keepNext/><w:spacing w:after="60"/></w:pPr><w:r><w:drawing>' +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="1" name="Chart" descr="${description}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks ${a} noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic ${a}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic ${pic}>` +
    `<pic:nvPicPr><pic:cNvPr id="1" name="chart.png" descr="${description}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${parts.REL.chart}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
  );
}

/** The chart as the page shows it: caption, picture and key. @param {Chart | null} chart @param {number} width */
function chartXml(chart, width) {
  if (!chart) return "";
  return paragraph(chart.caption, "Caption") + pictureXml(chart, width) + paragraph(chart.key, "Note");
}

/* ---- The document ---------------------------------------------------------------------------- */

/** A section's properties: its page, header and footer. @param {"portrait" | "landscape"} orientation
 * @param {boolean} header @param {boolean} [cover] whether its first page is the cover (no page number) */
function sectionXml(orientation, header, cover = false) {
  const size =
    orientation === "portrait"
      ? `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`
      : `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>`;
  // The cover has the statement under its kicker, so no header of its own.
  const headers = header ? `<w:headerReference w:type="default" r:id="${parts.REL.header}"/>` : "";
  const footers = `<w:footerReference w:type="default" r:id="${parts.REL.footer}"/>${cover ? `<w:footerReference w:type="first" r:id="${parts.REL.coverFooter}"/>` : ""}`;
  const margins = `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.side}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.side}" w:header="567" w:footer="567" w:gutter="0"/>`;
  return `<w:sectPr>${headers}${footers}<w:type w:val="nextPage"/>${size}${margins}${cover ? "<w:titlePg/>" : ""}</w:sectPr>`;
}

const NAMESPACES = `${parts.NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`;

/** @param {Report} report @param {string} kicker the line above the title
 * @param {string} statement what the framework is while it is not published, or ""
 * @param {Chart | null} chart */
function documentXml(report, kicker, statement, chart) {
  const header = Boolean(statement);
  const portrait = TEXT_WIDTH.portrait;
  const blocks = (/** @type {Block[]} */ list, /** @type {number} */ width) => list.map((block) => blockXml(block, width)).join("");
  // The cover, on a page of its own as printed; then the results and each dimension.
  const opening = [
    paragraph(kicker, "", { bold: true }),
    statement ? paragraph(statement, "Note") : "",
    paragraph(isolated(report.title), "Title"),
    table(null, report.facts.map(([label, value]) => [label, isolated(value)]), portrait),
    paragraph("Summary", "Heading1"),
    ...report.summary.map((text) => paragraph(text)),
    paragraph("How the levels are worked out", "Heading1"),
    ...report.rule.map((text) => paragraph(text)),
    paragraph("Results", "Heading1", { pageBreakBefore: true }),
    chartXml(chart, portrait),
    blocks(report.results, portrait),
    paragraph("Each dimension", "Heading1"),
    blocks(report.dimensions, portrait),
  ].join("");
  const progress = paragraph("Progress", "Heading1") + blocks(report.progress, portrait);
  let body;
  if (planIsWide(report.plan)) {
    // The plan on landscape pages of its own, between the portrait ones.
    const landscape = TEXT_WIDTH.landscape;
    const plan = paragraph("Action plan", "Heading1") + report.plan.map((block) => planXml(block, landscape)).join("");
    body =
      opening +
      paragraph("", "TableText", { section: sectionXml("portrait", header, true) }) +
      plan +
      paragraph("", "TableText", { section: sectionXml("landscape", header) }) +
      progress +
      sectionXml("portrait", header);
  } else {
    const plan = paragraph("Action plan", "Heading1") + report.plan.map((block) => planXml(block, portrait)).join("");
    body = opening + plan + progress + sectionXml("portrait", header, true);
  }
  return `${parts.XML_HEAD}<w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`;
}

/** The report as the bytes of a .docx file. @param {Report} report @param {string} kicker
 * @param {string} [statement] what the framework is while it is not published (the page's
 * data-statement): shown under the kicker and in the header of every page
 * @param {Chart | null} [chart] the results chart as a picture, when the page could draw one */
export function docx(report, kicker, statement = "", chart = null) {
  const header = Boolean(statement);
  /** @type {[string, string | Uint8Array][]} */
  const files = [
    ["[Content_Types].xml", parts.contentTypes(header)],
    ["_rels/.rels", parts.PACKAGE_RELS],
    ["docProps/core.xml", parts.coreXml(isolated(report.title))],
    ["word/_rels/document.xml.rels", parts.documentRels(header, Boolean(chart))],
    ["word/styles.xml", parts.STYLES],
    ["word/document.xml", documentXml(report, kicker, statement, chart)],
    ["word/footer1.xml", parts.FOOTER],
    ["word/footer2.xml", parts.COVER_FOOTER],
  ];
  if (header) files.push(["word/header1.xml", parts.headerXml(statement)]);
  if (chart) files.push(["word/media/chart.png", chart.png]);
  return zip(files);
}
