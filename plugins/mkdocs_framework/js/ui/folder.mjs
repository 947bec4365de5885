/* "Open a folder of exports", for the team view and the group page: where the browser can open a
 * folder (showDirectoryPicker: Edge, Chrome), a button beside the page's file chooser reads every
 * .json file in the folder the person picks and hands them to that chooser as if chosen there, so
 * the page reads them through its own file-reading path and nothing else. A team can keep one file
 * per person in a shared folder (the form keeps each one up to date: form/file-keep.mjs). Where the
 * browser cannot, nothing is added: choosing several files at once still works.
 */

import { make, sentence } from "./dom.mjs";

/** Every .json file in the folder (not in folders inside it), by name. @param {any} folder
 * @returns {Promise<File[]>} */
async function exportsIn(folder) {
  const files = [];
  for await (const entry of folder.values()) {
    if (entry.kind === "file" && /\.json$/i.test(entry.name)) files.push(await entry.getFile());
  }
  return files.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Adds the button after the file chooser with this id, on this page. @param {Document} doc @param {string} inputId */
export function offerFolder(doc, inputId) {
  const win = /** @type {any} */ (doc.defaultView);
  const input = /** @type {HTMLInputElement | null} */ (doc.getElementById(inputId));
  if (!input || typeof win.showDirectoryPicker !== "function" || input.hasAttribute("data-cif-folder")) return;
  input.setAttribute("data-cif-folder", "");
  const button = make(doc, "button", "md-button cif-button", "Open a folder of exports");
  button.type = "button";
  const said = make(doc, "p", "cif-hint");
  said.setAttribute("role", "status");
  const line = make(doc, "p");
  line.append(button);
  input.after(line, said);
  button.addEventListener("click", () => {
    win.showDirectoryPicker().then(
      async (/** @type {any} */ folder) => {
        const files = await exportsIn(folder).catch(() => null);
        if (!files) return sentence(said, "The folder ", [folder.name], " could not be read. Choose it again.");
        if (!files.length) return sentence(said, "The folder ", [folder.name], " has no exported files (.json) in it. Choose the folder they were saved in.");
        sentence(said, `Reading ${files.length === 1 ? "1 file" : `${files.length} files`} from the folder `, [folder.name], ".");
        const chosen = new DataTransfer();
        files.forEach((file) => chosen.items.add(file));
        input.files = chosen.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      },
      () => {} // the picker was closed: nothing changes
    );
  });
}
