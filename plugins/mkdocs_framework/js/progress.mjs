/* Self-assessment: the page's views for several assessments on one device, progress over time and
 * the action plan. DOM only: the logic is in assess-storage.js, assess-model.js, assess-compare.js
 * and assess-plan.js. Started by form-page.mjs. User text is only
 * ever set with textContent or form values.
 */

import * as model from "./model.mjs";
import * as scoring from "./scoring.mjs";
import * as chart from "./chart.mjs";
import * as plan from "./plan.mjs";
import * as migrate from "./migrate.mjs";
import { all, make, quoted, chartPrintWidth } from "./dom.mjs";
import { later } from "./later.mjs";

function nameOf(assessment) {
  return assessment.name || "Untitled assessment";
}

function longDate(text) {
  return model.longDate(text, "no date");
}

function hiddenText(doc, text) {
  return make(doc, "span", "cif-visually-hidden", text);
}

/* ---- Chart: each dimension's score then and now, on the fixed level scale ---- */

function drawComparison(doc, options) {
  var el = function (name, attributes, text) {
    return chart.element(doc, name, attributes, text);
  };
  // Printed, the chart is drawn compactly so the summary fits on one or two A4 pages.
  var compact = Boolean(options.compact);
  var LINE = compact ? 15 : 18;
  var BAR = compact ? 13 : 16;
  var GAP = compact ? 2 : 4;
  var SPACE = compact ? 8 : 18;
  var pair = 2 * BAR + GAP;
  var frame = chart.frame(doc, options, {
    line: LINE,
    rowHeight: function (lines, beside) {
      return beside ? Math.max(lines.length * LINE, pair) + SPACE : lines.length * LINE + pair + SPACE + 2;
    },
  });
  var svg = frame.svg;
  var x = frame.x;
  var plotLeft = frame.plotLeft;
  var plotWidth = frame.plotWidth;
  options.rows.forEach(function (row, i) {
    var barTop = frame.barTops[i];
    [
      { score: row.then, text: row.thenText, className: "cif-chart__bar cif-chart__bar--then", y: barTop },
      { score: row.now, text: row.nowText, className: "cif-chart__bar", y: barTop + BAR + GAP },
    ].forEach(function (bar) {
      if (bar.score === null) {
        svg.appendChild(el("text", { class: "cif-chart__empty", x: plotLeft + 4, y: bar.y + 13 }, bar.text));
        return;
      }
      var end = x(bar.score);
      svg.appendChild(el("rect", { class: bar.className, x: plotLeft, y: bar.y + 1, width: Math.max(1, end - plotLeft), height: BAR - 2 }));
      var inside = end > plotLeft + plotWidth * 0.6;
      svg.appendChild(
        el(
          "text",
          inside
            ? {
                class: "cif-chart__value" + (bar.className.indexOf("then") < 0 ? " cif-chart__value--inside" : ""),
                x: end - 6,
                y: bar.y + 13,
                "text-anchor": "end",
              }
            : { class: "cif-chart__value", x: end + 6, y: bar.y + 13 },
          bar.text
        )
      );
    });
    if (row.target) {
      var tx = x(row.target);
      svg.appendChild(
        el("path", {
          class: "cif-chart__target",
          d: "M" + tx + " " + (barTop - 3) + "V" + (barTop + pair + 3) + "M" + (tx - 5) + " " + (barTop - 3) + "H" + (tx + 5),
        })
      );
    }
  });
  return svg;
}

/* ---- The page's views ---- */

