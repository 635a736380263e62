/* Zhudu (注读): the reading experience — passage permalinks, quote links (text fragments),
   link previews, reading progress and "continue where you stopped", print endnotes.
   Subscribes to Material's document$ (instant navigation swaps pages without a reload);
   every setup step is idempotent. Reader-visible strings come from assets/zhudu/config.js
   (written by the build, converted per variant); nothing here writes text into the page itself. */
(function () {
  "use strict";

  var STORE_PREFIX = "zd-reading:";
  /* A passage: a paragraph, list item, quote or table row whose id is its anchor, "p-…" (or one whose
     author chose its id, marked data-zd-passage): annotate/passages.py, is_passage. */
  var PASSAGE = ":is([data-zd-passage], p[id^=\"p-\"], li[id^=\"p-\"], blockquote[id^=\"p-\"], tr[id^=\"p-\"])[id]";
  var finePointer = window.matchMedia ? window.matchMedia("(hover: hover) and (pointer: fine)") : null;

  // ------------------------------------------------------------------ helpers

  /* The variant's strings, in this order (partials/zd-reading.html), set by the shared config.js. */
  var KEYS = ["permalink", "quote", "passage", "copied", "copy-failed", "resume", "resume-go",
    "resume-dismiss", "preview", "endnotes", "themes", "progress"];
  function S(key) {
    var strings = window.zdReadingStrings || [];
    return (strings[KEYS.indexOf(key)] || "").trim();
  }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function read(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function forget(key) { try { localStorage.removeItem(key); } catch (e) { /* private mode */ } }
  function el(tag, cls, attrs) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function article() { return document.querySelector(".md-content article, .md-content .md-typeset"); }
  function noteArticle() { return document.querySelector("article.zd-note[data-zd-slug]"); }
  function passages(root) { return (root || document).querySelectorAll(".md-content " + PASSAGE); }
  function headerOffset() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }
  function pageUrl() { return location.origin + location.pathname + location.search; }

  /* A polite live region: "link copied" is announced to screen readers and shown briefly. */
  var toastTimer = 0;
  function announce(message) {
    var toast = document.querySelector(".zd-toast");
    if (!toast) {
      toast = el("div", "zd-toast", { role: "status", "aria-live": "polite" });
      document.body.appendChild(toast);
    }
    toast.textContent = message;
    toast.classList.add("zd-toast--on");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.classList.remove("zd-toast--on"); toast.textContent = ""; }, 2500);
  }

  function copy(text) {
    function legacy() {
      var area = el("textarea", "zd-sr-only", { readonly: "" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
    }
    var done = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text).catch(legacy)
      : legacy();
    return done.then(
      function () { announce(S("copied")); return true; },
      function () { announce(S("copy-failed")); return false; }
    );
  }

  // ------------------------------------------------------------------ permalinks

  /* Where a passage's link control goes: at the end of its first paragraph (a list item's
     own text, a quote's first paragraph, a table row's last cell), inline, so it never meets
     the margin markers of themes (inline-start) and editor's notes (inline-end). */
  function linkHost(passage) {
    if (passage.tagName === "TR") return atEnd(passage.cells[passage.cells.length - 1] || passage);
    for (var i = 0; i < passage.children.length; i++) {
      var child = passage.children[i];
      if (/^(P)$/.test(child.tagName)) return atEnd(child);
      /* An item that starts with a quote or a box (`- > [!tip] …`): in its first line (the quote's
         first paragraph, the box's title), which sits beside the bullet; before it, the link was a
         line of its own and put the bullet alone above the box. */
      var first = i === 0 && passage.tagName === "LI" && (child.tagName === "BLOCKQUOTE" || child.classList.contains("admonition"));
      var line = first && child.querySelector(":scope > p");
      if (line) return atEnd(line);
      if (/^(UL|OL|BLOCKQUOTE|DIV|TABLE|PRE|DL)$/.test(child.tagName)) return { parent: passage, before: child };
    }
    return atEnd(passage);
  }

  /* The end of a paragraph that ends in an embedded player's box (span.zd-embed, a block inside
     its line): a "#" after the box stood on a line of its own below it, so the paragraph grew by
     that line once this ran, and the text below jumped (24 Hexo documentation pages at 1280 px).
     There the link goes inside the box, after its address. */
  function atEnd(parent) {
    var last = parent.lastChild;
    while (last && last.nodeType === Node.TEXT_NODE && !last.data.trim()) last = last.previousSibling;
    var box = last && last.nodeType === Node.ELEMENT_NODE && last.classList.contains("zd-embed");
    return { parent: box ? last : parent, before: null };
  }

  function setupPermalinks() {
    var label = S("permalink");
    var nodes = passages();
    for (var i = 0; i < nodes.length; i++) {
      var passage = nodes[i];
      if (passage.querySelector(":scope > .zd-permalink, :scope > * > .zd-permalink, :scope > * > p > .zd-permalink, :scope > * > .zd-embed > .zd-permalink")) continue;
      var link = el("a", "zd-permalink", { href: "#" + passage.id, "aria-label": label, title: label, "data-zd-for": passage.id });
      var host = linkHost(passage);
      host.parent.insertBefore(link, host.before);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.zd-permalink");
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    var id = link.getAttribute("data-zd-for");
    history.replaceState(history.state, "", "#" + id);
    copy(pageUrl() + "#" + id);
  }, true);

  // ------------------------------------------------------------------ quote links (text fragments)

  /* Made when a reader first quotes: a Chinese word segmenter loads ICU's dictionary, which would
     cost every page load tens of milliseconds on a phone. */
  var segmenterMade = false, segmenterCache = null;
  function wordSegmenter() {
    if (!segmenterMade) {
      segmenterMade = true;
      segmenterCache = window.Intl && Intl.Segmenter
        ? new Intl.Segmenter(document.documentElement.lang || "zh", { granularity: "word" }) : null;
    }
    return segmenterCache;
  }
  var SHORT = 20;      // a quote shorter than this gets a prefix and suffix for context
  var LONG = 80;       // a quote longer than this is given as its start and end
  var EDGE = 12;       // characters of textStart/textEnd, prefix/suffix (before word snapping)

  function squash(text) { return text.replace(/\s+/g, " ").trim(); }

  /* Text fragment syntax reserves "-", "&" and ","; everything else is percent-encoded. */
  function encodeDirective(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D").replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  /* Word boundaries of a text (Chromium matches text fragments on word boundaries, and for
     Chinese those come from the same ICU segmentation Intl.Segmenter uses). */
  function boundaries(text) {
    var set = {0: true};
    set[text.length] = true;
    var segmenter = wordSegmenter();
    if (!segmenter) {
      for (var i = 0; i <= text.length; i++) set[i] = true;
      return set;
    }
    var it = segmenter.segment(text)[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) {
      set[step.value.index] = true;
      set[step.value.index + step.value.segment.length] = true;
    }
    return set;
  }

  /* Our own controls in a passage: never part of its text (theme markers and their panels among them). */
  var CONTROLS = ".zd-permalink, .zd-quotebar, .zd-endnote-ref, .zd-tm";

  /* A node's text as the browser's find sees it (our own controls have none); for display,
     screen-reader-only labels and editor's notes (a marker's number, a note's own words) are left
     out too. */
  function textOf(node, display) {
    var clone = node.cloneNode(true);
    var junk = clone.querySelectorAll(CONTROLS + (display ? ", .zd-sr-only, .zd-anno" : ""));
    for (var i = 0; i < junk.length; i++) junk[i].remove();
    return clone.textContent;
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0) { n++; at = haystack.indexOf(needle, at + 1); }
    return n;
  }

  /* The visible text of a passage as the browser's find-in-page sees it (hidden popovers and
     our own controls left out), with a way to turn a DOM boundary point into an offset. */
  function textMap(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest(CONTROLS)) return NodeFilter.FILTER_REJECT;
        if (parent.checkVisibility && !parent.checkVisibility()) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], text = "";
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node, start: text.length });
      text += node.data;
    }
    function offset(container, at) {
      var before = document.createRange();
      before.setStart(root, 0);
      before.setEnd(container, at);
      var n = 0;
      for (var i = 0; i < nodes.length; i++) {
        var t = nodes[i].node;
        if (t === container) return n + at;
        if (before.comparePoint(t, t.data.length) === 0) n += t.data.length;
        else break;
      }
      return n;
    }
    return { text: text, offset: offset };
  }

  /** The fragment "p-xxxx:~:text=…" for a selection inside the note, or the passage alone. */
  function quoteFragment(range) {
    var start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var end = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentElement;
    var first = start && start.closest(PASSAGE);
    var last = end && end.closest(PASSAGE);
    if (!first) return null;
    var anchor = first.id;
    var map = textMap(first), full = map.text, bounds = boundaries(full);
    var startAt = map.offset(range.startContainer, range.startOffset);
    while (startAt > 0 && !bounds[startAt]) startAt--;
    var directive;
    if (last && last !== first) {
      // Across passages: textStart,textEnd (one textStart cannot cross a block boundary).
      var lastMap = textMap(last), lastText = lastMap.text, lb = boundaries(lastText);
      var endAt = lastMap.offset(range.endContainer, range.endOffset);
      while (endAt < lastText.length && !lb[endAt]) endAt++;
      directive = encodeDirective(squash(snapEnd(full, startAt, startAt + EDGE, bounds))) + "," +
        encodeDirective(squash(snapStart(lastText, endAt - EDGE, endAt, lb)));
      return { anchor: anchor, directive: directive };
    }
    var stopAt = Math.min(full.length, map.offset(range.endContainer, range.endOffset));
    while (stopAt < full.length && !bounds[stopAt]) stopAt++;
    var quote = squash(full.slice(startAt, stopAt));
    if (!quote) return { anchor: anchor, directive: null };
    if (quote.length > LONG) {
      directive = encodeDirective(squash(snapEnd(full, startAt, startAt + EDGE, bounds))) + "," +
        encodeDirective(squash(snapStart(full, stopAt - EDGE, stopAt, bounds)));
    } else {
      directive = encodeDirective(quote);
    }
    var page = article();
    if (quote.length < SHORT || count(squash(page ? page.innerText : ""), quote) > 1) {
      // Short or ambiguous: the words around it (within the passage) pin it down.
      var pre = squash(snapStart(full, startAt - EDGE, startAt, bounds));
      var suf = squash(snapEnd(full, stopAt, stopAt + EDGE, bounds));
      if (pre) directive = encodeDirective(pre) + "-," + directive;
      if (suf) directive = directive + ",-" + encodeDirective(suf);
    }
    return { anchor: anchor, directive: directive };
  }

  function snapEnd(text, from, to, bounds) {
    to = Math.min(text.length, to);
    while (to < text.length && !bounds[to]) to++;
    return text.slice(from, to);
  }
  function snapStart(text, from, to, bounds) {
    from = Math.max(0, from);
    while (from > 0 && !bounds[from]) from--;
    return text.slice(from, to);
  }

  function quoteLink(range) {
    var found = quoteFragment(range);
    if (!found) return null;
    return pageUrl() + "#" + found.anchor + (found.directive ? ":~:text=" + found.directive : "");
  }

  var bar = null, barPressed = false, selectionTimer = 0;
  function quoteBar() {
    if (bar && document.body.contains(bar)) return bar;
    bar = el("div", "zd-quotebar", { role: "toolbar", "aria-label": S("quote") });
    var quote = el("button", "zd-quotebar__quote", { type: "button" });
    quote.textContent = S("quote");
    var passage = el("button", "zd-quotebar__passage", { type: "button" });
    passage.textContent = S("passage");
    bar.appendChild(quote);
    bar.appendChild(passage);
    // Keep the selection when the bar is pressed (a press elsewhere would clear it).
    bar.addEventListener("pointerdown", function (event) { barPressed = true; if (event.pointerType === "mouse") event.preventDefault(); });
    bar.addEventListener("mousedown", function (event) { event.preventDefault(); });
    bar.addEventListener("click", function (event) {
      var button = event.target instanceof Element && event.target.closest("button");
      if (!button) return;
      copy(button === quote ? bar.getAttribute("data-zd-quote") : bar.getAttribute("data-zd-passage")).then(function () {
        barPressed = false;
        hideBar();
      });
    });
    document.body.appendChild(bar);
    return bar;
  }
  function hideBar() { if (bar) bar.hidden = true; }

  function onSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) {
      if (!barPressed) hideBar();
      return;
    }
    var range = selection.getRangeAt(0);
    var body = document.querySelector(".md-content article");
    if (!body || !body.contains(range.commonAncestorContainer)) { hideBar(); return; }
    var link = quoteLink(range);
    if (!link) { hideBar(); return; }
    var box = quoteBar();
    box.setAttribute("data-zd-quote", link);
    box.setAttribute("data-zd-passage", link.split(":~:")[0]);
    box.hidden = false;
    // Below the end of the selection: phones draw their own menu above it.
    var rects = range.getClientRects();
    var rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.right + window.scrollX - box.offsetWidth / 2, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 8) + "px";
  }
  document.addEventListener("selectionchange", function () {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(onSelection, 200);
  });

  /* Browsers without text fragments see "#p-xxxx:~:text=…" as the fragment: go to the passage. */
  function followFragmentFallback() {
    var hash = decodeURIComponent(location.hash || "");
    var cut = hash.indexOf(":~:");
    if (cut < 0) return;
    var target = document.getElementById(hash.slice(1, cut));
    if (target) target.scrollIntoView();
  }

  // ------------------------------------------------------------------ previews

  var previews = new Map(), preview = null, previewFor = null, showTimer = 0, hideTimer = 0;

  /* The variant's root: Material's config names it relative to the first page loaded (instant
     navigation then swaps pages without a reload, so it is resolved once, here). */
  var ROOT = (function () {
    try {
      return new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", location.href).pathname;
    } catch (e) { return "/"; }
  })();
  function variantRoot() { return ROOT; }

  function previewTarget(link) {
    if (!link || !link.href || link.closest(".zd-preview, .md-header, .md-sidebar, .md-footer, .md-nav")) return null;
    if (link.matches(".headerlink, .zd-permalink, [rel~=noreferrer], .md-content__button") || link.target) return null;
    if (!link.closest(".md-content")) return null;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return null;
    var samePage = url.pathname === location.pathname;
    var hash = url.hash.slice(1).split(":~:")[0];
    if (samePage) return /^p-/.test(hash) ? { url: null, id: hash } : null;
    var root = variantRoot();
    if (url.pathname.indexOf(root) !== 0) return null;
    var rest = url.pathname.slice(root.length);
    if (!/^(notes|themes)\//.test(rest) && !/^p-/.test(hash)) return null;
    return { url: url.origin + url.pathname, id: hash || null };
  }

  function summarise(node, limit) {
    var text = squash(textOf(node, true));
    return text.length > limit ? text.slice(0, limit) + "…" : text;
  }

  function extract(doc, id) {
    var titleNode = doc.querySelector("#zd-note-title, .md-content article h1, .md-content h1");
    var title = titleNode ? squash(titleNode.textContent) : squash(doc.title);
    var target = id && doc.getElementById(id);
    if (!target) target = doc.querySelector(".md-content " + PASSAGE + ", .md-content article p");
    return { title: title, text: target ? summarise(target, 160) : "" };
  }

  function load(target) {
    if (!target.url) return Promise.resolve(extract(document, target.id));
    if (!previews.has(target.url)) {
      previews.set(target.url, fetch(target.url, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); })
        .catch(function (e) { previews.delete(target.url); throw e; }));
    }
    return previews.get(target.url).then(function (doc) { return extract(doc, target.id); });
  }

  function previewBox() {
    if (preview && document.body.contains(preview)) return preview;
    preview = el("div", "zd-preview", { id: "zd-preview", role: "tooltip" });
    preview.hidden = true;
    preview.appendChild(el("p", "zd-preview__title"));
    preview.appendChild(el("p", "zd-preview__text"));
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(preview);
    return preview;
  }

  function showPreview(link) {
    var target = previewTarget(link);
    if (!target) return;
    load(target).then(function (data) {
      if (previewFor !== link) return;
      var box = previewBox();
      box.querySelector(".zd-preview__title").textContent = data.title;
      box.querySelector(".zd-preview__text").textContent = data.text;
      box.lang = document.documentElement.lang;
      box.hidden = false;
      link.setAttribute("aria-describedby", "zd-preview");
      var rect = link.getBoundingClientRect();
      var width = box.offsetWidth;
      var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
      var below = rect.bottom + 8;
      var top = below + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 8 > headerOffset()
        ? rect.top - box.offsetHeight - 8 : below;
      box.style.left = left + "px";
      box.style.top = (top + window.scrollY) + "px";
    }, function () { /* no preview when the page cannot be fetched */ });
  }

  function hidePreview() {
    clearTimeout(showTimer);
    if (previewFor) previewFor.removeAttribute("aria-describedby");
    previewFor = null;
    if (preview) preview.hidden = true;
  }
  function scheduleHide() { clearTimeout(hideTimer); hideTimer = setTimeout(hidePreview, 250); }
  function schedule(link, delay) {
    clearTimeout(hideTimer);
    if (previewFor === link) return;
    clearTimeout(showTimer);
    previewFor = link;
    showTimer = setTimeout(function () { showPreview(link); }, delay);
  }

  /* Only where hovering exists: on a touch screen a preview would stand in the way of the tap. */
  function canPreview() { return !!(finePointer && finePointer.matches); }
  document.addEventListener("mouseover", function (event) {
    if (!canPreview()) return;
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (link && previewTarget(link)) schedule(link, 350);
  });
  document.addEventListener("mouseout", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (link && link === previewFor && !(event.relatedTarget instanceof Node && link.contains(event.relatedTarget))) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    if (!canPreview()) return;
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (link && previewTarget(link)) schedule(link, 150);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === previewFor) hidePreview();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hidePreview(); hideBar(); }
  });

  // ------------------------------------------------------------------ reading position

  var progressFrame = 0, saveTimer = 0;

  function storeKey() {
    var note = noteArticle();
    return note ? STORE_PREFIX + note.getAttribute("data-zd-slug") : null;
  }

  /* The passage the reader is at: the last one whose top has passed below the header. */
  function placeNow() {
    var nodes = passages(noteArticle());
    var line = headerOffset() + 40, best = null;
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getBoundingClientRect().top > line) break;
      best = nodes[i];
    }
    return { node: best, index: best ? Array.prototype.indexOf.call(nodes, best) : -1, total: nodes.length };
  }

  function savePlace() {
    var key = storeKey();
    if (!key) return;
    var place = placeNow();
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
    if (atEnd || place.index < 1) forget(key);         // finished, or back at the start
    else store(key, JSON.stringify({ passage: place.node.id }));
  }

  function updateProgress() {
    progressFrame = 0;
    var bar = document.querySelector(".zd-progress");
    var body = document.querySelector(".zd-note__body");
    if (!bar || !body || bar.hidden) return;
    var rect = body.getBoundingClientRect();
    var span = rect.height - window.innerHeight + headerOffset();
    var done = span > 0 ? (headerOffset() - rect.top) / span : 1;
    bar.style.transform = "scaleX(" + Math.max(0, Math.min(1, done)).toFixed(4) + ")";
  }

  window.addEventListener("scroll", function () {
    if (!progressFrame) progressFrame = requestAnimationFrame(updateProgress);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(savePlace, 300);
  }, { passive: true });
  window.addEventListener("resize", function () { if (!progressFrame) progressFrame = requestAnimationFrame(updateProgress); });

  function setupProgress() {
    var bar = document.querySelector(".zd-progress");
    if (!bar) {
      bar = el("div", "zd-progress", { "aria-hidden": "true" });
      document.body.appendChild(bar);
    }
    // Only long notes: a short one is seen whole at a glance.  Measured in the next frame, with
    // the layout the browser makes for it anyway: measured here, the whole note would be laid out
    // inside this script's task, which Lighthouse counted as blocking a phone for 100 ms more.
    cancelAnimationFrame(progressFrame);
    progressFrame = requestAnimationFrame(function () {
      var body = document.querySelector(".zd-note__body");
      bar.hidden = !body || body.getBoundingClientRect().height < window.innerHeight * 1.5;
      updateProgress();
    });
  }

  function setupResume() {
    var old = document.querySelector(".zd-resume");
    if (old) old.remove();
    var key = storeKey();
    if (!key || location.hash) return;
    var saved = null;
    try { saved = JSON.parse(read(key) || "null"); } catch (e) { saved = null; }
    var target = saved && saved.passage && document.getElementById(saved.passage);
    if (!target || !target.matches(PASSAGE)) return;
    var body = document.querySelector(".zd-note__body");
    var box = el("div", "zd-resume", { role: "region", "aria-label": S("resume-go") });
    var text = el("p", "zd-resume__text");
    text.appendChild(document.createTextNode(S("resume")));
    var q = el("q", "zd-resume__quote");
    q.textContent = summarise(target, 28);
    text.appendChild(q);
    var go = el("button", "zd-resume__go", { type: "button" });
    go.textContent = S("resume-go");
    var no = el("button", "zd-resume__dismiss", { type: "button" });
    no.textContent = S("resume-dismiss");
    go.addEventListener("click", function () {
      box.remove();
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });  // screen readers continue from here
    });
    no.addEventListener("click", function () { box.remove(); forget(key); });
    box.appendChild(text);
    box.appendChild(go);
    box.appendChild(no);
    body.parentNode.insertBefore(box, body);
  }

  // ------------------------------------------------------------------ print endnotes

  /* Print: the editor's notes (any zd-endnote-source but a theme panel) as endnotes under their own
     numbers (a note's number on screen is its number on paper), each referenced where it was; the
     note's themes once, as a short list of names and addresses (every panel repeated its themes in
     full: 28 of 42 endnotes on the longest note).  Every address printed is absolute. */
  function absolute(link) {
    // A relative href means nothing on paper: print (and link) the full address.
    link.setAttribute("href", link.href);
    link.setAttribute("data-zd-url", readable(link.href));
  }
  /* The address as a reader types it: a Chinese anchor or path printed as %E4%BD%BF… cannot be read off
     paper.  decodeURI keeps the escapes of reserved characters; spaces and invisible characters stay escaped. */
  function readable(address) {
    try { address = decodeURI(address); } catch (e) { return address; }
    return address.replace(/[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, encodeURIComponent);
  }
  /* A link to a place on this page: the place is on the same sheets, so no address is printed (Material's
     instant navigation has made every href absolute, so this is read off the resolved address). */
  function onThisPage(link) {
    return link.hash !== "" && link.origin + link.pathname === location.origin + location.pathname;
  }
  /* A link whose text is its address ("https://b23.tv/x", a bare URL) printed it twice: marked, its
     address is not printed again (zhudu.css). */
  function bareAddress(text) {
    try { text = decodeURI(text); } catch (e) { /* a malformed %-escape: compared as written */ }
    return text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/$/, "");
  }
  function markAddressLinks(root) {
    var links = root.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var text = bareAddress(links[i].textContent);
      if (text && text === bareAddress(links[i].getAttribute("href"))) links[i].classList.add("zd-address");
    }
  }
  function buildEndnotes() {
    var root = document.querySelector(".md-content article");
    if (!root) return;
    dropEndnotes();
    markAddressLinks(root);
    // Links of the text itself that lead into this site print their full address too; other sites' theirs.
    var inner = root.querySelectorAll(".zd-note__body a[href]:not(.headerlink):not(.zd-permalink)");
    for (var i = 0; i < inner.length; i++) {
      if (inner[i].closest(".zd-endnote-source, .zd-tm") || onThisPage(inner[i])) continue;
      if (inner[i].matches("[rel~=noreferrer]")) inner[i].setAttribute("data-zd-url", readable(inner[i].href));
      else absolute(inner[i]);
    }
    // A theme page: each note's column title prints the note's address; its passages' links, no use on paper, do not print.
    var titles = root.querySelectorAll(".zd-parallel__title a[href]");
    for (var t = 0; t < titles.length; t++) absolute(titles[t]);
    var sources = [].filter.call(root.querySelectorAll(".zd-endnote-source"), function (source) {
      return !source.classList.contains("zd-tm__panel");
    });
    var chips = root.querySelectorAll(".zd-note-themes a.zd-chip");
    if (!sources.length && !chips.length) return;
    var section = el("section", "zd-endnotes", { "aria-hidden": "true" });
    if (sources.length) {
      var heading = el("h2", "zd-endnotes__title");
      heading.textContent = S("endnotes");
      var list = el("ol", "zd-endnotes__list");
      var used = {}, next = 1;
      for (var n = 0; n < sources.length; n++) {
        var own = sources[n].querySelector(".zd-anno-note__num");
        var number = own ? parseInt(own.textContent, 10) : NaN;
        if (!(number > 0) || used[number]) { while (used[next]) next++; number = next; }
        used[number] = true;
        var ref = el("sup", "zd-endnote-ref", { "aria-hidden": "true" });
        ref.textContent = String(number);
        sources[n].parentNode.insertBefore(ref, sources[n].nextSibling);
        var item = el("li", "zd-endnote", { value: String(number) });
        var label = sources[n].getAttribute("data-zd-text");
        if (label) {
          var strong = el("strong", "zd-endnote__label");
          strong.textContent = label + " ";
          item.appendChild(strong);
        }
        var content = sources[n].cloneNode(true);
        var num = content.querySelector(".zd-anno-note__num");
        if (num) num.remove();  // the list's number
        content.removeAttribute("id");
        content.removeAttribute("hidden");
        content.className = "zd-endnote__content";
        var ids = content.querySelectorAll("[id]");
        for (var k = 0; k < ids.length; k++) ids[k].removeAttribute("id");
        var links = content.querySelectorAll("a[href]");
        for (var l = 0; l < links.length; l++) absolute(links[l]);
        item.appendChild(content);
        list.appendChild(item);
      }
      section.appendChild(heading);
      section.appendChild(list);
    }
    if (chips.length) {
      var title = el("h2", "zd-endnotes__title");
      title.textContent = S("themes");
      var themes = el("ul", "zd-endnotes__themes");
      for (var c = 0; c < chips.length; c++) {
        var theme = el("li", "zd-endnotes__theme");
        var link = el("a", "zd-endnotes__theme-link", { href: chips[c].href });
        var name = chips[c].cloneNode(true);
        var count = name.querySelector(".zd-chip__count");
        if (count) count.remove();
        link.textContent = name.textContent.trim();
        absolute(link);
        theme.appendChild(link);
        themes.appendChild(theme);
      }
      section.appendChild(title);
      section.appendChild(themes);
    }
    root.appendChild(section);
  }
  function dropEndnotes() {
    var old = document.querySelectorAll(".zd-endnotes, .zd-endnote-ref");
    for (var i = 0; i < old.length; i++) old[i].remove();
  }
  /* Built when printing only: copies of every panel would double the page's DOM on screen, where
     they are never shown.  beforeprint covers the print dialog; a change to print media covers
     print emulation and browsers that print without the event. */
  window.addEventListener("beforeprint", buildEndnotes);
  var printMedia = window.matchMedia ? window.matchMedia("print") : null;
  if (printMedia) {
    var onPrintMedia = function (event) { if (event.matches) buildEndnotes(); };
    if (printMedia.addEventListener) printMedia.addEventListener("change", onPrintMedia);
    else if (printMedia.addListener) printMedia.addListener(onPrintMedia);
  }

  // ------------------------------------------------------------------ setup

  function setup() {
    hidePreview();
    hideBar();
    setupPermalinks();
    followFragmentFallback();
    setupProgress();
    setupResume();
    dropEndnotes();  // a page swapped in by instant navigation: its endnotes are built when printed
    if (printMedia && printMedia.matches) buildEndnotes();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState !== "loading") setup();
  else document.addEventListener("DOMContentLoaded", setup);
})();
