/* The board report (assess/report.html): the assessment open in the form on this device, as one
 * document to print on A4 or download as Word. Reads the device's storage and never writes to it.
 * The content comes from core/report.mjs, which renders the account of the results
 * (results/account.mjs); this module draws it (user text only ever set with textContent, names
 * isolated in <bdi>), draws the chart from the same account (ui/chart.mjs), offers the other
 * assessments on the device, or one exported to a file (read as the hub reads it, by
 * core/transfer.mjs), to show progress since, and downloads it as Word. The account of
 * progress (results/progress.mjs) and the Word writer (core/docx.mjs) are in
 * assess-report-more.js, loaded the first time either is asked for, so the page itself loads less
 * script. Nothing about results is worked out or worded here.
 */

import { describe, restore, longDate, today } from "../core/model.mjs";
import { createStore } from "../core/storage.mjs";
import { MAX_BYTES, decodeStored, needsMigration } from "../core/decode.mjs";
import * as report from "../core/report.mjs";
import { Component } from "../ui/component.mjs";
import { load, NOT_LOADED } from "../ui/loader.mjs";
import { Listeners } from "../ui/listeners.mjs";
import { drawResults, ChartSizer } from "../ui/chart.mjs";
import { bdi, make, find, isolate, tableHead } from "../ui/dom.mjs";
import { WORDS, levelLabel } from "../results/words.mjs";

/** @typedef {import("../core/model.mjs").Assessment} Assessment */
/** @typedef {import("../core/model.mjs").Info} Info */
/** @typedef {import("../core/report.mjs").Block} Block */
/** @typedef {import("../core/report.mjs").Text} Text */
/** @typedef {import("../ui/component.mjs").Context<never> & {info: Info}} Context */
/** @typedef {typeof import("./more.mjs")} More  what assess-report-more.js hands over */
/** @typedef {{assessment: Assessment, fileName: string, warnings: string[]}} FileChoice  an assessment read
 * from an exported file, to show progress since */

/** The choice's value for the assessment read from a file (the others' are their ids). */
const FROM_FILE = "file";

const PROBLEMS = {
  blocked: "This browser is not letting this site read what it saved on this device (site data may be turned off), so there is no report to show.",
  unreadable: "The assessments saved on this device could not be read, so there is no report to show. Open the form to see what can be done.",
  newer: "The assessments on this device were saved by a newer version of this site, so this version cannot show them.",
  failed: "The assessments saved on this device could not be read, so there is no report to show.",
  full: "The assessments saved on this device could not be read, so there is no report to show.",
};

/** Text into a node: plain text, or text with names isolated in <bdi>. @param {Document} doc
 * @param {HTMLElement} node @param {Text} text */
function fill(doc, node, text) {
  if (typeof text === "string") node.textContent = text;
  else node.replaceChildren(...text.map((part) => (typeof part === "string" ? part : bdi(doc, "", part.bdi))));
  return node;
}

let captions = 0;

/** A block as HTML. @param {Document} doc @param {Block} block @returns {HTMLElement} */
function drawBlock(doc, block) {
  if (block.kind === "heading") {
    const heading = fill(doc, make(doc, `h${block.level}`, "cif-report__heading"), block.text);
    if (block.id) heading.id = block.id;
    return heading;
  }
  if (block.kind === "paragraph") return fill(doc, make(doc, "p", block.style ? `cif-report__${block.style}` : ""), block.text);
  if (block.kind === "terms") {
    const list = make(doc, "dl", "cif-report__terms");
    for (const [term, value] of block.rows) {
      const row = make(doc, "div");
      row.append(make(doc, "dt", "", term), fill(doc, make(doc, "dd"), value));
      list.append(row);
    }
    return list;
  }
  const wrap = make(doc, "div", "cif-table-wrap cif-report__table-wrap");
  const table = make(doc, "table", `cif-table cif-report__table${block.style ? ` cif-report__table--${block.style}` : ""}`);
  const caption = make(doc, "caption", "", block.caption);
  // The frame can scroll sideways on a narrow screen, so it can be reached and scrolled by keyboard.
  caption.id = `cif-report-caption-${(captions += 1)}`;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-labelledby", caption.id);
  wrap.tabIndex = 0;
  const head = tableHead(doc, block.head);
  const body = make(doc, "tbody");
  for (const cells of block.rows) {
    const row = make(doc, "tr");
    cells.forEach((text, i) => {
      const cell = fill(doc, make(doc, i ? "td" : "th"), text);
      if (!i) /** @type {HTMLTableCellElement} */ (cell).scope = "row";
      row.append(cell);
    });
    body.append(row);
  }
  table.append(caption, head, body);
  wrap.append(table);
  return wrap;
}

