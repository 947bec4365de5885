/* The board report as a Word document (.docx) that council staff can edit. No DOM here.
 *
 * A small writer of our own rather than a library: a .docx is a zip of a few XML files (ECMA-376,
 * Office Open XML), and the report needs only headings, paragraphs and tables. The zip is stored
 * (no compression), which every reader accepts, with a CRC-32 of each file. Styles are defined
 * in the file (Title, Heading 1 to 3, Caption, Table Grid), so Word shows real headings for the
 * navigation pane and a table of contents. Text is written exactly as typed; characters XML
 * cannot hold (control characters) are left out.
 */

/** @typedef {import("./report.mjs").Report} Report */
/** @typedef {import("./report.mjs").Block} Block */
/** @typedef {import("./report.mjs").Text} Text */

/* ---- Zip (stored) ----------------------------------------------------------------------- */

/** @type {Uint32Array | null} */
let crcTable = null;

/** CRC-32 (IEEE 802.3, as zip uses). @param {Uint8Array} bytes */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of these files, stored without compression. @param {[string, string][]} files
 * name and UTF-8 text @returns {Uint8Array} */
export function zip(files) {
  const encoder = new TextEncoder();
  /** @type {Uint8Array[]} */
  const chunks = [];
  /** @type {Uint8Array[]} */
  const central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0
    local.setUint16(6, 0x0800, true); // names are UTF-8
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, 0, true); // time 00:00
    local.setUint16(12, 0x21, true); // date 1980-01-01
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, 0, true);
    entry.setUint16(12, 0, true);
    entry.setUint16(14, 0x21, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/* ---- WordprocessingML -------------------------------------------------------------------- */

/** Text safe inside XML: escaped, without the characters XML 1.0 cannot hold. @param {string} text */
function escapeXml(text) {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** @param {Text} text */
function plain(text) {
  return typeof text === "string" ? text : text.map((part) => (typeof part === "string" ? part : part.bdi)).join("");
}

/** Runs of text, with line breaks and tabs kept. @param {string} text @param {boolean} [bold] */
function runs(text, bold) {
  const props = bold ? "<w:rPr><w:b/></w:rPr>" : "";
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const pieces = line.split("\t").map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`);
      return `<w:r>${props}${i ? "<w:br/>" : ""}${pieces.join("<w:tab/>")}</w:r>`;
    })
    .join("");
}

/** @param {string} text @param {string} [style] @param {{bold?: boolean, keepNext?: boolean}} [options] */
function paragraph(text, style, options = {}) {
  const props = [style ? `<w:pStyle w:val="${style}"/>` : "", options.keepNext ? "<w:keepNext/>" : ""].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs(text, options.bold)}</w:p>`;
}

/** A table across the page, its header row repeated on each page and no row split.
 * @param {string[] | null} head @param {Text[][]} rows */
function table(head, rows) {
  const columns = (head || rows[0] || []).length;
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${Math.floor(9638 / Math.max(columns, 1))}"/>`).join("");
  const cell = (/** @type {Text} */ text, /** @type {boolean} */ bold) =>
    `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(plain(text), "", { bold })}</w:tc>`;
  const row = (/** @type {Text[]} */ cells, /** @type {boolean} */ header) =>
    `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells.map((c, i) => cell(c, header || i === 0)).join("")}</w:tr>`;
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:firstColumn="1"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${head ? row(head, true) : ""}${rows.map((r) => row(r, false)).join("")}</w:tbl>` +
    paragraph("")
  );
}

/** @param {Block} block */
function blockXml(block) {
  switch (block.kind) {
    case "heading":
      return paragraph(plain(block.text), `Heading${block.level - 1}`);
    case "paragraph":
      return paragraph(plain(block.text));
    case "terms":
      return table(null, block.rows);
    case "table":
      return paragraph(block.caption, "Caption", { keepNext: true }) + table(block.head, block.rows);
    default:
      return "";
  }
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** @param {Report} report @param {string} kicker the line above the title
 * @param {string} statement what the framework is while it is not published, or "" */
function documentXml(report, kicker, statement) {
  const body = [
    paragraph(kicker),
    statement ? paragraph(statement, "", { bold: true }) : "",
    paragraph(report.title, "Title"),
    table(null, report.facts),
    paragraph("Summary", "Heading1"),
    ...report.summary.map((text) => paragraph(text)),
    paragraph("How the levels are worked out", "Heading1"),
    ...report.rule.map((text) => paragraph(text)),
    paragraph("Results", "Heading1"),
    ...report.results.map(blockXml),
    paragraph("Each dimension", "Heading1"),
    ...report.dimensions.map(blockXml),
    paragraph("Action plan", "Heading1"),
    ...report.plan.map(blockXml),
    paragraph("Progress", "Heading1"),
    ...report.progress.map(blockXml),
  ].join("");
  // The statement heads every page (the Word header); a report without one has no header.
  const header = statement ? '<w:headerReference w:type="default" r:id="rId2"/>' : "";
  const section =
    `<w:sectPr>${header}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}${section}</w:body></w:document>`;
}

/** @param {string} id @param {string} name @param {string} props @param {string} runProps @param {string} [extra] */
function style(id, name, props, runProps, extra = "") {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>${extra}<w:pPr>${props}</w:pPr><w:rPr>${runProps}</w:rPr></w:style>`;
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  style("Title", "Title", '<w:spacing w:after="240"/>', '<w:b/><w:sz w:val="48"/>') +
  style("Heading1", "heading 1", '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>', '<w:b/><w:sz w:val="36"/>') +
  style("Heading2", "heading 2", '<w:keepNext/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="1"/>', '<w:b/><w:sz w:val="30"/>') +
  style("Heading3", "heading 3", '<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/>', '<w:b/><w:sz w:val="24"/>') +
  style("Caption", "caption", '<w:keepNext/><w:spacing w:before="120" w:after="60"/>', '<w:b/><w:sz w:val="20"/>') +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>' +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join("") +
  '</w:tblBorders><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  "</w:styles>";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  "</Types>";

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  "</Relationships>";

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  "</Relationships>";

const HEADER_TYPE =
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>';
const HEADER_REL =
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>';

/** The page header: the statement, small, on every page. @param {string} statement */
function headerXml(statement) {
  const props = '<w:pPr><w:spacing w:after="0"/></w:pPr>';
  const text = `<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">${escapeXml(statement)}</w:t></w:r>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p>${props}${text}</w:p></w:hdr>`;
}

/** @param {string} title */
function coreXml(title) {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>`
  );
}

/** The report as the bytes of a .docx file. @param {Report} report @param {string} kicker
 * @param {string} [statement] what the framework is while it is not published (the page's
 * data-statement): shown under the kicker and in the header of every page */
export function docx(report, kicker, statement = "") {
  /** @type {[string, string][]} */
  const files = [
    ["[Content_Types].xml", statement ? CONTENT_TYPES.replace("</Types>", HEADER_TYPE + "</Types>") : CONTENT_TYPES],
    ["_rels/.rels", PACKAGE_RELS],
    ["docProps/core.xml", coreXml(report.title)],
    ["word/_rels/document.xml.rels", statement ? DOCUMENT_RELS.replace("</Relationships>", HEADER_REL + "</Relationships>") : DOCUMENT_RELS],
    ["word/styles.xml", STYLES],
    ["word/document.xml", documentXml(report, kicker, statement)],
  ];
  if (statement) files.push(["word/header1.xml", headerXml(statement)]);
  return zip(files);
}
