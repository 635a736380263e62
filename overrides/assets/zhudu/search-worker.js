/* Zhudu search worker: Material's search message protocol, passage-level Chinese search.
 *
 * Material's UI sends {type: 0 SETUP, data: {config, docs, options}} and {type: 2 QUERY, data: string};
 * this worker answers {type: 1 READY} and {type: 3 RESULT, data: {items: SearchItem[][], total}}.
 * The index is written by hooks/zhudu/search.py (see its docstring for the format).
 *
 * Usually Material never sends SETUP: overrides/partials/zd-lazy-search.html keeps Material's bundle
 * from fetching the index at start-up, and tells this worker where the index is once the reader opens
 * search (see loadWhenAsked); the worker then fetches it and says READY, as after a SETUP.
 *
 * How a query is matched:
 *  - fold: full-width ASCII narrowed, lower case, Traditional characters to Simplified (length kept,
 *    so a hit maps back onto the displayed text);
 *  - readings: the folded query, and the query with regional words (資料, 軟體, 網路 …) replaced by
 *    their canonical word (数据, 软件, 网络); the script the reader typed decides which weighs more;
 *  - segmentation: each Han run is cut into the fewest pieces that each occur in the corpus (so the
 *    last word of an unspaced query counts like any other), Latin words are words;
 *  - a passage scores by the share of the query it contains (pieces weighted by rarity and length),
 *    with bonuses for the whole query as a phrase, for all pieces present, and for pieces close together.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var FOLD = Object.create(null);
var ALIAS = Object.create(null);
var AMBIGUOUS = Object.create(null);
var ALIAS_MAX = 0;
var FORMS = Object.create(null);  /* canonical word -> its regional forms (for highlighting) */
var PAGES = [];                   /* {location, title} */
var PASSAGES = [];                /* {page, location, title, text, ftext, ctext, same} */
var CORPUS = "";                  /* every folded canonical text, for segmentation */
var DF_CACHE = Object.create(null);
var OCCURS_CACHE = Object.create(null);

var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
var WORD = /[a-z0-9\u00c0-\u024f]/;

function fold(s) {
  var out = "";
  for (var i = 0; i < s.length; i++) {
    var ch = s.charAt(i), o = s.charCodeAt(i);
    if (o >= 0xff01 && o <= 0xff5e) ch = String.fromCharCode(o - 0xfee0);
    else if (o === 0x3000) ch = " ";
    var low = ch.toLowerCase();
    if (low.length === 1) ch = low;
    out += FOLD[ch] || ch;
  }
  return out;
}

