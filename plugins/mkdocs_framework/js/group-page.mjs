/* Comparing a group of authorities: the page (assess/group.html). Reads the files a facilitator
 * chooses or drops, in the browser only, and shows the comparison worked out by group-compare.js.
 * Nothing is uploaded and nothing is stored. User text is only ever set with textContent.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as chart from "./chart.mjs";
import * as group from "./group.mjs";
import * as migrate from "./migrate.mjs";
import * as transfer from "./transfer.mjs";
import { all, make, onEveryPage, chartPrintWidth } from "./dom.mjs";

const plural = model.plural;

var previous = null;

var longDate = function (text) {
  return model.longDate(text);
};

function start() {
  var doc = window.document;
  var input = doc.getElementById("cif-group-files");
  if (!input || input.hasAttribute("data-cif-started")) return;
  input.setAttribute("data-cif-started", "");
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
  var input = byId("cif-group-files");
  var drop = byId("cif-group-drop");
  var entries = [];
  var nextKey = 1;
  var lastWidth = 0;
  var announceTimer = null;

  doc.documentElement.classList.add("cif-group-js");
  all(page, ".cif-nojs").forEach(function (node) {
    node.hidden = true;
  });
  all(page, ".cif-js-only").forEach(function (node) {
    node.hidden = false;
  });
  all(page, "[data-heat-level]").forEach(function (node) {
    var shade = group.shade(Number(node.getAttribute("data-heat-level")), Number(node.getAttribute("data-heat-count")));
    node.classList.add("cif-heat--" + shade);
  });

  function hideNames() {
    return byId("cif-group-hide").checked;
  }

  function announce(text) {
    clearTimeout(announceTimer);
    var region = byId("cif-group-announcer");
    region.textContent = "";
    announceTimer = setTimeout(function () {
      region.textContent = text;
    }, 100);
  }

  function levelName(number) {
    return number ? levels[number - 1].label : "";
  }

  function scoreText(score, level) {
    return score === null ? "No score" : scoring.formatScore(score) + " " + levelName(level);
  }

  /* ---- Reading files ---- */

  function readOne(file) {
    if (file.size > transfer.MAX_BYTES) {
      return Promise.resolve(group.readFile(info, file.name, "", file.size, migrate));
    }
    return file.text().then(
      function (text) {
        return group.readFile(info, file.name, text, file.size, migrate);
      },
      function () {
        return { status: "broken", name: file.name, reason: "The file could not be read. Choose it again." };
      }
    );
  }

  function addFiles(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return;
    Promise.all(files.map(readOne)).then(function (results) {
      var problems = [];
      var added = 0;
      results.forEach(function (result) {
        if (result.status !== "ok") {
          problems.push(result);
          return;
        }
        if (entries.some(function (entry) {
          return group.sameFile(entry, result);
        })) {
          problems.push({ status: "duplicate", name: result.name, reason: "This file is already in the comparison." });
          return;
        }
        result.key = nextKey;
        nextKey += 1;
        entries.push(result);
        added += 1;
      });
      input.value = "";
      showProblems(problems);
      render();
      var message = added ? plural(added, "file", "files") + " added to the comparison. " : "No files were added. ";
      message += plural(entries.length, "authority", "authorities") + " in the comparison.";
      if (problems.length) message += " " + plural(problems.length, "file", "files") + " could not be included: the list above the comparison says why.";
      announce(message);
    });
  }

  function showProblems(problems) {
    var box = byId("cif-group-problems");
    var list = byId("cif-group-problems-list");
    list.textContent = "";
    problems.forEach(function (problem) {
      var item = make(doc, "li", "cif-group-problem cif-group-problem--" + problem.status);
      item.appendChild(make(doc, "strong", "cif-group-problem__file", problem.name));
      if (problem.status === "foreign") item.appendChild(make(doc, "span", "cif-tag cif-tag--foreign", "Another framework"));
      item.appendChild(make(doc, "span", "cif-group-problem__reason", problem.reason));
      list.appendChild(item);
    });
    box.hidden = !problems.length;
  }

  /* ---- Showing the comparison ---- */

  function versionNote(entry) {
    if (!entry.otherVersion) return "";
    var text = "Made with version " + entry.otherVersion + " of the framework, not " + framework.version + ". ";
    if (entry.migrated && entry.counts) {
      var parts = [];
      if (entry.counts.carried) parts.push(plural(entry.counts.carried, "answer", "answers") + " unchanged");
      if (entry.counts.moved) parts.push(plural(entry.counts.moved, "answer", "answers") + " moved to new questions");
      if (entry.counts.review) parts.push(plural(entry.counts.review, "answer", "answers") + " to check because the wording may have changed");
      if (entry.counts.notCarried) parts.push(plural(entry.counts.notCarried, "entry", "entries") + " that could not be carried over");
      text += "Its answers were carried over to this version" + (parts.length ? ": " + parts.join(", ") : "") + ".";
    } else if (entry.notCarried.length) {
      text += plural(entry.notCarried.length, "answer is", "answers are") + " for questions this version does not have, so " + (entry.notCarried.length === 1 ? "it is" : "they are") + " left out.";
    } else {
      text += "Compare it with care: the questions may not be the same.";
    }
    return text;
  }

  function renderFiles(rows) {
    var list = byId("cif-group-file-list");
    list.textContent = "";
    byId("cif-group-none").hidden = rows.length > 0;
    var hidden = hideNames();
    rows.forEach(function (row) {
      var item = make(doc, "li", "cif-group-file");
      item.setAttribute("data-entry", String(row.entry.key));
      var title = make(doc, "span", "cif-group-file__name", hidden ? row.code : row.name);
      item.appendChild(title);
      if (!hidden) item.appendChild(make(doc, "span", "cif-group-file__detail", row.code + ", from the file " + row.fileName));
      if (row.entry.otherVersion) {
        item.appendChild(make(doc, "span", "cif-tag cif-tag--version", "Another version (" + row.entry.otherVersion + ")"));
        item.appendChild(make(doc, "span", "cif-group-file__note", versionNote(row.entry)));
      }
      var button = make(doc, "button", "cif-link-button cif-group-file__remove", "Remove");
      button.type = "button";
      button.setAttribute("data-remove", String(row.entry.key));
      button.appendChild(make(doc, "span", "cif-visually-hidden", " " + (hidden ? row.code : row.name)));
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function heatCell(doc, result) {
    var cell = make(doc, "td", "cif-heat cif-heat--" + group.shade(result.level, levels.length));
    if (result.score === null) {
      cell.textContent = result.total && result.notApplicable === result.total ? "Not applicable" : "No score";
      return cell;
    }
    cell.appendChild(make(doc, "span", "cif-heat__score", scoring.formatScore(result.score)));
    cell.appendChild(doc.createTextNode(" "));
    cell.appendChild(make(doc, "span", "cif-heat__level", levelName(result.level)));
    return cell;
  }

  function rowHeader(row, hidden) {
    var head = make(doc, "th");
    head.scope = "row";
    head.appendChild(make(doc, "span", "cif-heat__name", hidden ? row.code : row.name));
    if (!hidden) head.appendChild(make(doc, "span", "cif-heat__code", " (" + row.code + ")"));
    if (row.entry.otherVersion) head.appendChild(make(doc, "span", "cif-tag cif-tag--version", "Version " + row.entry.otherVersion));
    return head;
  }

  function renderHeatmap(rows) {
    var body = byId("cif-heatmap-body");
    body.textContent = "";
    var hidden = hideNames();
    rows.forEach(function (row) {
      var tr = make(doc, "tr");
      tr.appendChild(rowHeader(row, hidden));
      row.dimensions.forEach(function (result) {
        tr.appendChild(heatCell(doc, result));
      });
      body.appendChild(tr);
    });
  }

  function renderSpread(spread, count) {
    var body = byId("cif-spread-body");
    body.textContent = "";
    spread.forEach(function (s) {
      var tr = make(doc, "tr");
      var head = make(doc, "th", "", s.dimension.number + ". " + s.dimension.title);
      head.scope = "row";
      tr.appendChild(head);
      [
        scoreText(s.lowest, s.lowestLevel),
        scoreText(s.median, s.medianLevel),
        scoreText(s.highest, s.highestLevel),
        s.count + " of " + count,
      ].forEach(function (text) {
        tr.appendChild(make(doc, "td", "", text));
      });
      body.appendChild(tr);
    });
  }

  function renderProfiles(rows) {
    var holder = byId("cif-group-profiles");
    holder.textContent = "";
    var hidden = hideNames();
    rows.forEach(function (row, i) {
      var name = hidden ? row.code : row.name;
      var section = make(doc, "section", "cif-profile");
      var headingId = "cif-profile-" + (i + 1);
      section.setAttribute("aria-labelledby", headingId);
      var heading = make(doc, "h4", "cif-profile__title", name);
      heading.id = headingId;
      section.appendChild(heading);
      var a = row.assessment;
      var meta = [];
      if (!hidden && a.name && a.name !== row.name) meta.push("\u201c" + a.name + "\u201d");
      if (a.date) meta.push(longDate(a.date));
      meta.push(row.results.criteriaDecided + " of " + plural(row.results.criteriaTotal, "criterion", "criteria") + " answered");
      section.appendChild(make(doc, "p", "cif-profile__meta", meta.join(". ") + "."));
      if (row.entry.otherVersion) section.appendChild(make(doc, "p", "cif-profile__meta", versionNote(row.entry)));
      var chartBody = make(doc, "div", "cif-chart__body cif-profile__chart");
      chartBody.setAttribute("data-profile", String(i));
      section.appendChild(chartBody);

      var table = make(doc, "table", "cif-table cif-profile__table");
      var caption = make(doc, "caption", "", "Score, level and target of each dimension for " + name);
      table.appendChild(caption);
      var thead = make(doc, "thead");
      var headRow = make(doc, "tr");
      ["Dimension", "Score and level", "Target"].forEach(function (text) {
        var th = make(doc, "th", "", text);
        th.scope = "col";
        headRow.appendChild(th);
      });
      thead.appendChild(headRow);
      table.appendChild(thead);
      var tbody = make(doc, "tbody");
      row.dimensions.forEach(function (r) {
        var tr = make(doc, "tr");
        var th = make(doc, "th", "", r.dimension.number + ". " + r.dimension.title);
        th.scope = "row";
        tr.appendChild(th);
        var notApplicable = r.score === null && r.total && r.notApplicable === r.total;
        tr.appendChild(make(doc, "td", "", notApplicable ? "Not applicable" : scoreText(r.score, r.level)));
        tr.appendChild(make(doc, "td", "", r.target ? levelName(r.target) : "Not set"));
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      section.appendChild(table);
      holder.appendChild(section);
    });
    drawCharts(rows, true);
  }

  var currentRows = [];

  function drawCharts(rows, force, printWidth) {
    rows = rows || currentRows;
    var holders = all(page, "[data-profile]");
    var width = printWidth || (holders[0] && holders[0].clientWidth) || 360;
    if (!force && width === lastWidth) return;
    lastWidth = width;
    var hidden = hideNames();
    holders.forEach(function (holder) {
      var row = rows[Number(holder.getAttribute("data-profile"))];
      if (!row) return;
      var svg = chart.draw(doc, {
        width: width,
        levels: levels,
        label:
          "Bar chart of the score of each dimension for " +
          (hidden ? row.code : row.name) +
          ", on the scale 1 to " +
          levels.length +
          ", with targets. The table below gives the same figures.",
        rows: row.dimensions.map(function (r) {
          return {
            label: r.dimension.number + ". " + r.dimension.title,
            score: r.score,
            scoreText: r.score === null ? "" : scoring.formatScore(r.score) + " " + levelName(r.level),
            target: r.target,
            emptyText: r.total && r.notApplicable === r.total ? "Not applicable" : "No score",
          };
        }),
      });
      holder.textContent = "";
      holder.appendChild(svg);
    });
  }

  function render() {
    var comparison = group.compare(info, entries);
    var rows = comparison.rows;
    currentRows = rows;
    renderFiles(rows);
    byId("cif-group-waiting").hidden = rows.length > 0;
    byId("cif-group-results").hidden = rows.length === 0;
    if (!rows.length) return;
    var others = rows.filter(function (row) {
      return row.entry.otherVersion;
    }).length;
    var summary = plural(rows.length, "authority", "authorities") + " in the comparison.";
    if (others) {
      summary +=
        " " +
        plural(others, "file was", "files were") +
        " made with another version of the framework (marked \u201cVersion\u201d); compare " +
        (others === 1 ? "it" : "them") +
        " with care.";
    }
    byId("cif-group-summary").textContent = summary;
    renderHeatmap(rows);
    renderSpread(comparison.spread, rows.length);
    renderProfiles(rows);
  }

  /* ---- Events ---- */

  function remove(key) {
    var index = -1;
    entries.forEach(function (entry, i) {
      if (entry.key === key) index = i;
    });
    if (index < 0) return;
    var buttons = all(byId("cif-group-file-list"), "[data-remove]");
    var position = buttons.map(function (b) {
      return Number(b.getAttribute("data-remove"));
    }).indexOf(key);
    var removedName = buttons[position] ? buttons[position].closest("li").querySelector(".cif-group-file__name").textContent : "";
    entries.splice(index, 1);
    render();
    var left = all(byId("cif-group-file-list"), "[data-remove]");
    var next = left[Math.min(position, left.length - 1)];
    if (next) next.focus();
    else input.focus();
    announce(
      "Removed " + removedName + " from the comparison. " + plural(entries.length, "authority", "authorities") + " left."
    );
  }

  function onClick(event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-remove")) remove(Number(button.getAttribute("data-remove")));
    else if (button.id === "cif-group-print") window.print();
  }

  function onChange(event) {
    if (event.target === input) addFiles(input.files);
    else if (event.target.id === "cif-group-hide") {
      render();
      announce(hideNames() ? "Authority names are hidden." : "Authority names are shown.");
    }
  }

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return Boolean(types) && Array.prototype.indexOf.call(types, "Files") >= 0;
  }

  function onDragOver(event) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = drop.contains(event.target) ? "copy" : "none";
    drop.classList.toggle("cif-dropzone--over", drop.contains(event.target));
  }

  function onDragLeave(event) {
    if (!event.relatedTarget || !drop.contains(event.relatedTarget)) drop.classList.remove("cif-dropzone--over");
  }

  /* Files dropped anywhere on the page are caught, so a near miss never opens the file in place
   * of the comparison; only drops on the box are read. */
  function onDrop(event) {
    if (!event.dataTransfer || !event.dataTransfer.files || !event.dataTransfer.files.length) return;
    event.preventDefault();
    drop.classList.remove("cif-dropzone--over");
    if (drop.contains(event.target)) addFiles(event.dataTransfer.files);
  }

  function onResize() {
    drawCharts(null, false);
  }

  function beforePrint() {
    drawCharts(null, true, chartPrintWidth());
  }
  function afterPrint() {
    drawCharts(null, true);
  }

  page.addEventListener("click", onClick);
  page.addEventListener("change", onChange);
  doc.addEventListener("dragover", onDragOver);
  doc.addEventListener("drop", onDrop);
  drop.addEventListener("dragleave", onDragLeave);
  window.addEventListener("resize", onResize);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);

  // A browser may keep files chosen before a reload; read them like a fresh choice.
  if (input.files && input.files.length) addFiles(input.files);

  return {
    stop: function () {
      doc.removeEventListener("dragover", onDragOver);
      doc.removeEventListener("drop", onDrop);
      window.removeEventListener("resize", onResize);
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    },
  };
}

onEveryPage(start);
