// A small framework in the shape the page embeds (see data.py), shared by the unit tests.
import assert from "node:assert/strict";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";

const framework = {
  id: "test-framework",
  title: "Test framework",
  shortTitle: "Test framework",
  version: "1.0",
  status: "draft",
  scoring: { method: "mean" },
  levels: [
    { id: "emerging", label: "Emerging", meaning: "" },
    { id: "developing", label: "Developing", meaning: "" },
    { id: "established", label: "Established", meaning: "" },
    { id: "embedded", label: "Embedded", meaning: "" },
    { id: "leading", label: "Leading", meaning: "" },
  ],
  themes: [],
  dimensions: [
    {
      id: "purpose",
      number: 1,
      name: "Purpose",
      theme: null,
      criteria: ["p1", "p2", "p3", "p4"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
    },
    {
      id: "voice",
      number: 2,
      name: "Voice",
      theme: null,
      criteria: ["v1", "v2"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
    },
  ],
};

function info() {
  return model.describe(JSON.parse(JSON.stringify(framework)));
}

/** A localStorage stand-in that keeps its items in a Map (exposed as items); while `full` is true,
 * a write fails as it does in a browser whose storage is full.
 * @returns {Storage & {items: Map<string, string>, full: boolean}} */
function memoryStorage() {
  /** @type {Map<string, string>} */
  const items = new Map();
  return {
    items,
    full: false,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (this.full) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/** The value, which the test needs to be there: the test fails at once where it is missing.
 * @template T @param {T} value @param {string} [what] @returns {NonNullable<T>} */
function must(value, what = "the value") {
  if (value === null || value === undefined) throw new assert.AssertionError({ message: `${what} is missing` });
  return value;
}

export { framework, info, memoryStorage, must };