/** @extends {Component<Context>} */
class Report extends Component {
  static moduleName = "cif-report";

  /** @param {HTMLElement} root @param {Context} ctx */
  constructor(root, ctx) {
    super(root, ctx);
    this.ctx = ctx;
    this.info = ctx.info;
    this.baseTitle = ctx.doc.title;
    this.store = createStore(() => ctx.win.localStorage, ctx.framework.id, () => ctx.win.sessionStorage);
    /** @type {Assessment | null} */
    this.assessment = null;
    /** @type {import("../results/account.mjs").Account | null} the account the report shows, which the chart draws */
    this.account = null;
    /** @type {Assessment[]} */
    this.others = [];
    /** The assessment last read from an exported file, offered with the others. @type {FileChoice | null} */
    this.fromFile = null;
    /** @type {More | null} */
    this.more = null;
    this.since = /** @type {HTMLSelectElement} */ (find(root, "#cif-report-since"));
    this.file = /** @type {HTMLInputElement} */ (find(root, "#cif-report-file"));
    this.status = find(root, "#cif-report-status");
    this.docxButton = /** @type {HTMLButtonElement} */ (find(root, "#cif-report-docx"));
    this.on(this.since, "change", () => this.showProgress());
    this.on(this.file, "change", () => this.readFile());
    this.on(find(root, "#cif-report-print"), "click", () => ctx.win.print());
    this.on(this.docxButton, "click", () => this.downloadDocx());
    const chart = find(root, "#cif-report-chart");
    this.sizer = new ChartSizer(ctx.win, () => chart.clientWidth, (width) => this.drawChart(width), 640);
    this.keep(() => this.sizer.stop());
    this.load();
  }

  /* Reads the open assessment and the others from the device. */
  load() {
    const loaded = this.store.loadCurrent();
    if (!loaded.ok) return this.empty(PROBLEMS[/** @type {keyof PROBLEMS} */ (loaded.error || "failed")] || PROBLEMS.failed);
    const all = this.store.loadAll();
    const saved = all.ok ? all.assessments : [];
    // None open (the form was never opened in this browser's session): the latest changed.
    const current = loaded.assessment || saved[0];
    if (!current) return this.empty("There is no assessment on this device yet, so there is no report to show. Start one in the self-assessment form.");
    // A record from another version of the framework is carried over by the migration, which comes
    // with assess-report-more.js: loaded only when such a record is met.
    if (needsMigration(this.info, current)) {
      this.withMore((ok) => {
        if (!ok || !this.more) return this.empty(NOT_LOADED);
        this.show(saved, decodeStored(this.info, current, this.more.migrateAssessment));
      });
      return;
    }
    this.show(saved, decodeStored(this.info, current));
  }

  /** Shows the report of the open assessment, decoded, offering the others on the device.
   * @param {any[]} saved @param {ReturnType<typeof decodeStored>} decoded */
  show(saved, decoded) {
    if (!decoded.assessment) return this.empty(decoded.problems.errors.join(" "));
    this.assessment = decoded.assessment;
    this.others = saved.filter((raw) => raw.id !== decoded.assessment?.id).map((raw) => restore(this.info, raw));
    this.showChoices("");
    find(this.root, "#cif-report-controls").hidden = false;
    find(this.root, "#cif-report").hidden = false;
    this.render();
  }

