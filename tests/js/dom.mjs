/* The pages of the real built site, opened in Node with happy-dom (pinned in package.json), for
 * tests of what a person sees in a page after an action. The page's own scripts run as they do in a
 * browser (the bundles the site ships, started by the page's public start-up), with the theme's
 * script left out. Journeys, print, keyboard and focus order, layout, axe and the three engines are
 * tested in real browsers (tests/test_*_browser.py, tests/engines/).
 *
 * The site: the folder named by CIF_SITE (tests/test_assessment_unit.py builds the site once per
 * run and sets it); without it, the site is built here, once per test file, with the project's
 * Python (.venv).
 *
 *   const tab = await openPage("assess/index.html", { storage: { key: "value" } });
 *   await tab.choose("criterion-id", "Developing");
 *   await tab.until(() => tab.text("#cif-progress").includes("1 of"), "the progress to count the answer");
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "node:test";
import { Browser } from "happy-dom";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ORIGIN = "https://site.test/";

/** @type {string | null} */
let builtHere = null;

/** The pages a test opened, closed after it whether it passed or failed. @type {Set<Browser>} */
const open = new Set();
afterEach(async () => {
  for (const browser of open) await browser.close();
  open.clear();
  fullWindow = null;
});

/** The built site's folder (see the top of this file). */
export function siteDir() {
  const given = process.env.CIF_SITE;
  if (given) return given;
  if (!builtHere) {
    const folder = join(mkdtempSync(join(tmpdir(), "cif-site-")), "site");
    const python = join(REPO, ".venv", "bin", "python");
    execFileSync(existsSync(python) ? python : "python3", ["-m", "mkdocs", "build", "--strict", "-q", "-f", join(REPO, "mkdocs.yml"), "-d", folder], {
      cwd: REPO,
      stdio: "pipe",
      env: { ...process.env, NO_MKDOCS_2_WARNING: "1" },
    });
    builtHere = folder;
  }
  return builtHere;
}

/** The framework the site was built from, as the form's hub receives it (its #cif-framework, filled
 * by the page's data script when not embedded). @returns {Promise<any>} */
export async function siteFramework() {
  const tab = await openPage("assess/index.html");
  const text = tab.$("#cif-framework").textContent;
  await tab.close();
  return JSON.parse(text);
}

/* The theme's own scripts (Material's bundle and its search worker shim) are not under test. */
const THEME_SCRIPT = /\/assets\/(javascripts\/bundle\.|vendor\/iframe-worker\/)/;

/**
 * @typedef {object} OpenOptions
 * @property {Record<string, string>} [storage] localStorage as an earlier visit left it
 * @property {Record<string, string>} [session] this tab's sessionStorage
 * @property {"full" | "blocked"} [storageProblem] every write fails (a full device), or storage cannot be used at all
 * @property {(window: any) => void} [before] runs in the page before its scripts (stands in for a browser's APIs)
 */

/** A page of the built site in happy-dom, started: its data-module components are running.
 * @param {string} path inside the site, such as "assess/index.html" (a #fragment may follow)
 * @param {OpenOptions} [options] */
export async function openPage(path, options = {}) {
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      suppressCodeGenerationFromStringsWarning: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      fetch: {
        virtualServers: [{ url: ORIGIN, directory: siteDir() }],
        interceptor: {
          beforeSyncRequest: ({ request }) => (THEME_SCRIPT.test(request.url) ? emptyScript(request.url) : undefined),
          beforeAsyncRequest: async ({ request, window }) =>
            THEME_SCRIPT.test(request.url) ? new window.Response("", { headers: { "content-type": "text/javascript" } }) : undefined,
          afterAsyncResponse: async ({ request, response, window }) => (request.url.split(/[?#]/)[0].endsWith(".html") ? inOrder(window, response) : undefined),
        },
      },
      navigation: {
        beforeContentCallback: (window) => {
          scriptsLoadLater(window);
          for (const [key, value] of Object.entries(options.storage || {})) window.localStorage.setItem(key, value);
          for (const [key, value] of Object.entries(options.session || {})) window.sessionStorage.setItem(key, value);
          if (options.storageProblem) breakStorage(window, options.storageProblem);
          if (options.before) options.before(window);
        },
      },
    },
  });
  open.add(browser);
  const page = browser.newPage();
  await page.goto(new URL(path, ORIGIN).href);
  const tab = new Tab(browser, page, options);
  try {
    await tab.until(() => tab.started(), `${path} to start its components`);
  } catch (error) {
    throw new Error(`${/** @type {Error} */ (error).message}; the page said: ${page.virtualConsolePrinter.readAsString() || "nothing"}`);
  }
  return tab;
}

