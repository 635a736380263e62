/* Zhudu (注读): glossary tooltips on tap, and editor's notes that open and close.
   Glossary marks are <button class="zd-gloss" title>: Material (content.tooltips) shows the title on hover
   and focus; a tap focuses the button (Safari does not focus buttons on click), Escape closes.
   Editor's notes: <button class="zd-anno-marker" aria-expanded aria-controls> + <span class="zd-anno-note">.
   On wide screens the notes start open in the margin; on narrow ones they start closed and open in place.
   Event handlers are delegated once; setup() re-syncs after each of Material's instant page swaps.
   The glossary page keeps a term named in the URL in view while the entries above it are laid out. */
(function () {
  "use strict";
  document.documentElement.classList.add("zd-anno-js");
  var wide = window.matchMedia("(min-width: 60em)");

  function markers() { return document.querySelectorAll(".zd-anno-marker"); }
  function setOpen(marker, open) { marker.setAttribute("aria-expanded", open ? "true" : "false"); }

  /* Glossary entries far off screen are not laid out (content-visibility), so their heights are
     estimates until drawn, and a page Material swaps in has no remembered heights at all. So the
     entries drawn above a term move it after the page is scrolled to it, even under the header,
     and an offset Material restores from history (measured with other heights) lands elsewhere.
     On the glossary a term named in the URL wins: keep it where its anchor puts it until it has
     stayed put for a moment or the reader scrolls. */
  var INPUT = ["wheel", "touchstart", "keydown", "pointerdown"];
  var holding = null;
  function idInUrl() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ""; }  // a malformed %-escape
  }
  function holdTerm() {
    if (holding) holding();
    var id = idInUrl();
    var term = id && document.getElementById(id);
    var entry = term && term.nextElementSibling;  // a term's heading is followed by its entry
    if (!entry || !entry.classList.contains("zd-gloss-entry")) return;
    var start = performance.now(), placed = 0, since = 0;
    function stop() {
      if (holding === stop) holding = null;
      INPUT.forEach(function (type) { window.removeEventListener(type, stop, { capture: true }); });
    }
    holding = stop;
    INPUT.forEach(function (type) { window.addEventListener(type, stop, { capture: true, passive: true }); });
    function check(now) {
      if (holding !== stop) return;  // stopped, or another hold took over
      if (idInUrl() !== id || !term.isConnected || now - start > 5000) return stop();
      var off = term.getBoundingClientRect().top - (parseFloat(getComputedStyle(term).scrollMarginTop) || 0);
      var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1;
      if (Math.abs(off) <= 1 || (off > 0 && atEnd)) {
        // In place: done once it has stayed so for several frames and half a second.
        if (!placed++) since = now;
        if (placed >= 5 && now - since >= 500) return stop();
      } else {
        placed = 0;
        term.scrollIntoView();
      }
      requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  }
  window.addEventListener("hashchange", holdTerm);

  function setup() {
    var list = markers();
    for (var i = 0; i < list.length; i++) setOpen(list[i], wide.matches);
    holdTerm();
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
