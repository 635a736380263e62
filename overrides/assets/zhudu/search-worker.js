/* Zhudu search worker: Material's search message protocol, passage-level Chinese search.
 *
 * Material's UI sends {type: 0 SETUP} and {type: 2 QUERY, data: string}; this worker answers
 * {type: 1 READY} and {type: 3 RESULT, data: {items: SearchItem[][], total}}.
 *
 * The index is sharded (hooks/zhudu/search/shards.py documents the files): the worker fetches the
 * variant's small manifest.json when the reader opens search, then per query only the shards holding
 * the query's character pairs, and the passages (fragments) of the pages it shows. Each file is
 * fetched once (the browser's cache keeps it; names carry a content hash). Every file but the
 * manifest is stored deflated (<n>.deflate, hooks/zhudu/search/writing.py) and inflated here with
 * the browser's DecompressionStream: the site holds the bytes gzip would send. A browser without it
 * (Safari < 16.4, Chrome < 80, Firefox < 113) loads vendor/fflate-<version>.js, then only (README,
 * "Dependencies"), and inflates with it: other readers fetch none of its bytes.
 *
 * After a redeploy: the manifest's URL is fixed and GitHub Pages lets a browser keep it for ten
 * minutes (max-age=600), so the manifest a page gets may name folders the new deploy no longer has,
 * or be of a format this worker does not read (an old page's script, a new manifest).  A file that
 * cannot be had (HTTP error, network, unreadable JSON) or a manifest of another format makes the
 * worker ask the server for the manifest again, bypassing the cache (renew), and search once more
 * with it; if that fails too, the page says so ({query, failed} on the channel, zd-lazy-search.html).
 *
 * Usually Material never sends SETUP: overrides/partials/zd-lazy-search.html keeps Material's bundle
 * from fetching its own index and tells this worker where the manifest is once the reader opens
 * search (see loadWhenAsked). A SETUP (Material's own loading, where the page could not stop it) is
 * answered the same way, from the manifest named in this worker's URL ("#zd-manifest=…").
 *
 * How a query is matched:
 *  - fold: full-width ASCII narrowed, lower case, Traditional characters to Simplified (length kept,
 *    so a hit maps back onto the displayed text);
 *  - readings: the folded query, and the query with regional words (資料, 軟體, 網路 …) replaced by
 *    their canonical word (数据, 软件, 网络); the script the reader typed decides which weighs more; a
 *    third keeps the regional words the notes hold as they fold (除錯訊息 → 调试讯息, a Taiwan note's text);
 *    when none is found whole, a query ending inside a regional word (設定檔 of 設定檔案) read as it;
 *  - segmentation: each Han run is cut into the fewest pieces that each occur in the notes (so the
 *    last word of an unspaced query counts like any other), Latin words are words;
 *  - honest: a single character cut out of a longer run is not searched for (it would match unrelated
 *    words); characters typed apart ("软 体") or a one-character query are. A query that matches
 *    nothing gets no results, and the page (zd-lazy-search.html) shows words the notes do contain;
 *  - a passage scores by the share of the query it contains (pieces weighted by rarity and length),
 *    times the share of the characters typed its reading searched for (a dropped lone character counts),
 *    with bonuses for the whole query as a phrase, for all pieces present, for pieces close together
 *    and for a short passage;
 *  - a page's title scores like a passage, and as much more as the query covers of it (TITLE_BONUS): found,
 *    it is the page's own result, opening its top; the glossary's entries weigh less (REFERENCE_WEIGHT), a
 *    query naming a term puts its entry first among them (ownEntryFirst).
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* The manifest format this worker reads (FORMAT in hooks/zhudu/search/assembly.py). */
var FORMAT = 7;
/* The pages a result list shows (Material renders ten at first): their passages are fetched. */
var MAX_PAGES = 10;
var MAX_PASSAGES = 60;
var SUGGEST_TRIED = 20;            /* words tried for the suggestions (five shown, of those a passage holds) */
/* A page's title found by a query: before its text is fetched it counts as a passage at most as short as any
 * (their bonus for it is below 0.5), or, found at its start, as a title typed whole (the most it can get:
 * the page is fetched); then as much more as the query covers of it, cubed (a title typed whole: 4; 马斯克
 * of a 24-character title: 0.01, below any passage's bonus for being short but the longest). */
var TITLE_AHEAD = 0.5;
var TITLE_BONUS = 4;
/* A reference page's passages (the glossary's entries: a fragment file's "r") weigh less than the notes' of as
 * good a match: a term's entry, short, came before every note saying it. */
var REFERENCE_WEIGHT = 0.9;
/* A passage whose words the query finds only in an editor's note on it (its postings' NOTED places) weighs less than
 * one whose author wrote them: the note is still found, under the author's own passage of as good a match, and
 * above the glossary's entries (REFERENCE_WEIGHT): Scion, only in a note, opens the note's passage first. */
var NOTE_WEIGHT = 0.95;

var BASE = "";                     /* URL of the variant's search/ folder */
var MANIFEST_URL = "";
var MANIFEST = null;               /* promise of the manifest, once asked */
var IN_USE = "";                   /* the manifest in use, as JSON: a renewed one that is the same changes nothing */
var GENERATION = 0;                /* counts the manifests used: a search started under another one starts again */
var RENEWING = null;               /* promise of the manifest asked of the server, bypassing the cache */
var SAID_READY = false;
var FOLD = Object.create(null);
var ALIAS_MAX = 0;
var ALIAS = Object.create(null);   /* regional form -> [canonical word, ambiguous] */
var ALIAS_PREFIX = Object.create(null);  /* beginning of a regional form -> the forms (prefixesOf) */
/* A TYPED form (folded) -> the pages (URL order) that show it where their author wrote it: read there as typed
 * (manifest "shownAt", shown_at in hooks/zhudu/search/rule_words.py). */
var SHOWN_AT = Object.create(null);
/* A tail reading (tailReading) reads more than was typed: it weighs less than the literal reading (0.9-1). */
var TAIL_WEIGHT = 0.85;
/* A reading keeping the regional words the notes hold too (readings) weighs a little below the full one. */
var KEPT_WEIGHT = 0.95;
/* A reading through a word a reader types that no page shows (a regional form flagged TYPED: 設定檔 for 配置文件,
 * shown 配置檔案; search/rule_words.py) weighs below a tail reading, which finds what a page shows (設定檔案). */
var TYPED_WEIGHT = 0.8;
var AMBIGUOUS = 1, TYPED = 2;      /* a regional form's flags (alias_flags in hooks/zhudu/search/rule_words.py) */
var CHUNK = 1;                     /* passages per fragment file */
var SHARDS = {};                   /* family -> [count, folder] */
var PAGE_START = [];               /* each page's first number (its title's); pages in URL order */
var BY_START = [];                 /* the pages in number order */
var BUCKET_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
var PASSAGE_COUNT = 0;             /* passages in the notes (a page's block has unused numbers) */
var FRAGMENTS = "";
var PATCH = "";                    /* this variant's key among a fragment file's patches (v), when it is not the base */
var BASE_FOLD = false;             /* the base's text is mapped through FOLD's characters first (a Simplified variant) */
var STORED = ".deflate";           /* a family file's suffix (STORED_SUFFIX in hooks/zhudu/search/writing.py) */
/* Relative to this worker. The ?v= is the file's hash (publish/asset_versions.py; a test checks it):
 * naming it here changes this worker's own ?v= whenever the library changes. */
var INFLATE_SCRIPT = "vendor/fflate-0.8.3.js?v=462ef8041fc9";
var INFLATE = null;                /* fflate, once loaded (no DecompressionStream only) */
var FILES = Object.create(null);   /* URL -> promise of its JSON */
var LOADED = Object.create(null);  /* URL -> its JSON */
var DECODED = Object.create(null); /* family + key -> Map(doc -> positions) */
var NOTED_AT = Object.create(null); /* family + key -> Map(doc -> its positions inside an editor's note) */
var NOTED = ".";                   /* after a position inside an editor's note (NOTED in hooks/zhudu/search/grams.py) */
var OCCURS = Object.create(null);  /* folded string -> Map(doc -> positions) */
var LATEST = 0;
var CHANNEL = null;                /* the page's BroadcastChannel, for what Material's protocol has no room for */
var PREPARED = null;               /* {query, promise}: the search of what the reader typed last */

var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
var HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
var WORD = /[a-z0-9\u00c0-\u024f]/;
var TERM_CHAR = /[\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]/;
var EMPTY = new Map();

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

/* ----------------------------------------------------------------------- files */

function fetchJSON(url, init) {
  return fetch(url, init).then(function (response) {
    if (!response.ok) throw new Error("search index: HTTP " + response.status + " " + url);
    return response.json();
  });
}

/* fflate, loaded on first need. A script that loads but does not run here (a syntax or feature the
 * browser lacks) makes the error "unsupported"; a network failure does not (tried again next query). */
function fallbackInflate() {
  if (INFLATE) return INFLATE;
  try {
    if (typeof importScripts !== "function") throw new TypeError("no importScripts");
    importScripts(INFLATE_SCRIPT);
    if (!self.fflate || typeof self.fflate.unzlibSync !== "function") throw new TypeError("no fflate");
  } catch (error) {
    if (!error || error.name !== "NetworkError") {
      var failed = new Error("search index: this browser cannot inflate (" + error + ")");
      failed.unsupported = true;
      throw failed;
    }
    throw error;
  }
  INFLATE = self.fflate;
  return INFLATE;
}

