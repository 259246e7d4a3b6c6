/* The search page. Served over HTTP(S) it runs Pagefind's UI on the index
   in pagefind/. Opened from files (file://), where browsers refuse
   Pagefind's requests, it searches pagefind/offline-index.js, a plain list
   of the documents' texts written beside the Pagefind index. */
(function () {
  "use strict";

  function load(tag, attributes, onload, onerror) {
    var element = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    element.onload = onload;
    element.onerror = onerror;
    document.head.appendChild(element);
  }

  function noIndex() {
    var notice = document.querySelector(".no-index");
    if (notice) notice.hidden = false;
  }

  function initialQuery() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  /* ---- Pagefind (served site) ---- */
  function startPagefind(box) {
    load("link", { rel: "stylesheet", href: "pagefind/pagefind-ui.css" });
    load("script", { src: "pagefind/pagefind-ui.js" }, function () {
      new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
      var query = initialQuery();
      var input = box.querySelector("input");
      if (query && input) {
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }, noIndex);
  }

  /* ---- offline search (file://) ---- */
  function normalize(text) {
    return text.normalize("NFC").toLocaleLowerCase();
  }

  function snippet(text, at, length) {
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + length + 120);
    return { before: (start > 0 ? "…" : "") + text.slice(start, at), match: text.slice(at, at + length),
             after: text.slice(at + length, end) + (end < text.length ? "…" : "") };
  }

  function startOffline(box) {
    load("script", { src: "pagefind/offline-index.js" }, function () {
      if (!Array.isArray(window.REZIDENT_OFFLINE_INDEX)) {
        var large = document.querySelector(".too-large");
        if (large) large.hidden = false;
        return;
      }
      var documents = window.REZIDENT_OFFLINE_INDEX.map(function (doc) {
        return { url: doc.url, title: doc.title, text: doc.text, folded: normalize(doc.text) };
      });
      var form = document.createElement("form");
      form.className = "offline-search";
      form.setAttribute("role", "search");
      var label = document.createElement("label");
      label.htmlFor = "offline-query";
      label.textContent = "Search the documents";
      var input = document.createElement("input");
      input.type = "search";
      input.id = "offline-query";
      input.name = "q";
      input.autocomplete = "off";
      var status = document.createElement("p");
      status.className = "offline-status";
      status.setAttribute("role", "status");
      var results = document.createElement("ol");
      results.className = "offline-results";
      form.appendChild(label);
      form.appendChild(input);
      box.appendChild(form);
      box.appendChild(status);
      box.appendChild(results);

      function run() {
        var words = normalize(input.value).split(/\s+/).filter(Boolean);
        results.textContent = "";
        if (!words.length) { status.textContent = ""; return; }
        var found = documents.filter(function (doc) {
          return words.every(function (word) { return doc.folded.indexOf(word) >= 0; });
        });
        status.textContent = found.length + (found.length === 1 ? " document" : " documents") + " found";
        found.slice(0, 100).forEach(function (doc) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = doc.url;
          link.className = "offline-result-link";
          link.textContent = doc.title;
          item.appendChild(link);
          var at = doc.folded.indexOf(words[0]);
          var part = snippet(doc.text, at, words[0].length);
          var p = document.createElement("p");
          var mark = document.createElement("mark");
          mark.textContent = part.match;
          p.appendChild(document.createTextNode(part.before));
          p.appendChild(mark);
          p.appendChild(document.createTextNode(part.after));
          item.appendChild(p);
          results.appendChild(item);
        });
      }
      form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
      input.addEventListener("input", run);
      input.value = initialQuery();
      run();
    }, noIndex);
  }

  function start() {
    var box = document.getElementById("search");
    if (!box) return;
    if (window.location.protocol === "file:") startOffline(box);
    else startPagefind(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
