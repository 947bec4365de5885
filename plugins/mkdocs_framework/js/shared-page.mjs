/* Shared results (assess/shared.html): a read-only view of the results held in the address's
 * fragment, made by "Copy a link to these results" on the form. Reads nothing from and writes
 * nothing to storage. User text is only ever set with textContent.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as chart from "./chart.mjs";
import * as share from "./share.mjs";
import * as migrate from "./migrate.mjs";
import { all, onEveryPage, chartPrintWidth } from "./dom.mjs";

const plural = model.plural;

var previous = null;

var longDate = function (text) {
  return model.longDate(text);
};

function start() {
  var doc = window.document;
  var holder = doc.getElementById("cif-shared");
  if (!holder || holder.hasAttribute("data-cif-started")) return;
  holder.setAttribute("data-cif-started", "");
  if (previous) previous.stop();
  previous = createPage(doc, JSON.parse(doc.getElementById("cif-framework").textContent));
}

function createPage(doc, framework) {
  var info = model.describe(framework);
  var levels = framework.levels;
  var page = doc.getElementById("cif-framework").closest("article") || doc.body;
  var byId = function (id) {
    return doc.getElementById(id);
  };
  var shown = null;
  var lastWidth = 0;
  var baseTitle = doc.title;

  doc.documentElement.classList.add("cif-shared-js");
  all(page, ".cif-nojs").forEach(function (node) {
    node.hidden = true;
  });
  all(page, ".cif-js-only").forEach(function (node) {
    node.hidden = false;
  });

  function levelName(number) {
    return number ? levels[number - 1].label : "";
  }

  function answerText(value) {
    if (!value) return "Not answered";
    if (value === model.NOT_APPLICABLE) return "Not applicable";
    if (value === model.NOT_SURE) return "Not sure yet";
    return info.levelIndex.get(value) + " " + model.levelLabel(info, value);
  }

  function versionText(result) {
    var text =
      "These results were made with version " +
      result.otherVersion +
      " of the framework. This site uses version " +
      framework.version +
      ". ";
    var counts = result.counts;
    if (result.migrated && counts) {
      var parts = [];
      if (counts.carried) parts.push(plural(counts.carried, "answer is", "answers are") + " unchanged");
      if (counts.moved) parts.push(plural(counts.moved, "answer was", "answers were") + " moved to new questions");
      if (counts.review) parts.push(plural(counts.review, "answer is", "answers are") + " to check because the wording of the question may have changed");
      if (counts.notCarried) parts.push(plural(counts.notCarried, "entry", "entries") + " could not be carried over and " + (counts.notCarried === 1 ? "is" : "are") + " not shown");
      text += "The results are shown as carried over to this version using the changes published with it" + (parts.length ? ": " + parts.join("; ") : "") + ".";
    } else if (result.notShown.length) {
      text += plural(result.notShown.length, "answer is", "answers are") + " for questions this version does not have, so " + (result.notShown.length === 1 ? "it is" : "they are") + " not shown. Compare with care: the questions may have changed.";
    } else {
      text += "Compare with care: the questions may have changed.";
    }
    return text;
  }

  function showProblem(message) {
    byId("cif-shared-problem-text").textContent = message;
    byId("cif-shared-problem").hidden = false;
  }

  function render(focus) {
    var result = share.read(info, window.location.hash, migrate);
    byId("cif-shared-problem").hidden = true;
    byId("cif-shared-empty").hidden = true;
    byId("cif-shared").hidden = true;
    shown = null;
    if (!result.ok && result.kind === "empty") {
      byId("cif-shared-empty").hidden = false;
      return;
    }
    if (!result.ok) {
      showProblem(result.message);
      if (focus) byId("cif-shared-problem").focus();
      return;
    }
    shown = result.assessment;
    var a = shown;
    byId("cif-shared-title").textContent = "Results: " + (a.name || "untitled assessment");
    doc.title = "Results: " + (a.name || "untitled assessment") + " - " + baseTitle;
    byId("cif-shared-meta").textContent = [a.authority, a.date ? longDate(a.date) : "", framework.shortTitle + ", version " + (result.otherVersion || framework.version)]
      .filter(Boolean)
      .join(" \u00b7 ");
    byId("cif-shared-version").hidden = !result.otherVersion;
    if (result.otherVersion) byId("cif-shared-version-text").textContent = versionText(result);

    var results = scoring.results(info, a);
    byId("cif-shared-completeness").textContent =
      plural(results.criteriaDecided, "criterion", "criteria") +
      " of " +
      results.criteriaTotal +
      " answered (" +
      results.percentComplete +
      "%), and " +
      results.dimensionsCompleted +
      " of " +
      plural(results.dimensionsTotal, "section", "sections") +
      " completed.";

    chart.fillResultsTable(doc, byId("cif-shared-body"), results, levelName, "No score");
    all(page, "[data-answer-for]").forEach(function (cell) {
      var id = cell.getAttribute("data-answer-for");
      cell.textContent = answerText(model.has(a.answers, id) ? a.answers[id] : "");
    });
    var holder = byId("cif-shared");
    holder.hidden = false;
    drawChart(true);
    if (focus) holder.focus();
  }

  function drawChart(force, printWidth) {
    if (!shown) return;
    var holder = byId("cif-shared-chart");
    var width = printWidth || holder.clientWidth || 640;
    if (!force && width === lastWidth) return;
    lastWidth = width;
    var results = scoring.results(info, shown);
    var svg = chart.drawResults(doc, width, levels, results, levelName, "No score");
    holder.textContent = "";
    holder.appendChild(svg);
  }

  function onHashChange() {
    render(true);
  }
  function onResize() {
    drawChart(false);
  }
  function onClick(event) {
    var button = event.target.closest("button");
    if (button && button.id === "cif-shared-print") window.print();
  }
  function beforePrint() {
    drawChart(true, chartPrintWidth());
  }
  function afterPrint() {
    drawChart(true);
  }

  window.addEventListener("hashchange", onHashChange);
  window.addEventListener("resize", onResize);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  page.addEventListener("click", onClick);
  render(false);

  return {
    stop: function () {
      window.removeEventListener("hashchange", onHashChange);
      window.removeEventListener("resize", onResize);
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    },
  };
}

onEveryPage(start);