/* A stored family file: deflated JSON (a server may still gzip it on the wire: fetch undoes that). */
function fetchDeflated(url, init) {
  return fetch(url, init).then(function (response) {
    if (!response.ok) throw new Error("search index: HTTP " + response.status + " " + url);
    if (typeof DecompressionStream === "function") {
      return new Response(response.body.pipeThrough(new DecompressionStream("deflate"))).json();
    }
    return response.arrayBuffer().then(function (buffer) {
      var fflate = fallbackInflate();
      return JSON.parse(fflate.strFromU8(fflate.unzlibSync(new Uint8Array(buffer))));
    });
  });
}

function getJSON(url) {
  if (!FILES[url]) {
    FILES[url] = fetchDeflated(url, { credentials: "same-origin" }).then(function (data) {
      LOADED[url] = data;
      return data;
    }, function (error) {
      delete FILES[url];  /* the next query tries again */
      throw error;
    });
  }
  return FILES[url];
}

/* 32-bit FNV-1a of the UTF-16 code units (shard_of in hooks/zhudu/search/shards.py). */
function shardOf(key, count) {
  var h = 2166136261;
  for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return h % count;
}

function shardURL(family, key) {
  var where = SHARDS[family];  /* [count, folder] */
  if (!where || !where[0]) return null;
  return BASE + where[1] + "/" + shardOf(key, where[0]) + STORED;
}

function shard(family, key) {
  var url = shardURL(family, key);
  return (url && LOADED[url]) || {};
}

function loadShards(family, keys) {
  var urls = {};
  keys.forEach(function (key) { var url = shardURL(family, key); if (url) urls[url] = true; });
  return Promise.all(Object.keys(urls).map(getJSON));
}

/* Take a manifest into use; false when it is the one in use already. */
function useManifest(m) {
  if (!m || m.v !== FORMAT) {
    var error = new Error("search index: manifest format " + (m && m.v) + ", this worker reads " + FORMAT);
    error.outdated = true;
    throw error;
  }
  var text = JSON.stringify(m);
  if (text === IN_USE) return false;
  IN_USE = text;
  GENERATION++;
  /* Decoded postings are kept by key, not by file: they belong to the manifest that named their shards. */
  DECODED = Object.create(null);
  NOTED_AT = Object.create(null);
  OCCURS = Object.create(null);
  FOLD = Object.create(null);
  for (var i = 0; i + 1 < m.fold.length; i += 2) FOLD[m.fold.charAt(i)] = m.fold.charAt(i + 1);
  ALIAS_MAX = m.aliasMax || 0;
  ALIAS = m.alias || Object.create(null);
  ALIAS_PREFIX = prefixesOf(ALIAS);
  SHOWN_AT = Object.create(null);
  Object.keys(m.shownAt || {}).forEach(function (key) {
    SHOWN_AT[key] = Object.create(null);
    m.shownAt[key].split(",").forEach(function (n) { SHOWN_AT[key][parseInt(n, 36)] = true; });
  });
  CHUNK = m.chunk || 1;
  SHARDS = m.shards;
  FRAGMENTS = m.fragments;
  PATCH = m.patch || "";
  BASE_FOLD = !!m.baseFold;
  /* Each page takes a block of numbers (its title's, then its passages', in multiples of
   * m.reserved) in its bucket (m.bucket: one digit a page, pages in URL order; bucket b starts
   * at b * m.span): an edit to one note leaves the other notes' numbers, and the shards holding
   * them, as they were (search/assembly.py). */
  var counts = m.pages ? m.pages.split(",") : [], next = {};
  PAGE_START = [];
  PASSAGE_COUNT = 0;
  counts.forEach(function (n, page) {
    var count = parseInt(n, 36), bucket = BUCKET_DIGITS.indexOf(m.bucket.charAt(page));
    var at = next[bucket] === undefined ? bucket * m.span : next[bucket];
    PAGE_START.push(at);
    PASSAGE_COUNT += count;
    next[bucket] = at + Math.ceil((count + 1) / m.reserved) * m.reserved;
  });
  BY_START = PAGE_START.map(function (_, page) { return page; });
  BY_START.sort(function (a, b) { return PAGE_START[a] - PAGE_START[b]; });
  return true;
}

/* Each proper beginning (two characters or more) of a regional form -> the forms it begins, shortest first. */
function prefixesOf(alias) {
  var out = Object.create(null);
  Object.keys(alias).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); })
    .forEach(function (key) {
      if (alias[key][1] & TYPED) return;  /* a word no page shows: a query is not read as it */
      for (var n = 2; n < key.length; n++) (out[key.slice(0, n)] = out[key.slice(0, n)] || []).push(key);
    });
  return out;
}

/* The manifest from the server itself, not the browser's cache (a conditional request: a 304 when
 * unchanged); one request at a time, however many searches ask. */
function renew() {
  if (!RENEWING) {
    RENEWING = fetchJSON(MANIFEST_URL, { credentials: "same-origin", cache: "no-cache" }).then(useManifest);
    RENEWING.then(function () { RENEWING = null; }, function () { RENEWING = null; });
  }
  return RENEWING;
}

function loadManifest(url) {
  if (!MANIFEST_URL) {
    MANIFEST_URL = url;
    BASE = url.slice(0, url.lastIndexOf("/") + 1);
  }
  if (!MANIFEST) {
    MANIFEST = fetchJSON(MANIFEST_URL, { credentials: "same-origin" }).then(function (m) {
      try {
        useManifest(m);
      } catch (error) {
        if (!error.outdated) throw error;
        return renew();  /* a manifest the browser kept from an older deploy */
      }
    }).then(function () {
      if (!SAID_READY) self.postMessage({ type: READY });
      SAID_READY = true;
    }, function (error) {
      MANIFEST = null;  /* the next query asks again */
      throw error;
    });
  }
  return MANIFEST;
}

/* Thrown where a search finds that another manifest came into use while it waited for files. */
var MOVED = new Error("search index: the manifest changed during the search");

function still(generation) {
  return function (value) {
    if (generation !== GENERATION) throw MOVED;
    return value;
  };
}

/* search(), once more with a renewed manifest when a file it needs cannot be had. */
function searchSafely(raw) {
  return loadManifest(MANIFEST_URL).then(function () {
    var generation = GENERATION;
    return search(raw).then(null, function (error) {
      if (error && error.unsupported) throw error;  /* not the index's fault: a new manifest changes nothing */
      /* Another search may have renewed the manifest meanwhile: then it is used as it is. */
      var renewed = generation === GENERATION ? renew() : Promise.resolve();
      return renewed.then(function () { return search(raw); });
    });
  });
}

/* ----------------------------------------------------------------------- postings */

/* "doc,pos,pos doc,pos" (base 36, differences) -> Map(doc -> positions). */
/* A key's postings: Map(doc -> positions); noted gets the positions inside an editor's note (NOTED after one,
 * hooks/zhudu/search/grams.py: parseInt reads the number before it), doc -> positions. */
function decode(text, noted) {
  var out = new Map();
  if (!text) return out;
  var doc = 0;
  text.split(" ").forEach(function (entry) {
    var nums = entry.split(","), at = 0, positions = [], inNotes = null;
    doc += parseInt(nums[0], 36);
    for (var i = 1; i < nums.length; i++) {
      at += parseInt(nums[i], 36);
      positions.push(at);
      if (nums[i].charAt(nums[i].length - 1) === NOTED) (inNotes = inNotes || []).push(at);
    }
    out.set(doc, positions);
    if (inNotes) noted.set(doc, inNotes);
  });
  return out;
}

function postings(family, key) {
  var id = family + key;
  if (!DECODED[id]) {
    var section = shard(family, key)[family === "b" ? "p" : "u"] || {};
    NOTED_AT[id] = new Map();
    DECODED[id] = decode(section[key], NOTED_AT[id]);
  }
  return DECODED[id];
}

/* Whether the occurrence of folded s at position at of passage doc is inside an editor's note: each of its pairs
 * is (a character: the "u" postings hold where it first is, and where the author first wrote it when that is a note). */
function inANote(s, doc, at) {
  var family = s.length === 1 ? "u" : "b";
  for (var i = 0; i < Math.max(1, s.length - 1); i++) {
    var key = s.length === 1 ? s : s.slice(i, i + 2);
    postings(family, key);
    var there = NOTED_AT[family + key].get(doc);
    if (!there || there.indexOf(at + i) < 0) return false;
  }
  return true;
}

function isTermText(s) {
  for (var i = 0; i < s.length; i++) if (!TERM_CHAR.test(s.charAt(i))) return false;
  return s.length > 0;
}

/* Where a folded string occurs: Map(doc -> positions); a page's first number is its title (isTitle). */
function occurrences(s) {
  if (s in OCCURS) return OCCURS[s];
  var out;
  if (!isTermText(s)) out = EMPTY;
  else if (s.length === 1) out = postings("u", s);
  else {
    out = postings("b", s.slice(0, 2));
    for (var i = 1; i + 1 < s.length && out.size; i++) {
      var next = postings("b", s.slice(i, i + 2)), kept = new Map();
      out.forEach(function (positions, doc) {
        var there = next.get(doc);
        if (!there) return;
        var ok = positions.filter(function (p) { return there.indexOf(p + i) >= 0; });
        if (ok.length) kept.set(doc, ok);
      });
      out = kept;
    }
  }
  OCCURS[s] = out;
  return out;
}

function occurs(s) { return occurrences(s).size > 0; }

function df(term) {
  var n = 0;
  occurrences(term).forEach(function (_, doc) { if (!isTitle(doc)) n++; });
  return n;
}

/* Every pair of term characters in these texts (what the "b" shards are chosen by). */
function pairsOf(texts) {
  var out = [];
  texts.forEach(function (t) {
    for (var i = 0; i + 1 < t.length; i++) {
      if (TERM_CHAR.test(t.charAt(i)) && TERM_CHAR.test(t.charAt(i + 1))) out.push(t.slice(i, i + 2));
    }
  });
  return out;
}

