/* Worksheets: show the "Print" buttons (they need script) and make them open the print dialog. */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("[data-fw-print]").forEach(function (button) {
      var controls = button.closest(".fw-print-controls");
      if (controls) controls.hidden = false;
      if (button.dataset.fwReady) return;
      button.dataset.fwReady = "true";
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
