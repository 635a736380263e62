/* Zhudu's lazy search (overrides/partials/zd-lazy-search.html says why and how): Material fetches
   nothing of the search index until the reader opens search.  A file, not inline: the browser keeps
   it once for every page (it was 3.7 KiB of every page).  Deferred, before Material's deferred
   bundle, so it still runs first, with the search form in the document, before DOMContentLoaded. */
(function () {
  var form = document.forms.namedItem("search"), config = document.getElementById("__config");
  if (!form || !config || location.protocol === "file:") return;
  var data = JSON.parse(config.textContent);
  var token = Date.now().toString(36) + Math.random().toString(36).slice(2);
  if (!/(^|\/)assets\/zhudu\/search-worker\.js(\?v=\w+)?$/.test(data.search)) return;  /* search: material */
  var manifest = new URL("search/manifest.json", new URL(data.base, location.href)).href;
  /* The worker is shared by every variant (assets/ is at the site's root): it is told which index is this page's. */
  data.search += "#zd-manifest=" + encodeURIComponent(manifest);
  if (typeof BroadcastChannel === "function") data.search += "&zd-search=" + token;
  config.textContent = JSON.stringify(data);
  if (typeof BroadcastChannel !== "function") return;  /* Material loads its index, then SETUP */
  form.removeAttribute("name");
  document.addEventListener("DOMContentLoaded", function () { form.setAttribute("name", "search"); });
  var channel = new BroadcastChannel("zd-search:" + token), opened = false;
  var traditional = /^zh-Hant/.test(document.documentElement.lang);
  var WORDS = traditional ? "筆記中有：" : "笔记中有：";
  var APART = traditional ? "逐字搜尋：" : "逐字搜索：";
  /* Said instead of Material's "nothing found" when the worker could not search (search-worker.js):
   * the index could not be had even from the server, it is newer than this page's script, or the
   * browser cannot inflate its files (no DecompressionStream, and the vendored fflate does not run). */
  var FAILED = {
    "zh-Hant-TW": { unavailable: "無法載入搜尋索引，請稍後重新整理頁面再試。", outdated: "網站已更新，請重新整理頁面後再搜尋。",
                    unsupported: "這個瀏覽器無法讀取搜尋索引，請改用較新的瀏覽器。" },
    "zh-Hant-HK": { unavailable: "未能載入搜尋索引，請稍後重新載入頁面再試。", outdated: "網站已更新，請重新載入頁面後再搜尋。",
                    unsupported: "這個瀏覽器無法讀取搜尋索引，請改用較新的瀏覽器。" },
    "zh-Hans": { unavailable: "无法加载搜索索引，请稍后刷新页面再试。", outdated: "网站已更新，请刷新页面后再搜索。",
                 unsupported: "这个浏览器无法读取搜索索引，请换用较新的浏览器。" }
  };
  var FAILURE = FAILED[document.documentElement.lang] || (traditional ? FAILED["zh-Hant-TW"] : FAILED["zh-Hans"]);
  /* Said under Material's count when more pages matched than the list holds (search-worker.js lists ten),
   * in Material's own word for a result in each variant: the count is of the pages listed, and nothing
   * said the others were there. */
  var UNLISTED = {
    "zh-Hant-TW": "另有 # 個項目沒有列出；多輸入幾個字可以縮小範圍。",
    "zh-Hant-HK": "另有 # 個結果未有列出；多輸入幾個字可以收窄範圍。",
    "zh-Hans": "另有 # 个结果没有列出；多输入几个字可以缩小范围。"
  };
  var MORE = UNLISTED[document.documentElement.lang] || (traditional ? UNLISTED["zh-Hant-TW"] : UNLISTED["zh-Hans"]);
  function load() { if (opened) channel.postMessage({ manifest: manifest }); }
  function open() { opened = true; load(); }
  function query() { return document.querySelector("[data-md-component=search-query]"); }
  function ask(text) {
    var input = query();
    if (!input) return;
    input.value = text;
    input.focus();
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));  /* Material reads the box on keyup */
  }
  function button(text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "zd-search-suggest__word";
    b.textContent = text;
    b.style.cssText = "color:var(--md-typeset-a-color);margin:0 .4em;cursor:pointer";
    b.addEventListener("click", function () { ask(text); });
    return b;
  }
  function same(a, b) { return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim(); }
  /* What the worker added under Material's line; removed as soon as the box holds anything else. */
  function clear() {
    var old = document.querySelector(".zd-search-suggest"), meta = document.querySelector(".md-search-result__meta");
    if (old) old.remove();
    if (meta) meta.style.removeProperty("display");
  }
  /* Words to try after a query that matched nothing, why the search could not be done, or how many
   * matching notes the list leaves out. */
  function suggest(answer) {
    var input = query();
    clear();
    if (!(answer.none || answer.failed || answer.unlisted) || !input || !same(input.value, answer.query)) return;
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var box = document.createElement("div");
    box.className = "zd-search-suggest md-search-result__meta";
    box.setAttribute("role", "status");
    if (answer.failed) {
      box.classList.add("zd-search-failed");
      box.textContent = FAILURE[answer.failed] || FAILURE.unavailable;
      meta.style.display = "none";  /* Material's "nothing found" would not be true */
      meta.parentNode.insertBefore(box, meta.nextSibling);
      return;
    }
    if (!answer.none) {
      box.classList.add("zd-search-unlisted");
      box.textContent = MORE.replace("#", String(answer.unlisted));
      meta.parentNode.insertBefore(box, meta.nextSibling);
      return;
    }
    if (answer.suggest.length) {
      box.appendChild(document.createTextNode(WORDS));
      answer.suggest.forEach(function (w) { box.appendChild(button(w)); });
    }
    var chars = Array.from(answer.query.replace(/\s+/g, ""));
    if (chars.length > 1 && answer.query.indexOf(" ") < 0) {
      box.appendChild(document.createTextNode(APART));
      box.appendChild(button(chars.join(" ")));
    }
    if (box.childNodes.length) meta.parentNode.insertBefore(box, meta.nextSibling);
  }
  channel.onmessage = function (ev) {
    if (ev.data && typeof ev.data.query === "string") suggest(ev.data);
    else load();  /* the worker started after the reader opened search */
  };
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("[data-md-component=search-query]")) open();
  }, true);
  document.addEventListener("change", function (e) {
    if (e.target.id === "__search" && e.target.checked) open();
  }, true);
  document.addEventListener("input", function (e) {
    if (!e.target.matches || !e.target.matches("[data-md-component=search-query]")) return;
    clear();
    /* The worker starts this search as soon as it has the manifest (Material asks only after READY). */
    if (opened && !e.isComposing) channel.postMessage({ manifest: manifest, typed: e.target.value });
  }, true);
  /* An input method's last input event still says it is composing (Chrome): the word is done here. */
  document.addEventListener("compositionend", function (e) {
    if (opened && e.target.matches && e.target.matches("[data-md-component=search-query]")) {
      channel.postMessage({ manifest: manifest, typed: e.target.value });
    }
  }, true);
})();