function alias(key) {
  var entry = Object.prototype.hasOwnProperty.call(ALIAS, key) ? ALIAS[key] : null;
  return entry ? { to: entry[0], amb: !!(entry[1] & AMBIGUOUS), typed: !!(entry[1] & TYPED) } : null;
}

function formsOf(word) {
  return (shard("b", word.slice(0, 2)).f || {})[word] || [];
}

/* ----------------------------------------------------------------------- query analysis */

/* Fewest pieces that each occur in the notes; a character that occurs nowhere is its own piece. */
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

/* Terms of one reading: {text, start, end, han, lone, run: [start, end] of its Han run or Latin word}; lone: one
 * character cut out of a longer run. */
function terms(reading) {
  var out = [], i = 0, n = reading.length;
  while (i < n) {
    var ch = reading.charAt(i);
    if (HAN.test(ch)) {
      var j = i;
      while (j < n && HAN.test(reading.charAt(j))) j++;
      var run = j - i;
      segmentHan(reading.slice(i, j)).forEach(function (r) {
        out.push({
          text: reading.slice(i + r[0], i + r[1]), start: i + r[0], end: i + r[1], han: true,
          lone: run > 1 && r[1] - r[0] === 1, run: [i, j]
        });
      });
      i = j;
    } else if (WORD.test(ch)) {
      var k = i;
      while (k < n && WORD.test(reading.charAt(k))) k++;
      out.push({ text: reading.slice(i, k), start: i, end: k, han: false, lone: false, run: [i, k] });
      i = k;
    } else {
      i++;
    }
  }
  return out;
}

/* The query's readings: [{text, weight, map: [[start,end] in the raw query] per reading char}]. */
function readings(raw) {
  var folded = fold(raw);
  var plain = { text: folded, weight: 1, map: null };
  if (!ALIAS_MAX) return [plain];
  var whole = regional(raw, folded, raw.length);
  /* The words a reader types that no page shows (設定檔 for 配置文件, shown 配置檔案) read apart, below the rest. */
  var typed = regional(raw, folded, raw.length, false, true);
  var out = [plain];
  if (typed.typed && typed.text !== whole.text && typed.text !== folded) {
    out.push({ text: typed.text, weight: TYPED_WEIGHT, map: typed.map, typed: true, shownOn: typed.shownOn,
               shownKeys: typed.shownKeys });
  }
  if (whole.text === folded) return out;
  plain.weight = whole.strong ? 0.9 : 1;
  out.push({ text: whole.text, weight: whole.strong ? 1 : 0.8, map: whole.map });
  /* A Taiwan query on a page whose Taiwan words were put the mainland way, some only (除錯訊息: the notes hold
   * 调试讯息, the Traditional note's 除錯 read 调试 and its 訊息 kept): its words the notes hold kept. */
  var kept = regional(raw, folded, raw.length, true);
  if (kept.text !== folded && kept.text !== whole.text) out.push({ text: kept.text, weight: KEPT_WEIGHT, map: kept.map });
  return out;
}

/* raw.slice(0, end) with its regional words (資料, 軟體 …) replaced by their canonical word, longest first;
 * with keep, not those the notes hold as they fold (訊息 stays 讯息: an ambiguous alias); with typed, the words
 * a reader types that no page shows too (TYPED). */
function regional(raw, folded, end, keep, typed) {
  var text = "", map = [], strong = false, used = false, shownOn = null, shownKeys = [], i = 0;
  while (i < end) {
    var hit = null;
    for (var len = Math.min(ALIAS_MAX, end - i); len >= 2 && !hit; len--) {
      var r = raw.substr(i, len), f = folded.substr(i, len), a = alias(r), af = alias(f);
      if (a && a.typed && !typed) a = null;
      if (af && af.typed && !typed) af = null;
      if (keep && ((af && af.amb) || cutsAmbiguous(folded, i, i + len))) continue;
      if (r !== f && a) hit = { to: a.to, len: len, strong: true, typed: a.typed, key: f };
      else if (af) hit = { to: af.to, len: len, strong: !af.amb, typed: af.typed, key: f };
    }
    if (hit) {
      for (var c = 0; c < hit.to.length; c++) map.push([i, i + hit.len]);
      text += hit.to;
      if (hit.strong) strong = true;
      if (hit.typed) {
        /* The pages that show every TYPED form read as the reader typed them. */
        var on = shownAt(hit.key, i + hit.len === raw.length);
        shownOn = used ? intersected(shownOn, on) : on;
        shownKeys.push(hit.key);
        used = true;
      }
      i += hit.len;
    } else {
      text += folded.charAt(i);
      map.push([i, i + 1]);
      i++;
    }
  }
  return { text: text, map: map, strong: strong, typed: used, shownOn: shownOn, shownKeys: shownKeys };
}

/* The pages (a set) showing the TYPED form key as their author wrote it; at the query's end, those showing a longer
 * TYPED form it begins too (設定檔 of the zh-tw configuration page's 設定檔案: the reader has not typed it all). */
function shownAt(key, atEnd) {
  var out = Object.create(null);
  Object.keys(SHOWN_AT).forEach(function (k) {
    if (k === key || (atEnd && k.length > key.length && k.slice(0, key.length) === key)) {
      Object.keys(SHOWN_AT[k]).forEach(function (n) { out[n] = true; });
    }
  });
  return out;
}

function intersected(a, b) {
  var out = Object.create(null);
  Object.keys(a).forEach(function (k) { if (b[k]) out[k] = true; });
  return out;
}

/* Whether a word the notes hold as it folds and a variant writes too (讯息) starts inside [from, to) and ends
 * past it: the alias there (除错讯 → 调试消, a piece of a phrase) would read it the other way. */
function cutsAmbiguous(folded, from, to) {
  for (var k = from + 1; k < to; k++) {
    for (var len = Math.min(ALIAS_MAX, folded.length - k); k + len > to; len--) {
      var a = alias(folded.substr(k, len));
      if (a && a.amb && !a.typed) return true;
    }
  }
  return false;
}

/* A query that stops inside a word a variant writes its own way (設定檔 of the Taiwan page's 設定檔案, which the
 * canonical text holds as 设置文件: no reading of the query itself is there) read as that word: its longest
 * Han tail of two characters or more that begins a regional form and is not one, read as the form's canonical
 * word (the shortest such form). Material searches as the reader types, so every query is such a prefix for
 * a moment. Used only when no other reading finds every character typed (search), and weighed below them. */
function tailReading(raw, folded) {
  var n = raw.length;
  for (var k = 0; k + 2 <= n; k++) {
    if (!HAN_ONLY.test(raw.slice(k))) continue;
    var r = raw.slice(k), f = folded.slice(k), key = null;
    if (r !== f && !shownForm(r)) key = formBeginning(r);
    if (!key && !shownForm(f)) key = formBeginning(f);
    if (!key) continue;
    var head = regional(raw, folded, k), to = ALIAS[key][0];
    for (var c = 0; c < to.length; c++) head.map.push([k, n]);
    return { text: head.text + to, weight: TAIL_WEIGHT, map: head.map };
  }
  return null;
}

/* Whether s is a regional form some page shows (not only a word a reader types: TYPED). */
function shownForm(s) {
  var a = alias(s);
  return !!a && !a.typed;
}

/* The shortest regional form (then the first in code order) that begins with s and is longer. */
function formBeginning(s) {
  var forms = ALIAS_PREFIX[s];
  return forms ? forms[0] : null;
}

/* ----------------------------------------------------------------------- scoring */

function weightOf(t) {
  var d = df(t.text);
  var w = Math.log(1 + PASSAGE_COUNT / (1 + d)) * (t.han ? Math.min(t.text.length, 4) : Math.min(t.text.length, 6) / 1.5);
  /* A piece nothing contains (not even a title): count it, but do not let it dominate. */
  return d === 0 && !occurs(t.text) ? w * 0.25 : w;
}

/* Whether the reading, spaces and all, occurs in the passage (its parts one space apart). */
function phraseIn(compact, doc) {
  var parts = compact.split(" "), starts = occurrences(parts[0]).get(doc);
  if (!starts) return false;
  return starts.some(function (p) {
    var at = p + parts[0].length + 1;
    for (var k = 1; k < parts.length; k++) {
      var there = occurrences(parts[k]).get(doc);
      if (!there || there.indexOf(at) < 0) return false;
      at += parts[k].length + 1;
    }
    return true;
  });
}

/* How many characters these terms span. */
function lengthOf(ts) {
  return ts.reduce(function (n, t) { return n + t.end - t.start; }, 0);
}

/* The score of one passage for one reading, without the bonus for a short passage. */
function scoreReading(x, doc) {
  var total = 0, got = 0, found = [], all = true, first = Infinity, last = -1;
  for (var i = 0; i < x.ts.length; i++) {
    var t = x.ts[i];
    total += x.w[i];
    var where = occurrences(t.text).get(doc);
    if (where) {
      got += x.w[i];
      found.push({ term: t, at: where[0] });
      first = Math.min(first, where[0]);
      last = Math.max(last, where[0] + t.text.length);
    } else {
      all = false;
    }
  }
  if (!found.length || !total) return null;
  var score = 10 * got / total;
  if (all && x.ts.length > 1) score += 3;
  if (x.compact.length > 1 && x.phrase && phraseIn(x.compact, doc)) score += 5;
  else if (found.length > 1) {
    score += 2 / (1 + (last - first) / 24);
    /* Pieces in the order the reader typed them (缩进 … 空格 before 空格 … 缩进). */
    var ordered = true;
    for (var k = 1; k < found.length; k++) if (found[k].at < found[k - 1].at) ordered = false;
    if (ordered) score += 0.5;
  }
  return { score: score, found: found, all: all };
}