function escapeHTML(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function setup(data) {
  var zd = (data.config && data.config.zhudu) || {};
  var pairs = zd.fold || "";
  FOLD = Object.create(null);
  for (var i = 0; i + 1 < pairs.length; i += 2) FOLD[pairs.charAt(i)] = pairs.charAt(i + 1);
  ALIAS = Object.create(null);
  FORMS = Object.create(null);
  ALIAS_MAX = 0;
  var alias = zd.alias || {};
  Object.keys(alias).forEach(function (key) {
    ALIAS[key] = alias[key];
    ALIAS_MAX = Math.max(ALIAS_MAX, key.length);
    (FORMS[alias[key]] = FORMS[alias[key]] || []).push(fold(key));
  });
  AMBIGUOUS = Object.create(null);
  (zd.amb || []).forEach(function (key) { AMBIGUOUS[key] = true; });
  PAGES = [];
  PASSAGES = [];
  var byLocation = Object.create(null);
  var corpus = [];
  (data.docs || []).forEach(function (doc) {
    var hash = doc.location.indexOf("#");
    if (hash < 0) {
      byLocation[doc.location] = PAGES.length;
      PAGES.push({ location: doc.location, title: doc.title, ftitle: fold(doc.title) });
      corpus.push(fold(doc.title));
      return;
    }
    var page = byLocation[doc.location.slice(0, hash)];
    if (page === undefined) return;
    var ftext = fold(doc.text);
    var ctext = doc.c ? fold(doc.c) : ftext;
    PASSAGES.push({
      page: page, location: doc.location, title: doc.title, text: doc.text,
      ftext: ftext, ctext: ctext, same: ctext.length === doc.text.length
    });
    corpus.push(ctext);
  });
  CORPUS = corpus.join("\u0001");
  DF_CACHE = Object.create(null);
  OCCURS_CACHE = Object.create(null);
}

/* ----------------------------------------------------------------------- query analysis */

function occurs(s) {
  if (!(s in OCCURS_CACHE)) OCCURS_CACHE[s] = CORPUS.indexOf(s) >= 0;
  return OCCURS_CACHE[s];
}

/* Fewest pieces that each occur in the corpus; a character that occurs nowhere is its own piece. */
function segmentHan(run) {
  var n = run.length, best = [0], back = [0];
  for (var j = 1; j <= n; j++) {
    best[j] = Infinity;
    for (var i = Math.max(0, j - 16); i < j; i++) {
      var piece = run.slice(i, j);
      if (j - i > 1 && !occurs(piece)) continue;
      var cost = best[i] + 1;
      if (cost < best[j]) { best[j] = cost; back[j] = i; }
    }
  }
  var out = [];
  for (var k = n; k > 0; k = back[k]) out.unshift([back[k], k]);
  return out;
}

/* Terms of one reading: {text, start, end} in reading coordinates. */
function terms(reading) {
  var out = [], i = 0, n = reading.length;
  while (i < n) {
    var ch = reading.charAt(i);
    if (HAN.test(ch)) {
      var j = i;
      while (j < n && HAN.test(reading.charAt(j))) j++;
      segmentHan(reading.slice(i, j)).forEach(function (r) {
        out.push({ text: reading.slice(i + r[0], i + r[1]), start: i + r[0], end: i + r[1], han: true });
      });
      i = j;
    } else if (WORD.test(ch)) {
      var k = i;
      while (k < n && WORD.test(reading.charAt(k))) k++;
      out.push({ text: reading.slice(i, k), start: i, end: k, han: false });
      i = k;
    } else {
      i++;
    }
  }
  return out;
}

/* The query's readings: [{text, weight, raw: [[start,end] in the raw query] per reading char}]. */
function readings(raw) {
  var folded = fold(raw);
  var plain = { text: folded, weight: 1, map: null };
  if (!ALIAS_MAX) return [plain];
  var text = "", map = [], strong = false, weak = false, i = 0;
  while (i < raw.length) {
    var hit = null;
    for (var len = Math.min(ALIAS_MAX, raw.length - i); len >= 2 && !hit; len--) {
      var r = raw.substr(i, len), f = folded.substr(i, len);
      if (ALIAS[r] !== undefined && r !== f) hit = { to: ALIAS[r], len: len, strong: true };
      else if (ALIAS[f] !== undefined) hit = { to: ALIAS[f], len: len, strong: !AMBIGUOUS[f] };
    }
    if (hit) {
      for (var c = 0; c < hit.to.length; c++) map.push([i, i + hit.len]);
      text += hit.to;
      if (hit.strong) strong = true; else weak = true;
      i += hit.len;
    } else {
      text += folded.charAt(i);
      map.push([i, i + 1]);
      i++;
    }
  }
  if (text === folded) return [plain];
  var region = { text: text, weight: strong ? 1 : 0.8, map: map };
  plain.weight = strong ? 0.9 : 1;
  return [plain, region];
}

function df(term) {
  if (!(term in DF_CACHE)) {
    var n = 0;
    for (var i = 0; i < PASSAGES.length; i++) if (PASSAGES[i].ctext.indexOf(term) >= 0) n++;
    DF_CACHE[term] = n;
  }
  return DF_CACHE[term];
}

/* ----------------------------------------------------------------------- scoring */

function scoreReading(reading, ts, p) {
  var total = 0, got = 0, found = [], all = true, first = Infinity, last = -1;
  var N = PASSAGES.length;
  for (var i = 0; i < ts.length; i++) {
    var t = ts[i];
    var d = df(t.text);
    var w = Math.log(1 + N / (1 + d)) * (t.han ? Math.min(t.text.length, 4) : Math.min(t.text.length, 6) / 1.5);
    if (d === 0) w *= 0.25;  /* a piece nothing contains: count it, but do not let it dominate */
    total += w;
    var at = p.ctext.indexOf(t.text);
    if (at >= 0) {
      got += w;
      found.push({ term: t, at: at });
      first = Math.min(first, at);
      last = Math.max(last, at + t.text.length);
    } else {
      all = false;
    }
  }
  if (!found.length || !total) return null;
  var score = 10 * got / total;
  if (all && ts.length > 1) score += 3;
  var compact = reading.text.replace(/\s+/g, " ").trim();
  if (compact.length > 1 && p.ctext.indexOf(compact) >= 0) score += 5;
  else if (found.length > 1) score += 2 / (1 + (last - first) / 24);
  /* Short passages about the query beat long ones that mention it once. */
  score += 0.5 / (1 + p.ctext.length / 200);
  return { score: score, found: found, all: all };
}

function search(raw) {
  raw = raw.normalize ? raw.normalize("NFKC").replace(/\s+/g, " ").trim() : raw.trim();
  if (!raw) return { items: [], total: 0 };
  var rs = readings(raw).map(function (r) { return { r: r, ts: terms(r.text) }; })
    .filter(function (x) { return x.ts.length; });
  var hits = [];
  for (var i = 0; i < PASSAGES.length; i++) {
    var p = PASSAGES[i], best = null;
    for (var k = 0; k < rs.length; k++) {
      var s = scoreReading(rs[k].r, rs[k].ts, p);
      if (s && (!best || s.score * rs[k].r.weight > best.score)) {
        best = { score: s.score * rs[k].r.weight, found: s.found, all: s.all, reading: rs[k] };
      }
    }
    if (best) hits.push({ p: p, hit: best });
  }
  if (!hits.length) return { items: [], total: 0 };
  hits.sort(function (a, b) { return b.hit.score - a.hit.score || a.p.ctext.length - b.p.ctext.length; });
  /* Keep the passages that are a fair match: full matches, or the best score's neighbourhood. */
  var top = hits[0].hit.score;
  hits = hits.filter(function (h) { return h.hit.all || h.hit.score >= top * 0.5; }).slice(0, 60);
  var groups = [], byPage = Object.create(null);
  hits.forEach(function (h) {
    var g = byPage[h.p.page];
    if (!g) { g = byPage[h.p.page] = []; groups.push(g); }
    g.push(render(h, raw));
  });
  var items = groups.map(function (g) {
    var page = PAGES[g[0].page];
    var terms = {};
    g.forEach(function (doc) { Object.keys(doc.terms).forEach(function (t) { terms[t] = terms[t] || doc.terms[t]; }); });
    g.forEach(function (doc) { delete doc.page; });
    /* The page itself comes last and scores lowest: Enter opens the best passage. */
    g.push({ location: page.location, title: escapeHTML(page.title), text: "", score: 0, terms: terms });
    return g;
  });
  return { items: items, total: hits.length };
}

/* A passage as Material renders it: title, a window of text with <mark>s, terms for ?h=. */
function render(h, raw) {
  var p = h.p, ranges = [], termsOut = {};
  h.hit.found.forEach(function (f) {
    var len = f.term.text.length;
    var spans = [];
    if (p.same) {
      var at = f.at;
      while (at >= 0) { spans.push([at, at + len]); at = p.ctext.indexOf(f.term.text, at + len); }
    } else {
      /* Regional wording changed the length: find the term's shown forms in the folded display text. */
      var forms = [f.term.text].concat(FORMS[f.term.text] || []);
      forms.forEach(function (form) {
        var at2 = p.ftext.indexOf(form);
        while (at2 >= 0) { spans.push([at2, at2 + form.length]); at2 = p.ftext.indexOf(form, at2 + form.length); }
      });
    }
    spans.forEach(function (s) { ranges.push(s); });
    if (spans.length) termsOut[p.text.slice(spans[0][0], spans[0][1])] = true;
  });
  (h.hit.reading.ts || []).forEach(function (t) {
    var matched = h.hit.found.some(function (f) { return f.term === t; });
    if (!matched) {
      var m = h.hit.reading.r.map;
      var shown = m ? raw.slice(m[t.start][0], m[t.end - 1][1]) : raw.slice(t.start, t.end);
      termsOut[shown] = false;
    }
  });
  ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var merged = [];
  ranges.forEach(function (r) {
    var last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  });
  var text = p.text, start = 0, end = text.length;
  if (text.length > 160) {
    var anchor = merged.length ? merged[0][0] : 0;
    start = Math.max(0, anchor - 40);
    end = Math.min(text.length, start + 160);
  }
  var html = start > 0 ? "…" : "", at3 = start;
  merged.forEach(function (r) {
    if (r[1] <= start || r[0] >= end) return;
    var a = Math.max(r[0], start), b = Math.min(r[1], end);
    html += escapeHTML(text.slice(at3, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
    at3 = b;
  });
  html += escapeHTML(text.slice(at3, end)) + (end < text.length ? "…" : "");
  return {
    page: p.page, location: p.location, title: escapeHTML(p.title),
    text: "<p>" + html + "</p>", score: h.hit.score, terms: termsOut
  };
}

/* ----------------------------------------------------------------------- loading the index */

var LOADING = false;  /* the index is being fetched here, or was set up */

function ready(data) {
  LOADING = true;
  setup(data);
  self.postMessage({ type: READY });
}

/* When this worker's URL carries "#zd-search=<token>" (zd-lazy-search.html), its page speaks on the
 * BroadcastChannel "zd-search:<token>": {index: url} each time the reader opens search.  The first
 * such message fetches the index (a failed fetch leaves the next one to try again).  On start the
 * worker says hello, so that a page whose reader opened search before the worker ran says it again. */
function loadWhenAsked() {
  var token = /[#&]zd-search=(\w+)/.exec(self.location.hash);
  if (!token || typeof BroadcastChannel !== "function") return;
  var channel = new BroadcastChannel("zd-search:" + token[1]);
  channel.onmessage = function (ev) {
    var url = ev.data && ev.data.index;
    if (LOADING || typeof url !== "string") return;
    LOADING = true;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        channel.close();
        ready(data);
      }, function (error) {
        LOADING = false;
        throw error;
      });
  };
  channel.postMessage({ hello: true });
}

self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    ready(message.data);
  } else if (message.type === QUERY) {
    self.postMessage({ type: RESULT, data: search(String(message.data || "")) });
  }
});

loadWhenAsked();
