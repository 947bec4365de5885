/* worksheet.js: shows the worksheets' "Print" buttons (they need script) and makes them open the
 * print dialog. */
import { onEveryPage } from "../ui/dom.mjs";

onEveryPage(() => {
  document.querySelectorAll("[data-fw-print]").forEach((element) => {
    const button = /** @type {HTMLElement} */ (element);
    const controls = /** @type {HTMLElement | null} */ (button.closest(".fw-print-controls"));
    if (controls) controls.hidden = false;
    if (button.dataset.fwReady) return;
    button.dataset.fwReady = "true";
    button.addEventListener("click", () => window.print());
  });
});