/* The page (its index in URL order) whose block holds number doc. */
function pageOf(doc) {
  var lo = 0, hi = BY_START.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (PAGE_START[BY_START[mid]] <= doc) lo = mid; else hi = mid - 1;
  }
  return BY_START[lo];
}

/* A passage's folded canonical text: its folded text with the edits its fragment row carries
   ([at, removed, "inserted", …], places in the folded text as shown: folded_edits in
   hooks/zhudu/search/assembly.py), the regional words a Traditional variant writes otherwise. */
function edited(ftext, edits) {
  var out = "", at = 0;
  for (var i = 0; i < edits.length; i += 3) {
    out += ftext.slice(at, edits[i]) + edits[i + 2];
    at = edits[i] + edits[i + 1];
  }
  return out + ftext.slice(at);
}

/* The base variant's text in this variant's script: each Traditional character the fold table maps
 * (the same length), for a Simplified variant. */
function mapped(s) {
  if (!BASE_FOLD) return s;
  var out = "";
  for (var i = 0; i < s.length; i++) { var ch = s.charAt(i); out += FOLD[ch] || ch; }
  return out;
}

/* A fragment file of this variant from the base's and its patch (hooks/zhudu/search/fragments.py):
 * a row 0 reads as the base's (mapped), else [text edits, folded edits or 0, heading]; t and h are
 * there when they are not the base's (a heading 0: the base's at its place); "x": a file written whole. */
function patched(base, patch) {
  if (patch.x) return patch;
  return {
    l: base.l,
    r: base.r,
    t: "t" in patch ? patch.t : mapped(base.t),
    h: patch.h ? patch.h.map(function (h, i) { return h === 0 ? mapped(base.h[i]) : h; }) : base.h.map(mapped),
    p: base.p.map(function (row, i) {
      var change = patch.p[i] || [[]], text = mapped(row[2]);
      var out = [row[0], change.length > 2 ? change[2] : row[1], change[0].length ? edited(text, change[0]) : text];
      if (change[1]) out.push(change[1]);
      /* The notes' places are in the canonical text, every variant's (a snippet sets them apart: shownNotes). */
      if (row.length > 4) {
        if (out.length < 4) out.push(0);
        out.push(row[4]);
      }
      return out;
    })
  };
}

/* A fragment file as this variant shows it: the base variant's passages, with this variant's patch
 * (the file's v[PATCH]) applied. */
function getFragment(url) {
  return getJSON(url).then(function (file) {
    var patch = PATCH && file.v && file.v[PATCH];
    LOADED[url] = patch ? patched(file, patch) : file;
    return LOADED[url];
  });
}

/* Whether every piece a passage's hit found is only inside its editor's notes (the postings say: inANote). */
function onlyInNotes(found, doc) {
  return found.every(function (f) {
    return (occurrences(f.term.text).get(doc) || []).every(function (at) { return inANote(f.term.text, doc, at); });
  });
}

/* A page's title: found, it is the page's own result (opening its top); not counted among the passages. */
function isTitle(doc) {
  return PAGE_START[pageOf(doc)] === doc;
}

/* The file holding a passage: its page's passages come CHUNK to a file, named by the page's first number. */
function fragmentURL(doc, page) {
  /* A title is in the page's first file (written for a page without passages too: its title and address). */
  return BASE + FRAGMENTS + "/" + PAGE_START[page] + "-" + Math.max(0, Math.floor((doc - PAGE_START[page] - 1) / CHUNK)) + STORED;
}

/* One-character terms of the readings (a Han run or a Latin word of one character): the "u" shards. */
function singlesOf(texts) {
  var out = [];
  texts.forEach(function (t) {
    (t.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9\u00c0-\u024f]+/g) || []).forEach(function (run) {
      if (run.length === 1) out.push(run);
    });
  });
  return out;
}

function search(raw) {
  raw = raw.normalize ? raw.normalize("NFKC").replace(/\s+/g, " ").trim() : raw.trim();
  if (!raw) return Promise.resolve({ items: [], total: 0 });
  /* Every reading is known from the manifest: all the shards a query needs come in one round trip. */
  var rs = readings(raw), texts = rs.map(function (r) { return r.text; }), check = still(GENERATION);
  return Promise.all([loadShards("b", pairsOf(texts)), loadShards("u", singlesOf(texts))]).then(check).then(function () {
    var xs = rs.map(analysed).filter(function (x) { return x.ts.length; });
    /* A reading through a word no page shows (TYPED) leaves room for the word a page shows that the query begins. */
    var tail = xs.some(function (x) { return x.cover === 1 && !x.r.typed; }) ? null : tailReading(raw, fold(raw));
    if (!tail) return xs;
    /* One more round trip, only for a query none of whose readings is found whole. */
    return loadShards("b", pairsOf([tail.text])).then(check).then(function () {
      var x = analysed(tail);
      return x.ts.length ? xs.concat([x]) : xs;
    });
  }).then(wholeWords).then(function (xs) {
    var singles = [];
    xs.forEach(function (x) { x.ts.forEach(function (t) { if (t.text.length === 1) singles.push(t.text); }); });
    return loadShards("u", singles).then(check).then(function () { return rank(raw, rs, xs, check); })  /* loaded already */
      .then(function (result) { return pageTerms(result, raw); });
  });
}

/* The terms each result gives the page it opens (?h=, marked there by zhudu.js), the same for every result of a
 * page: the query's Han words as the reader typed them (資料中心), the query's words as the page's found
 * passages show them (資料中心 for 數據中心 typed on the Taiwan site; 幾分鐘, the word 數分鐘's piece 分鐘 lies in),
 * and the pieces the segmenter cut a query word into (資料, 中心) only where none of those passages shows that
 * word whole. A term a passage misses (false: Material lists it as missing) stays its own. */
function pageTerms(result, raw) {
  var typed = raw.match(/[\u3400-\u9fff\uf900-\ufaff]{2,}/g) || [];
  result.items.forEach(function (group) {
    var list = typed.slice(), wholeKeys = Object.create(null), pieces = [];
    group.forEach(function (doc) {
      if (!doc.words) return;  /* the page's own entry (rank): its terms are its passages' */
      for (var i = 0; i < doc.words.whole.length; i += 2) {
        list.push(doc.words.whole[i]);
        wholeKeys[doc.words.whole[i + 1]] = true;
      }
      Object.keys(doc.words.pieces).forEach(function (t) { pieces.push([t, doc.words.pieces[t]]); });
    });
    pieces.forEach(function (piece) { if (!wholeKeys[piece[1]]) list.push(piece[0]); });
    group.forEach(function (doc) {
      var terms = {};
      list.forEach(function (t) { if (doc.terms[t] !== false) terms[t] = true; });
      Object.keys(doc.terms).forEach(function (t) { if (doc.terms[t] === false) terms[t] = false; });
      doc.terms = terms;
      delete doc.words;
    });
  });
  return result;
}

/* A reading's terms. Only what the reader typed: a lone character of a longer run is dropped, not searched
 * for; cover is the share of the characters typed that the terms searched for span. */
function analysed(r) {
  var all = terms(r.text), ts = all.filter(function (t) { return !t.lone; });
  var compact = r.text.replace(/\s+/g, " ").trim(), lone = {};
  all.forEach(function (t) { if (t.lone) lone[t.start] = true; });
  return { r: r, ts: ts, lone: lone, compact: compact, phrase: compact.split(" ").every(isTermText),
           cover: lengthOf(ts) / lengthOf(all) };
}

/* ----------------------------------------------------------------------- whole words and their pieces */

/* A term is a piece when the segmenter cut its query word (a Han run of the reading) into several: 资料|中心 of
 * 資料中心 (its plain reading; its regional one, 数据中心, is whole), 数|分钟 of 數分鐘. */
function isPiece(t) {
  return t.run[1] - t.run[0] > t.end - t.start;
}

/* The query word a term belongs to, as a key: where its run is in the query typed (each reading maps its
 * characters back there, so 资料中心 and its regional reading 数据中心 have 資料中心's key). */
function wordKey(x, t) {
  var m = x.r.map;
  return m ? m[t.run[0]][0] + "-" + m[t.run[1] - 1][1] : t.run[0] + "-" + t.run[1];
}

/* The query words some reading finds whole in the notes: their keys, shared by every reading (x.whole). */
function wholeWords(xs) {
  var whole = Object.create(null);
  xs.forEach(function (x) {
    x.ts.forEach(function (t) { if (t.han && !isPiece(t) && occurs(t.text)) whole[wordKey(x, t)] = true; });
  });
  xs.forEach(function (x) { x.whole = whole; });
  return xs;
}

/* Whether a found piece is one of a query word the notes hold whole somewhere (资料 of 資料中心). */
function pieceOfWhole(x, t) {
  return isPiece(t) && !!x.whole && !!x.whole[wordKey(x, t)];
}

/* Whether every place text has in ctext lies inside a longer word of the notes (资料 in 生产资料, 中心 in 计算中心):
 * the words under its first character ("w" shards, loaded with the passages: wordEndChars). */
function insideWords(text, ctext) {
  var words = wordsWith(text.charAt(0)).filter(function (w) { return w.length > text.length && w.indexOf(text) >= 0; });
  var at = ctext.indexOf(text);
  if (at < 0 || !words.length) return false;
  for (; at >= 0; at = ctext.indexOf(text, at + 1)) {
    var inside = words.some(function (w) {
      for (var i = w.indexOf(text); i >= 0; i = w.indexOf(text, i + 1)) {
        if (at >= i && ctext.substr(at - i, w.length) === w) return true;
      }
      return false;
    });
    if (!inside) return false;
  }
  return true;
}