/** The page's deferred scripts (the framework's data, then the page's bundle) must run in the
 * order they come, as browsers run them; happy-dom runs each as soon as it has loaded. So they are
 * run as plain scripts, in order, as the page is read: each page's start-up waits for
 * DOMContentLoaded all the same (ui/dom.mjs onEveryPage).
 * @param {any} window @param {any} response */
async function inOrder(window, response) {
  const html = String(await response.text()).replace(/<script([^>]*) defer>/g, "<script$1>");
  return new window.Response(html, { status: response.status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** A script a page's own code adds (the loader's "more" bundles) runs later, as in a browser, where
 * such a script is async and never runs inside the appendChild that added it; happy-dom runs one
 * without an async attribute at once, inside that call. Parsed scripts are made without
 * createElement, so their order is unchanged.
 * @param {any} window */
function scriptsLoadLater(window) {
  const doc = window.document;
  const create = doc.createElement;
  doc.createElement = function (/** @type {string} */ name, /** @type {any[]} */ ...rest) {
    const element = create.call(this, name, ...rest);
    if (String(name).toLowerCase() === "script") element.setAttribute("async", "");
    return element;
  };
}

/** @param {string} url @returns {any} */
function emptyScript(url) {
  return { status: 200, statusText: "OK", ok: true, url, redirected: false, headers: new Headers({ "content-type": "text/javascript" }), body: Buffer.from("") };
}

/** The window whose storage acts full, if any (one page is open at a time in a test file, and
 * Storage's prototype is shared by every page happy-dom opens, so its setItem is wrapped once).
 * @type {any} */
let fullWindow = null;
let wrapped = false;

/** Makes the page's storage fail as a full device's does (writes throw QuotaExceededError), or
 * as a browser's that blocks site data does (every use throws SecurityError).
 * @param {any} window @param {"full" | "blocked"} how */
function breakStorage(window, how) {
  if (how === "blocked") {
    // As the page's own script would see it: `localStorage` and `window.localStorage` alike.
    window.eval(`for (const name of ["localStorage", "sessionStorage"])
      Object.defineProperty(window, name, { get() { throw new DOMException("Access is denied.", "SecurityError"); }, configurable: true });`);
    return;
  }
  fullWindow = window;
  if (wrapped) return;
  wrapped = true;
  const proto = window.Storage.prototype;
  const setItem = proto.setItem;
  proto.setItem = function (/** @type {string} */ key, /** @type {string} */ value) {
    if (fullWindow) throw new fullWindow.DOMException("The quota has been exceeded.", "QuotaExceededError");
    return setItem.call(this, key, value);
  };
}

/** How long to wait for what a person would see, in milliseconds (long: the machine may be busy). */
const PATIENCE = 20000;

/** One open page: its document, and what a person does on it. */
export class Tab {
  /** @param {Browser} browser @param {import("happy-dom").BrowserPage} page @param {OpenOptions} options */
  constructor(browser, page, options) {
    this.browser = browser;
    this.page = page;
    this.options = options;
    /** @type {any} the page's window (happy-dom's, with the page's globals) */
    this.window = page.mainFrame.window;
    /** @type {Document} */
    this.document = /** @type {any} */ (page.mainFrame.document);
  }

  /** Whether the page's script has started it (the form marks its data; other pages their root). */
  started() {
    const data = this.document.getElementById("cif-framework");
    if (data && data.hasAttribute("data-cif-started")) return true;
    return Array.from(this.document.querySelectorAll("[data-module]")).some((node) => Array.from(node.attributes).some((attribute) => /^data-.*-init$/.test(attribute.name)));
  }

  /** Waits until condition() is true, as a person waits to see something; fails naming what.
   * @param {() => unknown} condition @param {string} what */
  async until(condition, what) {
    const end = Date.now() + PATIENCE;
    for (;;) {
      if (condition()) return;
      if (Date.now() > end) throw new Error(`waited ${PATIENCE} ms for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Lets the page run what an action set going at once (its promises and zero-delay timers).
   * What comes later (a file read, a script loaded on first use) is waited for with until(). */
  async settle() {
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** The one element selector finds; fails when there is none.
   * @param {string} selector @returns {any} */
  $(selector) {
    const found = this.document.querySelector(selector);
    if (!found) throw new Error(`the page has no ${selector}`);
    return found;
  }

  /** @param {string} selector @returns {any[]} */
  $$(selector) {
    return Array.from(this.document.querySelectorAll(selector));
  }

  /** The text of what selector finds, its white space collapsed ("" when there is nothing).
   * @param {string} selector */
  text(selector) {
    const found = this.document.querySelector(selector);
    return found ? words(found.textContent || "") : "";
  }

  /** Whether a person could see the element: neither it nor a parent is hidden.
   * @param {Element | null} element */
  visible(element) {
    for (let node = element; node; node = node.parentElement) {
      if (/** @type {HTMLElement} */ (node).hidden || node.getAttribute("aria-hidden") === "true" && node === element) return false;
    }
    return Boolean(element);
  }

  /** The button (or link) whose words are name, visible; fails when there is not exactly one.
   * @param {string} name @param {ParentNode} [scope] @returns {any} */
  button(name, scope = this.document) {
    const found = Array.from(scope.querySelectorAll("button, a, input[type=submit], input[type=button]")).filter(
      (node) => this.visible(node) && words(node.getAttribute("aria-label") || node.textContent || /** @type {HTMLInputElement} */ (node).value || "") === name,
    );
    if (found.length !== 1) throw new Error(`${found.length} visible buttons or links say ${JSON.stringify(name)}`);
    return found[0];
  }

  /** The form control a label's words name (its <label for>, or the label around it).
   * @param {string} name @returns {any} */
  field(name) {
    const labels = Array.from(this.document.querySelectorAll("label")).filter((label) => words(label.textContent || "") === name);
    if (labels.length !== 1) throw new Error(`${labels.length} labels say ${JSON.stringify(name)}`);
    const label = /** @type {HTMLLabelElement} */ (labels[0]);
    const id = label.getAttribute("for");
    const control = id ? this.document.getElementById(id) : label.querySelector("input, select, textarea");
    if (!control) throw new Error(`the label ${JSON.stringify(name)} names no control`);
    return control;
  }

  /** Clicks an element, then lets the page answer. Not for links (happy-dom loads the page again
   * for a link to a place on it): follow a link with goto(). @param {any} element */
  async click(element) {
    if (element.localName === "a") throw new Error("follow a link with goto(its href)");
    element.click();
    await this.settle();
  }

  /** Types value into a field as a person does (input, then change on leaving it). @param {any} field @param {string} value */
  async fill(field, value) {
    field.focus();
    field.value = value;
    field.dispatchEvent(new this.window.Event("input", { bubbles: true }));
    field.dispatchEvent(new this.window.Event("change", { bubbles: true }));
    await this.settle();
  }

  /** Chooses the option whose words are label in a select. @param {any} select @param {string} label */
  async select(select, label) {
    const option = Array.from(/** @type {HTMLSelectElement} */ (select).options).find((item) => words(item.textContent || "") === label);
    if (!option) throw new Error(`the list has no option ${JSON.stringify(label)}`);
    select.value = option.value;
    select.dispatchEvent(new this.window.Event("change", { bubbles: true }));
    await this.settle();
  }

  /** Gives a file input files, as a person choosing them does. @param {any} input @param {{name: string, text: string, type?: string}[]} files */
  async chooseFiles(input, files) {
    const transfer = new this.window.DataTransfer();
    for (const file of files) transfer.items.add(new this.window.File([file.text], file.name, { type: file.type || "application/json" }));
    input.files = transfer.files;
    input.dispatchEvent(new this.window.Event("input", { bubbles: true }));
    input.dispatchEvent(new this.window.Event("change", { bubbles: true }));
    await this.settle();
  }

  /** Answers a criterion by clicking the words of an option (a level's label, "Not applicable" or
   * "Not sure yet") on the step that asks it, opening that step first when it is not this page.
   * @param {string} criterionId @param {string} option @returns {Promise<Tab>} the tab the answer was given in */
  async choose(criterionId, option) {
    /** @type {Tab} */
    let tab = this;
    if (!this.document.getElementById(`criterion-${criterionId}`)) {
      const data = this.$("#cif-framework");
      const framework = JSON.parse(data.textContent || "");
      const dimension = framework.dimensions.find((/** @type {any} */ d) => d.criteria.some((/** @type {any} */ c) => c.id === criterionId));
      if (!dimension) throw new Error(`no dimension has criterion ${criterionId}`);
      tab = await this.goto(new URL(data.getAttribute("data-step-href").replace("__ID__", dimension.id), this.window.location.href).href);
    }
    const fieldset = tab.$(`#criterion-${criterionId}`);
    const level = Array.from(fieldset.querySelectorAll(".cif-radio__level")).filter((node) => words(/** @type {Element} */ (node).textContent || "").replace(/:$/, "") === option);
    if (level.length !== 1) throw new Error(`criterion ${criterionId} has no option ${JSON.stringify(option)}`);
    const label = /** @type {Element} */ (level[0]).closest("label");
    if (!label) throw new Error(`the option ${option} of ${criterionId} is in no label`);
    await tab.click(label);
    const radio = tab.document.getElementById(label.getAttribute("for") || "");
    if (!radio || !(/** @type {HTMLInputElement} */ (radio).checked)) throw new Error(`choosing ${option} for ${criterionId} did not check it`);
    return tab;
  }

  /** localStorage and sessionStorage as they are now. */
  storage() {
    /** @param {Storage} store */
    const copy = (store) => Object.fromEntries(Array.from({ length: store.length }, (_, i) => store.key(i)).map((key) => [key, store.getItem(/** @type {string} */ (key)) || ""]));
    return { local: copy(this.window.localStorage), session: copy(this.window.sessionStorage) };
  }

  /** The assessment this tab has open, as saved on the device (null before anything is saved). @returns {any} */
  openAssessment() {
    const data = this.document.getElementById("cif-framework");
    if (!data) return null;
    const id = JSON.parse(data.textContent || "").id;
    const get = (/** @type {Storage} */ store, /** @type {string} */ key) => JSON.parse(store.getItem(key) || "null");
    const store = get(this.window.localStorage, `cif:${id}:assessments`);
    const settings = get(this.window.localStorage, `cif:${id}:settings`);
    const open = this.window.sessionStorage.getItem(`cif:${id}:open`) || (settings && settings.currentAssessment);
    return store && open && store.assessments[open] ? store.assessments[open] : null;
  }

  /** The answers of the assessment this tab has open, as saved: {criterion id: value}. @returns {Record<string, string>} */
  savedAnswers() {
    const record = this.openAssessment();
    return record ? { ...record.answers } : {};
  }

  /** Opens another address in this tab (a link followed, or a reload), keeping the device's
   * storage and the tab's own; this page is closed. @param {string} address relative to this page */
  async goto(address) {
    const href = new URL(address, this.window.location.href).href;
    const { local, session } = this.storage();
    await this.close();
    return openPage(href.slice(ORIGIN.length), { ...this.options, storage: local, session });
  }

  /** The same page again, as after pressing Reload. */
  async reload() {
    return this.goto(this.window.location.href);
  }

  /** What the page's scripts reported as errors. */
  errors() {
    return this.page.virtualConsolePrinter
      .read()
      .filter((entry) => Number(entry.level) >= 3) // VirtualConsoleLogLevelEnum.error and above
      .map((entry) => entry.message.map(String).join(" "));
  }

  async close() {
    fullWindow = null;
    open.delete(this.browser);
    await this.browser.close();
  }
}

/** Text with its white space collapsed, as a person reads it. @param {string} text */
export function words(text) {
  return text.replace(/\s+/g, " ").trim();
}
