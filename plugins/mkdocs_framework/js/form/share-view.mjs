/* Self-assessment: the panel of "Copy a link to these results" (share-panel.mjs starts it on the
 * first press). Tells the person what the link holds, then copies it (or selects it for copying by
 * hand where the browser does not allow copying, as from file://). The link is made by share.mjs.
 * User text is only ever set with textContent.
 */

import * as model from "../core/model.mjs";
import * as share from "../core/share.mjs";
import { make } from "../ui/dom.mjs";
import { terms } from "../core/terms.mjs";

export class ShareView {
  /** @param {import("./share-panel.mjs").SharePanel} panel the component on #cif-share */
  constructor(panel) {
    this.state = panel.state;
    this.doc = panel.doc;
    this.byId = (/** @type {string} */ id) => panel.byId(id);
    this.start = this.byId("cif-share-start");
    this.panel = this.byId("cif-share-panel");
    this.result = this.byId("cif-share-result");
  }

  /** A button of the share control was pressed. @param {HTMLElement} button */
  press(button) {
    if (button === this.start) {
      if (this.panel.hidden) this.open();
      else this.close();
    } else if (button.id === "cif-share-copy") this.copy();
    else if (button.id === "cif-share-cancel") this.close();
  }

  /** Escape inside the open panel closes it. @param {any} target */
  escape(target) {
    if (!this.panel.hidden && this.panel.contains(target)) this.close();
  }

  /** The results changed: an open panel describes them as they are now, and a link made before
   * the change is taken away so an out-of-date link is never copied by hand.
   * @param {import("./state.mjs").StateEvent} event */
  update(event) {
    if ((event.type !== "opened" && event.type !== "changed") || this.panel.hidden) return;
    this.describe();
    this.result.hidden = true;
  }

  describe() {
    const plural = model.plural;
    const contents = share.contents(this.state.info, this.state.assessment);
    const list = this.byId("cif-share-contents");
    list.textContent = "";
    /** @param {string} label @param {string} value */
    const item = (label, value) => {
      const li = make(this.doc, "li");
      li.append(make(this.doc, "strong", "", label + ": "), value);
      list.append(li);
    };
    item("Assessment name", contents.name ? "\u201c" + contents.name + "\u201d" : "none given");
    item(terms(this.state.info.framework).organisationLabel, contents.authority || "none given");
    item("Date of the assessment", contents.date ? model.longDate(contents.date) : "none given");
    // Counted and worded as the hub counts the open assessment's answers (the account's counts).
    item("Your level for each criterion", this.state.account().words.counts);
    item("Target levels", contents.targets ? plural(contents.targets, "target", "targets") : "none set");
  }

  open() {
    this.describe();
    this.result.hidden = true;
    this.panel.hidden = false;
    this.start.setAttribute("aria-expanded", "true");
    this.panel.focus();
  }

  close() {
    this.panel.hidden = true;
    this.start.setAttribute("aria-expanded", "false");
    this.start.focus();
  }

  /** @param {string} url @param {boolean} copied */
  showLink(url, copied) {
    const field = this.byId("cif-share-url");
    const status = this.byId("cif-share-status");
    this.result.hidden = false;
    field.value = url;
    if (copied) {
      status.textContent = "Link copied. Paste it into an email or a message to share these results.";
      return;
    }
    status.textContent =
      "Your browser did not let this page copy the link. The link is selected in the box below: press Ctrl+C (or Command+C on a Mac) to copy it.";
    field.focus();
    field.select();
  }

  copy() {
    const base = new URL(this.start.getAttribute("data-share-page"), this.doc.location.href).href;
    const url = share.link(base, this.state.info, this.state.assessment);
    const clipboard = window.navigator && window.navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      this.showLink(url, false);
      return;
    }
    clipboard.writeText(url).then(
      () => this.showLink(url, true),
      () => this.showLink(url, false)
    );
  }
}