/* A passage found by a piece of a query word the notes hold whole (资料 of 資料中心) that it holds only inside
 * another word (生产资料) is not found by that piece: a passage with nothing else is not listed (render), one
 * with more scores by the share of the query's weight it keeps, and below every passage holding a query word
 * whole. A query word found nowhere whole (數分鐘) keeps its pieces: what they find is all there is, marked
 * as the word it lies in (wordAround). Called once the passages are fetched (their canonical text). */
function demotePiecesInWords(hits) {
  var floor = Infinity;
  hits.forEach(function (h) {
    if (!h.p.text) return;  /* a title */
    if (!h.checked) demotePieces(h);
    if (!h.demoted && h.hit.found.some(function (f) { return f.term.han && !isPiece(f.term); })) {
      floor = Math.min(floor, h.hit.score);
    }
  });
  /* Again in each round of fetching (fetchListed): a passage fetched later may be the lowest holding a word whole. */
  hits.forEach(function (h) { if (h.demoted && h.hit.score >= floor) h.hit.score = floor * 0.99; });
}

/* Once per passage: the pieces it holds only inside other words are not found; its score keeps the share of the
 * query's weight of the rest, the score it was listed by (h.pre) too, and it no longer holds the whole query. */
function demotePieces(h) {
  var x = h.hit.x, kept = [], had = 0, lost = 0;
  h.checked = true;
  h.hit.found.forEach(function (f) {
    var w = x.w[x.ts.indexOf(f.term)] || 0;
    had += w;
    if (pieceOfWhole(x, f.term) && insideWords(f.term.text, h.p.ctext)) lost += w;
    else kept.push(f);
  });
  if (!lost) return;
  var share = had > lost ? (had - lost) / had : 0;
  h.hit.inWords = h.hit.found.filter(function (f) { return kept.indexOf(f) < 0; }).map(function (f) { return f.term; });
  h.hit.found = kept;
  h.hit.score *= share;
  h.hit.all = false;
  h.pre *= share;
  h.demoted = true;
}

function rank(raw, rs, xs, check) {
  var candidates = new Set(), cover = 0;
  xs.forEach(function (x) {
    cover = Math.max(cover, x.cover);
    x.w = x.ts.map(weightOf);
    x.ts.forEach(function (t) {
      occurrences(t.text).forEach(function (_, doc) { candidates.add(doc); });
    });
  });
  var hits = [];
  candidates.forEach(function (doc) {
    var best = null;
    xs.forEach(function (x) {
      /* A reading scores by the share of the characters typed it searched for: one that drops 伺 and 服 of
         伺服器端 and finds 器端 (of 浏览器端) matches half the query, not all of it as 服务器端 does. */
      /* A TYPED reading on a page that shows its word as typed (the author's 設定檔案, canonically 配置文件) weighs
         as the literal reading would: above the passages that show the canonical word otherwise (配置檔案). */
      var shown = !!x.r.shownOn && !!x.r.shownOn[pageOf(doc)];
      var s = scoreReading(x, doc), score = s && s.score * (shown ? 1 : x.r.weight) * x.cover;
      if (s && (!best || score > best.score)) {
        best = { score: score, found: s.found, all: s.all && x.cover === cover, x: x, shown: shown };
      }
    });
    if (best) {
      if (isTitle(doc)) {
        best.ahead = best.found.some(function (f) { return f.at === 0; }) ? TITLE_BONUS : TITLE_AHEAD;
        best.score += best.ahead;
      } else if (onlyInNotes(best.found, doc)) {
        /* Known from the postings, before any passage is fetched: an author's passage on an eleventh page is
           among the ten pages fetched before the notes that say its words. */
        best.score *= NOTE_WEIGHT;
      }
      hits.push({ doc: doc, hit: best });
    }
  });
  if (!hits.length) return suggest(raw, rs, check).then(function (words) {
    return { items: [], total: 0, zd: { query: raw, suggest: words } };
  });
  hits.forEach(function (h) { h.page = pageOf(h.doc); h.pre = h.hit.score; });
  return fetchListed(hits, raw, check).then(function (listing) {
    var listed = listing.hits;
    if (!listed.length) return suggest(raw, rs, check).then(function (words) {
      return { items: [], total: 0, zd: { query: raw, suggest: words } };
    });
    ownEntryFirst(listed, fold(raw).replace(/\s+/g, " "));
    listed.sort(function (a, b) { return b.hit.score - a.hit.score || a.p.ctext.length - b.p.ctext.length; });
    var groups = [], byPage = Object.create(null);
    listed.forEach(function (h) {
      var doc = h.result;
      doc.score = h.hit.score;
      var g = byPage[h.page];
      if (!g) { g = byPage[h.page] = []; groups.push(g); }
      g.push(doc);
    });
    var items = groups.map(function (g) {
      var frag = LOADED[g[0].url];
      var termsOf = {};
      g.forEach(function (doc) { Object.keys(doc.terms).forEach(function (t) { termsOf[t] = termsOf[t] || doc.terms[t]; }); });
      var pageTitle = g[0].pageTitle, titled = g.some(function (doc) { return doc.location === frag.l; });
      g.forEach(function (doc) { delete doc.page; delete doc.url; delete doc.pageTitle; });
      /* The page itself: its title's hit where the title was found (first when it is the page's best), else last,
         scoring lowest. Enter opens the best. */
      if (!titled) g.push({ location: frag.l, title: pageTitle, text: "", score: 0, terms: termsOf });
      return g;
    });
    return { items: items, total: listed.length, zd: { unlisted: Math.max(0, listing.matched - items.length) } };
  });
}

/* The passages a list shows, fetched: a passage is checked only once fetched (a piece inside another word of it:
 * demotePiecesInWords; a word this variant writes otherwise: render), and one that is then no result gives its
 * place to the next, fetched in another round, so that a list of ten pages is ten real results whenever there
 * are ten. Resolves to those passages (rendered: h.result) and the number of pages matched. */
function fetchListed(hits, raw, check) {
  var listing = listedWindow(hits), unfetched = listing.hits.filter(function (h) { return !h.p; });
  if (!unfetched.length) return Promise.resolve(listing);
  var urls = Object.create(null);
  unfetched.forEach(function (h) { h.url = fragmentURL(h.doc, h.page); urls[h.url] = true; });
  /* The words at a found term's ends that a dropped character of its query word may reach (wordAround):
     fetched with the passages, in the same round trip.  They only widen a mark: a file of them that cannot be
     fetched leaves the piece found marked (wordsWith finds nothing), not the search failed. */
  var words = loadShards("w", wordEndChars(unfetched)).catch(function () { return null; });
  var fetched = Object.keys(urls).map(getFragment).concat(words);
  return Promise.all(fetched).then(check).then(function () {
    unfetched.forEach(function (h) { readFetched(h, raw); });
    demotePiecesInWords(hits.filter(function (h) { return h.p; }));
    /* Found only in the canonical text, across the words this variant writes otherwise (通用 in 普通用户, which
       Taiwan writes 一般使用者), or only by pieces inside other words: nothing of it to show, not a result here. */
    unfetched.forEach(function (h) { h.result = isTitle(h.doc) ? renderTitle(h, raw) : render(h, raw); });
    return fetchListed(hits, raw, check);
  });
}

/* The passages to list by the scores known (h.pre: the postings' score, times what a fetched passage was found to
 * lose), those fetched and found no result left out: full matches or the best score's neighbourhood, the first
 * MAX_PASSAGES of them in their first MAX_PAGES pages; and how many pages are matched (the notes the list leaves
 * out are counted, not fetched: the page says how many, lazy-search.js). */
function listedWindow(hits) {
  var live = hits.filter(function (h) { return !h.p || h.result; });
  if (!live.length) return { hits: [], matched: 0 };
  /* Ties go to the page first in URL order, then the passage first in it. */
  live.sort(function (a, b) { return b.pre - a.pre || a.page - b.page || a.doc - b.doc; });
  var top = live[0].pre, pages = [], seen = Object.create(null), matched = Object.create(null);
  live = live.filter(function (h) { return h.hit.all || h.pre >= top * 0.5; });
  live.forEach(function (h) { matched[h.page] = true; });
  var listed = live.slice(0, MAX_PASSAGES).filter(function (h) {
    if (!(h.page in seen)) { seen[h.page] = true; pages.push(h.page); }
    return pages.indexOf(h.page) < MAX_PAGES;
  });
  return { hits: listed, matched: Object.keys(matched).length };
}

/* A fetched passage's score from its text: a title by how much of it the query covers, a glossary entry's less,
 * one read as typed on a page that shows the word otherwise less, a short one more. */
function readFetched(h, raw) {
  var frag = LOADED[h.url];
  if (isTitle(h.doc)) {
    var ftitle = fold(frag.t), covered = 0, size = ftitle.replace(/[^\u3400-\u9fff\uf900-\ufaffa-z0-9\u00c0-\u024f]/g, "").length;
    titleShown(frag.t, h, raw).forEach(function (r) { covered += r[1] - r[0]; });
    h.hit.score += TITLE_BONUS * Math.pow(Math.min(1, covered / Math.max(1, size)), 3) - h.hit.ahead;
    h.p = { ctext: ftitle, location: frag.l };
    return;
  }
  var row = frag.p[(h.doc - PAGE_START[h.page] - 1) % CHUNK];
  if (frag.r) { h.hit.score *= REFERENCE_WEIGHT; h.ref = true; }
  var ftext = fold(row[2]), ctext = row[3] ? edited(ftext, row[3]) : ftext;
  /* Read as typed on its page (shownOn), but this passage shows the word otherwise (配置檔 beside 設定檔案). */
  if (h.hit.shown && h.hit.x.r.shownKeys.some(function (k) { return ftext.indexOf(k) < 0; })) {
    h.hit.score *= h.hit.x.r.weight;
    h.pre *= h.hit.x.r.weight;
  }
  h.p = { title: frag.h[row[1]], text: row[2], ftext: ftext, ctext: ctext, same: ctext.length === row[2].length,
          edits: row[3] ? fineEdits(ftext, row[3]) : [], location: frag.l + "#" + row[0] };
  /* Short passages about the query beat long ones that mention it once. */
  h.hit.score += 0.5 / (1 + ctext.length / 200);
}