  /** Offers the other assessments on the device and the one read from a file, choosing value. With
   * nothing to offer the choice is disabled, and says why (in its description) and what to do.
   * @param {string} value */
  showChoices(value) {
    /** @param {Assessment} a @param {string} id @param {string} [fileName] */
    const option = (a, id, fileName) => {
      const from = fileName ? `, from the file ${isolate(fileName)}` : "";
      const text = `${isolate(a.name || "Untitled assessment")}, ${longDate(a.date, "no date")}${from}`;
      const made = make(this.doc, "option", "", text);
      made.value = id;
      return made;
    };
    const none = make(this.doc, "option", "", "Do not show progress");
    none.value = "";
    const options = this.others.map((other) => option(other, other.id));
    if (this.fromFile) options.push(option(this.fromFile.assessment, FROM_FILE, this.fromFile.fileName));
    this.since.replaceChildren(none, ...options);
    this.since.value = value;
    this.since.disabled = !options.length;
    const why = find(this.root, "#cif-report-since-why");
    why.hidden = !this.since.disabled;
    this.since.setAttribute("aria-describedby", this.since.disabled ? `cif-report-since-hint ${why.id}` : "cif-report-since-hint");
  }

  /* Reads the exported file chosen, as the hub's import and comparison read one (core/transfer.mjs),
   * and shows progress since the assessment in it; or says, beside the field, why it cannot. */
  readFile() {
    this.fileError([]);
    const file = this.file.files && this.file.files[0];
    if (!file) return;
    // A file too large to be an export is not read: parseImport refuses it by its size alone.
    const read = file.size > MAX_BYTES ? Promise.resolve(new ArrayBuffer(0)) : file.arrayBuffer();
    Promise.all([read, load("assess-report-more", this.doc)]).then(
      ([buffer, more]) => {
        this.more = more;
        const result = more.parseImport(this.info, new Uint8Array(buffer), file.size);
        if (!result.ok || !result.assessment) return this.fileError(result.errors || []);
        this.fromFile = { assessment: result.assessment, fileName: file.name, warnings: result.warnings || [] };
        this.showChoices(FROM_FILE);
        this.showProgress();
      },
      () => this.fileError([WORDS.form.fileUnreadable])
    );
  }

  /** Says beside the file field why the file cannot be compared with (GOV.UK's error message), or
   * clears it when there is nothing to say. @param {string[]} messages */
  fileError(messages) {
    const error = find(this.root, "#cif-report-file-error");
    error.hidden = !messages.length;
    find(this.root, "#cif-report-file-field").classList.toggle("cif-field--error", messages.length > 0);
    this.file.setAttribute("aria-describedby", messages.length ? `cif-report-file-hint ${error.id}` : "cif-report-file-hint");
    error.replaceChildren(make(this.doc, "span", "cif-visually-hidden", "Error: "), messages.join(" "));
  }

  /** @param {string} text */
  empty(text) {
    const box = find(this.root, "#cif-report-empty");
    find(box, "#cif-report-empty-text").textContent = text;
    box.hidden = false;
  }

  /** Progress since the assessment chosen in "Show progress since", or null (also while
   * assess-report-more.js has not been loaded). @returns {import("../core/report.mjs").Since | null} */
  comparison() {
    const file = this.since.value === FROM_FILE ? this.fromFile : null;
    const earlier = file ? file.assessment : this.others.find((other) => other.id === this.since.value);
    if (!earlier || !this.assessment || !this.more) return null;
    // In date order, as the hub compares them, so the two pages tell the same progress.
    const [then, now] = this.more.inDateOrder(earlier, this.assessment);
    const progress = this.more.progress(this.info, then, now);
    const where = file ? { file: { name: file.fileName, warnings: file.warnings } } : {};
    return { assessment: earlier, progress, later: then === this.assessment, ...where };
  }

  /* Shows progress since the assessment chosen, once the comparison's code is loaded. */
  showProgress() {
    this.status.textContent = "";
    if (!this.since.value) return this.render();
    this.withMore((ok) => {
      if (ok) this.render();
      this.status.textContent = ok
        ? "The report's last part, Progress, now shows progress since the assessment chosen."
        : "Progress cannot be shown: this part of the site could not be loaded. Check your connection and try again.";
    });
  }

