/* The fixed parts of the board report's Word file (core/docx.mjs writes its body): styles, the
 * package's lists of parts and relationships, the header and the footer. No DOM here.
 *
 * Styles are defined in the file (Title, Heading 1 to 3, Caption, table text, Table Grid), so Word
 * shows real headings for the navigation pane and a table of contents, and every heading and
 * caption is kept with what follows it. Sizes follow the printed report (10 pt text, 8.5 pt tables).
 */

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The font size of body text and of tables, in half-points (w:sz). */
export const BODY_SIZE = 20;
export const TABLE_SIZE = 17;
/** A table cell's left and right margins, each, in twips. */
export const CELL_MARGIN = 85;

/** Text safe inside XML: escaped, without the characters XML 1.0 cannot hold. @param {string} text */
export function escapeXml(text) {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** @param {string} id @param {string} name @param {string} props @param {string} runProps @param {string} [extra] */
function style(id, name, props, runProps, extra = "") {
  // Right-to-left text takes the complex-script size and weight (w:szCs, w:bCs): the same as the rest.
  const run = runProps.replace(/<w:b\/>/, "<w:b/><w:bCs/>").replace(/<w:sz w:val="(\d+)"\/>(?!<w:szCs)/, '<w:sz w:val="$1"/><w:szCs w:val="$1"/>');
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>${extra}<w:pPr>${props}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;
}

/** A heading's paragraph properties: kept with the next paragraph and on one page. @param {string} spacing @param {number} level */
const heading = (spacing, level) => `<w:keepNext/><w:keepLines/>${spacing}<w:outlineLvl w:val="${level}"/>`;

export const STYLES =
  `${XML_HEAD}<w:styles ${NS}>` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="${BODY_SIZE}"/><w:szCs w:val="${BODY_SIZE}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  style("Title", "Title", '<w:keepNext/><w:spacing w:before="1200" w:after="480"/>', '<w:b/><w:sz w:val="44"/>') +
  style("Heading1", "heading 1", heading('<w:spacing w:before="320" w:after="120"/>', 0), '<w:b/><w:sz w:val="30"/>') +
  style("Heading2", "heading 2", heading('<w:spacing w:before="280" w:after="100"/>', 1), '<w:b/><w:sz w:val="25"/>') +
  style("Heading3", "heading 3", heading('<w:spacing w:before="160" w:after="60"/>', 2), `<w:b/><w:sz w:val="${BODY_SIZE}"/>`) +
  style("Caption", "caption", '<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/>', '<w:b/><w:sz w:val="18"/>') +
  style("TableText", "Table text", '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>', `<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/>`) +
  style("ListCompact", "List compact", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="284" w:hanging="284"/>', `<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/>`) +
  style("Note", "Note", '<w:spacing w:before="60" w:after="160"/>', '<w:sz w:val="17"/>') +
  style("Footer", "footer", '<w:spacing w:after="0"/><w:jc w:val="right"/>', '<w:sz w:val="18"/>') +
  style("Header", "header", '<w:spacing w:after="0"/>', '<w:sz w:val="16"/>') +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>' +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join("") +
  `</w:tblBorders><w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  "</w:styles>";

const TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** The package's list of parts. @param {boolean} header whether there is a page header */
export function contentTypes(header) {
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/>' +
    `<Override PartName="/word/document.xml" ContentType="${TYPE}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
    `<Override PartName="/word/footer1.xml" ContentType="${TYPE}.footer+xml"/>` +
    `<Override PartName="/word/footer2.xml" ContentType="${TYPE}.footer+xml"/>` +
    (header ? `<Override PartName="/word/header1.xml" ContentType="${TYPE}.header+xml"/>` : "") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>"
  );
}

export const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  "</Relationships>";

/** The relationship ids document.xml refers to. */
export const REL = { header: "rId2", footer: "rId3", coverFooter: "rId4", chart: "rId5" };

/** The body's relationships. @param {boolean} header @param {boolean} chart whether the chart's picture is in the file */
export function documentRels(header, chart) {
  const rel = (/** @type {string} */ id, /** @type {string} */ type, /** @type {string} */ target) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rel("rId1", "styles", "styles.xml") +
    (header ? rel(REL.header, "header", "header1.xml") : "") +
    rel(REL.footer, "footer", "footer1.xml") +
    rel(REL.coverFooter, "footer", "footer2.xml") +
    (chart ? rel(REL.chart, "image", "media/chart.png") : "") +
    "</Relationships>"
  );
}

/** The page header: the statement, small, on every page. @param {string} statement */
export function headerXml(statement) {
  const text = `<w:r><w:t xml:space="preserve">${escapeXml(statement)}</w:t></w:r>`;
  return `${XML_HEAD}<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${text}</w:p></w:hdr>`;
}

/** A field Word and LibreOffice work out as the pages are laid out. @param {string} name PAGE or NUMPAGES */
const field = (name) => `<w:fldSimple w:instr=" ${name} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;

/** The footer of every page after the cover: "Page N of M", as the printed report has it. */
export const FOOTER =
  `${XML_HEAD}<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
  `<w:r><w:t xml:space="preserve">Page </w:t></w:r>${field("PAGE")}<w:r><w:t xml:space="preserve"> of </w:t></w:r>${field("NUMPAGES")}` +
  "</w:p></w:ftr>";

/** The cover's footer: none, as the printed cover has no page number. */
export const COVER_FOOTER = `${XML_HEAD}<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>`;

/** @param {string} title */
export function coreXml(title) {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>`
  );
}
