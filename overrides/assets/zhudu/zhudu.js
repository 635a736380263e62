/* Zhudu (注读): switching script variants in place, remembering the reader's choice, and
   offering Traditional to a first-time reader whose browser prefers it. Subscribes to
   Material's document$ (instant navigation swaps pages without a reload), idempotently. */
(function () {
  "use strict";
  var KEY = "zd-variant";
  var OFFERED = "zd-variant-offered";
  var PLACE_KEY = "zd-variant-place";

  /* The site's variants: the header's menu names this page in each (partials/alternate.html). */
  function variants() {
    return Array.prototype.map.call(document.querySelectorAll(".md-select__link[hreflang]"), function (a) {
      return a.hreflang;
    });
  }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function read(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }

  /* The first passage (or heading, a theme page's quote, a list's card) still visible below the fixed
     header: where the reader is; past the last one (a list's pager, the page's end), the last one,
     above the screen (keepPlace takes its negative distance). */
  function currentPlace() {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var nodes = document.querySelectorAll(
      "article :is([data-zd-passage], p[id^=\"p-\"], li[id^=\"p-\"], blockquote[id^=\"p-\"], tr[id^=\"p-\"])[id], article h2[id], article h3[id], article h4[id], article :is(.zd-parallel__passages > li, li.zd-card)[id]");
    // The passage the address names, still where its anchor put it (or above; anywhere in the window at the
    // page's end, which stops it lower): the reader's place.  The one before it shows its last pixels above
    // it (a table row, a list item: no margin between them), and named that, the address led elsewhere.
    var named = null;
    try { named = document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* malformed */ }
    if (named && Array.prototype.indexOf.call(nodes, named) >= 0) {
      var box = named.getBoundingClientRect();
      var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1;
      var line = (parseFloat(getComputedStyle(named).scrollMarginTop) || top) + 8;
      if (box.bottom > top + 8 && (box.top <= line || (atEnd && box.top < window.innerHeight))) return named.id;
    }
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getBoundingClientRect().bottom > top + 8) return i || window.scrollY > 0 ? nodes[i].id : null;
    }
    return nodes.length && window.scrollY > 0 ? nodes[nodes.length - 1].id : null;
  }

  /* Before the browser follows a variant link (it names this page in that variant), put the reader's
     place into it so the other variant opens at the same passage (anchors are identical in every
     variant), and into this page's URL, for the way back. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[hreflang]");
    if (!link || variants().indexOf(link.hreflang) < 0) return;
    store(KEY, link.hreflang);
    var place = currentPlace();
    // The place the reader is at now wins over the anchor they arrived with (a text fragment
    // "#p-xxxx:~:text=…" is script-specific, so only the passage anchor is carried over).
    if (!place) return;
    history.replaceState(history.state, "", "#" + place);
    link.hash = place;
    var top = document.getElementById(place).getBoundingClientRect().top;
    try { sessionStorage.setItem(PLACE_KEY, JSON.stringify({ id: place, top: top, path: link.pathname })); } catch (e) { /* private mode */ }
  }, true);

  /* The other variant opens at the passage, where the reader had it on the screen (its top, not the
     scroll margin under the header an anchor gets): the passage's margin is, for this one arrival,
     its old distance from the window's top (negative if it began above it), and the browser keeps it
     so while the page loads (fonts, images); the margin goes once the page has loaded. */
  function keepPlace() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(PLACE_KEY));
      sessionStorage.removeItem(PLACE_KEY);
    } catch (e) { return; }
    // The hash is percent-encoded (a Chinese heading's id, 文章: #%E6%96%87%E7%AB%A0); the id is not.
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* not encoded as UTF-8: compared as is */ }
    if (!saved || saved.path !== location.pathname || hash !== saved.id) return;
    var target = document.getElementById(saved.id);
    if (!target || typeof saved.top !== "number") return;
    target.style.scrollMarginTop = saved.top + "px";
    target.scrollIntoView();
    function release() {
      requestAnimationFrame(function () {
        target.style.removeProperty("scroll-margin-top");
        if (!target.getAttribute("style")) target.removeAttribute("style");
      });
    }
    if (document.readyState === "complete") release();
    else window.addEventListener("load", release, { once: true });
  }

  /* Material sends a query to the search worker on keyup only. Text that arrives without a key
     (pasted from the context menu, dictated, committed by some phone keyboards and IMEs) would
     otherwise sit unsearched until the next key, so the end of such input is announced as a keyup. */
  function announceQuery(event) {
    var input = event.target;
    if (!(input instanceof Element) || !input.matches("[data-md-component=search-query]")) return;
    if (event.type === "input" && event.isComposing) return;  // compositionend follows
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", announceQuery, true);
  document.addEventListener("compositionend", announceQuery, true);

  function offer() {
    var lang = document.documentElement.lang;
    if (read(KEY) || read(OFFERED) || lang.indexOf("zh-Hans") !== 0) return;
    var prefs = navigator.languages || [navigator.language || ""];
    var wanted = null;
    for (var i = 0; i < prefs.length && !wanted; i++) {
      var p = prefs[i].toLowerCase();
      if (p.indexOf("zh-hans") === 0 || p === "zh-cn" || p === "zh-sg" || p === "zh") return;
      if (p === "zh-hk" || p === "zh-mo" || p.indexOf("zh-hant-hk") === 0) wanted = "zh-Hant-HK";
      else if (p === "zh-tw" || p.indexOf("zh-hant") === 0) wanted = "zh-Hant-TW";
    }
    var link = wanted && document.querySelector('a[hreflang="' + wanted + '"]');
    if (!link || document.querySelector(".zd-offer")) return;
    var box = document.createElement("div");
    box.className = "zd-offer";
    box.setAttribute("role", "region");
    // Offered on a zh-Hans page only: the region is named in its words; the link is in the variant it offers.
    box.setAttribute("aria-label", "繁体中文版提示");
    var go = document.createElement("a");
    go.href = link.href;
    go.hreflang = wanted;
    go.lang = wanted;
    go.textContent = wanted === "zh-Hant-HK" ? "以繁體（香港）閱讀本頁" : "以繁體（臺灣）閱讀本頁";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "不用了";
    close.addEventListener("click", function () { store(OFFERED, "1"); box.remove(); });
    box.appendChild(go);
    box.appendChild(close);
    // At the top of the content: a corner of the screen on a wide one, in the flow on a phone, where
    // a box over the page would cover the text under it (zhudu.css).
    var content = document.querySelector(".md-content");
    if (content) content.insertBefore(box, content.firstChild);
    else document.body.appendChild(box);
  }

  /* A page opened from a search result (?h=terms#p-…): mark the terms in the article, as Material's
     highlighter does, with the same markup (Material's needs its whole index, which Zhudu's pages
     never fetch: see partials/zd-lazy-search.html). A term inside a longer one (資料 and 中心 of 資料中心,
     pieces the search cut a query word into) is marked only where the page never shows the longer one:
     the word searched for is marked, not every 資料 and 中心 on the page. */
  function markSearchTerms() {
    var wanted = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!wanted || !article || article.querySelector("mark[data-md-highlight]")) return;
    var terms = wanted.split(/\s+/).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, .headerlink, .zd-sr-only, mark")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    var shown = texts.map(function (node) { return node.data.toLowerCase(); });
    function onPage(term) { return shown.some(function (text) { return text.indexOf(term) >= 0; }); }
    terms = terms.filter(function (term) {
      var low = term.toLowerCase();
      return !terms.some(function (longer) {
        var l = longer.toLowerCase();
        return l.length > low.length && l.indexOf(low) >= 0 && onPage(l);
      });
    });
    if (!terms.length) return;
    var pattern = new RegExp(terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "gi");
    var nodes = texts.filter(function (node) { pattern.lastIndex = 0; return pattern.test(node.data); });
    nodes.forEach(function (node) {
      var text = node.data, at = 0, out = document.createDocumentFragment(), m;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text))) {
        out.appendChild(document.createTextNode(text.slice(at, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = m[0];
        out.appendChild(mark);
        at = m.index + m[0].length;
      }
      out.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(out, node);
    });
  }

  /* On a narrow screen Material locks the page's scrolling while search covers it, and when search
     closes it scrolls back to where the page was (bundle: "data-md-scrolllock"); right after, a phone's
     layout viewport can be taller than the screen for a moment, so an anchor brought into view then
     is not on the screen. After a result is chosen either throws the reader off the passage (to the
     top, or anywhere): once the lock is gone, the passage is put back under the header if it is not. */
  function landAtResult() {
    var body = document.body;
    if (!/[?&]h=/.test(location.search) || location.hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    /* Search closing slides its panel past the screen's edge, and a phone zooms the page out to hold
       it for a few frames: the page is then 2-3 screens tall, and a scroll to a passage near the end
       stops short of it (or is cut back to the page's new end). Land again each frame until the
       panel is still and the page fits the screen, unless the reader moves first (a touch, a click, the
       wheel, a key, another anchor) or the page is gone (instant navigation). "Fits": zoomed out it is
       2-3 screens tall; a phone's collapsed toolbar makes it only a toolbar taller than the layout. */
    var root = document.documentElement, frames = 0, moved = false;
    var moves = ["touchstart", "pointerdown", "wheel", "keydown", "hashchange"];
    function settled() {
      var search = document.querySelector(".md-search");
      var moving = search && search.getAnimations ? search.getAnimations({ subtree: true }).length : 0;
      return !moving && window.innerHeight <= root.clientHeight * 1.25;
    }
    function stop() { moved = true; }
    function listen(on) {
      moves.forEach(function (type) { window[on ? "addEventListener" : "removeEventListener"](type, stop, { passive: true }); });
    }
    function land() {
      if (moved || !target.isConnected) return listen(false);
      var margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
      var off = target.getBoundingClientRect().top - margin;
      if (Math.abs(off) > 2) window.scrollTo(0, off + window.scrollY);  /* page coordinates */
      if (!settled() && frames++ < 600) requestAnimationFrame(land);
      else listen(false);
    }
    listen(true);
    if (!body.hasAttribute("data-md-scrolllock")) {
      requestAnimationFrame(land);
      return;
    }
    var watch = new MutationObserver(function () {
      if (body.hasAttribute("data-md-scrolllock")) return;
      watch.disconnect();
      land();
    });
    watch.observe(body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
  }

  /* Material's instant navigation saves each history entry's scroll offset 100 ms after the page last
     moved, and on arrival it scrolls to an entry's saved offset before it looks at the address's anchor.
     A link tapped within those 100 ms (a phone's fling, a tap right after the page loads) had the offset
     of the page it left saved on the new entry: the note opened there, not at the heading or footnote
     the link names. The link followed is remembered; if its page arrives with the anchor off the
     screen, the browser goes to the anchor itself (a fragment navigation in place: scroll margin and
     :target as for any anchor). Variant links and search results have their own arrival (keepPlace,
     landAtResult). */
  var followed = null;
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    followed = null;
    if (!(link instanceof HTMLAnchorElement) || link.hash.length < 2 || link.hasAttribute("hreflang") ||
        link.closest(".md-search")) return;
    // Opened elsewhere (a new tab or window), as Material's instant navigation leaves it: not followed here.
    if (link.target || event.ctrlKey || event.metaKey) return;
    if (link.origin === location.origin && link.pathname !== location.pathname) followed = link.href;
  }, true);
  // Back and forward arrive at the offset Material saved for the entry: never the link's arrival.
  window.addEventListener("popstate", function () { followed = null; });
  function arriveAtAnchor() {
    var url = followed;
    followed = null;
    if (!url || url !== location.href) return;
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* not encoded as UTF-8: looked up as is */ }
    var target = document.getElementById(id);
    if (!target) return;
    var margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    var root = document.documentElement;
    var atEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 1;
    var off = target.getBoundingClientRect().top - margin;
    if (Math.abs(off) > 2 && !(off > 0 && atEnd)) location.replace(url);
  }

  /* Material's instant navigation swaps the page but keeps the header, and with it the variant menu
     written for the first page the reader opened: point each link at the page now shown, in that
     variant. Read from the menu as written: its links differ only in the variant's folder (the
     part they all end with is the page's path inside it). A menu that does not name the page it
     is on (the 404 page's, which names the variants' home pages) is left alone. */
  var menu = (function () {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    var current = null, suffix = null, i;
    for (i = 0; i < links.length; i++) {
      var path = links[i].pathname;
      if (links[i].hreflang === document.documentElement.lang) current = path;
      if (suffix === null) suffix = path;
      while (path.slice(path.length - suffix.length) !== suffix) suffix = suffix.slice(1);
    }
    if (links.length < 2 || current !== location.pathname) return null;
    suffix = suffix.indexOf("/") < 0 ? "" : suffix.slice(suffix.indexOf("/"));
    var roots = {};
    for (i = 0; i < links.length; i++) roots[links[i].hreflang] = links[i].pathname.slice(0, links[i].pathname.length - suffix.length);
    return { root: current.slice(0, current.length - suffix.length), roots: roots };
  })();
  function pointVariantLinks() {
    if (!menu || location.pathname.indexOf(menu.root) !== 0) return;
    var rest = location.pathname.slice(menu.root.length);
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var root = menu.roots[links[i].hreflang];
      if (root === undefined) continue;
      links[i].pathname = root + rest;
      links[i].hash = "";
    }
  }

  /* Headings' permalinks: the pages do not write the ones zhudu.css draws and names ("#", 链接到本节;
     hooks/zhudu/notes/links.py, label_headerlinks): each content heading with an id gets its link
     here, as toc wrote it, when config.js says the site's are those (window.zdPermalinks). Zhudu's
     own headings (ids "zd-…") never had one. A reader without JavaScript has the table of contents. */
  function drawPermalinks() {
    if (!window.zdPermalinks) return;
    var headings = document.querySelectorAll(
      ".md-content h1[id], .md-content h2[id], .md-content h3[id], .md-content h4[id], .md-content h5[id], .md-content h6[id]");
    for (var i = 0; i < headings.length; i++) {
      var heading = headings[i];
      if (heading.id.indexOf("zd-") === 0 || heading.querySelector(".headerlink")) continue;
      var link = document.createElement("a");
      link.className = "headerlink";
      link.setAttribute("href", "#" + heading.id);
      heading.appendChild(link);
    }
  }

  function setup() {
    drawPermalinks();
    pointVariantLinks();
    offer();
    markSearchTerms();
    landAtResult();
    keepPlace();
    arriveAtAnchor();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
