// The one loader for code a page loads on first use (ui/loader.mjs): the "more" bundle's script is
// added once, load resolves with what the bundle registered, and a failed load says what to do and
// is tried again next time. The document is a small stand-in: the loader uses no more of it.
import test from "node:test";
import assert from "node:assert/strict";
import { NOT_LOADED, load, loaded, register } from "../../plugins/mkdocs_framework/js/ui/loader.mjs";

/** A document whose scripts "load" as the network says: ok registers the modules, else an error. */
function page(network) {
  const doc = new EventTarget();
  const scripts = [];
  doc.baseURI = "file:///site/assess/report.html";
  doc.getElementById = (id) => (id === "cif-framework" ? { getAttribute: (name) => (name === "data-more" ? "../assets/more.js" : null) } : null);
  doc.createElement = () => ({ remove() { scripts.splice(scripts.indexOf(this), 1); } });
  doc.head = {
    appendChild(script) {
      scripts.push(script);
      queueMicrotask(() => {
        const ok = network.shift();
        if (ok) register(ok.name, ok.modules, doc);
        (ok ? script.onload : script.onerror)();
      });
    },
  };
  return { doc, scripts };
}

test("the bundle is added once, from data-more, and load resolves with what it registered", async () => {
  const modules = { docx: () => "a Word file" };
  const { doc, scripts } = page([{ name: "assess-report-more", modules }]);
  const [a, b] = await Promise.all([load("assess-report-more", doc), load("assess-report-more", doc)]);
  assert.equal(a, modules);
  assert.equal(b, modules);
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0].src, "file:///site/assets/more.js");
  assert.equal(loaded("assess-report-more"), modules);
  assert.equal(await load("assess-report-more", doc), modules);
  assert.equal(scripts.length, 1, "a later load adds no script");
});

test("a bundle that cannot be loaded says what to do, leaves no script, and is tried again", async () => {
  const modules = { combinedCsv: () => "" };
  const { doc, scripts } = page([null, { name: "assess-group-more", modules }]);
  await assert.rejects(load("assess-group-more", doc), { message: NOT_LOADED });
  assert.equal(scripts.length, 0);
  assert.equal(loaded("assess-group-more"), null);
  assert.equal(await load("assess-group-more", doc), modules);
  assert.equal(scripts.length, 1);
});
