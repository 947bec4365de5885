// The board report's Word file (core/docx.mjs and its parts): what it holds, read back from its XML.
// How it looks on pages (LibreOffice's PDF of it) is checked in tests/test_word_file_browser.py.

import test from "node:test";
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import * as report from "../../plugins/mkdocs_framework/js/core/report.mjs";
import { docx } from "../../plugins/mkdocs_framework/js/core/docx.mjs";
import { columnWidths, textWidth } from "../../plugins/mkdocs_framework/js/core/docx-layout.mjs";
import { balancedBidi } from "../../plugins/mkdocs_framework/js/core/util.mjs";
import { progress } from "../../plugins/mkdocs_framework/js/results/progress.mjs";
import { info } from "./framework.mjs";
import { unzip } from "./word-file.mjs";

const FSI = "\u2068";
const PDI = "\u2069";
const RLO = "\u202e";

function answered(fw, answers, targets = {}) {
  const a = model.blankAssessment(fw);
  Object.entries(answers).forEach(([id, value]) => model.setAnswer(fw, a, id, value));
  Object.entries(targets).forEach(([id, value]) => model.setTarget(fw, a, id, value));
  return a;
}


const unescape = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

/** The tables of document.xml: each with its grid and its rows of cell texts. */
function tables(xml) {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, body]) => ({
    grid: [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...body.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([row]) => ({
      xml: row,
      cells: [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) =>
        unescape([...cell.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
      ),
    })),
  }));
}

/** A report with a plan of many suggestions, two of them acted on, and an own action. */
function planned() {
  const fw = info();
  const a = answered(fw, { p1: "emerging", p2: "emerging", p3: "developing", p4: "emerging", v1: "emerging", v2: "developing" }, { purpose: "embedded", voice: "embedded" });
  a.name = "Annual review";
  a.plan = { p1: { action: "Write the consent policy and publish it", owner: "Head of performance and information", due: "2027-03-31" } };
  a.actions = [{ id: "act-1", criterion: "", action: "Brief the board", owner: "Director", due: "2027-01-15", priority: "high", status: "in-progress", progress: "Paper drafted" }];
  return { fw, a, built: report.build(fw, a, "2026-11-30", null) };
}

