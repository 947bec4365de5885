/* Self-assessment: keeping assessments in the browser's localStorage. No DOM here.
 *
 * Two keys, exactly as the privacy notice lists them:
 *   cif:<framework id>:assessments  {schemaVersion: 1, assessments: {<assessment id>: assessment}}
 *   cif:<framework id>:settings     {schemaVersion: 1, currentAssessment: <assessment id>}
 * Several assessments have always been kept under the first key, so keeping several on one device
 * needs no change of shape: data saved by earlier versions of the site (one assessment, no action
 * plan) is read as it is, and model.restore() fills in what it lacks.
 * Every call reports failure instead of throwing, because storage can be blocked (site data
 * turned off), full, or unavailable in some private modes, and the form must keep working.
 */

import { isPlainObject } from "./util.mjs";

var SCHEMA_VERSION = 1;

function keys(frameworkId) {
  return {
    assessments: "cif:" + frameworkId + ":assessments",
    settings: "cif:" + frameworkId + ":settings",
  };
}

/* "full", "blocked" or "failed": what went wrong, in terms a message can explain. */
function reason(error) {
  var name = error && error.name;
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || (error && error.code === 22)) {
    return "full";
  }
  if (name === "SecurityError") return "blocked";
  return "failed";
}

/* Like reason(), but data we could not read is "unreadable". */
function readProblem(error) {
  if (error instanceof SyntaxError || (error && error.message === "unreadable")) return "unreadable";
  return reason(error);
}

/* getStorage is a function so that merely touching window.localStorage (which throws when site
 * data is blocked) happens inside our try blocks. */
function createStore(getStorage, frameworkId) {
  var names = keys(frameworkId);

  function read(key) {
    var text = getStorage().getItem(key);
    if (text === null) return null;
    var value = JSON.parse(text);
    if (!isPlainObject(value) || value.schemaVersion !== SCHEMA_VERSION) throw new Error("unreadable");
    return value;
  }

  /* Returns {ok, assessment (or null when none is saved), error?}. */
  function loadCurrent() {
    try {
      var settings = read(names.settings);
      var store = read(names.assessments);
      var all = store && isPlainObject(store.assessments) ? store.assessments : {};
      var id = settings && typeof settings.currentAssessment === "string" ? settings.currentAssessment : null;
      var found = id && Object.prototype.hasOwnProperty.call(all, id) ? all[id] : null;
      return { ok: true, assessment: isPlainObject(found) ? found : null };
    } catch (error) {
      return { ok: false, assessment: null, error: error instanceof SyntaxError ? "unreadable" : reason(error) };
    }
  }

  /* Every assessment on the device, most recently changed first, and the id of the open one.
   * Returns {ok, assessments: [raw assessment], currentId (or null), error?}. Each record's id is
   * the key it is stored under. */
  function loadAll() {
    try {
      var settings;
      try {
        settings = read(names.settings);
      } catch (unreadableSettings) {
        settings = null;
      }
      var store = read(names.assessments);
      var all = store && isPlainObject(store.assessments) ? store.assessments : {};
      var list = Object.keys(all)
        .filter(function (id) {
          return isPlainObject(all[id]) && id !== "__proto__";
        })
        .map(function (id) {
          var record = Object.assign({}, all[id]);
          record.id = id;
          return record;
        });
      list.sort(function (a, b) {
        var x = typeof a.updated === "string" ? a.updated : "";
        var y = typeof b.updated === "string" ? b.updated : "";
        return x < y ? 1 : x > y ? -1 : 0;
      });
      var id = settings && typeof settings.currentAssessment === "string" ? settings.currentAssessment : null;
      return { ok: true, assessments: list, currentId: id };
    } catch (error) {
      return { ok: false, assessments: [], currentId: null, error: error instanceof SyntaxError ? "unreadable" : reason(error) };
    }
  }

  /* Makes a saved assessment the open one, without changing it. */
  function select(assessmentId) {
    try {
      getStorage().setItem(names.settings, JSON.stringify({ schemaVersion: SCHEMA_VERSION, currentAssessment: assessmentId }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: reason(error) };
    }
  }

  /* Saves one assessment beside any others already on the device, and makes it the open one. */
  function save(assessment) {
    try {
      var storage = getStorage();
      // Saved data this version cannot read (damaged, or written by a newer version of the site) is
      // never written over: the person is told, and can export what they have in the form.
      var store = read(names.assessments);
      if (!store || !isPlainObject(store.assessments)) store = { schemaVersion: SCHEMA_VERSION, assessments: {} };
      store.assessments[assessment.id] = assessment;
      storage.setItem(names.assessments, JSON.stringify(store));
      storage.setItem(names.settings, JSON.stringify({ schemaVersion: SCHEMA_VERSION, currentAssessment: assessment.id }));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: readProblem(error) };
    }
  }

  /* Deletes one assessment; removes our keys entirely when nothing is left. */
  function remove(assessmentId) {
    try {
      var storage = getStorage();
      var store = read(names.assessments); // unreadable data throws: never delete what we cannot read
      var all = store && isPlainObject(store.assessments) ? store.assessments : {};
      delete all[assessmentId];
      if (Object.keys(all).length) {
        storage.setItem(names.assessments, JSON.stringify({ schemaVersion: SCHEMA_VERSION, assessments: all }));
      } else {
        storage.removeItem(names.assessments);
      }
      storage.removeItem(names.settings);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: readProblem(error) };
    }
  }

  return { keys: names, loadCurrent: loadCurrent, loadAll: loadAll, select: select, save: save, remove: remove };
}


export { SCHEMA_VERSION, keys, reason, createStore };
