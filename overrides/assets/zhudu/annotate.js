/* Zhudu (注读): glossary explanations in a card, and editor's notes that open and close.
   Glossary marks are <span class="zd-gloss" role="button" tabindex="0" title data-preview>: the card shows the title on hover,
   focus and tap, with a link to the term's entry in the glossary; Escape or a tap outside closes it.
   Editor's notes: <button class="zd-anno-marker" aria-expanded aria-controls> + <span class="zd-anno-note">.
   On wide screens the notes start open in the margin; on narrow ones, and in table cells, they start closed and open in place.
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
  /* The hold's corrections scroll the page up, which Material's "back to top" button takes for the reader
     scrolling up: it came up over the heading of the term the reader came for.  Kept out of sight
     (zhudu.css, zd-arrived) until the reader scrolls; a tap alone does not bring it. */
  var SCROLLING = ["wheel", "touchmove", "keydown"];
  function arrived(on) {
    var root = document.documentElement;
    SCROLLING.forEach(function (type) { window.removeEventListener(type, leave, { capture: true }); });
    root.classList.toggle("zd-arrived", on);
    if (on) SCROLLING.forEach(function (type) { window.addEventListener(type, leave, { capture: true, passive: true }); });
  }
  function leave() { arrived(false); }
  function holdTerm() {
    if (holding) holding();
    var id = idInUrl();
    var term = id && document.getElementById(id);
    var entry = term && term.nextElementSibling;  // a term's heading is followed by its entry
    arrived(!!(entry && entry.classList.contains("zd-gloss-entry")));
    if (!entry || !entry.classList.contains("zd-gloss-entry")) return;
    // The margin it has now: a variant switch's arrival (zhudu.js, keepPlace) gives the heading, for a
    // moment, the distance from the window's top the reader had it at; held there, not at 3.4rem.
    var margin = parseFloat(getComputedStyle(term).scrollMarginTop) || 0;
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
      var off = term.getBoundingClientRect().top - margin;
      var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1;
      if (Math.abs(off) <= 1 || (off > 0 && atEnd)) {
        // In place: done once it has stayed so for several frames and half a second.
        if (!placed++) since = now;
        if (placed >= 5 && now - since >= 500) return stop();
      } else {
        placed = 0;
        window.scrollBy(0, off);
      }
      requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  }
  window.addEventListener("hashchange", holdTerm);

  /* Wide screens: a margin note floats level with its marker, below the notes before it.  Where notes
     are dense that stack ran far below the markers (1,000 px) and past the end of the text, over the
     related notes.  A note that would start more than FOLD_LINES lines below its marker, or end below
     the text, is folded instead (zd-anno--in-place): closed, it opens under its line, as on a phone.
     One measurement of every note and marker, then the float stack is worked out, not re-laid out. */
  var FOLD_LINES = 6;
  function layoutMargin() {
    var body = document.querySelector(".zd-note__body");
    var annos = body ? body.querySelectorAll(".zd-anno:not(.zd-anno--inline)") : [];
    for (var i = 0; i < annos.length; i++) annos[i].classList.remove("zd-anno--in-place");
    if (!wide.matches || !annos.length) return;
    var limit = FOLD_LINES * (parseFloat(getComputedStyle(body).lineHeight) || 30);
    var end = body.getBoundingClientRect().bottom;
    var items = [];
    for (var k = 0; k < annos.length; k++) {
      var marker = annos[k].querySelector(".zd-anno-marker");
      var note = annos[k].querySelector(".zd-anno-note");
      if (!marker || !note || marker.getAttribute("aria-expanded") !== "true") continue;  // closed: no room taken
      var style = getComputedStyle(note);
      items.push({
        anno: annos[k], marker: marker, line: marker.getBoundingClientRect().top,
        height: note.getBoundingClientRect().height,
        before: parseFloat(style.marginTop) || 0, after: parseFloat(style.marginBottom) || 0
      });
    }
    var floor = -Infinity;  // the bottom of the stack of notes kept in the margin
    items.forEach(function (item) {
      var top = Math.max(item.line, floor) + item.before;
      if (top - item.line > limit || top + item.height > end) {
        item.anno.classList.add("zd-anno--in-place");
        setOpen(item.marker, false);
      } else {
        floor = top + item.height + item.after;
      }
    });
  }

  /* A click on a margin note's marker (a wide screen) brings the note into view and marks it: the note is
     already shown there, and a toggle hid it (and the next click brought it back).  A note folded in place,
     or in a table cell, and every note on a phone, opens and closes under its line. */
  function inMargin(marker) {
    var anno = marker.closest(".zd-anno");
    return wide.matches && !!anno && !anno.classList.contains("zd-anno--inline") && !anno.classList.contains("zd-anno--in-place");
  }
  function markNote(note) {
    var marked = document.querySelectorAll(".zd-anno-note--marked");
    for (var i = 0; i < marked.length; i++) if (marked[i] !== note) marked[i].classList.remove("zd-anno-note--marked");
    if (note) note.classList.add("zd-anno-note--marked");
  }
  function showInMargin(marker) {
    var note = document.getElementById(marker.getAttribute("aria-controls") || "");
    setOpen(marker, true);  // (closed with Escape: back in its place in the stack)
    if (!note) return;
    note.scrollIntoView({ block: "nearest" });
    markNote(note);
  }

  var laidOutWidth = 0;
  var mediaLoading = false;  // an image or embed of the note was still loading when the margin was laid out
  function openAndLayout() {
    var list = markers();
    // A table cell's note starts closed on every width: open in its cell it was a column of one or two
    // characters (zhudu.css opens it over the rows, the text's column wide).
    for (var i = 0; i < list.length; i++) setOpen(list[i], wide.matches && !list[i].closest(".zd-anno--inline"));
    laidOutWidth = window.innerWidth;
    mediaLoading = loadingMedia();
    layoutMargin();
  }
  function loadingMedia() {
    var body = document.querySelector(".zd-note__body");
    if (!body) return false;
    if (body.querySelector("iframe, video, object, embed")) return true;  // they have no "complete" to ask
    var images = body.getElementsByTagName("img");
    for (var i = 0; i < images.length; i++) if (!images[i].complete) return true;
    return false;
  }
  /* A search result opened at a passage (?h=terms#p-…) whose words are only in its editor's note: the note is
     opened (a phone folds every note; a wide screen some), or nothing the reader came for is in sight. */
  function openNoteOfSearchHit() {
    var wanted = new URLSearchParams(location.search).get("h");
    var passage = wanted && document.getElementById(idInUrl());
    if (!passage || !passage.querySelector(".zd-anno-note")) return;
    var terms = wanted.toLowerCase().split(/\s+/).filter(Boolean);
    function holds(text) { text = text.toLowerCase(); return terms.some(function (t) { return text.indexOf(t) >= 0; }); }
    var own = passage.cloneNode(true), parts = own.querySelectorAll(".zd-anno-note, .zd-anno-marker");
    for (var i = 0; i < parts.length; i++) parts[i].remove();
    if (holds(own.textContent)) return;
    var notes = passage.querySelectorAll(".zd-anno-note");
    for (var k = 0; k < notes.length; k++) {
      var marker = notes[k].id && document.querySelector('.zd-anno-marker[aria-controls="' + notes[k].id + '"]');
      if (marker && holds(notes[k].textContent)) setOpen(marker, true);
    }
  }
  function setup() {
    hideTip();
    openAndLayout();
    openNoteOfSearchHit();
    holdTerm();
  }
  /* A wider or narrower window moves the markers: lay the margin out afresh (a phone's toolbar
     changing the height does not). */
  var resizing = 0;
  window.addEventListener("resize", function () {
    if (resizing || window.innerWidth === laidOutWidth) return;
    resizing = requestAnimationFrame(function () { resizing = 0; openAndLayout(); });
  });
  /* Images placed after the margin was laid out moved the markers below them: lay it out again.  With every
     image already in (or none), nothing moved: a reload (mkdocs serve, after each save) is spared a second
     layout of the margin, about half of these scripts' work on a note page. */
  window.addEventListener("load", function () { if (wide.matches && mediaLoading) openAndLayout(); });

  /* ---- Glossary terms.  <span class="zd-gloss" role="button" tabindex="0" title data-preview> (a span wraps
     as text; a <button> never broke inside, a long term left a phone's line half empty): data-preview keeps Material's
     tooltip (small bold text, no link) off it; the title stays for readers without scripts.  The
     explanation opens in a card of body-sized text (.zd-gloss-tip) above the term's line, or below it
     when there is no room above, never over the line being read, with a link to the term's entry.
     Hover (a fine pointer) or keyboard focus shows it; a click or tap keeps it open until a click or
     tap outside, Escape, or another click on the term.  Tab from the open term reaches the link. */
  var hoverable = window.matchMedia("(hover: hover) and (pointer: fine)");
  var tip = null, tipTerm = null, tipHow = "", leaveTimer = 0, refocusing = false;
  function refocus(term) { refocusing = true; term.focus(); refocusing = false; }  // without reopening

  function tipLink() { return tip.querySelector(".zd-gloss-tip__link"); }
  function makeTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.className = "zd-gloss-tip";
    tip.id = "zd-gloss-tip";
    tip.hidden = true;
    var text = document.createElement("p");
    text.className = "zd-gloss-tip__text";
    text.id = "zd-gloss-tip-text";
    var link = document.createElement("a");
    link.className = "zd-gloss-tip__link";
    tip.appendChild(text);
    tip.appendChild(link);
    tip.addEventListener("mouseenter", function () { clearTimeout(leaveTimer); });
    tip.addEventListener("mouseleave", leaveSoon);
    tip.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" || !tipTerm) return;
      var term = tipTerm;
      if (event.shiftKey) event.preventDefault();  // back to the term
      else hideTip();  // on to what follows the term
      refocus(term);
    });
    document.body.appendChild(tip);
    return tip;
  }
  function placeTip(term) {
    // A term wrapped over two lines: above its first line, or below its last.
    var lines = term.getClientRects(), whole = term.getBoundingClientRect();
    var first = lines[0] || whole, last = lines[lines.length - 1] || whole;
    var r = {top: first.top, bottom: last.bottom, left: first.left, width: first.width};
    var w = tip.offsetWidth, h = tip.offsetHeight, gap = 6;
    var header = document.querySelector(".md-header");
    var top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    var y = r.top - gap - h >= top + gap ? r.top - gap - h : r.bottom + gap;
    var x = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), Math.max(8, document.documentElement.clientWidth - w - 8));
    tip.style.left = x + window.scrollX + "px";
    tip.style.top = y + window.scrollY + "px";
  }
  function showTip(term, how) {
    clearTimeout(leaveTimer);
    makeTip();
    if (tipTerm && tipTerm !== term) hideTip();
    var title = term.getAttribute("title");
    if (title !== null) { term.setAttribute("data-zd-title", title); term.removeAttribute("title"); }  // no native tooltip too
    tip.firstChild.textContent = term.getAttribute("data-zd-title") || "";
    // The page's own link is the last one: a note's markup, whatever classes it copies, comes before it.
    var homes = document.querySelectorAll("a.zd-gloss-home");
    var home = homes[homes.length - 1];
    var link = tipLink();
    link.hidden = !home;
    if (home) {
      var url = new URL(home.href);
      url.hash = term.getAttribute("data-zd-gloss") || "";
      link.href = url.href;
      link.textContent = home.textContent;
    }
    tipTerm = term;
    tipHow = how;
    term.setAttribute("aria-describedby", "zd-gloss-tip-text");
    term.setAttribute("aria-expanded", "true");
    tip.hidden = false;
    document.documentElement.classList.add("zd-tip-open");  // Material's "back to top" pill out of its way (zhudu.css)
    placeTip(term);
  }
  function hideTip() {
    clearTimeout(leaveTimer);
    if (tip) tip.hidden = true;
    document.documentElement.classList.remove("zd-tip-open");
    var term = tipTerm;
    tipTerm = null;
    tipHow = "";
    if (!term) return;
    term.removeAttribute("aria-describedby");
    term.setAttribute("aria-expanded", "false");
    var title = term.getAttribute("data-zd-title");
    if (title !== null) { term.setAttribute("title", title); term.removeAttribute("data-zd-title"); }
  }
  function leaveSoon() {
    clearTimeout(leaveTimer);
    if (tipHow === "hover") leaveTimer = setTimeout(hideTip, 300);  // time to reach the card's link
  }

  document.addEventListener("mouseover", function (event) {
    if (!hoverable.matches) return;
    var term = event.target instanceof Element ? event.target.closest(".zd-gloss") : null;
    if (!term) return;
    if (tipTerm === term) clearTimeout(leaveTimer);
    else if (tipHow !== "click") showTip(term, "hover");
  });
  document.addEventListener("mouseout", function (event) {
    var term = event.target instanceof Element ? event.target.closest(".zd-gloss") : null;
    if (term && term === tipTerm && !(event.relatedTarget instanceof Node && tip.contains(event.relatedTarget))) leaveSoon();
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target instanceof Element ? event.target.closest(".zd-gloss") : null;
    if (term && tipTerm !== term && !refocusing) showTip(term, "focus");
  });
  document.addEventListener("focusout", function (event) {
    if (!tipTerm || tipHow === "click") return;
    var next = event.relatedTarget;
    if (next instanceof Node && (tipTerm.contains(next) || (tip && tip.contains(next)))) return;
    if (event.target === tipTerm || (tip && tip.contains(event.target))) hideTip();
  });
  window.addEventListener("resize", function () { if (tipTerm) placeTip(tipTerm); });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var marker = target.closest(".zd-anno-marker");
    markNote(null);
    if (marker && inMargin(marker)) {
      showInMargin(marker);
      marker.focus();
    } else if (marker) {
      setOpen(marker, marker.getAttribute("aria-expanded") !== "true");
      marker.focus();
    }
    // A link to a page the site does not have (partials/zd-note-refs.html): a tap says so after it, in the line
    // (zhudu.css, as on hover); another tap, or one elsewhere, takes the words away.
    var dead = target.closest(".zd-deadlink");
    var opened = document.querySelectorAll(".zd-deadlink--open");
    for (var d = 0; d < opened.length; d++) if (opened[d] !== dead) opened[d].classList.remove("zd-deadlink--open");
    if (dead) dead.classList.toggle("zd-deadlink--open");
    var term = target.closest(".zd-gloss");
    if (term) {
      if (document.activeElement !== term) term.focus();  // Safari does not focus buttons on click
      if (tipTerm === term && tipHow === "click") hideTip();
      else showTip(term, "click");
      return;
    }
    if (tipTerm && !(tip && tip.contains(target))) hideTip();  // a click or tap outside closes it
  });

  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if ((event.key === "Enter" || event.key === " ") && active instanceof Element && active.matches(".zd-gloss")) {
      event.preventDefault();  // a button's keys (role="button"); Space would scroll the page
      active.click();
      return;
    }
    if (event.key === "Tab" && !event.shiftKey && tipTerm && active === tipTerm && tipLink() && !tipLink().hidden) {
      tipLink().focus();  // the card follows the term in the reading order
      event.preventDefault();
      return;
    }
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (tipTerm) {
      var term = tipTerm;
      hideTip();
      refocus(term);
      event.preventDefault();
      return;
    }
    if (!(active instanceof Element)) return;
    var anno = active.closest(".zd-anno");
    if (anno) {
      var marker = anno.querySelector(".zd-anno-marker");
      if (marker && marker.getAttribute("aria-expanded") === "true") {
        setOpen(marker, false);
        marker.focus();
        event.preventDefault();
      }
    }
  });

  if (wide.addEventListener) wide.addEventListener("change", setup);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
