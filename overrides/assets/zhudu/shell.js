/* The header's controls that work only with JavaScript, drawn from the few strings the page carries
   (overrides/partials/palette.html and search.html say which): the palette toggle and the search
   dialog's inside were about 2 KB of every page.  With JavaScript off nothing changes: Material
   shows no palette toggle without it, and its CSS hides search (.no-js).  Deferred and first of the
   page's scripts, so the elements exist, as Material's templates write them, before lazy-search.js
   and Material's bundle look for them.  Built with DOM calls: the strings are never parsed as HTML. */
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
  function strings(node) {
    return (node.getAttribute("data-zd-text") || "").split("|");
  }

  /* partials/palette.html: "scheme primary accent icon media|…", the toggles' names apart. */
  var palette = document.querySelector("[data-md-component=palette][data-zd-palette]");
  if (palette) {
    var options = palette.getAttribute("data-zd-palette").split("|"), names = strings(palette);
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
    palette.removeAttribute("data-zd-text");
  }

  /* partials/search.html: the icons, then placeholder|reset|initializer. */
  var search = document.querySelector("[data-md-component=search][data-zd-search]");
  if (search) {
    var icons = search.getAttribute("data-zd-search").split(" "), text = strings(search);
    var name = search.getAttribute("aria-label") || "", features = [];
    try { features = JSON.parse(document.getElementById("__config").textContent).features || []; } catch (e) {}
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
    search.removeAttribute("data-zd-text");
  }
})();
