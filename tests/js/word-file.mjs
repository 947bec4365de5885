/* Reading back a Word file the browser's scripts made (core/docx.mjs), for the Node tests: its
 * parts by name, and the text a reader sees in its body. The files are stored or deflated. */
import assert from "node:assert/strict";
import { inflateRawSync } from "node:zlib";
import { crc32 } from "../../plugins/mkdocs_framework/js/core/docx-zip.mjs";

/** A .docx's parts, by name, as text (a .png as bytes), each checked against its CRC-32. @param {Uint8Array} bytes @returns {Record<string, any>} */
export function unzip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** @type {Record<string, any>} */
  const files = {};
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    let data = bytes.subarray(start, start + size);
    if (view.getUint16(at + 8, true) === 8) data = inflateRawSync(data);
    assert.equal(crc32(data), view.getUint32(at + 14, true), `CRC of ${name}`);
    files[name] = name.endsWith(".png") ? data : new TextDecoder().decode(data);
    at = start + size;
  }
  return files;
}

/** The text of a .docx's body, its runs joined by spaces, XML's escapes undone. @param {Uint8Array} bytes */
export function wordText(bytes) {
  const xml = unzip(bytes)["word/document.xml"];
  const runs = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
  return runs.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