/* Words the notes contain nearest to a query that matched nothing (軟體 → 软件 when only 软件 is
 * there): those sharing most of its characters, a character at the same place counting double, then
 * the closest in length. Shown as the variant writes them. Only a word some passage holds (the
 * postings say so): the vocabulary also has the glossary's and themes' words, which may be only in a
 * tooltip (通用人工智慧), and suggesting one found nothing. */
function suggest(raw, rs, check) {
  var target = rs.filter(function (r) { return !r.typed; }).pop().text.replace(/\s+/g, "");
  var chars = Array.from(new Set(Array.from(target).filter(function (c) { return HAN.test(c); })));
  if (!chars.length) return Promise.resolve([]);
  return loadShards("w", chars).then(check).then(function () {
    var scored = Object.create(null);
    chars.forEach(function (c) {
      ((shard("w", c).w || {})[c] || []).forEach(function (row) {
        /* A word the variant writes as it is folded is the string alone (_word_files in assembly.py). */
        if (typeof row === "string") row = [row, row];
        var w = row[0];
        if (w in scored) return;
        var score = 0;
        for (var i = 0; i < w.length; i++) {
          if (target.indexOf(w.charAt(i)) >= 0) score += target.charAt(i) === w.charAt(i) ? 2 : 1;
        }
        scored[w] = { shown: row[1], score: score, gap: Math.abs(w.length - target.length) };
      });
    });
    var folded = fold(raw).replace(/\s+/g, "");
    var ranked = Object.keys(scored).filter(function (w) { return w !== folded; }).sort(function (a, b) {
      var x = scored[a], y = scored[b];
      return y.score - x.score || x.gap - y.gap || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, SUGGEST_TRIED);
    /* One more round trip: the pairs' shards of the words tried (most are the query's, loaded). */
    return loadShards("b", pairsOf(ranked)).then(check).then(function () {
      return ranked.filter(inAPassage).slice(0, 5).map(function (w) { return scored[w].shown; });
    });
  });
}

function inAPassage(word) {
  return occurs(word);  /* a title too: it is found */
}

/* The edits of a fragment row cut to the characters that differ: one edit may span several words
 * ("式来取得" → "数来获取": 函式→函数 and 取得→获取, 来 the same), and shownSpan tells a term that cuts into
 * a word from one that covers it by the edits' ends. */
function fineEdits(ftext, edits) {
  var out = [];
  for (var i = 0; i < edits.length; i += 3) {
    var at = edits[i], removed = ftext.slice(at, at + edits[i + 1]), inserted = edits[i + 2];
    if (removed.length === inserted.length) {
      for (var k = 0; k < removed.length;) {
        if (removed.charAt(k) === inserted.charAt(k)) { k++; continue; }
        var from = k;
        while (k < removed.length && removed.charAt(k) !== inserted.charAt(k)) k++;
        out.push(at + from, k - from, inserted.slice(from, k));
      }
      continue;
    }
    var head = 0, tail = 0;
    while (head < removed.length && head < inserted.length && removed.charAt(head) === inserted.charAt(head)) head++;
    while (tail < removed.length - head && tail < inserted.length - head &&
           removed.charAt(removed.length - 1 - tail) === inserted.charAt(inserted.length - 1 - tail)) tail++;
    out.push(at + head, removed.length - head - tail, inserted.slice(head, inserted.length - tail));
  }
  return out;
}

/* A span [start, end) of a passage's canonical text (its folded text with the edits of its fragment
 * row, edited()) as a span of the text shown; null when it begins or ends inside an edit's words. */
function shownSpan(edits, start, end) {
  var shift = 0, from = null;
  for (var i = 0; i < edits.length; i += 3) {
    var at = edits[i] + shift, inserted = edits[i + 2].length;  /* where the edit's words are in the canonical text */
    if (from === null) {
      if (start < at) from = start - shift;
      else if (start === at) from = edits[i];
      else if (start < at + inserted) return null;
    }
    if (end <= at) return [from, end - shift];
    if (end < at + inserted) return null;
    if (end === at + inserted) return [from, edits[i] + edits[i + 1]];
    shift += inserted - edits[i + 1];
  }
  return [from === null ? start - shift : from, end - shift];
}

/* How many characters of a term's query word, either side of it, were dropped unsearched (the lone
 * characters terms() cuts out of a run: 设 of 设|置档). */
function dropped(x, t) {
  var left = 0, right = 0;
  while (x.lone[t.start - 1 - left]) left++;
  while (x.lone[t.end + right]) right++;
  return [left, right];
}

/* The characters whose "w" shards (the notes' words) wordAround reads: a found term's end characters
 * where its query word goes on past it; and those insideWords reads: a piece's first (demotePiecesInWords). */
function wordEndChars(hits) {
  var chars = Object.create(null);
  hits.forEach(function (h) {
    h.hit.found.forEach(function (f) {
      var reach = dropped(h.hit.x, f.term);
      if (reach[0] || pieceOfWhole(h.hit.x, f.term)) chars[f.term.text.charAt(0)] = true;
      if (reach[1]) chars[f.term.text.charAt(f.term.text.length - 1)] = true;
    });
  });
  return Object.keys(chars);
}

/* The notes' words (folded canonical) holding a character, from its loaded "w" shard. */
function wordsWith(ch) {
  return ((shard("w", ch).w || {})[ch] || []).map(function (row) { return typeof row === "string" ? row : row[0]; });
}

/* The span [start, end) of the canonical text a term found at start stands for: the whole word of the
 * passage the query found, not the piece the search looked for. A query word cut into a lone character
 * and a piece (设|置档: 设置档 itself is nowhere) finds the piece inside a word of the passage (置档 of
 * 配置档, which 設定檔 means too); the mark takes in the word of the notes the piece cuts into (配置),
 * on the side of the dropped characters and never further than they reach. The passage cannot have the
 * dropped characters themselves there: the whole query word would have been one piece. */
function wordAround(x, t, ctext, start) {
  var end = start + t.text.length, reach = dropped(x, t);
  if (!reach[0] && !reach[1]) return [start, end];
  var from = start, to = end, first = t.text.charAt(0), last = t.text.charAt(t.text.length - 1);
  if (reach[0]) {
    wordsWith(first).forEach(function (w) {
      for (var i = w.indexOf(first, 1); i > 0; i = w.indexOf(first, i + 1)) {
        var a = start - i;
        if (a < from && a >= start - reach[0] && a + w.length <= end && ctext.substr(a, w.length) === w) from = a;
      }
    });
  }
  if (reach[1]) {
    wordsWith(last).forEach(function (w) {
      for (var i = w.lastIndexOf(last, w.length - 2); i >= 0; i = i ? w.lastIndexOf(last, i - 1) : -1) {
        var b = end - 1 - i + w.length;
        if (b > to && b <= end + reach[1] && b - w.length >= start && ctext.substr(b - w.length, w.length) === w) to = b;
      }
    });
  }
  return [from, to];
}

/* A query that is a glossary term or one of its aliases (GPU, 深度求索) puts that term's own entry first among
 * the glossary's entries (not fifth, after entries that mention it), and no higher: notes above them stay. */
function ownEntryFirst(hits, q) {
  var top = -Infinity, own = [];
  hits.forEach(function (h) {
    if (!h.ref) return;
    top = Math.max(top, h.hit.score);
    if (namesTerm(h.p.ctext, q)) own.push(h);
  });
  own.forEach(function (h) { h.hit.score = Math.max(h.hit.score, top + 1e-6); });
}

/* Whether a glossary entry's folded text (its term, then "又作:" and its aliases, then the explanation;
 * search/extract.py) names q as its term or one of its aliases. */
function namesTerm(ctext, q) {
  if (ctext === q || ctext.indexOf(q + " ") === 0) return true;
  var at = ctext.indexOf(" 又作:");
  if (at < 0 || ctext.slice(0, at) !== ctext.slice(0, at).trim()) return false;
  var list = ctext.slice(at + 4).split(" ")[0];
  return list.split("、").indexOf(q) >= 0;
}

/* ----------------------------------------------------------------------- snippets */

/* The window of a long passage a result shows (at most SNIPPET_CHARS, the first term found at most
 * SNIPPET_LEAD in) starts and ends where a Chinese reader accepts a cut: the passage's own ends, after
 * a sentence's or a clause's punctuation, at a space, or where Han text meets Latin; never inside a
 * Latin word, number, path or URL (a run of Latin letters, digits and ASCII signs), and not so that a
 * quote mark or bracket is shown without its pair when another cut avoids it. A Han run holds no cut:
 * the index keeps no word boundaries (jieba's would cost the index bytes), and a clause is short. */
var SNIPPET_CHARS = 160;
var SNIPPET_LEAD = 48;
var SNIPPET_OVERRUN = 40;          /* past SNIPPET_CHARS, to reach a boundary rather than cut a run */
var SENTENCE_END = "。！？!?…";
var CLAUSE_END = "，、；：,;:";
var OPENERS = "「『“‘（《〈【〔([{";
var CLOSERS = "」』”’）》〉】〕)]}";
var LATIN_RUN = /[!-~\u00a0-\u024f]/;         /* letters, digits and signs of a Latin word, number or URL */
var ATTACHED = /[\udc00-\udfff\ufe00-\ufe0f\u200d\u0300-\u036f\u20e3]/;  /* never starts a cut */
var SPACE = /\s/;
var JOINERS = "·・‧";                /* a name's middle dot: 迈克尔·贝瑞 */
var LETTER = /[A-Za-z\u00c0-\u024f]/;
var HAN_PUNCTUATION = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u2010-\u2027]/;

