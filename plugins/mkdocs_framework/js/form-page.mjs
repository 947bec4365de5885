/* Self-assessment: the page. Connects the form rendered by the template to the model, scoring,
 * storage, export/import and chart modules. User text is only ever set with textContent or
 * form values, never as HTML.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as storage from "./storage.mjs";
import * as chart from "./chart.mjs";
import * as migrate from "./migrate.mjs";
import { all, setText, download, onEveryPage, chartPrintWidth } from "./dom.mjs";
import { later, load as loadLater } from "./later.mjs";
import { attach as attachProgress } from "./progress.mjs";
import { attach as attachSharing } from "./share-panel.mjs";
import { FormState } from "./form/state.mjs";

const plural = model.plural;

var previous = null; // the controller of the page shown before an instant navigation

var STORAGE_REASONS = {
  blocked: "Your browser is blocking this site from saving data, for example because site data or cookies are turned off.",
  full: "Your browser's storage for this site is full.",
  failed: "Your browser did not let this site save data. This can happen in private browsing.",
  unreadable: "The answers already saved on this device could not be read (they may have been saved by a newer version of this site), so the form has started a new assessment and will not save over them.",
};



function start() {
  var doc = window.document;
  var dataNode = doc.getElementById("cif-framework");
  if (!dataNode || dataNode.hasAttribute("data-cif-started")) return;
  dataNode.setAttribute("data-cif-started", "");
  if (previous) previous.stop();
  previous = createPage(doc, JSON.parse(dataNode.textContent));
}

function createPage(doc, framework) {
  var info = model.describe(framework);
  var levels = framework.levels;
  var page = doc.getElementById("cif-framework").closest("article") || doc.body;
  var byId = function (id) {
    return doc.getElementById(id);
  };
  var moreUrl = new URL(doc.getElementById("cif-framework").getAttribute("data-more"), doc.baseURI).href;
  var store = storage.createStore(function () {
    return window.localStorage;
  }, framework.id);
  var state = new FormState(framework, store);
  var announceTimer = null;
  var pendingImport = null;
  var lastChartWidth = 0;

  doc.documentElement.classList.add("cif-js");
  all(page, ".cif-nojs").forEach(function (node) {
    node.hidden = true;
  });
  all(page, ".cif-js-only, .cif-save-status, #cif-progress").forEach(function (node) {
    node.hidden = false;
  });


  /* ---- Saving ---- */

  function save() {
    state.save();
  }

  function showStorageProblem(reason) {
    state.problem(reason);
  }

  function showSaveStatus() {
    var problem = state.storageProblem;
    setText(byId("cif-storage-warning-reason"), STORAGE_REASONS[problem] || STORAGE_REASONS.failed);
    byId("cif-storage-warning").hidden = problem === null;
    all(page, ".cif-save-status").forEach(function (node) {
      node.textContent = state.saveMessage;
      node.classList.toggle("cif-save-status--failed", problem !== null);
    });
  }

  /* ---- Showing the assessment ---- */

  function fillForm() {
    byId("cif-name").value = state.assessment.name;
    byId("cif-authority").value = state.assessment.authority;
    byId("cif-date").value = state.assessment.date;
    all(page, "fieldset[data-criterion]").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      var value = model.has(state.assessment.answers, id) ? state.assessment.answers[id] : "";
      all(fieldset, "input[type=radio]").forEach(function (radio) {
        radio.checked = radio.value === value;
      });
    });
    all(page, "select[data-target]").forEach(function (select) {
      var id = select.getAttribute("data-target");
      select.value = model.has(state.assessment.targets, id) ? state.assessment.targets[id] : "";
    });
    all(page, "textarea[data-note]").forEach(function (area) {
      area.value = model.note(state.assessment, area.getAttribute("data-note-for"), area.getAttribute("data-note"));
    });
  }

  function levelName(number) {
    return number ? levels[number - 1].label : "";
  }

  function scoreSentence(result) {
    if (result.score !== null) {
      return (
        "Score " +
        scoring.formatScore(result.score) +
        ", " +
        levelName(result.level) +
        " (" +
        result.answered +
        " of " +
        plural(result.total, "criterion", "criteria") +
        " scored)."
      );
    }
    if (result.notApplicable === result.total) return "Not applicable: every criterion is marked not applicable.";
    return "No score yet. Choose a level for a criterion to see one.";
  }

  var STATUS_TEXT = { "not-started": "Not started", "in-progress": "In progress", completed: "Completed" };

  function refresh() {
    showReviewFlags();
    var results = scoring.isSupported(info) ? scoring.results(info, state.assessment) : null;
    if (!results) return;
    results.dimensions.forEach(function (result) {
      var id = result.dimension.id;
      var tag = page.querySelector('[data-task-status="' + id + '"]');
      if (tag) {
        tag.textContent = STATUS_TEXT[result.status];
        tag.className = "cif-tag cif-tag--" + result.status;
      }
      setText(page.querySelector('[data-score-for="' + id + '"]'), scoreSentence(result));
    });
    all(page, "fieldset[data-criterion]").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      fieldset.querySelector(".cif-clear").hidden = !model.has(state.assessment.answers, id);
    });
    setText(
      byId("cif-progress"),
      results.criteriaDecided +
        " of " +
        plural(results.criteriaTotal, "criterion", "criteria") +
        " answered. " +
        results.dimensionsCompleted +
        " of " +
        plural(results.dimensionsTotal, "section", "sections") +
        " completed."
    );
    showResults(results);
    extensions.forEach(function (extension) {
      if (extension.refresh) extension.refresh(results);
    });
  }

  function showResults(results) {
    setText(byId("cif-print-title"), "Self-assessment results: " + (state.assessment.name || "untitled assessment"));
    var meta = [state.assessment.authority, state.assessment.date, framework.shortTitle + ", version " + framework.version + " (" + framework.status + ")"];
    setText(
      byId("cif-print-meta"),
      meta
        .filter(function (part) {
          return part;
        })
        .join(" · ")
    );

    var complete =
      "You have answered " +
      results.criteriaDecided +
      " of " +
      plural(results.criteriaTotal, "criterion", "criteria") +
      " (" +
      results.percentComplete +
      "%), and completed " +
      results.dimensionsCompleted +
      " of " +
      plural(results.dimensionsTotal, "section", "sections") +
      ".";
    if (results.criteriaNotSure) {
      complete += " " + plural(results.criteriaNotSure, "criterion is", "criteria are") + " marked \u201cNot sure yet\u201d.";
    }
    setText(byId("cif-completeness"), complete);

    var highlights = byId("cif-highlights");
    highlights.textContent = "";
    var addLine = function (label, text) {
      var p = doc.createElement("p");
      if (label) {
        var strong = doc.createElement("strong");
        strong.textContent = label + " ";
        p.appendChild(strong);
      }
      p.appendChild(doc.createTextNode(text));
      highlights.appendChild(p);
    };
    var describeAll = function (list) {
      return list
        .map(function (r) {
          return r.dimension.title + " (" + scoring.formatScore(r.score) + ", " + levelName(r.level) + ")";
        })
        .join("; ");
    };
    if (results.scoredCount === 0) addLine("", "Choose levels for the criteria to see your results.");
    else if (results.strongest.length) {
      addLine(results.strongest.length > 1 ? "Strongest dimensions:" : "Strongest dimension:", describeAll(results.strongest));
      addLine(results.weakest.length > 1 ? "Weakest dimensions:" : "Weakest dimension:", describeAll(results.weakest));
    } else if (results.scoredCount === 1) {
      addLine("", "Only one dimension has a score so far. Score more to see your strongest and weakest.");
    } else addLine("", "All the dimensions with a score have the same score.");

    chart.fillResultsTable(doc, byId("cif-results-body"), results, levelName, "No score yet");
    drawChart(results, true);
  }

  /* printWidth: the width of the printed page's text, since the page cannot be measured before
   * it is laid out for print. */
  function drawChart(results, force, printWidth) {
    var holder = byId("cif-chart");
    var width = printWidth || holder.clientWidth || 640;
    if (!force && width === lastChartWidth) return;
    lastChartWidth = width;
    results = results || scoring.results(info, state.assessment);
    var svg = chart.drawResults(doc, width, levels, results, levelName, "No score yet");
    holder.textContent = "";
    holder.appendChild(svg);
  }

  /* Polite, and only once things settle, so arrowing through a radio group is not read out
   * option by option. */
  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () {
      var region = byId("cif-announcer");
      region.textContent = "";
      setTimeout(function () {
        region.textContent = text;
      }, 50);
    }, 600);
  }

  function showBanner(title, text) {
    var banner = byId("cif-banner");
    setText(byId("cif-banner-title"), title);
    setText(byId("cif-banner-text"), text);
    banner.hidden = false;
    banner.focus();
  }

  /* ---- Answers from another version of the framework (assess-migrate.js) ---- */

  /* A record read from the device, carried forward to this version of the framework. One that
   * cannot be (another framework, a newer version) is left untouched where it is, and the form
   * starts a new assessment, saved beside it only once something is entered. */
  function latestMigration() {
    var list = Array.isArray(state.assessment.migrations) ? state.assessment.migrations : [];
    var last = list[list.length - 1];
    return last && !last.dismissed && last.report && typeof last.report === "object" ? last : null;
  }

  function criterionName(id) {
    var found = info.criteria.get(id);
    if (!found) return "\u201c" + id + "\u201d";
    var number = found.dimension.criteria.indexOf(found.criterion) + 1;
    return found.dimension.number + "." + number + " " + found.criterion.title;
  }

  function valueName(value) {
    if (value === model.NOT_APPLICABLE) return "Not applicable";
    if (value === model.NOT_SURE) return "Not sure yet";
    if (typeof value === "string") return model.levelLabel(info, value) || value;
    return "";
  }

  function listOf(items) {
    return Array.isArray(items) ? items.filter(function (item) { return item && typeof item === "object"; }) : [];
  }

  function addParagraph(holder, text) {
    var p = doc.createElement("p");
    p.textContent = text;
    holder.appendChild(p);
    return p;
  }

  function addList(holder, heading, intro, items, fill) {
    if (!items.length) return;
    var title = doc.createElement("h3");
    title.className = "cif-notification__heading";
    title.textContent = heading + " (" + items.length + ")";
    holder.appendChild(title);
    if (intro) addParagraph(holder, intro);
    var list = doc.createElement("ul");
    list.className = "cif-notification__list";
    items.forEach(function (item) {
      var li = doc.createElement("li");
      fill(li, item);
      list.appendChild(li);
    });
    holder.appendChild(list);
  }

  function questionLink(id) {
    var link = doc.createElement("a");
    link.href = "#criterion-" + id;
    link.textContent = criterionName(id);
    return link;
  }

  var NOT_CARRIED_KIND = { answer: "Answer to", target: "Target level for", notes: "Notes for", plan: "Action plan entry for" };

  /* The notice at the top of the form after answers were carried over to this version. It stays
   * (also after a reload) until the person hides it. */
  function showMigrationNotice(focus) {
    var notice = byId("cif-migration");
    if (!notice) return;
    var entry = latestMigration();
    if (!entry) {
      if (!notice.hasAttribute("data-refused")) notice.hidden = true;
      return;
    }
    var report = entry.report;
    notice.removeAttribute("data-refused");
    notice.classList.remove("cif-notification--refused");
    setText(byId("cif-migration-title"), "Your answers were carried over to version " + framework.version + " of the framework");
    var body = byId("cif-migration-content");
    body.textContent = "";
    addParagraph(
      body,
      "They were made with version " +
        entry.from +
        ". The changes published with version " +
        framework.version +
        " were used to carry them over, and nothing has been deleted." +
        (report.undeclared ? " Version " + entry.from + " is not listed in the framework's history, so answers were matched by their question ids." : "")
    );
    var carried = Array.isArray(report.carried) ? report.carried.length : 0;
    if (carried) addParagraph(body, plural(carried, "answer was", "answers were") + " carried over unchanged.");
    addList(body, "Moved to new questions", "", listOf(report.moved).filter(function (m) { return m.kind === "answer"; }), function (li, move) {
      li.appendChild(doc.createTextNode("Your answer to \u201c" + move.from + "\u201d is now the answer to "));
      li.appendChild(questionLink(move.to));
    });
    var review = listOf(report.review).filter(function (item) {
      return model.reviewReason(state.assessment, item.criterion);
    });
    addList(body, "Check these answers", "Each of these questions is marked on the form until you choose an answer again or keep the one shown.", review, function (li, item) {
      li.appendChild(questionLink(item.criterion));
      li.appendChild(doc.createTextNode(": " + reviewDetail(item)));
    });
    addList(
      body,
      "Could not be carried over",
      "These are kept with your assessment and included when you export your answers (JSON), but they are not scored.",
      listOf(report.notCarried),
      function (li, item) {
        var value = valueName(item.value);
        li.textContent =
          (NOT_CARRIED_KIND[item.kind] || "Answer to") +
          " \u201c" +
          item.id +
          "\u201d" +
          (value ? ": " + value : "") +
          " (" +
          (migrate.NOT_CARRIED_REASONS[item.reason] || "it could not be carried over") +
          (item.reason === "removed" && item.version ? " after version " + item.version : "") +
          ").";
      }
    );
    var changesHref = notice.getAttribute("data-changes-href");
    if (changesHref) {
      var more = doc.createElement("p");
      var changesLink = doc.createElement("a");
      changesLink.href = changesHref;
      changesLink.textContent = "What changed in this version of the framework";
      more.appendChild(changesLink);
      body.appendChild(more);
    }
    var actions = doc.createElement("p");
    var hide = doc.createElement("button");
    hide.type = "button";
    hide.className = "cif-link-button";
    hide.id = "cif-migration-dismiss";
    hide.textContent = "Hide this message";
    actions.appendChild(hide);
    body.appendChild(actions);
    notice.hidden = false;
    if (focus) notice.focus();
  }

  function reviewDetail(item) {
    var sources = listOf(item.sources);
    if (item.reason === "merged" && sources.length) {
      return (
        "it combines your answers to " +
        sources.map(function (s) { return "\u201c" + s.id + "\u201d (" + valueName(s.value) + ")"; }).join(" and ") +
        "; the lowest, " +
        valueName(state.assessment.answers[item.criterion]) +
        ", was kept."
      );
    }
    if (item.reason === "split" && sources.length) {
      return "your answer to \u201c" + sources[0].id + "\u201d was copied to each of the questions it was divided into.";
    }
    return { reworded: "the wording changed.", unverified: "the wording may have changed." }[item.reason] || "check it is still right.";
  }

  /* Answers this site must not open (another framework, a newer version): said plainly, and
   * left exactly as they are. */
  function showRefusal(report, focus, after) {
    var notice = byId("cif-migration");
    if (!notice) return;
    notice.setAttribute("data-refused", "");
    notice.classList.add("cif-notification--refused");
    setText(byId("cif-migration-title"), "Your saved answers cannot be opened here");
    var body = byId("cif-migration-content");
    body.textContent = "";
    addParagraph(body, report.refusedReason || "They have been left exactly as they are.");
    addParagraph(body, after || "This form has started a new assessment. Anything you enter is saved separately and does not replace them.");
    notice.hidden = false;
    if (focus) notice.focus();
  }

  function hideMigrationNotice() {
    var entry = latestMigration();
    if (entry) {
      entry.dismissed = true;
      save();
    }
    var notice = byId("cif-migration");
    notice.hidden = true;
    notice.removeAttribute("data-refused");
    byId("cif-name").focus();
  }

  /* "Check this answer" on each flagged question, until it is answered again or kept. */
  function showReviewFlags() {
    all(page, "fieldset[data-criterion]").forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      var reason = model.reviewReason(state.assessment, id);
      var flag = fieldset.querySelector(".cif-review");
      if (!reason) {
        if (flag) {
          flag.remove();
          fieldset.classList.remove("cif-criterion--review");
          fieldset.removeAttribute("aria-describedby");
        }
        return;
      }
      if (!flag) {
        flag = doc.createElement("div");
        flag.className = "cif-review";
        flag.id = "review-" + id;
        var text = doc.createElement("p");
        text.className = "cif-review__text";
        var button = doc.createElement("button");
        button.type = "button";
        button.className = "cif-link-button cif-review__keep";
        button.setAttribute("data-confirm", id);
        button.textContent = "Keep this answer";
        var hidden = doc.createElement("span");
        hidden.className = "cif-visually-hidden";
        hidden.textContent = " to " + criterionName(id);
        button.appendChild(hidden);
        flag.appendChild(text);
        flag.appendChild(button);
        fieldset.querySelector("legend").after(flag);
        fieldset.classList.add("cif-criterion--review");
        fieldset.setAttribute("aria-describedby", flag.id);
      }
      setText(flag.querySelector(".cif-review__text"), migrate.REASONS[reason] || migrate.REASONS.reworded);
    });
  }

  /* ---- Changes made by the person ---- */

  function changed() {
    state.changed();
    refresh();
  }

  function onChange(event) {
    var target = event.target;
    if (target.type === "radio" && target.name.indexOf("answer-") === 0) {
      var fieldset = target.closest("fieldset[data-criterion]");
      var criterionId = fieldset.getAttribute("data-criterion");
      model.setAnswer(info, state.assessment, criterionId, target.value);
      changed();
      var dimension = info.criteria.get(criterionId).dimension;
      announce(dimension.title + ": " + scoreSentence(scoring.scoreDimension(info, state.assessment, dimension)));
    } else if (target.matches("select[data-target]")) {
      model.setTarget(info, state.assessment, target.getAttribute("data-target"), target.value);
      changed();
    }
  }

  function onInput(event) {
    var target = event.target;
    if (target.matches("textarea[data-note]")) {
      model.setNote(info, state.assessment, target.getAttribute("data-note-for"), target.getAttribute("data-note"), target.value);
      changed();
    } else if (target.id === "cif-name" || target.id === "cif-authority" || target.id === "cif-date") {
      model.setDetail(state.assessment, target.id.slice(4), target.value);
      changed();
    }
  }

  function onClick(event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-clear")) {
      var criterionId = button.getAttribute("data-clear");
      var fieldset = button.closest("fieldset");
      model.setAnswer(info, state.assessment, criterionId, null);
      all(fieldset, "input[type=radio]").forEach(function (radio) {
        radio.checked = false;
      });
      changed();
      fieldset.querySelector("input[type=radio]").focus();
      var dimension = info.criteria.get(criterionId).dimension;
      announce("Answer cleared. " + dimension.title + ": " + scoreSentence(scoring.scoreDimension(info, state.assessment, dimension)));
      return;
    }
    if (button.hasAttribute("data-confirm")) {
      var kept = button.getAttribute("data-confirm");
      var group = button.closest("fieldset");
      model.confirmAnswer(info, state.assessment, kept);
      changed();
      (group.querySelector("input:checked") || group.querySelector("input")).focus();
      announce("Answer kept: " + criterionName(kept) + ".");
      return;
    }
    if (button.id === "cif-migration-dismiss") {
      hideMigrationNotice();
      return;
    }
    var actions = {
      "cif-print": function () {
        printAs("results");
      },
      "cif-export-json": exportJson,
      "cif-export-csv": exportCsv,
      "cif-dialog-export": exportJson,
      "cif-import-export-first": exportJson,
      "cif-import": startImport,
      "cif-import-confirm-yes": function () {
        applyImport();
      },
      "cif-import-cancel": cancelImport,
      "cif-start-again": openStartAgain,
      "cif-dialog-confirm": startAgain,
      "cif-dialog-cancel": closeStartAgain,
    };
    if (Object.prototype.hasOwnProperty.call(actions, button.id)) actions[button.id]();
  }

  /* Runs action once assess-more.js is loaded (see loadMore), or says it could not be. */
  function withMore(action) {
    loadLater(doc, moreUrl, function (ok) {
      if (ok) action();
      else
        showBanner(
          "This part of the form could not be loaded",
          "Check your internet connection and try again. Your answers are still saved on this device."
        );
    });
  }

  /* ---- Export ---- */

  function exportJson() {
    withMore(function () {
      var name = later().transfer.fileName(state.assessment, "json");
      download(doc, later().transfer.exportJson(info, state.assessment), name, "application/json");
      announce("Your answers have been exported to the file " + name + ".");
    });
  }

  function exportCsv() {
    withMore(function () {
      var name = later().transfer.fileName(state.assessment, "csv");
      download(doc, later().transfer.exportCsv(info, state.assessment), name, "text/csv;charset=utf-8");
      announce("Your answers have been downloaded as the spreadsheet file " + name + ".");
    });
  }

  /* ---- Import ---- */

  function clearImportErrors() {
    byId("cif-import-errors").hidden = true;
    byId("cif-import-error").hidden = true;
    byId("cif-import-field").classList.remove("cif-field--error");
    byId("cif-import-file").setAttribute("aria-describedby", "cif-import-hint");
  }

  function showImportErrors(messages) {
    cancelImport(true);
    var list = byId("cif-import-errors-list");
    list.textContent = "";
    messages.forEach(function (message) {
      var item = doc.createElement("li");
      var link = doc.createElement("a");
      link.href = "#cif-import-file";
      link.textContent = message;
      item.appendChild(link);
      list.appendChild(item);
    });
    var inline = byId("cif-import-error");
    inline.textContent = "";
    var prefix = doc.createElement("span");
    prefix.className = "cif-visually-hidden";
    prefix.textContent = "Error: ";
    inline.appendChild(prefix);
    inline.appendChild(doc.createTextNode(messages[0]));
    inline.hidden = false;
    byId("cif-import-field").classList.add("cif-field--error");
    byId("cif-import-file").setAttribute("aria-describedby", "cif-import-hint cif-import-error");
    var summary = byId("cif-import-errors");
    summary.hidden = false;
    summary.focus();
  }

  function startImport() {
    clearImportErrors();
    withMore(readImport);
  }

  function readImport() {
    var transfer = later().transfer;
    var input = byId("cif-import-file");
    var file = input.files && input.files[0];
    if (!file) {
      showImportErrors(["Select a JSON file exported from this form."]);
      return;
    }
    if (file.size > transfer.MAX_BYTES) {
      showImportErrors(["The selected file is larger than 1 MB, so it cannot be an export from this form."]);
      return;
    }
    file.text().then(
      function (text) {
        var result = transfer.parseImport(info, text, file.size);
        if (!result.ok) showImportErrors(result.errors);
        else if (model.hasContent(state.assessment) || result.warnings.length) confirmImport(result, file.name);
        else applyImport(result, file.name);
      },
      function () {
        showImportErrors(["The selected file could not be read. Choose the file again."]);
      }
    );
  }

  function confirmImport(result, fileName) {
    pendingImport = { result: result, fileName: fileName };
    setText(
      byId("cif-import-confirm-summary"),
      "The file " +
        fileName +
        " holds " +
        plural(result.answerCount, "answer", "answers") +
        (result.assessment.name ? " for the assessment \u201c" + result.assessment.name + "\u201d" : "") +
        ". Importing it replaces every answer, note and target in this form." +
        (model.hasContent(state.assessment) ? " Export your current answers first if you might need them." : "")
    );
    var warnings = byId("cif-import-warnings");
    warnings.textContent = "";
    result.warnings.forEach(function (message) {
      var item = doc.createElement("li");
      item.textContent = message;
      warnings.appendChild(item);
    });
    warnings.hidden = !result.warnings.length;
    var panel = byId("cif-import-confirm");
    panel.hidden = false;
    panel.focus();
  }

  function cancelImport(quiet) {
    var wasOpen = pendingImport !== null;
    pendingImport = null;
    byId("cif-import-confirm").hidden = true;
    if (wasOpen && quiet !== true) byId("cif-import").focus();
  }

  function applyImport(result, fileName) {
    if (!result) {
      if (!pendingImport) return;
      result = pendingImport.result;
      fileName = pendingImport.fileName;
    }
    pendingImport = null;
    byId("cif-import-confirm").hidden = true;
    var imported = result.assessment;
    imported.id = state.assessment.id;
    imported.updated = new Date().toISOString();
    state.put(imported);
    byId("cif-import-file").value = "";
    fillForm();
    changed();
    showBanner(
      "Answers imported",
      plural(result.answerCount, "answer was", "answers were") + " imported from " + fileName + "."
    );
    byId("cif-migration").removeAttribute("data-refused");
    if (result.migration) showMigrationNotice(true);
    else byId("cif-migration").hidden = true;
  }

  /* ---- Start again ---- */

  function openStartAgain() {
    var dialog = byId("cif-start-again-dialog");
    if (typeof dialog.showModal === "function") dialog.showModal();
    else if (window.confirm("Delete all your answers, notes and targets from this device and start again?")) startAgain();
  }

  function closeStartAgain() {
    var dialog = byId("cif-start-again-dialog");
    if (dialog.open) dialog.close();
    byId("cif-start-again").focus();
  }

  function startAgain() {
    var dialog = byId("cif-start-again-dialog");
    if (dialog.open) dialog.close();
    var removed = store.remove(state.assessment.id);
    state.put(model.blankAssessment(info));
    if (removed.ok && state.storageProblem === null) state.saveMessage = "Your answers are saved on this device as you enter them.";
    showSaveStatus();
    cancelImport(true);
    clearImportErrors();
    fillForm();
    refresh();
    byId("cif-migration").removeAttribute("data-refused");
    byId("cif-migration").hidden = true;
    showBanner("Your answers have been deleted", "You can start a new assessment.");
  }

  /* ---- Another window changed the saved answers ---- */

  function onStorage(event) {
    if (event.key !== store.keys.assessments && event.key !== store.keys.settings) return;
    var fresh = store.loadCurrent();
    if (!fresh.ok) return;
    state.put(state.openRecord(fresh.assessment).assessment);
    fillForm();
    refresh();
    announce("Your answers were changed in another window or tab. This page now shows them.");
  }

  function onResize() {
    drawChart(null, false);
  }

  var printQuery = window.matchMedia ? window.matchMedia("print") : null;
  function onPrintChange() {
    drawChart(null, true, printQuery && printQuery.matches ? chartPrintWidth() : 0);
  }
  function beforePrint() {
    drawChart(null, true, chartPrintWidth());
  }
  function afterPrint() {
    doc.documentElement.removeAttribute("data-cif-print");
    drawChart(null, true);
  }

  /* What the printed page shows: "results" (also the default, for the browser's own Print),
   * "plan" or "progress". */
  function printAs(what) {
    if (what === "results") doc.documentElement.removeAttribute("data-cif-print");
    else doc.documentElement.setAttribute("data-cif-print", what);
    window.print();
  }

  page.addEventListener("change", onChange);
  page.addEventListener("input", onInput);
  page.addEventListener("click", onClick);
  window.addEventListener("storage", onStorage);
  window.addEventListener("resize", onResize);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  if (printQuery) printQuery.addEventListener("change", onPrintChange);
  byId("cif-start-again-dialog").addEventListener("close", function () {
    if (doc.activeElement === doc.body) byId("cif-start-again").focus();
  });

  /* Other modules of the page (several assessments, progress, action plan) register in
   * get this view of the page. */
  var context = {
    info: info,
    framework: framework,
    doc: doc,
    page: page,
    store: store,
    state: state,
    byId: byId,
    announce: announce,
    showBanner: showBanner,
    download: function (text, name, type) {
      download(doc, text, name, type);
    },
    plural: plural,
    levelName: levelName,
    getAssessment: function () {
      return state.assessment;
    },
    /* Shows another assessment in the form. how: "save" (a new one or a copy), "select" (one
     * already saved) or "none" (a blank form, saved once something is entered). */
    /* Returns false, leaving the form as it is, when the assessment is from a newer version of
     * the framework or another framework; one from an older version is carried forward first. */
    open: function (next, how) {
      var opening = state.openRecord(next);
      var status = opening.migration ? opening.migration.status : "current";
      if (status === "refused") {
        showRefusal(opening.migration.report, true, "The assessment shown in the form has not changed.");
        return false;
      }
      state.put(opening.assessment);
      cancelImport(true);
      clearImportErrors();
      fillForm();
      if (how === "save") save();
      else if (how === "select") {
        var selected = store.select(state.assessment.id);
        if (!selected.ok) showStorageProblem(selected.error);
        if (status === "migrated") save();
      }
      refresh();
      byId("cif-migration").removeAttribute("data-refused");
      showMigrationNotice(status === "migrated");
      return true;
    },
    changed: changed,
    printAs: printAs,
    withMore: withMore,
  };
  /** @type {{refresh?: Function, stop?: Function}[]} */
  var extensions = [attachProgress, attachSharing].map(function (attach) {
    return attach(context) || {};
  });

  /** @type {any} */
  var opened = { migration: null };
  state.subscribe(function (event) {
    if (event.type === "storage") showSaveStatus();
    else if (event.type === "opened" && event.how === "load") opened = event;
  });
  state.load();
  fillForm();
  showSaveStatus();
  if (opened.migration && opened.migration.status === "refused") showRefusal(opened.migration.report, true);
  else showMigrationNotice(Boolean(opened.migration && opened.migration.status === "migrated"));
  if (!scoring.isSupported(info)) {
    setText(byId("cif-completeness"), "This version of the form cannot work out scores for this framework.");
  }
  refresh();

  return {
    stop: function () {
      extensions.forEach(function (extension) {
        if (extension.stop) extension.stop();
      });
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("resize", onResize);
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
      if (printQuery) printQuery.removeEventListener("change", onPrintChange);
    },
  };
}

onEveryPage(start);
