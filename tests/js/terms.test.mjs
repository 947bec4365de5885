import test from "node:test";
import assert from "node:assert/strict";
import { capitalise, dimensionName, noteFields, terms } from "../../plugins/mkdocs_framework/js/core/terms.mjs";
import * as model from "../../plugins/mkdocs_framework/js/core/model.mjs";
import WORDS from "../../plugins/mkdocs_framework/templates/words.json" with { type: "json" };

test("a framework's own words are used, and the neutral ones fill any gap", () => {
  /** @type {Parameters<typeof terms>[0] & Parameters<typeof noteFields>[0] & {title: string}} */
  const plain = { title: "T" };
  assert.equal(terms(plain).organisation, "organisation");
  assert.equal(terms(plain).people, "anyone");
  const own = terms({ ...plain, terms: { organisation: "authority", organisations: "authorities" } });
  assert.equal(own.organisation, "authority");
  assert.equal(own.organisationLabel, "Organisation");
  assert.equal(capitalise(own.organisation), "Authority");
  assert.deepEqual(noteFields(plain).map((field) => field.column), ["Evidence notes", "Views"]);
  assert.deepEqual(noteFields({ ...plain, notes: [] }), []);
});

test("the neutral words are the ones words.json gives the plugin's Python too", () => {
  assert.deepEqual(terms({}), WORDS.neutral.terms);
  assert.deepEqual(noteFields({}), WORDS.neutral.notes);
});

test("a dimension is named with its number and the name the page data gives", () => {
  assert.equal(dimensionName({ number: 3, name: "Culture (Skills)" }), "3. Culture (Skills)");
  assert.equal(model.dimensionName, dimensionName);
});
