/* The HTML edition's few behaviours. Without JavaScript every page still
   works: the reading text is shown, the view switch works through CSS,
   note references are plain links to the notes list. */
(function () {
  "use strict";
  var root = document.documentElement;

  /* ---- view switch: remembered across pages ---- */
  function applyView(view) {
    root.classList.toggle("view-diplomatic", view === "diplomatic");
  }
  function setupViewSwitch() {
    var radios = document.querySelectorAll('input[name="view"]');
    if (!radios.length) return;
    var stored = null;
    try { stored = window.localStorage.getItem("rezident-view"); } catch (e) { /* private mode */ }
    radios.forEach(function (radio) {
      if (stored && radio.value === stored) radio.checked = true;
      radio.addEventListener("change", function () {
        if (!radio.checked) return;
        applyView(radio.value);
        try { window.localStorage.setItem("rezident-view", radio.value); } catch (e) { /* ignore */ }
      });
    });
    var checked = document.querySelector('input[name="view"]:checked');
    applyView(checked ? checked.value : "reading");
  }

  /* ---- note pop-ups: open on activation, close with Escape ---- */
  var popup = null;
  var opener = null;

  function closePopup(restoreFocus) {
    if (!popup) return;
    popup.remove();
    popup = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (restoreFocus) opener.focus();
    }
    opener = null;
  }

  function openPopup(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var note = document.getElementById(id);
    if (!note) return false;
    closePopup(false);
    var body = note.querySelector(".note-body") || note;
    var label = note.querySelector(".note-label");
    popup = document.createElement("div");
    popup.className = "note-popup";
    popup.id = "note-popup";
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", link.getAttribute("aria-label") || "Note");
    popup.tabIndex = -1;

    var head = document.createElement("div");
    head.className = "popup-head";
    var title = document.createElement("span");
    title.textContent = (link.getAttribute("aria-label") || "Note");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "popup-close";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close the note");
    close.addEventListener("click", function () { closePopup(true); });
    head.appendChild(title);
    head.appendChild(close);

    var content = body.cloneNode(true);
    content.removeAttribute("id");
    content.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    content.querySelectorAll(".backlink").forEach(function (el) { el.remove(); });

    var foot = document.createElement("p");
    foot.className = "popup-foot";
    var go = document.createElement("a");
    go.href = "#" + id;
    go.textContent = "Go to the note in the list" + (label ? " (" + label.textContent + ")" : "");
    go.addEventListener("click", function () { closePopup(false); });
    foot.appendChild(go);

    popup.appendChild(head);
    popup.appendChild(content);
    popup.appendChild(foot);
    document.body.appendChild(popup);

    var r = link.getBoundingClientRect();
    var left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8);
    popup.style.left = Math.max(8, left) + "px";
    popup.style.top = (r.bottom + window.scrollY + 6) + "px";

    opener = link;
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", "note-popup");
    close.focus();
    return true;
  }

  function setupNotes() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.noteref");
      if (link) {
        if (openPopup(link)) event.preventDefault();
        return;
      }
      if (popup && !popup.contains(event.target)) closePopup(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      if (popup) {
        closePopup(true);
        event.preventDefault();
        return;
      }
      /* WCAG 1.4.13: explanations shown on hover or focus can be dismissed */
      root.classList.add("tips-dismissed");
    });
    document.addEventListener("focusin", function (event) {
      root.classList.remove("tips-dismissed");
      if (popup && !popup.contains(event.target) && event.target !== opener) closePopup(false);
    });
    document.addEventListener("mouseover", function () { root.classList.remove("tips-dismissed"); }, { passive: true });
  }

  function start() {
    setupViewSwitch();
    setupNotes();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
