import test from "node:test";
import assert from "node:assert/strict";
import { capitalise, dimensionName, noteFields, terms } from "../../plugins/mkdocs_framework/js/core/terms.mjs";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import WORDS from "../../plugins/mkdocs_framework/templates/words.json" with { type: "json" };

test("a framework's own words are used, and the neutral ones fill any gap", () => {
  assert.equal(terms({ title: "T" }).organisation, "organisation");
  assert.equal(terms({ title: "T" }).people, "anyone");
  const own = terms({ title: "T", terms: { organisation: "authority", organisations: "authorities" } });
  assert.equal(own.organisation, "authority");
  assert.equal(own.organisationLabel, "Organisation");
  assert.equal(capitalise(own.organisation), "Authority");
  assert.deepEqual(noteFields({ title: "T" }).map((field) => field.column), ["Evidence notes", "Views"]);
  assert.deepEqual(noteFields({ title: "T", notes: [] }), []);
});

test("the neutral words are the ones words.json gives the plugin's Python too", () => {
  assert.deepEqual(terms({}), WORDS.neutral.terms);
  assert.deepEqual(noteFields({}), WORDS.neutral.notes);
});

test("a dimension is named with its number and the title the page data gives", () => {
  assert.equal(dimensionName({ number: 3, title: "Culture (Skills)" }), "3. Culture (Skills)");
  assert.equal(model.dimensionName, dimensionName);
});