/* The nesting of quote marks and brackets before each place (0 … n): ASCII " toggles. */
function pairDepths(text) {
  var depth = [0], d = 0, inQuote = false;
  for (var i = 0; i < text.length; i++) {
    var ch = text.charAt(i);
    if (OPENERS.indexOf(ch) >= 0) d++;
    else if (CLOSERS.indexOf(ch) >= 0) d--;
    else if (ch === '"') { inQuote = !inQuote; d += inQuote ? 1 : -1; }
    depth.push(d);
  }
  return depth;
}

/* How good a cut before text[k] is: 4 the passage's ends, 3 a sentence's end, 2 a clause's end, 1 a
 * space, a quote mark or bracket, or Han text meeting a Latin word, 0 no boundary a reader accepts (inside
 * a Latin run, a Han run or a name's middle dot, after an opening mark, before a closing or pause mark,
 * between a number and the Han word it counts: 6000亿, 2025年). */
function cutStrength(text, k) {
  if (k <= 0 || k >= text.length) return 4;
  var before = text.charAt(k - 1), after = text.charAt(k);
  if (ATTACHED.test(after) || JOINERS.indexOf(before) >= 0 || JOINERS.indexOf(after) >= 0) return 0;
  if (SPACE.test(before) || SPACE.test(after)) {
    var word = before, at = k - 1;
    while (at > 0 && SPACE.test(word)) word = text.charAt(--at);
    if (SENTENCE_END.indexOf(word) >= 0 || word === ".") return 3;
    return CLAUSE_END.indexOf(word) >= 0 ? 2 : 1;
  }
  if (LATIN_RUN.test(before) && LATIN_RUN.test(after)) return 0;
  if (OPENERS.indexOf(before) >= 0 || CLOSERS.indexOf(after) >= 0 || CLAUSE_END.indexOf(after) >= 0 ||
      SENTENCE_END.indexOf(after) >= 0) return 0;
  var mark = k - 1;  /* a sentence's end may be followed by its closing marks: 。」 */
  while (mark > 0 && CLOSERS.indexOf(text.charAt(mark)) >= 0) mark--;
  if (SENTENCE_END.indexOf(text.charAt(mark)) >= 0) return 3;
  if (CLAUSE_END.indexOf(before) >= 0) return 2;
  if (OPENERS.indexOf(after) >= 0 || CLOSERS.indexOf(before) >= 0) return 1;
  var latin = LATIN_RUN.test(before) ? before : LATIN_RUN.test(after) ? after : "";
  return LETTER.test(latin) && !HAN_PUNCTUATION.test(before + after) ? 1 : 0;
}

/* [start, end) of the text a result shows, the first term found being first..last: the whole text
 * when it is short. */
function snippetWindow(text, first, last) {
  var n = text.length;
  if (n <= SNIPPET_CHARS) return [0, n];
  var depth = pairDepths(text), start = -1, best = null, low = Infinity;
  /* The start: a cut before the term that shows no closing mark without its opener, outside quotation
     marks and brackets where one is near, the strongest; of sentences and clauses the last, of spaces
     the one nearest half the lead (a word just before the term says too little). */
  for (var k = first; k >= Math.max(0, first - SNIPPET_LEAD); k--) {
    low = Math.min(low, depth[k]);  /* the lowest nesting from k to the term */
    var strength = cutStrength(text, k);
    if (!strength) continue;
    var key = [low >= depth[k] ? 1 : 0, -depth[k], strength,
               strength > 1 ? k : -Math.abs(first - SNIPPET_LEAD / 2 - k), k];
    if (!best || compareKeys(key, best) >= 0) best = key;
  }
  if (best) start = best[4];
  else {  /* no boundary near: the term itself, or the Latin word it is part of */
    start = first;
    while (start > 0 && LATIN_RUN.test(text.charAt(start - 1)) && LATIN_RUN.test(text.charAt(start))) start--;
  }
  var limit = Math.min(n, Math.max(start + SNIPPET_CHARS, last));
  /* The end: in the window's second half if a cut is there, one that shows every quote mark with its
     pair (the passage's end may close a quotation the start left out), the strongest, the last; then
     the start moves back as far as the window allows. */
  best = null;
  low = Infinity;
  for (k = start; k <= limit; k++) {
    low = Math.min(low, depth[k]);  /* the lowest nesting from the start to k */
    strength = k > start && k >= last ? cutStrength(text, k) : 0;
    if (!strength) continue;
    var key2 = [k >= (start + limit) / 2 ? 1 : 0, depth[k] === depth[start] && low >= depth[start] ? 1 : 0,
                strength >= 2 ? 1 : 0, strength, k];
    if (!best || compareKeys(key2, best) >= 0) best = key2;
  }
  if (best && (best[0] || best[2])) return [earlierStart(text, depth, start, best[4]), best[4]];
  for (k = limit + 1; k <= Math.min(n, limit + SNIPPET_OVERRUN); k++) {
    if (cutStrength(text, k)) return [start, k];
  }
  var end = best ? best[4] : Math.max(last, limit);
  while (end < n && ATTACHED.test(text.charAt(end))) end++;  /* no half of a character: 𨋢 is two code units */
  return [start, end];
}

/* A window that ends early (at the passage's end, or where a quotation closes) has room before: it
 * starts at the earliest sentence it can hold (else, unless it starts a sentence, the earliest clause),
 * at the start's nesting and showing no closing mark without its opener. */
function earlierStart(text, depth, start, end) {
  var found = [start, start], low = depth[start];
  for (var k = start - 1; k >= Math.max(0, end - SNIPPET_CHARS); k--) {
    low = Math.min(low, depth[k]);
    var strength = cutStrength(text, k);
    if (strength < 2 || depth[k] !== depth[start] || low < depth[k]) continue;
    found[strength > 2 ? 0 : 1] = k;  /* going back: the last found is the earliest */
  }
  if (found[0] < start) return found[0];
  return cutStrength(text, start) > 2 ? start : found[1];  /* a sentence's start is not given up for a clause's */
}