  /** Calls done(true) once assess-report-more.js is loaded (at once if it is), or done(false) when it
   * cannot be; a later call tries again. @param {(ok: boolean) => void} done */
  withMore(done) {
    load("assess-report-more", this.doc).then(
      (more) => {
        this.more = more;
        done(true);
      },
      () => done(false)
    );
  }

  /** The report's content now. */
  content() {
    return report.build(this.info, /** @type {Assessment} */ (this.assessment), today(), this.comparison());
  }

  render() {
    if (!this.assessment) return;
    const doc = this.doc;
    const content = this.content();
    const byId = (/** @type {string} */ id) => find(this.root, "#" + id);
    fill(doc, byId("cif-report-title"), [{ bdi: content.title }]);
    doc.title = `${isolate(content.title)}: ${this.baseTitle}`;
    const facts = new Map(content.facts);
    fill(doc, byId("cif-report-authority"), [{ bdi: content.facts[0][1] }]);
    byId("cif-report-date").textContent = facts.get("Date of the assessment") || "";
    byId("cif-report-participants-row").hidden = !facts.has("Who took part");
    fill(doc, byId("cif-report-participants"), [{ bdi: facts.get("Who took part") || "" }]);
    byId("cif-report-made").textContent = facts.get("Report made") || "";
    byId("cif-report-summary").replaceChildren(...content.summary.map((text) => make(doc, "p", "", text)));
    byId("cif-report-results-table").replaceChildren(...content.results.map((block) => drawBlock(doc, block)));
    byId("cif-report-dimensions").replaceChildren(...content.dimensions.map((block) => drawBlock(doc, block)));
    byId("cif-report-plan").replaceChildren(...content.plan.map((block) => drawBlock(doc, block)));
    byId("cif-report-progress").replaceChildren(...content.progress.map((block) => drawBlock(doc, block)));
    this.account = content.account;
    this.sizer.redraw(true);
  }

  /** @param {number} width */
  drawChart(width) {
    if (!this.account) return;
    const framework = this.info.framework;
    const levelName = (/** @type {number | null} */ n) => levelLabel(framework, n);
    const svg = drawResults(this.doc, width, framework.levels, this.account, levelName, WORDS.result.noResult);
    find(this.root, "#cif-report-chart").replaceChildren(svg);
  }

  /* Loads the Word writer on first use, then downloads the report as a .docx. */
  downloadDocx() {
    this.docxButton.disabled = true;
    this.status.textContent = "Preparing the Word document\u2026";
    this.withMore((ok) => {
      this.docxButton.disabled = false;
      if (ok) void this.saveDocx(/** @type {More} */ (this.more));
      else this.status.textContent = "The Word document could not be made: this part of the site could not be loaded. Check your connection and try again.";
    });
  }

  /** @param {More} writer */
  async saveDocx(writer) {
    const assessment = /** @type {Assessment} */ (this.assessment);
    const kicker = `${this.info.framework.title}: self-assessment report`;
    // The page's statement of what the framework is (data-statement, "" once it is published).
    // The chart on the page goes in as a picture (drawn on a canvas by more.mjs).
    const bytes = await writer.wordFile(this.content(), kicker, this.root.dataset.statement || "", find(this.root, "#cif-report-chart"));
    const name = writer.fileName(assessment);
    const url = URL.createObjectURL(new Blob([/** @type {any} */ (bytes)], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    const link = make(this.doc, "a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    this.status.textContent = `The report has been downloaded as the Word document ${name}.`;
  }
}

/** The board report. Its one component reads the device once: its state object tells nothing.
 * @type {import("../ui/start.mjs").PageSpec<Context>} */
export const reportPage = {
  marker: Report.moduleName,
  htmlClass: "cif-report-js",
  context: (parts) => ({ ...parts, state: new Listeners(), info: describe(parts.framework) }),
  components: [Report],
};
