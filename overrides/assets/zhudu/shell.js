/* The controls that work only with JavaScript, drawn where Material's templates put them
   (overrides/partials/palette.html, search.html, top.html, progress.html), from what config.js
   holds for the variant (window.zdShell: hooks/zhudu/compact/shell_strings.py): the palette
   toggle, the search button and dialog, the back-to-top button, instant navigation's progress bar;
   about 2.6 KB of every page as markup.  With JavaScript off nothing changes: Material shows no
   palette toggle without it, its CSS hides search (.no-js), the back-to-top button stays hidden and
   there is no instant navigation.  Deferred and run right after config.js (the same file), so the
   elements exist, as Material's templates write them, before lazy-search.js and Material's bundle
   look for them.  Built with DOM calls: the strings are never parsed as HTML. */
(function () {
  var SVG = "http://www.w3.org/2000/svg";

  /* tag, attributes, then children (elements or strings); each child is preceded by a line break
     as in the template's markup, so that the text between inline elements is as before. */
  function h(tag, attrs) {
    var node = tag === "svg" ? document.createElementNS(SVG, "svg") : document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    for (var i = 2; i < arguments.length; i++) {
      node.appendChild(document.createTextNode("\n"));
      node.appendChild(typeof arguments[i] === "string" ? document.createTextNode(arguments[i]) : arguments[i]);
    }
    if (arguments.length > 2) node.appendChild(document.createTextNode("\n"));
    return node;
  }
  function icon(name) {
    return h("svg", { "class": "zd-icon zd-icon--" + name, "aria-hidden": "true" });
  }
  var shell = window.zdShell || {};
  function strings(key) {
    return (shell[key] || "").split("|");
  }

  /* The header's bar, where Material's templates put the palette's form (after the title) and the
     search dialog (last, before a repository's link). A page whose templates wrote Material's own
     (shell.js could not draw it the same: partials/palette.html, search.html) has them already. */
  /* partials/header.html: the header's, its logo's and its title's data-md-component (instant navigation
     keeps the header: once; the drawer's title copies the logo with it). */
  var header = document.querySelector("header.md-header:not([data-md-component])");
  if (header) header.setAttribute("data-md-component", "header");
  var headerTitle = document.querySelector(".md-header__title:not([data-md-component])");
  if (headerTitle) headerTitle.setAttribute("data-md-component", "header-title");
  var headerLogo = document.querySelector(".md-header__button.md-logo:not([data-md-component])");
  if (headerLogo) headerLogo.setAttribute("data-md-component", "logo");

  var bar = document.querySelector(".md-header__inner");
  var title = bar && bar.querySelector(":scope > .md-header__title");
  if (title && shell.palette && !document.querySelector("[data-md-component=palette]")) {
    title.after(h("form", { "class": "md-header__option", "data-md-component": "palette", "data-zd-palette": "" }));
  }
  if (bar && shell.search && !document.querySelector("[data-md-component=search]")) {
    bar.insertBefore(h("div", {
      "class": "md-search", "data-md-component": "search", role: "dialog", "aria-label": shell.searchName || "",
      "data-zd-search": ""
    }), bar.querySelector(":scope > .md-header__source"));
  }

  /* partials/palette.html: "scheme primary accent icon media|…", the toggles' names apart. */
  var palette = document.querySelector("[data-md-component=palette][data-zd-palette]");
  if (palette && shell.palette) {
    var options = shell.palette.split("|"), names = strings("paletteText");
    options.forEach(function (option, i) {
      var f = option.split(" "), name = names[i] || "";
      var input = {
        "class": "md-option", "data-md-color-media": f.slice(4).join(" "), "data-md-color-scheme": f[0],
        "data-md-color-primary": f[1], "data-md-color-accent": f[2]
      };
      if (f[3] !== "-") input["aria-label"] = name; else input["aria-hidden"] = "true";
      input.type = "radio";
      input.name = "__palette";
      input.id = "__palette_" + i;
      palette.appendChild(document.createTextNode("\n"));
      palette.appendChild(h("input", input));
      if (f[3] === "-") return;
      var label = h("label", {
        "class": "md-header__button md-icon", title: name, "for": "__palette_" + ((i + 1) % options.length), hidden: ""
      });
      label.appendChild(icon(f[3]));
      palette.appendChild(document.createTextNode("\n"));
      palette.appendChild(label);
    });
    palette.appendChild(document.createTextNode("\n"));
    palette.removeAttribute("data-zd-palette");
  }

  /* Material's search toggle (after the drawer's) and dialog (after the container), which the pages
     leave out (hooks/zhudu/compact/whitespace.py, DRAWN_BY_SCRIPT): only Material's script uses them. */
  var drawer = document.getElementById("__drawer");
  if (drawer && !document.getElementById("__search")) {
    drawer.after(h("input", {
      "class": "md-toggle", "data-md-toggle": "search", type: "checkbox", id: "__search", autocomplete: "off"
    }));
  }
  var shellContainer = document.querySelector("[data-md-component=container]");
  if (shellContainer && !document.querySelector("[data-md-component=dialog]")) {
    var dialogInner = h("div", { "class": "md-dialog__inner md-typeset" });
    var messages = h("div", { "class": "md-dialog", "data-md-component": "dialog" });
    messages.appendChild(dialogInner);
    shellContainer.after(messages);
  }

  var features = [];
  try { features = JSON.parse(document.getElementById("__config").textContent).features || []; } catch (e) {}

  /* partials/search.html: the header's button, then the dialog: the icons, placeholder|reset|initializer. */
  var search = document.querySelector("[data-md-component=search][data-zd-search]");
  if (search && shell.search) {
    var icons = shell.search.split(" "), text = strings("searchText");
    var name = search.getAttribute("aria-label") || "";
    var button = h("label", { "class": "md-header__button md-icon", "for": "__search" });
    button.appendChild(icon(icons[0]));
    search.parentNode.insertBefore(button, search);
    search.parentNode.insertBefore(document.createTextNode("\n"), search);
    var form = h("form", { "class": "md-search__form", name: "search" },
      h("input", {
        type: "text", "class": "md-search__input", name: "query", "aria-label": text[0], placeholder: text[0],
        autocapitalize: "off", autocorrect: "off", autocomplete: "off", spellcheck: "false",
        "data-md-component": "search-query", required: ""
      }),
      h("label", { "class": "md-search__icon md-icon", "for": "__search" }, icon(icons[0]), icon(icons[1])),
      h("nav", { "class": "md-search__options", "aria-label": name },
        h("button", {
          type: "reset", "class": "md-search__icon md-icon", title: text[1], "aria-label": text[1], tabindex: "-1"
        }, icon(icons[2]))));
    if (features.indexOf("search.suggest") >= 0) {
      form.appendChild(h("div", { "class": "md-search__suggest", "data-md-component": "search-suggest" }));
      form.appendChild(document.createTextNode("\n"));
    }
    search.appendChild(document.createTextNode("\n"));
    search.appendChild(h("label", { "class": "md-search__overlay", "for": "__search" }));
    search.appendChild(h("div", { "class": "md-search__inner", role: "search" },
      form,
      h("div", { "class": "md-search__output" },
        h("div", { "class": "md-search__scrollwrap", tabindex: "0", "data-md-scrollfix": "" },
          h("div", { "class": "md-search-result", "data-md-component": "search-result" },
            h("div", { "class": "md-search-result__meta" }, text[2]),
            h("ol", { "class": "md-search-result__list", role: "presentation" }))))));
    search.appendChild(document.createTextNode("\n"));
    search.removeAttribute("data-zd-search");
  }

  /* partials/top.html: "icon text", after Material's container (instant navigation replaces it). */
  var container = document.querySelector("[data-md-component=container]");
  if (shell.top && container && features.indexOf("navigation.top") >= 0 && !document.querySelector("[data-md-component=top]")) {
    var top = shell.top.split(" ");
    var back = h("button", { type: "button", "class": "md-top md-icon", "data-md-component": "top", hidden: "" });
    back.appendChild(icon(top[0]));
    back.appendChild(document.createTextNode(" " + top.slice(1).join(" ")));
    container.parentNode.insertBefore(back, container.nextSibling);
    container.parentNode.insertBefore(document.createTextNode("\n"), back);
  }

  /* partials/progress.html: its name; after Material's dialog, as Material writes it. */
  var dialog = document.querySelector("[data-md-component=dialog]");
  if (shell.progress && dialog && features.indexOf("navigation.instant.progress") >= 0 && !document.querySelector("[data-md-component=progress]")) {
    var bar = h("div", { "class": "md-progress", "data-md-component": "progress", role: "progressbar", "aria-label": shell.progress });
    dialog.parentNode.insertBefore(bar, dialog.nextSibling);
    dialog.parentNode.insertBefore(document.createTextNode("\n"), bar);
  }

  /* partials/alternate.html: the variant menu's items written plain, <li><a href lang>name</a></li>,
     given Material's markup back (its classes, and hreflang, the same tag as lang): once, since
     instant navigation keeps the header (zhudu.js points its links at each page shown), and a switch
     to another variant is a page load.  The page is written once for every variant, so the link to the
     variant being read is marked here (aria-current; zhudu.css draws the mark): the page's own <html lang>. */
  var variantItems = document.querySelectorAll(".md-select__list > li:not([class])");
  var readLang = document.documentElement.getAttribute("lang");
  for (var v = 0; v < variantItems.length; v++) {
    var variantLink = variantItems[v].firstElementChild;
    if (!variantLink || variantLink.tagName !== "A" || variantLink.className) continue;
    var tag = variantLink.getAttribute("lang");
    variantItems[v].className = "md-select__item";
    if (tag !== null) {
      variantLink.removeAttribute("lang");
      variantLink.setAttribute("hreflang", tag);
      variantLink.setAttribute("lang", tag);
      if (tag === readLang) variantLink.setAttribute("aria-current", "page");
    }
    variantLink.className = "md-select__link";
  }

  /* What the container's templates write plain, given Material's markup back, as its templates write
     it, by <zd-restore> after the sidebars (main.html): the sidebars' lists (partials/nav.html,
     toc-item.html: a plain link is <li><a href>title</a></li>), their wrappers' data-md-* and the
     content's data-md-component (main.html),
     the drawer's title without its logo (nav.html), the tables of contents' titles without their icon
     and their entries without classes (toc.html, toc-item.html; the drawer's too), the lists without data-md-scrollfix and the empty footer (main.html), a note's
     code blocks' wrappers (compact/code_blocks.py) and the header's title's topic (data-zd-text).
     A custom element's connectedCallback runs inside the DOM call that connects it: at define() for
     the first page (before Material's bundle, deferred after this file, mounts its components) and
     inside the replaceWith by which instant navigation puts a fetched page's container in place
     (before it tells document$): Material's table of contents finds its entries by md-nav__link,
     its sidebars by data-md-component. */
  var SIDEBAR_TYPES = { "md-sidebar--primary": "navigation", "md-sidebar--secondary": "toc" };
  function restoreSidebarWrappers(main) {
    var sidebars = main.querySelectorAll(".md-sidebar:not([data-md-component])");
    for (var i = 0; i < sidebars.length; i++) {
      var type = SIDEBAR_TYPES[sidebars[i].classList[1]];
      if (!type) continue;
      var hidden = sidebars[i].hasAttribute("hidden");
      sidebars[i].removeAttribute("hidden");
      sidebars[i].setAttribute("data-md-component", "sidebar");
      sidebars[i].setAttribute("data-md-type", type);
      if (hidden) sidebars[i].setAttribute("hidden", "");
    }
  }
  /* A sidebar title's element before its text, with the line breaks Material's templates write. */
  function putBeforeTitleText(title, element) {
    var name = title.textContent;
    title.textContent = "\n";
    title.appendChild(element);
    title.appendChild(document.createTextNode("\n" + name + "\n"));
  }
  /* The drawer's title is the site's name: its logo link is the header's (the same template code),
     read once instant navigation has put the new page's header logo in place (it swaps the
     container first), i.e. after the DOM call that connected the marker. */
  function restoreDrawerTitle(main) {
    var title = main.querySelector(".md-nav--primary > label.md-nav__title[for=__drawer]");
    if (!title || title.firstElementChild || !title.textContent) return;
    queueMicrotask(function () {
      var logo = document.querySelector(".md-header__button.md-logo");
      if (!logo || title.firstElementChild) return;
      var link = logo.cloneNode(true);
      link.className = "md-nav__button md-logo";
      putBeforeTitleText(title, link);
    });
  }
  /* The tables of contents (partials/toc.html), the sidebar's and the drawer's: their titles' icon,
     and data-md-scrollfix on their lists and the nav's (nav.html), which Material's script reads,
     then removes. */
  function restoreTocTitle(main) {
    var titles = main.querySelectorAll(".md-nav--secondary > label.md-nav__title[for=__toc]");
    for (var t = 0; t < titles.length; t++) {
      if (titles[t].firstElementChild || !titles[t].textContent) continue;
      var icon = document.createElement("span");
      icon.className = "md-nav__icon md-icon";
      putBeforeTitleText(titles[t], icon);
    }
    var lists = main.querySelectorAll(
      ".md-sidebar--primary .md-nav--primary > .md-nav__list, .md-nav--secondary > [data-md-component=toc]");
    for (var i = 0; i < lists.length; i++) lists[i].setAttribute("data-md-scrollfix", "");
    var primary = main.querySelector(".md-sidebar--primary .md-nav--primary:not([data-md-level])");
    if (primary) primary.setAttribute("data-md-level", "0");
  }
  function restoreFooter(container) {
    var footer = container && container.querySelector("footer.md-footer");
    if (!footer || footer.firstChild) return;
    var copyright = document.createElement("div");
    copyright.className = "md-copyright";
    var inner = document.createElement("div");
    inner.className = "md-footer-meta__inner md-grid";
    inner.appendChild(copyright);
    var meta = document.createElement("div");
    meta.className = "md-footer-meta md-typeset";
    meta.appendChild(inner);
    footer.appendChild(meta);
  }
  /* A note page's plain code blocks, written without their <div class="highlight">
     (hooks/zhudu/compact/code_blocks.py, which marks the page data-highlight only when every
     <pre> without attributes outside such a div is one of them). */
  function restoreCodeBlocks(marker, main) {
    if (!marker.hasAttribute("data-highlight")) return;
    var blocks = main.querySelectorAll(":scope > .md-content pre");
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i];
      if (pre.attributes.length || pre.parentElement.matches("div.highlight")) continue;
      var wrapper = document.createElement("div");
      wrapper.className = "highlight";
      pre.replaceWith(wrapper);
      wrapper.appendChild(pre);
    }
  }
  /* The page's title (partials/zd-header-topic.html): data-zd-text holds Material's markup of it,
     escaped; read as HTML in an inert template, only its text is used. Null when the page wrote
     Material's topic itself (a title with a tag). */
  function markerTitle(marker) {
    var title = marker.getAttribute("data-zd-text");
    if (title === null) return null;
    var markup = document.createElement("template");
    markup.innerHTML = title;
    return markup.content.textContent;
  }
  /* The header's second topic, the page's title. */
  function restoreHeaderTopic(marker) {
    var title = markerTitle(marker);
    var first = document.querySelector(".md-header__ellipsis > .md-header__topic");
    if (title === null || !first) return;
    var topic = document.querySelector("[data-md-component=header-topic]");
    if (!topic) {
      topic = document.createElement("div");
      topic.className = "md-header__topic";
      topic.setAttribute("data-md-component", "header-topic");
      topic.appendChild(document.createElement("span")).className = "md-ellipsis";
      first.after(topic);
    }
    topic.firstElementChild.textContent = title;
  }
  /* A note is outside the nav, so below 60em, where the drawer is the only nav, it had no table of
     contents: the drawer gets Material's item for the page shown (partials/nav-item.html, 9.8.1),
     last in the nav's list, holding a copy of the sidebar's table (its title in the variant's words,
     its entries plain until restored below, as the sidebar's); zhudu.css hides it from 60em. Copied
     here, not written by the templates: the entries a second time were about 870 bytes of every
     note page. Without Material's link to the page itself, which its CSS hides in the drawer. */
  function addDrawerToc(marker, main) {
    var list = main.querySelector(".md-sidebar--primary .md-nav--primary > .md-nav__list");
    var toc = main.querySelector(".md-sidebar--secondary .md-nav--secondary");
    /* A page of the nav has its own item (with its table, if any), as has a page already done. */
    if (!list || !toc || !toc.querySelector("[data-md-component=toc] > li")) return;
    if (list.querySelector(":scope > .md-nav__item--active")) return;
    var item = document.createElement("li");
    item.className = "md-nav__item md-nav__item--active zd-nav-toc";
    var toggle = item.appendChild(document.createElement("input"));
    toggle.className = "md-nav__toggle md-toggle";
    toggle.type = "checkbox";
    toggle.id = "__toc";
    var label = item.appendChild(document.createElement("label"));
    label.className = "md-nav__link md-nav__link--active";
    label.htmlFor = "__toc";
    label.appendChild(document.createElement("span")).className = "md-ellipsis";
    label.firstChild.textContent = pageTitle(marker, main);
    label.appendChild(document.createElement("span")).className = "md-nav__icon md-icon";
    item.appendChild(toc.cloneNode(true));
    list.appendChild(item);
  }
  /* The page's title as the header shows it, else (a title with a tag) its first heading's text. */
  function pageTitle(marker, main) {
    var title = markerTitle(marker);
    var heading = main.querySelector(".md-content h1");
    return title !== null ? title : heading ? heading.textContent.trim() : "";
  }
  function restoreContainer(marker) {
    var main = marker.parentNode;
    if (!main) return;
    restoreHeaderTopic(marker);
    restoreCodeBlocks(marker, main);
    addDrawerToc(marker, main);
    var links = main.querySelectorAll("[data-md-component=toc] a:not([class])");
    for (var i = 0; i < links.length; i++) links[i].className = "md-nav__link md-ellipsis";
    /* In the drawer the entries' items are Material's md-nav__item too (its drawer rules). */
    var entries = main.querySelectorAll(".md-sidebar--primary [data-md-component=toc] li:not([class])");
    for (i = 0; i < entries.length; i++) entries[i].className = "md-nav__item";
    var items = main.querySelectorAll(".md-sidebar--primary .md-nav--primary > .md-nav__list > li:not([class])");
    for (i = 0; i < items.length; i++) {
      var link = items[i].firstElementChild;
      if (!link || link.tagName !== "A" || link.className) continue;
      items[i].className = "md-nav__item";
      link.className = "md-nav__link";
      var span = document.createElement("span");
      span.className = "md-ellipsis";
      while (link.firstChild) span.appendChild(link.firstChild);
      span.insertBefore(document.createTextNode("\n"), span.firstChild);
      span.appendChild(document.createTextNode("\n"));
      link.appendChild(document.createTextNode("\n"));
      link.appendChild(span);
      link.appendChild(document.createTextNode("\n"));
    }
    var content = main.querySelector(":scope > .md-content:not([data-md-component])");
    if (content) content.setAttribute("data-md-component", "content");
    restoreSidebarWrappers(main);
    restoreDrawerTitle(main);
    restoreTocTitle(main);
    restoreFooter(marker.closest("[data-md-component=container]"));
    marker.remove();
  }
  if (window.customElements && !customElements.get("zd-restore")) {
    customElements.define("zd-restore", class extends HTMLElement {
      connectedCallback() { restoreContainer(this); }
    });
  }
})();
