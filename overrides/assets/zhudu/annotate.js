/* Zhudu (注读): glossary tooltips on tap, and editor's notes that open and close.
   Glossary marks are <button class="zd-gloss" title>: Material (content.tooltips) shows the title on hover
   and focus; a tap focuses the button (Safari does not focus buttons on click), Escape closes.
   Editor's notes: <button class="zd-anno-marker" aria-expanded aria-controls> + <span class="zd-anno-note">.
   On wide screens the notes start open in the margin; on narrow ones they start closed and open in place.
   Event handlers are delegated once; setup() re-syncs after each of Material's instant page swaps. */
(function () {
  "use strict";
  document.documentElement.classList.add("zd-anno-js");
  var wide = window.matchMedia("(min-width: 60em)");

  function markers() { return document.querySelectorAll(".zd-anno-marker"); }
  function setOpen(marker, open) { marker.setAttribute("aria-expanded", open ? "true" : "false"); }

  function setup() {
    var list = markers();
    for (var i = 0; i < list.length; i++) setOpen(list[i], wide.matches);
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var marker = target.closest(".zd-anno-marker");
    if (marker) {
      setOpen(marker, marker.getAttribute("aria-expanded") !== "true");
      marker.focus();
      return;
    }
    var term = target.closest("button.zd-gloss");
    if (term && document.activeElement !== term) term.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var active = document.activeElement;
    if (!(active instanceof Element)) return;
    var anno = active.closest(".zd-anno");
    if (anno) {
      var marker = anno.querySelector(".zd-anno-marker");
      if (marker && marker.getAttribute("aria-expanded") === "true") {
        setOpen(marker, false);
        marker.focus();
        event.preventDefault();
      }
      return;
    }
    if (active.matches("button.zd-gloss")) active.blur();
  });

  if (wide.addEventListener) wide.addEventListener("change", setup);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
