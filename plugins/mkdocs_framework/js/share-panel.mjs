/* Self-assessment: "Copy a link to these results" on the form. Tells the person what the link
 * holds, then copies it (or selects it for copying by hand where the browser does not allow
 * copying, as from file://). The link is made by share.mjs;
 * started by form-page.mjs. User text is only ever set with textContent.
 */

import * as model from "./model.mjs";
import { later } from "./later.mjs";


function attach(page) {
  var doc = page.doc;
  var byId = page.byId;
  var start = byId("cif-share-start");
  if (!start) return {};
  var panel = byId("cif-share-panel");

  var longDate = model.longDate;

  function item(list, label, value) {
    var li = doc.createElement("li");
    var strong = doc.createElement("strong");
    strong.textContent = label + ": ";
    li.appendChild(strong);
    li.appendChild(doc.createTextNode(value));
    list.appendChild(li);
  }

  function describe() {
    var contents = later().share.contents(page.info, page.getAssessment());
    var list = byId("cif-share-contents");
    list.textContent = "";
    item(list, "Assessment name", contents.name ? "\u201c" + contents.name + "\u201d" : "none given");
    item(list, "Local authority", contents.authority || "none given");
    item(list, "Date of the assessment", contents.date ? longDate(contents.date) : "none given");
    item(
      list,
      "Your level for each criterion",
      page.plural(contents.answers, "answer", "answers") +
        " (of " +
        contents.criteriaTotal +
        " criteria), including \u201cNot applicable\u201d and \u201cNot sure yet\u201d"
    );
    item(list, "Target levels", contents.targets ? page.plural(contents.targets, "target", "targets") : "none set");
  }

  function open() {
    describe();
    byId("cif-share-result").hidden = true;
    panel.hidden = false;
    start.setAttribute("aria-expanded", "true");
    panel.focus();
  }

  function close() {
    panel.hidden = true;
    start.setAttribute("aria-expanded", "false");
    start.focus();
  }

  function address() {
    var base = new URL(start.getAttribute("data-share-page"), doc.location.href).href;
    return later().share.link(base, page.info, page.getAssessment());
  }

  function showLink(url, copied) {
    var field = byId("cif-share-url");
    byId("cif-share-result").hidden = false;
    field.value = url;
    var status = byId("cif-share-status");
    if (copied) {
      status.textContent = "Link copied. Paste it into an email or a message to share these results.";
      return;
    }
    status.textContent =
      "Your browser did not let this page copy the link. The link is selected in the box below: press Ctrl+C (or Command+C on a Mac) to copy it.";
    field.focus();
    field.select();
  }

  function copy() {
    var url = address();
    var clipboard = window.navigator && window.navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") {
      showLink(url, false);
      return;
    }
    clipboard.writeText(url).then(
      function () {
        showLink(url, true);
      },
      function () {
        showLink(url, false);
      }
    );
  }

  function onClick(event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.id === "cif-share-start") {
      if (panel.hidden) page.withMore(open); // the link is made by assess-share.js, in assess-more.js
      else close();
    } else if (button.id === "cif-share-copy") copy();
    else if (button.id === "cif-share-cancel") close();
  }

  function onKeydown(event) {
    if (event.key === "Escape" && !panel.hidden && panel.contains(event.target)) close();
  }

  var holder = byId("cif-share");
  holder.addEventListener("click", onClick);
  holder.addEventListener("keydown", onKeydown);

  return {
    /* The results changed: an open panel describes them as they are now, and a link made
     * before the change is taken away so an out-of-date link is never copied by hand. */
    refresh: function () {
      if (panel.hidden) return;
      describe();
      byId("cif-share-result").hidden = true;
    },
    stop: function () {
      holder.removeEventListener("click", onClick);
      holder.removeEventListener("keydown", onKeydown);
    },
  };
}

export { attach };
