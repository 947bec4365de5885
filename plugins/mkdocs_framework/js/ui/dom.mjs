/* Helpers shared by the pages' components. User text is only ever set with textContent. */

import { balancedBidi } from "../core/util.mjs";

/** Every element in scope matching selector, as an array (of whichever kind the selector picks).
 * @param {ParentNode} scope @param {string} selector @returns {any[]} */
export function all(scope, selector) {
  return Array.from(scope.querySelectorAll(selector));
}

/** The element inside scope that selector finds; the template must have it, so a missing one is
 * an error that names it.
 * @param {ParentNode} scope @param {string} selector @returns {any} */
export function find(scope, selector) {
  const node = scope.querySelector(selector);
  if (!node) throw new Error(`The page has no ${selector} where the script expects it`);
  return node;
}

/** @param {Element | null | undefined} node @param {string} text */
export function setText(node, text) {
  if (node) node.textContent = text;
}

/** A new element, with a class and text when given.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {Document} doc @param {K} tag @param {string} [className] @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]} */
export function make(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A section labelled by its heading (an h4 of class <block>__title, with this id).
 * @param {Document} doc @param {string} block the section's class @param {string} id @param {(string | [string])[]} title as sentence takes it */
export function labelledSection(doc, block, id, ...title) {
  const section = make(doc, "section", block);
  section.setAttribute("aria-labelledby", id);
  const heading = sentence(make(doc, "h4", `${block}__title`), ...title);
  heading.id = id;
  section.appendChild(heading);
  return section;
}

/** A table's head: one row of column headings, in the site's own words.
 * @param {Document} doc @param {string[]} texts */
export function tableHead(doc, texts) {
  const row = make(doc, "tr");
  for (const text of texts) {
    const cell = make(doc, "th", "", text);
    cell.scope = "col";
    row.append(cell);
  }
  const head = make(doc, "thead");
  head.append(row);
  return head;
}

/** A table's row, begun with its row heading (text as given, set with textContent).
 * @param {Document} doc @param {string} text */
export function headedRow(doc, text) {
  const row = make(doc, "tr");
  const cell = make(doc, "th", "", text);
  cell.scope = "row";
  row.append(cell);
  return row;
}

/** The parts as the content of node: strings are the site's own text; [text] is text someone typed
 * (a name, a file name), put in a <bdi> so that direction-control characters in it cannot reorder
 * the site's words around it. @param {Element} node @param {(string | [string])[]} parts */
export function sentence(node, ...parts) {
  const doc = node.ownerDocument;
  node.replaceChildren(...parts.map((part) => (typeof part === "string" ? part : bdi(doc, "", part[0]))));
  return node;
}

/** Text someone typed in a <bdi>, its direction controls balanced first (core/util.mjs
 * balancedBidi), so that a stray closing mark in it cannot end the isolation early.
 * @param {Document} doc @param {string} className @param {string} text */
export function bdi(doc, className, text) {
  return make(doc, "bdi", className, balancedBidi(text));
}

/** Text someone typed, isolated (FSI ... PDI) for places that hold only text, such as the
 * window's title or an option, its direction controls balanced first (core/util.mjs balancedBidi).
 * @param {string} text */
export function isolate(text) {
  return "\u2068" + balancedBidi(text) + "\u2069";
}

/** @param {string} text */
export function quoted(text) {
  return "\u201c" + text + "\u201d";
}

/** Offers text to the user as a file download.
 * @param {Document} doc @param {string} text @param {string} name @param {string} type */
export function download(doc, text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/* The width, in CSS pixels, that charts are drawn at for print: set once, as the custom property
 * --cif-print-width in assets/assess.css, because the printed page cannot be measured before printing. */
export function chartPrintWidth() {
  const value = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--cif-print-width"));
  return value > 0 ? value : 640;
}

/** Runs start on this page and, with Material's instant navigation, on every page shown after it.
 * @param {() => void} start */
export function onEveryPage(start) {
  const material = /** @type {any} */ (window).document$;
  if (material && typeof material.subscribe === "function") material.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
