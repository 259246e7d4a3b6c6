/* The search page: Pagefind's UI over the index `rezident build` wrote
   into pagefind/. Browsers refuse it on file:// pages, so say so there. */
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("search");
    if (!box) return;
    if (window.location.protocol === "file:" || typeof window.PagefindUI !== "function") {
      var notice = document.querySelector(".file-notice");
      if (notice) notice.hidden = false;
      if (typeof window.PagefindUI !== "function") return;
    }
    new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      resetStyles: false
    });
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q");
    if (query) {
      var input = box.querySelector("input");
      if (input) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
