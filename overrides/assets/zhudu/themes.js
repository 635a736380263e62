/* Zhudu themes: the margin markers of themed passages. A marker is a real <button>
   (aria-expanded, aria-controls) opening a panel of links to the same idea in other notes.
   Click/Enter/Space toggles; Escape closes and returns focus; a click elsewhere or focus moving
   out closes; on devices that hover, hovering opens it until the pointer leaves (unless it was
   opened by a click). Listeners are delegated on document once, so Material's instant
   navigation (document$) needs nothing per page but drawing the new page's markers and
   closing what was open. */
(function () {
  "use strict";
  if (window.__zdThemes) return;
  window.__zdThemes = true;
  /* A passage (annotate/passages.py, is_passage): its id is its anchor, "p-…", or it is marked. */
  var PASSAGE = ":is([data-zd-passage], p[id^=\"p-\"], li[id^=\"p-\"], blockquote[id^=\"p-\"], tr[id^=\"p-\"])[id]";
  var hover = window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches;

  function buttonOf(node) { return node instanceof Element ? node.closest(".zd-tm__btn") : null; }
  function markerOf(node) { return node instanceof Element ? node.closest(".zd-tm") : null; }
  function openButtons() { return document.querySelectorAll('.zd-tm__btn[aria-expanded="true"]'); }

  /* The page carries a marker as its themes' ids (span.zd-tm[data-zd-tm], themes/markers.py): draw
     the button and the panel it stands for, named with the blocks' theme names and the template's
     words (converted per variant), in STRINGS order: the dot's label, the panel's title, the
     panel's name, the button's name for several themes and for one. */
  var STRINGS = [];
  function draw() {
    var pending = document.querySelectorAll(".zd-tm[data-zd-tm]");
    var blocks = document.querySelector("template.zd-tm-blocks");
    if (!pending.length || !blocks) return;
    var words = blocks.content.querySelector(".zd-tm-strings");
    STRINGS = words ? words.textContent.split("|") : [];
    for (var i = 0; i < pending.length; i++) {
      var marker = pending[i];
      var ids = marker.getAttribute("data-zd-tm").split(" ");
      var passage = marker.closest(PASSAGE);
      var panelId = "zd-tm-" + (passage ? passage.id : i);
      var names = ids.map(function (id) {
        var name = blocks.content.querySelector("#zd-tmb-" + id + " > .zd-tm__name");
        return name ? name.textContent : id;
      });
      var button = make("button", "zd-tm__btn", { type: "button", "aria-expanded": "false", "aria-controls": panelId,
        "aria-label": (ids.length > 1 ? (STRINGS[3] || "").replace("{n}", ids.length) : STRINGS[4] || "") + names.join("、") });
      var dot = make("span", "zd-tm__dot", { "aria-hidden": "true", "data-zd-text": STRINGS[0] || "" });
      if (ids.length > 1) dot.setAttribute("data-count", ids.length);
      button.appendChild(dot);
      var panel = make("span", "zd-tm__panel zd-endnote-source",
        { "data-zd-text": STRINGS[1] || "", id: panelId, role: "group", "aria-label": STRINGS[2] || "" });
      for (var j = 0; j < ids.length; j++) panel.appendChild(make("span", "zd-tm__theme", { "data-zd-block": "zd-tmb-" + ids[j] }));
      marker.removeAttribute("data-zd-tm");
      marker.appendChild(button);
      marker.appendChild(panel);
    }
    placeRowMarkers();
  }
  /* A table row's marker (in its first cell) goes after the cell's text on a phone: floated at the
     end, it drops below a short word rather than squeezing it onto two lines (开源 / 模型).  On a wide
     screen it stays the cell's first child, in the margin level with the cell's first line. */
  var PHONE = window.matchMedia("screen and (max-width: 44.9375em)");
  function placeRowMarkers() {
    var markers = document.querySelectorAll(":is(td, th) > .zd-tm");
    for (var i = 0; i < markers.length; i++) {
      var marker = markers[i], cell = marker.parentNode;
      if (PHONE.matches && marker.nextSibling) cell.appendChild(marker);
      else if (!PHONE.matches && marker.previousSibling) cell.insertBefore(marker, cell.firstChild);
    }
  }
  if (PHONE.addEventListener) PHONE.addEventListener("change", placeRowMarkers);
  function make(tag, cls, attrs) {
    var node = document.createElement(tag);
    node.className = cls;
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    return node;
  }

  /* A page holds each theme's block once (template.zd-tm-blocks); a panel gets its copies when
     it first opens. */
  function fill(button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    var slots = panel ? panel.querySelectorAll("[data-zd-block]:empty") : [];
    var blocks = document.querySelector("template.zd-tm-blocks");
    for (var i = 0; i < slots.length; i++) {
      var block = blocks && blocks.content.getElementById(slots[i].getAttribute("data-zd-block"));
      if (!block) continue;
      for (var child = block.firstChild; child; child = child.nextSibling) slots[i].appendChild(child.cloneNode(true));
      /* The panel's first line, "in other notes:", is the panel's name (the blocks carry it no more). */
      if (slots[i] === panel.firstElementChild && !block.querySelector(".zd-tm__none") && STRINGS[2]) {
        var where = make("span", "zd-tm__where", {});
        where.textContent = STRINGS[2] + "：";
        slots[i].insertBefore(where, slots[i].children[1] || null);
      }
    }
  }

  function setOpen(button, open, how) {
    if (open) fill(button);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) button.dataset.zdOpenedBy = how; else delete button.dataset.zdOpenedBy;
  }
  function closeAll(except) {
    var open = openButtons();
    for (var i = 0; i < open.length; i++) if (open[i] !== except) setOpen(open[i], false);
  }

  document.addEventListener("click", function (event) {
    var button = buttonOf(event.target);
    if (button) {
      var open = button.getAttribute("aria-expanded") === "true" && button.dataset.zdOpenedBy !== "hover";
      closeAll(button);
      setOpen(button, !open, "click");
      return;
    }
    if (!markerOf(event.target)) closeAll(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var marker = markerOf(event.target);
    var open = marker ? marker.querySelector('.zd-tm__btn[aria-expanded="true"]') : openButtons()[0];
    if (!open) return;
    setOpen(open, false);
    open.focus();
    event.preventDefault();
  });

  document.addEventListener("focusout", function (event) {
    var marker = markerOf(event.target);
    if (!marker || (event.relatedTarget && marker.contains(event.relatedTarget))) return;
    var button = marker.querySelector(".zd-tm__btn");
    if (button && event.relatedTarget) setOpen(button, false);
  });

  if (hover) {
    document.addEventListener("mouseover", function (event) {
      var marker = markerOf(event.target);
      if (!marker) return;
      var button = marker.querySelector(".zd-tm__btn");
      if (button.getAttribute("aria-expanded") !== "true") { closeAll(null); setOpen(button, true, "hover"); }
    });
    document.addEventListener("mouseout", function (event) {
      var marker = markerOf(event.target);
      if (!marker || (event.relatedTarget && marker.contains(event.relatedTarget))) return;
      var button = marker.querySelector(".zd-tm__btn");
      if (button.dataset.zdOpenedBy === "hover") setOpen(button, false);
    });
  }

  /* Instant navigation keeps the document: close what was open, flash the target passage. */
  function setup() {
    draw();
    closeAll(null);
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.matches(PASSAGE)) {
      target.classList.remove("zd-tm-target");
      void target.offsetWidth;
      target.classList.add("zd-tm-target");
    }
  }
  draw();  // now, before the scripts after this one (reading.js) look for the panels
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
