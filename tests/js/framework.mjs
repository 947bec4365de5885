// A small framework in the shape the page embeds (see data.py), shared by the unit tests.
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
      title: "Purpose",
      theme: null,
      criteria: ["p1", "p2", "p3", "p4"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
    },
    {
      id: "voice",
      number: 2,
      title: "Voice",
      theme: null,
      criteria: ["v1", "v2"].map((id) => ({ id, title: `Criterion ${id}`, descriptors: [] })),
    },
  ],
};

function info() {
  return model.describe(JSON.parse(JSON.stringify(framework)));
}

/* A localStorage stand-in that keeps its items in a Map (exposed as items). */
function memoryStorage() {
  const items = new Map();
  return {
    items,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
}

export { framework, info, memoryStorage };