function attach(ctx) {
  var doc = ctx.doc;
  var info = ctx.info;
  var byId = ctx.byId;
  var levels = info.framework.levels;
  var librarySignature = null;
  var planSignature = null;
  var shownId = null;
  var comparedWith = null; // {assessment, source: "device"|"file", fileName, warnings}

  /* ---- Several assessments ---- */

  function completeness(assessment) {
    var results = scoring.results(info, assessment);
    return results.criteriaDecided + " of " + ctx.plural(results.criteriaTotal, "criterion", "criteria") + " answered (" + results.percentComplete + "%)";
  }

  /* The assessments on the device, with the open one's unsaved state in place of its saved one. */
  function everyAssessment() {
    var current = ctx.getAssessment();
    var loaded = ctx.store.loadAll();
    var list = (loaded.ok ? loaded.assessments : []).map(function (raw) {
      return raw.id === current.id ? current : model.restore(info, raw);
    });
    var listed = list.some(function (a) {
      return a.id === current.id;
    });
    if (!listed) list.unshift(current);
    return list;
  }

  function renderLibrary(list) {
    var current = ctx.getAssessment();
    var rows = list.map(function (a) {
      return { id: a.id, name: nameOf(a), date: a.date, done: completeness(a), current: a.id === current.id };
    });
    var signature = JSON.stringify(rows);
    if (signature === librarySignature) return;
    librarySignature = signature;
    var holder = byId("cif-library-list");
    holder.textContent = "";
    rows.forEach(function (row) {
      var item = make(doc, "li", "cif-library__item" + (row.current ? " cif-library__item--current" : ""));
      if (row.current) item.setAttribute("aria-current", "true");
      var text = make(doc, "div", "cif-library__text");
      var name = make(doc, "p", "cif-library__name", row.name);
      if (row.current) {
        name.appendChild(doc.createTextNode(" "));
        name.appendChild(make(doc, "strong", "cif-tag cif-tag--in-progress", "Open now"));
      }
      text.appendChild(name);
      text.appendChild(make(doc, "p", "cif-library__meta", "Dated " + longDate(row.date) + " \u00b7 " + row.done));
      item.appendChild(text);
      if (row.current) {
        var rename = make(doc, "a", "cif-library__action", "Rename");
        rename.href = "#cif-name";
        rename.setAttribute("data-rename", "");
        rename.appendChild(hiddenText(doc, " " + row.name));
        item.appendChild(rename);
      } else {
        var open = make(doc, "button", "md-button cif-button cif-library__action", "Open");
        open.type = "button";
        open.setAttribute("data-open-assessment", row.id);
        open.appendChild(hiddenText(doc, " " + row.name));
        item.appendChild(open);
      }
      holder.appendChild(item);
    });
  }

  function openSaved(id) {
    var loaded = ctx.store.loadAll();
    var raw = loaded.ok ? loaded.assessments.filter(function (a) { return a.id === id; })[0] : null;
    if (!raw) return;
    ctx.open(raw, "select");
    ctx.showBanner(quoted(nameOf(ctx.getAssessment())) + " is open", "The form below now shows this assessment's answers, notes, targets and action plan.");
  }

  function newAssessment() {
    ctx.open(model.blankAssessment(info), "save");
    ctx.showBanner("New assessment started", "Give it a name under \u201cAbout this assessment\u201d. Your other assessments are kept on this device.");
  }

  function duplicateAssessment() {
    var source = ctx.getAssessment();
    ctx.open(model.duplicate(info, source), "save");
    ctx.showBanner(
      "Copy made: " + quoted(nameOf(ctx.getAssessment())),
      "It starts with the answers, notes, targets and action plan of " +
        quoted(nameOf(source)) +
        ", which is kept as it was. Rename the copy under \u201cAbout this assessment\u201d and update it for your review."
    );
  }

  function openDelete() {
    var name = nameOf(ctx.getAssessment());
    byId("cif-delete-title").textContent = "Delete " + quoted(name) + "?";
    byId("cif-delete-text").textContent =
      "This deletes " + quoted(name) + ", with its answers, notes, targets and action plan, from this device. You cannot undo this. Export it first if you might need it.";
    var dialog = byId("cif-delete-dialog");
    if (typeof dialog.showModal === "function") dialog.showModal();
    else if (window.confirm("Delete " + quoted(name) + " from this device?")) deleteAssessment();
  }

  function closeDelete() {
    var dialog = byId("cif-delete-dialog");
    if (dialog.open) dialog.close();
    byId("cif-delete").focus();
  }

  function deleteAssessment() {
    var dialog = byId("cif-delete-dialog");
    if (dialog.open) dialog.close();
    var gone = ctx.getAssessment();
    ctx.store.remove(gone.id);
    var loaded = ctx.store.loadAll();
    var next = loaded.ok && loaded.assessments.length ? loaded.assessments[0] : null;
    if (next) ctx.open(next, "select");
    else ctx.open(model.blankAssessment(info), "none");
    ctx.showBanner(
      quoted(nameOf(gone)) + " has been deleted",
      next ? quoted(nameOf(ctx.getAssessment())) + " is now open." : "There are no other assessments on this device. You can start a new one below."
    );
  }

  /* ---- Progress over time ---- */

  function renderCompareChoices(list) {
    var select = byId("cif-compare-with");
    var chosen = select.value;
    var current = ctx.getAssessment();
    while (select.options.length > 1) select.remove(1);
    list
      .filter(function (a) { return a.id !== current.id; })
      .forEach(function (a) {
        var option = doc.createElement("option");
        option.value = a.id;
        option.textContent = nameOf(a) + " (" + longDate(a.date) + ")";
        select.appendChild(option);
      });
    var file = doc.createElement("option");
    file.value = "file";
    file.textContent = "An assessment exported to a file";
    select.appendChild(file);
    select.value = chosen;
    if (select.value !== chosen) select.value = "";
    byId("cif-compare-file-field").hidden = select.value !== "file";
  }

  function clearCompareErrors() {
    byId("cif-compare-errors").hidden = true;
    ["cif-compare-with", "cif-compare-file"].forEach(function (id) {
      byId(id + "-error").hidden = true;
      byId(id + "-field").classList.remove("cif-field--error");
    });
    byId("cif-compare-with").removeAttribute("aria-describedby");
    byId("cif-compare-file").setAttribute("aria-describedby", "cif-compare-file-hint");
  }

  function showCompareError(fieldId, messages) {
    var list = byId("cif-compare-errors-list");
    list.textContent = "";
    messages.forEach(function (message) {
      var item = doc.createElement("li");
      var link = make(doc, "a", "", message);
      link.href = "#" + fieldId;
      item.appendChild(link);
      list.appendChild(item);
    });
    var inline = byId(fieldId + "-error");
    inline.textContent = "";
    inline.appendChild(hiddenText(doc, "Error: "));
    inline.appendChild(doc.createTextNode(messages[0]));
    inline.hidden = false;
    byId(fieldId + "-field").classList.add("cif-field--error");
    var input = byId(fieldId);
    input.setAttribute("aria-describedby", (fieldId === "cif-compare-file" ? "cif-compare-file-hint " : "") + fieldId + "-error");
    byId("cif-compare-results").hidden = true;
    comparedWith = null;
    var summary = byId("cif-compare-errors");
    summary.hidden = false;
    summary.focus();
  }

  function startCompare() {
    clearCompareErrors();
    var choice = byId("cif-compare-with").value;
    if (!choice) {
      showCompareError("cif-compare-with", ["Choose an assessment to compare with."]);
      return;
    }
    if (choice !== "file") {
      var loaded = ctx.store.loadAll();
      var raw = loaded.ok ? loaded.assessments.filter(function (a) { return a.id === choice; })[0] : null;
      if (!raw) {
        showCompareError("cif-compare-with", ["That assessment is no longer on this device. Choose another."]);
        return;
      }
      comparedWith = { assessment: model.restore(info, raw), source: "device", warnings: [] };
      ctx.withMore(function () {
        showComparison(true);
      });
      return;
    }
    ctx.withMore(compareWithFile);
  }

  function compareWithFile() {
    var input = byId("cif-compare-file");
    var file = input.files && input.files[0];
    if (!file) {
      showCompareError("cif-compare-file", ["Select a JSON file exported from this form."]);
      return;
    }
    if (file.size > later().transfer.MAX_BYTES) {
      showCompareError("cif-compare-file", ["The selected file is larger than 1 MB, so it cannot be an export from this form."]);
      return;
    }
    file.text().then(
      function (text) {
        var result = later().transfer.parseImport(info, text, file.size);
        if (!result.ok) {
          showCompareError("cif-compare-file", result.errors);
          return;
        }
        comparedWith = { assessment: result.assessment, source: "file", fileName: file.name, warnings: result.warnings };
        showComparison(true);
      },
      function () {
        showCompareError("cif-compare-file", ["The selected file could not be read. Choose the file again."]);
      }
    );
  }

  function scoreText(result) {
    if (result.score === null) return result.notApplicable === result.total && result.total ? "Not applicable" : "No score";
    return scoring.formatScore(result.score) + " " + ctx.levelName(result.level);
  }

  function changeText(row) {
    if (row.direction === null) return "Not compared";
    if (row.direction === "same") return "No change";
    return (row.direction === "up" ? "Up " : "Down ") + later().compare.formatChange(row.change);
  }

  function answerName(value) {
    if (value === model.NOT_APPLICABLE) return "Not applicable";
    if (value === model.NOT_SURE) return "Not sure yet";
    return model.levelLabel(info, value) || value;
  }

  function movedText(m) {
    if (m.direction === "changed") return "Changed";
    var steps = Math.abs(m.toNumber - m.fromNumber);
    return (m.direction === "up" ? "Up " : "Down ") + ctx.plural(steps, "level", "levels");
  }

  function orderByDate(a, b) {
    var x = (a.date || "") + (a.created || "");
    var y = (b.date || "") + (b.created || "");
    return x <= y ? [a, b] : [b, a];
  }

  function describeOne(a, source) {
    return quoted(nameOf(a)) + " (" + longDate(a.date) + (source ? ", " + source : "") + ")";
  }

  function showComparison(moveFocus, printWidth) {
    if (!comparedWith) return;
    var current = ctx.getAssessment();
    var pair = orderByDate(comparedWith.assessment, current);
    var earlier = pair[0];
    var laterOne = pair[1];
    var sourceOf = function (a) {
      return a === comparedWith.assessment && comparedWith.source === "file" ? "from the file " + comparedWith.fileName : "";
    };
    var result = later().compare.compare(info, earlier, laterOne, migrate);
    byId("cif-compare-title").textContent = "Progress from " + describeOne(earlier, sourceOf(earlier)) + " to " + describeOne(laterOne, sourceOf(laterOne));
    byId("cif-compare-print-meta").textContent = [current.authority, info.framework.shortTitle + ", version " + info.framework.version]
      .filter(Boolean)
      .join(" \u00b7 ");
    byId("cif-compare-summary").textContent = later().compare.summary(result);

    var caveats = byId("cif-compare-caveats");
    caveats.textContent = "";
    var notes = comparedWith.warnings.slice();
    var criterionName = function (id) {
      var found = info.criteria.get(id);
      if (!found) return quoted(id);
      var position = found.dimension.criteria.indexOf(found.criterion) + 1;
      return found.dimension.number + "." + position + " " + found.criterion.title;
    };
    if (result.notCompared.length) {
      notes.push(
        ctx.plural(result.notCompared.length, "answer is", "answers are") +
          " for criteria that this version of the framework does not have, so " +
          (result.notCompared.length === 1 ? "it was" : "they were") +
          " not compared: " +
          result.notCompared.map(criterionName).join(", ") +
          "."
      );
    }
    if (result.flagged.length) {
      notes.push(
        ctx.plural(result.flagged.length, "answer was", "answers were") +
          " carried over from another version of the framework and " +
          (result.flagged.length === 1 ? "needs" : "need") +
          " checking (for example, the wording changed), so " +
          (result.flagged.length === 1 ? "it is" : "they are") +
          " not strictly like for like: " +
          result.flagged.map(criterionName).join(", ") +
          "."
      );
    }
    if (notes.length) {
      var box = make(doc, "div", "cif-notice");
      box.appendChild(make(doc, "p", "", "This comparison is not fully like for like:"));
      var ul = doc.createElement("ul");
      notes.forEach(function (text) {
        ul.appendChild(make(doc, "li", "", text));
      });
      box.appendChild(ul);
      caveats.appendChild(box);
    }

    var body = byId("cif-compare-body");
    body.textContent = "";
    result.dimensions.forEach(function (row) {
      var tr = doc.createElement("tr");
      var th = make(doc, "th", "", row.dimension.number + ". " + row.dimension.title);
      th.scope = "row";
      tr.appendChild(th);
      [scoreText(row.then), scoreText(row.now), row.target ? ctx.levelName(row.target) : "Not set", changeText(row)].forEach(function (text) {
        tr.appendChild(make(doc, "td", "", text));
      });
      body.appendChild(tr);
    });

    var moved = byId("cif-moved-body");
    moved.textContent = "";
    result.moved.forEach(function (m) {
      var tr = doc.createElement("tr");
      var th = make(doc, "th", "", m.number + " " + m.criterion.title + (m.flagged ? " (wording changed)" : ""));
      th.scope = "row";
      tr.appendChild(th);
      [answerName(m.from), answerName(m.to), movedText(m)].forEach(function (text) {
        tr.appendChild(make(doc, "td", "", text));
      });
      moved.appendChild(tr);
    });
    byId("cif-moved-none").hidden = result.moved.length > 0;
    byId("cif-moved-wrap").hidden = result.moved.length === 0;

    var panel = byId("cif-compare-results");
    panel.hidden = false;
    drawCompareChart(result, printWidth);
    if (moveFocus) panel.focus();
  }

  function drawCompareChart(result, printWidth) {
    var holder = byId("cif-compare-chart");
    var width = printWidth || holder.clientWidth || 640;
    var svg = drawComparison(doc, {
      width: width,
      compact: Boolean(printWidth),
      levels: levels,
      label:
        "Bar chart of the score of each dimension then and now, on the scale 1 to " +
        levels.length +
        ", with targets. The table below gives the same figures.",
      rows: result.dimensions.map(function (row) {
        return {
          label: row.dimension.number + ". " + row.dimension.title,
          then: row.then.score,
          now: row.now.score,
          thenText: "Then: " + scoreText(row.then),
          nowText: "Now: " + scoreText(row.now),
          target: row.target,
        };
      }),
    });
    holder.textContent = "";
    holder.appendChild(svg);
  }

  /* ---- Action plan ---- */

  function renderPlan() {
    var assessment = ctx.getAssessment();
    byId("cif-plan-print-title").textContent = "Action plan: " + nameOf(assessment);
    byId("cif-plan-print-meta").textContent = [assessment.authority, assessment.date, info.framework.shortTitle + ", version " + info.framework.version]
      .filter(Boolean)
      .join(" \u00b7 ");
    var generated = plan.generate(info, assessment);
    var signature = assessment.id + "|" + plan.signature(generated);
    if (signature === planSignature) return;
    planSignature = signature;
    var holder = byId("cif-plan-body");
    holder.textContent = "";
    var items = 0;
    generated.sections.forEach(function (section) {
      var d = section.dimension;
      var block = make(doc, "section", "cif-plan__section");
      block.setAttribute("aria-labelledby", "plan-" + d.id);
      var heading = make(doc, "h3", "", d.number + ". " + d.title);
      heading.id = "plan-" + d.id;
      block.appendChild(heading);
      block.appendChild(
        make(
          doc,
          "p",
          "cif-plan__status",
          "Now " + ctx.levelName(section.result.level) + " (score " + scoring.formatScore(section.result.score) + "). Target " + ctx.levelName(section.result.target) + "."
        )
      );
      section.items.forEach(function (item) {
        items += 1;
        block.appendChild(planItem(assessment, item));
      });
      holder.appendChild(block);
    });
    var messages = [];
    if (!generated.sections.length) {
      if (generated.atTarget) messages.push("Every dimension with a target has reached it. Set higher targets to plan further improvement.");
      else messages.push("Set a target level for a dimension, and answer its criteria, to see what to work towards.");
    }
    if (generated.waiting.length) {
      messages.push(
        "Answer the criteria for " +
          generated.waiting
            .map(function (d) {
              return d.number + ". " + d.title;
            })
            .join(", ") +
          " to add " +
          (generated.waiting.length === 1 ? "it" : "them") +
          " to the plan."
      );
    }
    messages.forEach(function (text) {
      holder.appendChild(make(doc, "p", "cif-plan__message", text));
    });
    byId("cif-export-plan").hidden = items === 0;
    byId("cif-print-plan").hidden = items === 0;
  }

  var FIELD_LABELS = { action: "Action", owner: "Owner", due: "Due date" };

  function planItem(assessment, item) {
    var id = item.criterion.id;
    var box = make(doc, "div", "cif-plan__item");
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "plan-item-" + id);
    var title = make(doc, "h4", "cif-plan__title", item.number + " " + item.criterion.title);
    title.id = "plan-item-" + id;
    box.appendChild(title);
    box.appendChild(
      make(doc, "p", "cif-plan__step", "From " + levels[item.from - 1].label + " to " + levels[item.to - 1].label + ". Work towards:")
    );
    box.appendChild(make(doc, "blockquote", "cif-plan__descriptor", item.descriptor));
    var fields = make(doc, "div", "cif-plan__fields");
    ["action", "owner", "due"].forEach(function (field) {
      var wrap = make(doc, "div", "cif-field cif-plan__field cif-plan__field--" + field);
      var inputId = "plan-" + field + "-" + id;
      var label = make(doc, "label", "cif-label", FIELD_LABELS[field]);
      label.htmlFor = inputId;
      label.appendChild(hiddenText(doc, " for " + item.number + " " + item.criterion.title));
      wrap.appendChild(label);
      var input;
      if (field === "action") {
        input = make(doc, "textarea", "cif-textarea");
        input.rows = 3;
        input.maxLength = 20000;
      } else {
        input = make(doc, "input", "cif-input" + (field === "due" ? " cif-input--date" : ""));
        input.type = field === "due" ? "date" : "text";
        input.maxLength = field === "due" ? 10 : 300;
        if (field === "owner") input.autocomplete = "off";
      }
      input.id = inputId;
      input.setAttribute("data-plan-for", id);
      input.setAttribute("data-plan-field", field);
      input.value = model.planField(assessment, id, field);
      wrap.appendChild(input);
      // What prints in place of the field, kept up to date as the person types.
      var printed = make(doc, "p", "cif-plan__printed");
      printed.setAttribute("data-plan-print", field + "-" + id);
      printed.setAttribute("aria-hidden", "true");
      setPrinted(printed, field, input.value);
      wrap.appendChild(printed);
      fields.appendChild(wrap);
    });
    box.appendChild(fields);
    return box;
  }

  function setPrinted(node, field, value) {
    node.textContent = FIELD_LABELS[field] + ": " + (field === "due" && value ? longDate(value) : value || "\u2013");
  }

  function onPlanInput(event) {
    var target = event.target;
    if (!target.hasAttribute || !target.hasAttribute("data-plan-for")) return;
    var id = target.getAttribute("data-plan-for");
    var field = target.getAttribute("data-plan-field");
    model.setPlanField(info, ctx.getAssessment(), id, field, target.value);
    var printed = ctx.page.querySelector('[data-plan-print="' + field + "-" + id + '"]');
    if (printed) setPrinted(printed, field, target.value);
    ctx.changed();
  }

  function exportPlan() {
    ctx.withMore(downloadPlan);
  }

  function downloadPlan() {
    var assessment = ctx.getAssessment();
    var name = later().transfer.fileName(assessment, "csv").replace(/\.csv$/, "-action-plan.csv");
    ctx.download(plan.exportCsv(info, assessment), name, "text/csv;charset=utf-8");
    ctx.announce("Your action plan has been downloaded as the spreadsheet file " + name + ".");
  }

  /* ---- Events ---- */

  function onClick(event) {
    var node = event.target.closest("button, a[data-rename]");
    if (!node) return;
    if (node.hasAttribute("data-rename")) {
      event.preventDefault();
      byId("cif-name").focus();
      return;
    }
    if (node.hasAttribute("data-open-assessment")) {
      openSaved(node.getAttribute("data-open-assessment"));
      return;
    }
    var actions = {
      "cif-new": newAssessment,
      "cif-duplicate": duplicateAssessment,
      "cif-delete": openDelete,
      "cif-delete-cancel": closeDelete,
      "cif-delete-confirm": deleteAssessment,
      "cif-delete-export": function () {
        ctx.withMore(function () {
          var a = ctx.getAssessment();
          var name = later().transfer.fileName(a, "json");
          ctx.download(later().transfer.exportJson(info, a), name, "application/json");
          ctx.announce(quoted(nameOf(a)) + " has been exported to the file " + name + ".");
        });
      },
      "cif-compare": startCompare,
      "cif-print-compare": function () {
        if (comparedWith) showComparison(false, chartPrintWidth());
        ctx.printAs("progress");
      },
      "cif-print-plan": function () {
        ctx.printAs("plan");
      },
      "cif-export-plan": exportPlan,
    };
    if (Object.prototype.hasOwnProperty.call(actions, node.id)) actions[node.id]();
  }

  function onChange(event) {
    if (event.target.id === "cif-compare-with") {
      byId("cif-compare-file-field").hidden = event.target.value !== "file";
    }
  }

  function beforePrint() {
    if (comparedWith && !byId("cif-compare-results").hidden) showComparison(false, chartPrintWidth());
  }

  function afterPrint() {
    if (comparedWith && !byId("cif-compare-results").hidden) showComparison(false);
  }

  ctx.page.addEventListener("click", onClick);
  ctx.page.addEventListener("input", onPlanInput);
  ctx.page.addEventListener("change", onChange);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  byId("cif-delete-dialog").addEventListener("close", function () {
    if (doc.activeElement === doc.body) byId("cif-delete").focus();
  });

  return {
    refresh: function () {
      var current = ctx.getAssessment();
      var list = everyAssessment();
      renderLibrary(list);
      renderCompareChoices(list);
      renderPlan();
      if (shownId !== current.id) {
        shownId = current.id;
        comparedWith = null;
        byId("cif-compare-results").hidden = true;
      } else if (comparedWith) showComparison(false);
    },
    stop: function () {
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    },
  };
}

export { attach, drawComparison };