function compareKeys(a, b) {
  for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/* The window as HTML: the terms found marked, text left out shown by an ellipsis (a clause's comma
 * at the cut gives way to it, as Chinese typography writes an omission); an editor's note's text (notes:
 * [start, end] in the text) set apart from the author's, labelled as the page labels its marker (注). */
function snippetHTML(text, ranges, notes) {
  var win = snippetWindow(text, ranges.length ? ranges[0][0] : 0, ranges.length ? ranges[0][1] : 0);
  var start = win[0], end = win[1];
  while (start < end && SPACE.test(text.charAt(start))) start++;
  var cut = end < text.length;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  if (cut && CLAUSE_END.indexOf(text.charAt(end - 1)) >= 0) end--;
  var html = start > 0 ? "…" : "", at = start;
  (notes || []).forEach(function (n) {
    var a = Math.max(n[0], start), b = Math.min(n[1], end);
    if (a >= b) return;
    html += marked(text, ranges, at, a) + NOTE_OPEN + marked(text, ranges, a, b) + NOTE_CLOSE;
    at = b;
  });
  html += marked(text, ranges, at, end);
  return cut && text.charAt(end - 1) !== "…" ? html + "…" : html;
}

/* An editor's note's text in a snippet (zhudu.css draws its label, as it draws the page's marker's). */
var NOTE_OPEN = '<span class="zd-search-note" data-zd-text="注">';
var NOTE_CLOSE = "</span>";

/* text[from, to) as HTML, the parts of it in ranges marked. */
function marked(text, ranges, from, to) {
  var html = "", at = from;
  ranges.forEach(function (r) {
    if (r[1] <= from || r[0] >= to) return;
    var a = Math.max(r[0], at), b = Math.min(r[1], to);
    if (a >= b) return;
    html += escapeHTML(text.slice(at, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
    at = b;
  });
  return html + escapeHTML(text.slice(at, to));
}

/* Where a passage's editor's notes are in the text it shows: [[start, end], …] (its fragment row's notes are
 * places in its canonical text: shownSpan maps them; a note whose end cuts into a regional word is left out). */
function shownNotes(h) {
  var row = LOADED[h.url].p[(h.doc - PAGE_START[h.page] - 1) % CHUNK], notes = row.length > 4 ? row[4] : [], out = [];
  for (var i = 0; i + 1 < notes.length; i += 2) {
    var span = h.p.edits.length ? shownSpan(h.p.edits, notes[i], notes[i + 1]) : [notes[i], notes[i + 1]];
    if (span) out.push(span);
  }
  return out;
}

/* A passage as Material renders it: title, a window of text with <mark>s, terms for ?h=; null when
 * none of the terms found is in the text the variant shows. */
function render(h, raw) {
  var p = h.p, ranges = [], termsOut = {}, words = { whole: [], pieces: Object.create(null) };
  h.hit.found.forEach(function (f) {
    var len = f.term.text.length;
    var spans = [], widened = false;
    if (p.edits.length) {
      /* Each place in the canonical text, as a place in the text shown; one that cuts into a regional
         word (通用 in 普通用户, which Taiwan writes 普通使用者) is not in the text shown. */
      var at1 = p.ctext.indexOf(f.term.text);
      while (at1 >= 0) {
        var whole = wordAround(h.hit.x, f.term, p.ctext, at1);
        var span = shownSpan(p.edits, whole[0], whole[1]);
        if (span && whole[1] - whole[0] > len) widened = widened || !spans.length;
        span = span || shownSpan(p.edits, at1, at1 + len);
        if (span) spans.push(span);
        at1 = p.ctext.indexOf(f.term.text, at1 + len);
      }
    } else if (p.same) {
      var at = p.ctext.indexOf(f.term.text);
      while (at >= 0) {
        var around = wordAround(h.hit.x, f.term, p.ctext, at);
        if (around[1] - around[0] > len) widened = widened || !spans.length;
        spans.push(around);
        at = p.ctext.indexOf(f.term.text, at + len);
      }
    }
    if (!spans.length) {
      /* Regional wording changed the length, or edits merged across words (计算机的用户 → 電腦的使用者: the
         lengths cancel, so a place maps badly): find the term's shown forms in the folded display text. */
      var forms = [f.term.text].concat(formsOf(f.term.text));
      forms.forEach(function (form) {
        var at2 = p.ftext.indexOf(form);
        while (at2 >= 0) { spans.push([at2, at2 + form.length]); at2 = p.ftext.indexOf(form, at2 + form.length); }
      });
    }
    spans.forEach(function (s) { ranges.push(s); });
    if (!spans.length) return;
    var shown = p.text.slice(spans[0][0], spans[0][1]);
    termsOut[shown] = true;
    /* For ?h= (pageTerms): a piece the passage shows as a word of its own, apart from the query's words found
       whole (or the word of the notes a piece lies in: 幾分鐘 of 數分鐘). */
    if (isPiece(f.term) && !widened) words.pieces[shown] = wordKey(h.hit.x, f.term);
    else words.whole.push(shown, wordKey(h.hit.x, f.term));
  });
  var x = h.hit.x;
  x.ts.forEach(function (t) {
    var matched = h.hit.found.some(function (f) { return f.term === t; }) || (h.hit.inWords || []).indexOf(t) >= 0;
    if (!matched) {
      var m = x.r.map;
      var shown = m ? raw.slice(m[t.start][0], m[t.end - 1][1]) : raw.slice(t.start, t.end);
      termsOut[shown] = false;
    }
  });
  if (!ranges.length) return null;
  var html = snippetHTML(p.text, merged(ranges), shownNotes(h));
  return {
    page: h.page, url: h.url, location: p.location, title: titleHTML(p.title, h),
    pageTitle: titleHTML(LOADED[h.url].t, h), text: "<p>" + html + "</p>", score: h.hit.score, terms: termsOut,
    words: words
  };
}

/* Where a page's title shows what its hit found (titleRanges), or else the query's words as typed. */
function titleShown(title, h, raw) {
  var ranges = titleRanges(title, h), ftitle = fold(title);
  if (ranges.length) return ranges;
  fold(raw).split(" ").forEach(function (word) {
    for (var at = word ? ftitle.indexOf(word) : -1; at >= 0; at = ftitle.indexOf(word, at + word.length)) {
      ranges.push([at, at + word.length]);
    }
  });
  return merged(ranges);
}

/* A page found by its title, as Material renders the page itself (its address without a passage: the page's
 * top), the words found marked, for ?h= too; null when the title shows none of them. A title found by the
 * query's regional reading (資產資料夾, canonically 资产文件夹) shows the words as typed. */
function renderTitle(h, raw) {
  var frag = LOADED[h.url], ranges = titleShown(frag.t, h, raw), terms = {};
  if (!ranges.length) return null;
  /* For ?h= (pageTerms): each word marked carries the key of the query word its terms are of, a piece when
     every term in it is a piece of its query word (资料 of 資料中心), else whole (the query's words as typed,
     shown where no term is: no key). */
  var x = h.hit.x, byTerm = titleTermRanges(frag.t, h), words = { whole: [], pieces: Object.create(null) };
  ranges.forEach(function (r) {
    var shown = frag.t.slice(r[0], r[1]);
    terms[shown] = true;
    var within = byTerm.filter(function (tr) { return tr.at[0] < r[1] && tr.at[1] > r[0]; });
    var piece = within.length && within.every(function (tr) { return isPiece(tr.term); });
    if (!within.length) words.whole.push(shown, "");
    within.forEach(function (tr) {
      if (piece) words.pieces[shown] = wordKey(x, tr.term);
      else if (!isPiece(tr.term)) words.whole.push(shown, wordKey(x, tr.term));
    });
  });
  var title = titleHTML(frag.t, h, ranges);
  return { page: h.page, url: h.url, location: frag.l, title: title, pageTitle: title, text: "", score: h.hit.score, terms: terms,
           words: words };
}

/* Spans in order, those that overlap or touch made one. */
function merged(ranges) {
  var out = [];
  ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  ranges.forEach(function (r) {
    var last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  });
  return out;
}

/* Where a title shows the terms its hit was found by, as whole words (wordAround): each term in the title's
 * folded text, or a form the variant shows it in; merged. */
function titleRanges(title, h) {
  return merged(titleTermRanges(title, h).map(function (tr) { return tr.at; }));
}

/* titleRanges before they are merged, each with the term it shows ({at, term}). */
function titleTermRanges(title, h) {
  var ftitle = fold(title), ranges = [];
  h.hit.found.forEach(function (f) {
    [f.term.text].concat(formsOf(f.term.text), pieceForm(f.term.text)).forEach(function (form, k) {
      for (var at = ftitle.indexOf(form); at >= 0; at = ftitle.indexOf(form, at + form.length)) {
        ranges.push({ at: k ? [at, at + form.length] : wordAround(h.hit.x, f.term, ftitle, at), term: f.term });
      }
    });
  });
  return ranges;
}

/* A term the variant shows through its words' own forms (数据中心与云 of a Taiwan title 資料中心與雲: the term has
 * no form of its own, its word 数据 has, 资料): [that text], or [] when no word of it has one. Each word's
 * "b" shard is loaded (the query's pairs). */
function pieceForm(text) {
  var out = "", changed = false, i = 0;
  while (i < text.length) {
    var form = null;
    for (var len = Math.min(8, text.length - i); len >= 2 && !form; len--) {
      if (len === text.length) continue;
      form = formsOf(text.substr(i, len))[0] || null;
      if (form) { out += form; i += len; changed = true; }
    }
    if (!form) out += text.charAt(i++);
  }
  return changed ? [out] : [];
}

/* A title (a passage's heading, its page's) as HTML with the terms its passage was found by marked. */
function titleHTML(title, h, ranges) {
  var html = "", at = 0;
  (ranges || titleRanges(title, h)).forEach(function (r) {
    html += escapeHTML(title.slice(at, r[0])) + "<mark>" + escapeHTML(title.slice(r[0], r[1])) + "</mark>";
    at = r[1];
  });
  return html + escapeHTML(title.slice(at));
}

/* ----------------------------------------------------------------------- protocol */

/* The search of a query, started once: by the page's word of what the reader typed, or by Material. */
function prepared(query) {
  if (!PREPARED || PREPARED.query !== query) {
    var entry = PREPARED = { query: query, promise: searchSafely(query) };
    entry.promise.catch(function () { if (PREPARED === entry) PREPARED = null; });  /* asked again: tried again */
  }
  return PREPARED.promise;
}

/* What the page shows when a search could not be done: "outdated" when the site's index is of a
 * format this worker does not read even from the server (the page is older than the site);
 * "unsupported" when the browser cannot inflate the index's files (neither DecompressionStream nor
 * the fallback runs here). */
function failure(query, error) {
  var failed = error && error.outdated ? "outdated" : error && error.unsupported ? "unsupported" : "unavailable";
  return { query: query, failed: failed };
}

/* When this worker's URL carries "#zd-search=<token>" (zd-lazy-search.html), its page speaks on the
 * BroadcastChannel "zd-search:<token>": {manifest: url} each time the reader opens search, and
 * {manifest, typed} as the reader types, so that the search starts as soon as the manifest is in,
 * not after READY has gone to Material and its QUERY has come back; the worker answers there what
 * Material's protocol has no room for ({query, suggest} after each result, {query, failed} when a
 * search could not be done). On start the worker
 * says hello, so that a page whose reader opened search before the worker ran says it again. */
function loadWhenAsked() {
  var token = /[#&]zd-search=(\w+)/.exec(self.location.hash);
  if (!token || typeof BroadcastChannel !== "function") return;
  CHANNEL = new BroadcastChannel("zd-search:" + token[1]);
  CHANNEL.onmessage = function (ev) {
    var url = ev.data && ev.data.manifest;
    if (typeof url !== "string") return;
    loadManifest(url).catch(function () {});  /* asked again by the next search */
    var typed = ev.data.typed;
    if (typeof typed !== "string") return;
    prepared(typed).catch(function (error) {
      /* Before READY, Material asks nothing: the page hears of the failure here (after, with its QUERY). */
      if (!SAID_READY) CHANNEL.postMessage(failure(typed, error));
    });
  };
  CHANNEL.postMessage({ hello: true });
}

self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    var named = /[#&]zd-manifest=([^&]+)/.exec(self.location.hash);
    if (named) loadManifest(decodeURIComponent(named[1])).catch(function () {});
  } else if (message.type === QUERY) {
    var id = ++LATEST, query = String(message.data || "");
    if (!MANIFEST) return;  /* not ready: Material asks again once READY is said */
    prepared(query).then(function (result) {
      if (id !== LATEST) return;  /* the reader typed on: only the latest query is answered */
      var extra = result.zd;
      self.postMessage({ type: RESULT, data: { items: result.items, total: result.total } });
      if (CHANNEL) {
        CHANNEL.postMessage({ query: query, none: !result.items.length, suggest: (extra && extra.suggest) || [],
                              unlisted: (extra && extra.unlisted) || 0 });
      }
    }, function (error) {
      if (id !== LATEST) return;
      /* Not a silent "nothing found": Material shows no result, the page says why. */
      self.postMessage({ type: RESULT, data: { items: [], total: 0 } });
      if (CHANNEL) CHANNEL.postMessage(failure(query, error));
    });
  }
});

loadWhenAsked();