test("the Word document has its parts, headings and text exactly as typed, without characters XML cannot hold", () => {
  const fw = info();
  const a = answered(fw, { p1: "emerging" }, { purpose: "established" });
  a.name = "A & B <review> \u0007";
  model.setNote(fw, a, "purpose", "evidence", "First line\nsecond\tline");
  const files = unzip(docx(report.build(fw, a, "2026-11-30", null), "Kicker"));
  assert.deepEqual(Object.keys(files).sort(), [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/footer1.xml",
    "word/footer2.xml",
    "word/styles.xml",
  ]);
  const body = files["word/document.xml"];
  // The title, isolated as the page isolates it.
  assert.match(body, /<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">\u2068A &amp; B &lt;review&gt; \u2069<\/w:t>/);
  assert.match(body, /First line<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">second<\/w:t><w:tab\/><w:t xml:space="preserve">line/);
  assert.match(body, /<w:pgSz w:w="11906" w:h="16838"\/>/);
  assert.match(files["word/styles.xml"], /w:styleId="Heading1"><w:name w:val="heading 1"\/>/);
});

test("every page after the cover says Page N of M, the cover none; headings and captions stay with what follows", () => {
  const files = unzip(docx(planned().built, "Kicker", "A draft for consultation"));
  assert.match(files["word/footer1.xml"], /Page <\/w:t><\/w:r><w:fldSimple w:instr=" PAGE ">.*<w:t xml:space="preserve"> of <\/w:t><\/w:r><w:fldSimple w:instr=" NUMPAGES ">/);
  assert.doesNotMatch(files["word/footer2.xml"], /<w:t/);
  const body = files["word/document.xml"];
  const sections = [...body.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]);
  // The first section's first page is the cover, with the empty footer; every section numbers its pages.
  assert.match(sections[0], /<w:footerReference w:type="first" r:id="rId4"\/>[\s\S]*<w:titlePg\/>/);
  for (const section of sections) {
    assert.match(section, /<w:footerReference w:type="default" r:id="rId3"\/>/);
    assert.match(section, /<w:headerReference w:type="default" r:id="rId2"\/>/);
  }
  assert.match(files["word/_rels/document.xml.rels"], /Id="rId3"[^>]*Target="footer1.xml"/);
  assert.match(files["word/_rels/document.xml.rels"], /Id="rId4"[^>]*Target="footer2.xml"/);
  // The results start on a new page, as printed.
  assert.match(body, /<w:pageBreakBefore\/><\/w:pPr><w:r><w:t xml:space="preserve">Results</);
  for (const style of ["Heading1", "Heading2", "Heading3", "Caption"]) {
    assert.match(files["word/styles.xml"], new RegExp(`w:styleId="${style}">.*?<w:pPr><w:keepNext/>`), style);
  }
});

test("every column fits its longest word, the columns fill the text's width, and wide text gets the room", () => {
  const { built } = planned();
  const xml = unzip(docx(built, "Kicker"))["word/document.xml"];
  const padding = 2 * 85;
  for (const table of tables(xml)) {
    const width = table.grid.reduce((sum, w) => sum + w, 0);
    assert.ok([11906 - 2 * 907, 16838 - 2 * 907].includes(width), `table width ${width}`);
    table.rows.forEach((row, r) => {
      assert.match(row.xml, /<w:trPr><w:cantSplit\/>/);
      row.cells.forEach((text, c) => {
        for (const word of text.split(/\s+/)) {
          const bold = c === 0 || row.xml.includes("<w:tblHeader/>");
          assert.ok(textWidth(word, 17, bold) + padding <= table.grid[c], `"${word}" (row ${r}) fits ${table.grid[c]}`);
        }
      });
    });
  }
  // The plan: the action and what it is about wider than the status, priority and source.
  const plan = tables(xml).find((t) => t.rows[0].cells[0] === "About");
  assert.ok(plan, "a table of actions");
  const [about, action, , , priority, status, , source] = plan.grid;
  assert.ok(Math.min(about, action) > Math.max(priority, status, source), plan.grid.join(" "));
  // A date and a status are short: each on one line.
  const [due] = plan.grid.slice(3, 4);
  assert.ok(due >= textWidth("15 January 2027", 17) + padding && status >= textWidth("Not started", 17) + padding, plan.grid.join(" "));
  assert.match(plan.rows[0].xml, /<w:tblHeader\/>/);
});

test("column widths: longest words first, then the room shared by need", () => {
  const options = { size: 17, padding: 230, bold: () => false };
  const widths = columnWidths([["Information governance and the sharing of records with partners", "Due", "Suggested"]], 9000, options);
  assert.equal(widths.reduce((sum, w) => sum + w, 0), 9000);
  assert.ok(widths[1] >= textWidth("Due", 17) + 230 && widths[2] >= textWidth("Suggested", 17) + 230);
  assert.ok(widths[0] > widths[1] + widths[2]);
  // When all fits on one line, the short columns keep to their text and the longest takes the rest.
  const fitting = columnWidths([["Level", "Established. Weak spot: 1.1 Children help design information use, Emerging."]], 12000, options);
  assert.deepEqual(fitting, [textWidth("Level", 17) + 230, 12000 - textWidth("Level", 17) - 230]);
  assert.deepEqual(columnWidths([], 1000, options), []);
});

test("the plan gives written actions a landscape table and lists untouched suggestions one to a line", () => {
  const { built } = planned();
  const xml = unzip(docx(built, "Kicker"))["word/document.xml"];
  const plan = tables(xml).find((t) => t.rows[0].cells[0] === "About");
  const actions = plan.rows.slice(1).map((row) => row.cells[1]);
  assert.deepEqual(actions, ["Write the consent policy and publish it", "Brief the board"]);
  // No row of dashes anywhere.
  for (const table of tables(xml)) for (const row of table.rows) assert.ok(row.cells.filter((c) => c === "\u2013").length < 3, row.cells.join("|"));
  // The suggestions nobody acted on, each on a line of its own with what it is about.
  const listed = [...xml.matchAll(/<w:pStyle w:val="ListCompact"\/>[\s\S]*?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><\/w:p>/g)].map((m) => m[1]);
  assert.equal(listed.length, 5);
  assert.ok(listed.every((text) => /^\d\.\d Criterion \w+: from \w+ to \w+$/.test(text)), listed.join("\n"));
  // A landscape section holds the plan, between portrait ones.
  const sizes = [...xml.matchAll(/<w:pgSz ([^/]*)\/>/g)].map((m) => m[1]);
  assert.deepEqual(sizes, ['w:w="11906" w:h="16838"', 'w:w="16838" w:h="11906" w:orient="landscape"', 'w:w="11906" w:h="16838"']);
});

test("a plan of suggestions alone stays on portrait pages", () => {
  const fw = info();
  const a = answered(fw, { p1: "emerging", v1: "emerging" }, { purpose: "embedded", voice: "embedded" });
  const xml = unzip(docx(report.build(fw, a, "2026-11-30", null), "Kicker"))["word/document.xml"];
  assert.doesNotMatch(xml, /landscape/);
  assert.equal([...xml.matchAll(/<w:sectPr>/g)].length, 1);
});

test("names keep their right-to-left marks to themselves: isolated, their controls balanced, as on the page", () => {
  const fw = info();
  const hostile = `Baseline ${RLO}weiver${PDI} 2025`;
  const person = `${RLO}Dana${PDI} Levi`;
  const then = answered(fw, { p1: "emerging" });
  then.name = hostile;
  then.date = "2025-10-01";
  const now = answered(fw, { p1: "established" });
  now.name = `Review ${RLO}2026`;
  now.participants = person;
  now.authority = "Northshire \u05e2\u05d9\u05e8 Council";
  const built = report.build(fw, now, "2026-11-30", { assessment: then, progress: progress(fw, then, now) });
  const files = unzip(docx(built, "Kicker"));
  const xml = unescape(files["word/document.xml"]);
  const isolated = (text) => `${FSI}${balancedBidi(text)}${PDI}`;
  assert.equal(balancedBidi(hostile), `Baseline ${RLO}weiver 2025\u202c`);
  assert.ok(xml.includes(`Since ${isolated(hostile)}, 1 October 2025: `), "the earlier assessment's name in its sentence");
  // The sentence introduces the table of changes, and is kept with it.
  assert.ok(xml.includes(`<w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">Since ${isolated(hostile)}`));
  for (const name of [now.name, person, now.authority]) assert.ok(xml.includes(isolated(name)), name);
  assert.ok(!xml.includes(hostile) && !xml.includes(person));
  assert.ok(files["docProps/core.xml"].includes(isolated(now.name)));
  // Every isolate opened is closed, and every override closed, paragraph by paragraph.
  for (const [paragraph] of xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)) {
    const text = [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    assert.equal(balancedBidi(text), text, JSON.stringify(text));
  }
});

test("a line of typed text that leaves an override open is closed at the line's end, as on the page", () => {
  const fw = info();
  const a = answered(fw, { p1: "emerging" });
  model.setNote(fw, a, "purpose", "evidence", `First ${RLO}line\nsecond line`);
  const xml = unzip(docx(report.build(fw, a, "2026-11-30", null), "Kicker"))["word/document.xml"];
  assert.ok(xml.includes(`First ${RLO}line\u202c</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">second line`));
});

test("the chart is a picture in the file, described by its text alternative, within the text's width", () => {
  const { built } = planned();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const chart = { png, width: 1200, height: 400, description: "Bar chart of the score of each dimension", caption: "Level of each dimension", key: "| marks the target level." };
  const files = unzip(docx(built, "Kicker", "", chart));
  assert.deepEqual([...files["word/media/chart.png"]], [...png]);
  assert.match(files["[Content_Types].xml"], /<Default Extension="png" ContentType="image\/png"\/>/);
  assert.match(files["word/_rels/document.xml.rels"], /Id="rId5" Type="[^"]*\/image" Target="media\/chart.png"/);
  const xml = files["word/document.xml"];
  assert.match(xml, /<wp:docPr id="1" name="Chart" descr="Bar chart of the score of each dimension"\/>/);
  assert.match(xml, /<a:blip r:embed="rId5"\/>/);
  const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
  assert.equal(Number(cx), (11906 - 2 * 907) * 635);
  assert.equal(Math.round((Number(cy) / Number(cx)) * 3), 1);
  // Caption, picture, key, then the table of the same figures.
  const order = ["Level of each dimension", "<w:drawing>", "| marks the target level.", "Score, level and target for each dimension"].map((s) => xml.indexOf(s));
  assert.deepEqual([...order].sort((x, y) => x - y), order);
  assert.ok(order.every((at) => at > 0));
  // Without a picture, no part for one.
  assert.doesNotMatch(unzip(docx(built, "Kicker"))["word/_rels/document.xml.rels"], /image/);
});
