"""Zhudu search against Material's stock search and Pagefind, on the same notes and queries, in one run.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python bench/bench_search.py [--limit N] [--engines zhudu,material,pagefind]

Builds the repository's notes (``extra.zhudu.search: zhudu``, and ``material`` when
that engine is asked for), serves them, types every query of tests/search_queries.yml
into Material's search box in Chromium and prints top-1 / top-3 rates per variant
and per kind, the bytes the first search transfers (index + worker, per variant)
and the time from typing to the first result.  A result ranks by its score (what
Enter opens is rank 1).

A stock result counts as a hit when it opens the right page at the section that
holds the passage (stock Material indexes sections, not passages); a Zhudu result
must open the passage itself (or, like stock, its section / the page top).

Pagefind (``pagefind[extended]``, a benchmark dependency) indexes each variant folder
of the Zhudu build (Material's article only, language forced per variant) and is
asked through its JS API (``pagefind.js``: ``search`` then ``data()`` of the top
three pages) on the variant's home page.  It is scored three ways:

* ``pf-page``: the rank of the first result that is the expected note page;
* ``pf-sect``: Pagefind's own sub-results (sections under headings with ids; per page,
  the three with most hits, as Pagefind's UI shows them), credited like stock
  Material: the passage's section, or the page top before the first heading;
* ``pf-psg``: what an adapter behind Material's UI could link to: every hit location
  is mapped to the last element with a passage id (``p-XXXXXXXX``) or heading id
  before it (Pagefind's ``anchors`` record every id with its word position), the
  passages of a page are ranked by the sum of their hits' ``balanced_score``, pages
  by Pagefind's score; credited like Zhudu (the passage, or its section heading).

``+f`` arms ask Pagefind the query folded first (OpenCC ``tw2sp`` to canonical, then
the variant's ``opencc_from_hans`` as in mkdocs.yml): full OpenCC in Python, an upper
bound of what a shipped table would do; the bytes column counts Zhudu's own fold and
alias table (``config.zhudu`` of the index, gzip) as what such a table would cost.
The helpers here are shared with tests/test_search_browser.py.

``--hexo`` runs tests/search_queries_hexo.yml instead (sixty-odd queries written from
../shared/corpora/hexo-docs/, each typed into all three variants): top-1 / top-3 per variant and kind.

``--weight`` measures what the sharded index costs a reader instead (issue 21), on a collection of
its own, served with gzip as GitHub Pages serves it:

    .venv/bin/python bench/bench_search.py --weight generated:3000   # bench/corpus.py's notes
    .venv/bin/python bench/bench_search.py --weight hexo             # ../shared/corpora/hexo-docs

For each of ten typical queries, in a fresh browser: the bytes (gzip, level 6) of every response from
opening search to the first result shown, and the time that takes on a phone profile (4× CPU
slowdown, Lighthouse's slow 4G: 150 ms round trip, 1.6 Mbit/s down), median of the ten; then the
same queries one after the other in one page (what each further query adds).  ``phone ms`` is
Playwright's wall time (tap, fill, poll: its own steps take 0.3-0.8 s under a throttled CPU);
``in page`` is the page's own clock, from the tap reaching the page to the first result in the
document, what the reader waits: it covers fetching the manifest (asked for by the tap that opens
search), the query's shards and the passages shown, the worker's work and Material's rendering.
``rounds`` counts the round trips in a row on that path (requests that start after the ones before
them ended); with ``--trace`` the ``worker ms`` column is the time the search worker's thread was
busy on the phone profile (Chrome's trace, its tasks' wall time under the 4× slowdown).  The ``old``
column is what the engine before the shards fetched on opening search: every passage in one file
(``search_index.json`` then), gzip.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

from zhudu.search import index as search  # noqa: E402
from zhudu.search import shards as search_shards  # noqa: E402

QUERIES = REPO / "tests" / "search_queries.yml"
HEXO_QUERY_SET = REPO / "tests" / "search_queries_hexo.yml"
KINDS = ("unspaced", "name-latin", "name-zh", "phrase", "inner-word", "cross-script", "cross-region", "title")


@dataclass(frozen=True)
class Query:
    """One query of the set, with the passage it must find."""

    q: str
    variant: str
    kind: str
    note: str
    passage: str
    anchor: str = ""
    section_id: str = ""
    #: The same passage in another note (a second translation of the document), when it counts too:
    #: (note, anchor, section id).
    also: tuple[str, str, str] | None = None


def load_queries(site_dir: Path, canonical: str = "zh-Hans", path: Path = QUERIES) -> list[Query]:
    """The query set, each passage resolved to its anchor and section in the built site.

    An entry without ``variant`` is typed into every variant.

    Raises:
        ValueError: a snippet matches no passage, or more than one, of its note.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    pages: dict[str, search.PageText] = {}

    def passage_of(q: str, note: str, snippet: str) -> search.PassageText:
        if note not in pages:
            html = (site_dir / canonical / note / "index.html").read_text(encoding="utf-8")
            pages[note] = search.extract_page(html, note)
        # A snippet that is a passage's whole text is that passage (a heading-like line another passage quotes).
        found = [p for p in pages[note].passages if snippet == p.text] or [
            p for p in pages[note].passages if snippet in p.text
        ]
        if len(found) != 1:
            raise ValueError(f"{q!r}: snippet {snippet!r} is in {len(found)} passages of {note}")
        return found[0]

    out = []
    for item in data:
        item = dict(item)
        # A note's title (kind title, no passage): the page itself, opened at its top, is the hit.
        found = (
            search.PassageText("", "", "")
            if item["kind"] == "title" and "passage" not in item
            else passage_of(item["q"], item["note"], item["passage"])
        )
        item.setdefault("passage", "")
        if item["kind"] not in KINDS:
            raise ValueError(f"{item['q']!r}: unknown kind {item['kind']!r}")
        also = item.pop("also", None)
        if also is not None:
            other = passage_of(item["q"], also[0], also[1])
            item["also"] = (also[0], other.anchor, other.section_id)
        for variant in [item.pop("variant")] if "variant" in item else VARIANTS:
            out.append(Query(**item, variant=variant, anchor=found.anchor, section_id=found.section_id))
    return out


def is_hit(href: str, query: Query, site_url: str) -> bool:
    """Whether a result link opens the query's passage (or the section / page top holding it)."""
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    wanted = [(query.note, query.anchor, query.section_id)] + ([query.also] if query.also else [])
    for note, anchor, section_id in wanted:
        if parts.path == urlsplit(f"{site_url}{query.variant}/{note}").path and fragment in (
            anchor,
            section_id,
        ):
            return True
    return False


_RESULTS_JS = """els => els.map((a, i) => [a.getAttribute('href'),
    parseFloat(a.querySelector('article').dataset.mdScore || '0'), i])"""


def open_search(page: Any, url: str) -> str:
    """Open a variant's home page, wait for the search to be ready; returns the placeholder text."""
    page.goto(url)
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() === p", arg=placeholder
    )
    return str(placeholder)


def ask(page: Any, text: str, placeholder: str) -> list[str]:
    """Type one query into Material's search box; result hrefs ranked by score, then clear the box."""
    box = page.locator("input.md-search__input")
    box.fill(text)
    page.keyboard.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    links = page.eval_on_selector_all("a.md-search-result__link", _RESULTS_JS)
    box.fill("")
    page.keyboard.press("End")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() === p", arg=placeholder
    )
    return [href for href, _, _ in sorted(links, key=lambda x: (-x[1], x[2]))]


def run_queries(page: Any, site_url: str, queries: list[Query]) -> dict[Query, int | None]:
    """Rank (1-based) of the first hit of every query, None when it is not found."""
    ranks: dict[Query, int | None] = {}
    by_variant: dict[str, list[Query]] = defaultdict(list)
    for query in queries:
        by_variant[query.variant].append(query)
    for variant in sorted(by_variant):
        placeholder = open_search(page, f"{site_url}{variant}/")
        for query in by_variant[variant]:
            hrefs = ask(page, query.q, placeholder)
            ranks[query] = next((i + 1 for i, h in enumerate(hrefs) if is_hit(h, query, site_url)), None)
    return ranks


def rates(ranks: dict[Query, int | None], key: Any) -> dict[str, tuple[int, float, float]]:
    """(count, top-1 rate, top-3 rate) per group."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for query, rank in ranks.items():
        groups[key(query)].append(rank)
        groups["all"].append(rank)
    return {
        name: (len(r), sum(1 for x in r if x == 1) / len(r), sum(1 for x in r if x and x <= 3) / len(r))
        for name, r in groups.items()
    }


def first_search(page: Any, site_url: str, variant: str, text: str) -> tuple[int, float]:
    """Bytes the first search fetches (index + worker) and ms from typing to the first result."""
    sizes: dict[str, int] = {}

    def record(response: Any) -> None:
        if "search" in response.url and response.status == 200:
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(f"{site_url}{variant}/", wait_until="domcontentloaded")
    start = time.perf_counter()
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    page.keyboard.press("End")
    page.wait_for_selector("a.md-search-result__link")
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return sum(sizes.values()), elapsed


# --------------------------------------------------------------------------- Pagefind

VARIANTS = ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK")
#: Pagefind's language per variant (it segments Chinese itself; no stemming either way).
PAGEFIND_LANGUAGE = {"zh-Hans": "zh-cn", "zh-Hant-TW": "zh-tw", "zh-Hant-HK": "zh-tw"}
#: OpenCC config from canonical (Simplified, mainland) text into each variant, as in mkdocs.yml.
OPENCC_FROM_HANS = {"zh-Hans": None, "zh-Hant-TW": "s2twp", "zh-Hant-HK": "s2hkp"}
#: The text Zhudu's index holds (Material's article: passages, headings, titles), so that the
#: engines are compared on the same content: without these exclusions theme pages, which quote
#: the notes' passages, and the glossary outrank the notes themselves.
PAGEFIND_EXCLUDE = (
    ".headerlink",  # permalink ¶
    ".zd-wrapper",  # generator preamble and tail, set apart
    ".zd-related, .zd-note-themes, .zd-meta, .zd-tags",  # note header and footer
    ".zd-parallel, .zd-theme__others, .zd-theme__header p",  # theme pages: quoted passages
    ".zd-themes__list, .zd-matrix__wrap, .zd-graph, .zd-graph__legend",  # theme index
    ".zd-cards, .zd-gloss-entry",  # home cards, glossary entries
)
PAGEFIND_ARGS = (
    "--root-selector",
    "article.md-content__inner",
    "--exclude-selectors",
    ", ".join(PAGEFIND_EXCLUDE),
)
_PASSAGE_ID_RE = re.compile(r"^p-[0-9a-f]{8}(?:-\d+)?$")
_HEADING_RE = re.compile(r"^h[1-6]$", re.IGNORECASE)

#: One Pagefind search: the top ``n`` pages with their ids, hits and sub-results.
_PAGEFIND_JS = """async ([base, q, n]) => {
  if (!window.__zdpf) { window.__zdpf = await import(base + 'pagefind/pagefind.js'); await window.__zdpf.init(); }
  const r = await window.__zdpf.search(q);
  const out = [];
  for (const res of r.results.slice(0, n)) {
    const d = await res.data();
    out.push({url: d.url, score: res.score,
      subs: d.sub_results.map(s => [s.url, s.locations.length]),
      anchors: (d.anchors || []).map(a => [a.id, a.element, a.location]),
      hits: (d.weighted_locations || []).map(w => [w.location, w.balanced_score])});
  }
  return out;
}"""

#: The first search on a fresh page: import, init, search, the top result's data.
_PAGEFIND_FIRST_JS = """async ([base, q]) => {
  const pf = await import(base + 'pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(q);
  if (r.results.length) await r.results[0].data();
  return r.results.length;
}"""


def index_pagefind(site_dir: Path) -> float:
    """Run Pagefind over every variant folder (bundle in ``<variant>/pagefind/``); seconds taken."""
    start = time.perf_counter()
    for variant in VARIANTS:
        subprocess.run(
            [
                *(sys.executable, "-m", "pagefind", "--site", str(site_dir / variant)),
                *PAGEFIND_ARGS,
                *("--force-language", PAGEFIND_LANGUAGE[variant], "--silent"),
            ],
            check=True,
        )
    return time.perf_counter() - start


def folder_for(variant: str) -> Any:
    """The query fold of the ``+f`` arms: any script and region to canonical, then to ``variant``."""
    import opencc

    to_canon = opencc.OpenCC("tw2sp.json")
    to_variant = opencc.OpenCC(f"{OPENCC_FROM_HANS[variant]}.json") if OPENCC_FROM_HANS[variant] else None
    return lambda q: to_variant.convert(to_canon.convert(q)) if to_variant else to_canon.convert(q)


def pagefind_hrefs(results: list[dict[str, Any]], base: str) -> dict[str, list[str]]:
    """Ranked hrefs of one Pagefind answer, one list per scoring (``page``, ``sect``, ``psg``).

    Args:
        results: The top pages as ``_PAGEFIND_JS`` returns them.
        base: The variant's URL (Pagefind's URLs are site-absolute paths).
    """
    out: dict[str, list[str]] = {"page": [], "sect": [], "psg": []}
    for res in results:
        page = urljoin(base, res["url"])
        out["page"].append(page)
        # As Pagefind's UI: the page itself when its first sub-result is the page top, then the
        # (at most three) sub-results with most hits, in page order.
        subs = res["subs"]
        if subs and subs[0][0] == res["url"]:
            out["sect"].append(page)
            subs = subs[1:]
        keep = {url for url, _ in sorted(subs, key=lambda s: -s[1])[:3]}
        out["sect"] += [urljoin(base, url) for url, _ in subs if url in keep]
        ids = sorted(
            (loc, i)
            for i, el, loc in res["anchors"]
            if i and (_PASSAGE_ID_RE.match(i) or _HEADING_RE.match(el))
        )
        weight: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        for loc, score in res["hits"]:
            owner = ""
            for anchor_loc, anchor in ids:
                if anchor_loc > loc:
                    break
                owner = anchor
            weight[owner] += score
            first.setdefault(owner, loc)
        for owner in sorted(weight, key=lambda a: (-weight[a], first[a])):
            out["psg"].append(f"{page}#{owner}" if owner else page)
    return out


def run_pagefind(
    page: Any, site_url: str, queries: list[Query], fold: bool
) -> dict[str, dict[Query, int | None]]:
    """Ranks of every query through Pagefind's JS API, per scoring (``page``, ``sect``, ``psg``)."""
    ranks: dict[str, dict[Query, int | None]] = {"page": {}, "sect": {}, "psg": {}}
    by_variant: dict[str, list[Query]] = defaultdict(list)
    for query in queries:
        by_variant[query.variant].append(query)
    for variant in sorted(by_variant):
        base = f"{site_url}{variant}/"
        page.goto(base)
        convert = folder_for(variant) if fold else str
        for query in by_variant[variant]:
            results = page.evaluate(_PAGEFIND_JS, [base, convert(query.q), 3])
            for scoring, hrefs in pagefind_hrefs(results, base).items():
                if scoring == "page":
                    want = urlsplit(f"{base}{query.note}").path
                    hit = (i + 1 for i, h in enumerate(hrefs) if urlsplit(h).path == want)
                else:
                    hit = (i + 1 for i, h in enumerate(hrefs) if is_hit(h, query, site_url))
                ranks[scoring][query] = next(hit, None)
    return ranks


def first_pagefind(page: Any, site_url: str, variant: str, text: str) -> tuple[int, float]:
    """Bytes Pagefind's first search fetches and ms from asking to the first result's data."""
    sizes: dict[str, int] = {}

    def record(response: Any) -> None:
        if "/pagefind/" in response.url and response.status == 200:
            sizes[response.url] = len(response.body())

    page.on("response", record)
    base = f"{site_url}{variant}/"
    page.goto(base, wait_until="domcontentloaded")
    start = time.perf_counter()
    found = page.evaluate(_PAGEFIND_FIRST_JS, [base, text])
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    if not found:
        print(f"  (pagefind first search on {variant}: no result for {text!r})")
    return sum(sizes.values()), elapsed


def pagefind_bundle(variant_dir: Path) -> int:
    """Bytes of a variant's Pagefind index (index and fragment chunks and meta, already gzip)."""
    bundle = variant_dir / "pagefind"
    files = [*bundle.glob("index/*"), *bundle.glob("fragment/*"), *bundle.glob("*.pf_meta")]
    return sum(f.stat().st_size for f in files)


# --------------------------------------------------------------------------- report


Rates = dict[str, tuple[int, float, float]]


def _table(title: str, arms: dict[str, Rates]) -> None:
    names = list(arms)
    print(f"\n{title:14} {'n':>4}  " + " ".join(f"{a + '@1':>10} {a + '@3':>10}" for a in names))
    first = arms[names[0]]
    for group in sorted(first, key=lambda k: (k == "all", k not in VARIANTS, k)):
        cells = " ".join(
            f"{arms[a].get(group, (0, 0.0, 0.0))[1]:>10.0%} {arms[a].get(group, (0, 0.0, 0.0))[2]:>10.0%}"
            for a in names
        )
        print(f"{group:14} {first[group][0]:>4}  {cells}")


# --------------------------------------------------------------------------- weight (issue 21)

HEXO = REPO.parent / "shared" / "corpora" / "hexo-docs"
#: Ten typical queries per collection (the first ten zh-Hans queries of the query set for the
#: generated notes, which are derived from the repository's seeds).
HEXO_QUERIES = {
    "zh-Hans": ["部署", "主题", "插件", "配置文件", "标签", "生成器", "草稿", "永久链接", "服务器", "模板"],
    "zh-Hant-TW": ["部署", "主題", "外掛", "設定", "標籤", "產生器", "草稿", "永久連結", "伺服器", "樣板"],
}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1638400 / 8,
    "uploadThroughput": 675000 / 8,
}
_GZIP_TYPES = (".html", ".json", ".js", ".css", ".xml", ".svg", ".txt")


def gzip_server(directory: Path) -> Any:
    """A context manager serving ``directory`` on 127.0.0.1 with gzip (level 6), as GitHub Pages does."""
    import contextlib
    import functools
    import http.server
    import threading

    cache: dict[str, bytes] = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file() or path.suffix not in _GZIP_TYPES:
                return super().do_GET()
            key = str(path)
            if key not in cache:
                cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            body = cache[key]
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    @contextlib.contextmanager
    def serving() -> Any:
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory))
        )
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()

    return serving()


#: The worker answered: a result, or no result and words to try (zd-lazy-search.html).
_ANSWERED_JS = """() => document.querySelector('a.md-search-result__link')
  || document.querySelector('.zd-search-suggest')"""

#: In the page, as the reader sees it: when the tap (or click) reached the page, and when the first
#: result (or the words to try) was in the document; Playwright's own steps are not counted.
_CLOCK_JS = (
    """() => {
  const zd = window.__zdClock = {};
  for (const type of ['touchstart', 'mousedown']) {
    document.addEventListener(type, () => { zd.tap = zd.tap || performance.now(); }, true);
  }
  new MutationObserver(() => {
    if (!zd.answer && ("""
    + _ANSWERED_JS[6:].replace("\n", " ")
    + """)) zd.answer = performance.now();
  }).observe(document.body, { subtree: true, childList: true });
}"""
)


@dataclass
class Asked:
    """One first search: bytes (gzip), Playwright's ms, result links, the page's own ms, round trips
    in a row to the first result, and the worker thread's busy ms (``trace``)."""

    size: int
    ms: float
    links: int
    in_page: float
    rounds: int
    worker_ms: float | None


def _wire_bytes(response: Any) -> int:
    """A response's bytes as GitHub Pages sends them: gzip (level 6), but the index's stored files,
    deflated already and sent as they are (``.deflate``: an octet stream, which Pages does not compress)."""
    body = response.body()
    if response.url.split("?", 1)[0].endswith(".deflate"):
        return len(body)
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def _rounds(spans: list[tuple[float, float]]) -> int:
    """Round trips in a row: each request that starts once every request before it has ended."""
    rounds, end = 0, float("-inf")
    for start, stop in sorted(spans):
        if start >= end - 1:  # ms: Chrome stamps a request started on an answer 0-1 ms before its end
            rounds += 1
            end = stop
        else:
            end = max(end, stop)
    return rounds


def _worker_busy_ms(trace: bytes) -> float:
    """Wall ms of the tasks Chrome's trace shows on worker threads."""
    data = json.loads(trace)
    events = data["traceEvents"] if isinstance(data, dict) else data
    threads = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and "Worker" in e["args"].get("name", "")
    }
    tasks = ("RunTask", "ThreadControllerImpl::RunTask")
    return (
        sum(
            e.get("dur", 0)
            for e in events
            if e.get("ph") == "X" and e.get("name") in tasks and (e["pid"], e["tid"]) in threads
        )
        / 1000
    )


def _open_and_ask(page: Any, url: str, query: str, phone: bool, trace: Any = None) -> Asked:
    """One first search (``Asked``), from opening search to the first result.

    Playwright's ms counts its own steps (tap, fill, poll); the page's own clock runs from the tap
    reaching it to the first result in the document: what the reader waits.  ``trace``: the
    browser, to trace the worker's thread.
    """
    page.goto(url, wait_until="networkidle")
    page.evaluate(_CLOCK_JS)
    sizes: dict[str, int] = {}
    finished: list[Any] = []

    def record(response: Any) -> None:
        if response.status == 200:
            sizes[response.url] = _wire_bytes(response)

    page.on("response", record)
    page.on("requestfinished", lambda request: finished.append(request))
    if trace is not None:
        trace.start_tracing(
            page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"]
        )
    start = time.perf_counter()
    if phone:
        page.locator("label.md-header__button[for=__search]").first.tap()
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_function(_ANSWERED_JS, timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    clock = page.evaluate("window.__zdClock")
    origin = page.evaluate("performance.timeOrigin")
    hits = page.locator("a.md-search-result__link").count()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    worker_ms = _worker_busy_ms(trace.stop_tracing()) if trace is not None else None
    answered = origin + clock["answer"]
    spans = [
        (r.timing["startTime"], r.timing["startTime"] + r.timing["responseEnd"])
        for r in finished
        if "/search/" in r.url and 0 < r.timing["startTime"] <= answered
    ]
    return Asked(
        sum(sizes.values()), elapsed, hits, clock["answer"] - clock["tap"], _rounds(spans), worker_ms
    )


def weight(collection: str, trace: bool = False) -> int:
    """Build a collection, serve it with gzip, print bytes and times of ten queries (module docstring)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO / "bench"))
    import corpus

    from conftest import CHROMIUM, CHROMIUM_ARGS, build_site

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if collection.startswith("site:"):  # a site built before (``site:PATH:N``, N generated notes)
            _, path, count = collection.split(":")
            (root / "www").mkdir()
            (root / "www/zhudu").symlink_to(Path(path).resolve())
            site_dir, notes, started = Path(path), int(count), time.perf_counter()
            queries = {"zh-Hans": [q.q for q in _set_queries() if q.variant == "zh-Hans"][:10]}
        elif collection.startswith("generated:"):
            n = int(collection.split(":")[1])
            project = corpus.make_project(n, root / "project")
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "-q",
                    "-f",
                    str(project / "mkdocs.yml"),
                    "-d",
                    str(root / "www/zhudu"),
                ],
                check=True,
                env={
                    **os.environ,
                    "NO_MKDOCS_2_WARNING": "1",
                    "SITE_URL": "http://127.0.0.1/zhudu/",
                },
            )
            site_dir = root / "www/zhudu"
            queries = {"zh-Hans": [q.q for q in _set_queries() if q.variant == "zh-Hans"][:10]}
            notes = n
        else:
            notes_map = hexo_notes()
            started = time.perf_counter()
            result = build_site(
                root / "project", notes=notes_map, strict=False, site_url="http://127.0.0.1/zhudu/"
            )
            assert result.ok, result.log[-2000:]
            (root / "www").mkdir()
            (root / "www/zhudu").symlink_to(result.site_dir)
            site_dir = result.site_dir
            queries = HEXO_QUERIES
            notes = len(notes_map)
        took = time.perf_counter() - started
        print(f"{collection}: {notes} notes built in {took:.0f} s (load average {os.getloadavg()[0]:.1f})")
        with gzip_server(root / "www") as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for variant, qs in queries.items():
                url = f"{base}zhudu/{variant}/"
                old = _whole_index_gzip(site_dir / variant / "search")
                manifest = len(
                    gzip.compress((site_dir / variant / "search/manifest.json").read_bytes(), 6, mtime=0)
                )
                print(
                    f"\n{variant}: old engine fetched {old / 1024:.0f} KB (every passage, gzip); manifest {manifest / 1024:.1f} KB"
                )
                print(
                    f"{'query':12} {'first KB':>9} {'links':>5} {'desktop ms':>10} {'phone ms':>9}"
                    f" {'in page':>8} {'rounds':>6} {'worker ms':>9} {'vs old':>7}"
                )
                phone_ms, first_kb, in_page, busy = [], [], [], []
                for q in qs:
                    ctx = browser.new_context(locale="zh-CN")
                    desktop = _open_and_ask(ctx.new_page(), url, q, phone=False)
                    size, ms, links = desktop.size, desktop.ms, desktop.links
                    ctx.close()
                    ctx = browser.new_context(**PHONE)
                    page = ctx.new_page()
                    cdp = ctx.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    cdp.send("Network.enable")
                    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
                    phone = _open_and_ask(page, url, q, phone=True, trace=browser if trace else None)
                    ctx.close()
                    phone_ms.append(phone.ms)
                    in_page.append(phone.in_page)
                    first_kb.append(size / 1024)
                    worker = f"{phone.worker_ms:>9.0f}" if phone.worker_ms is not None else f"{'-':>9}"
                    busy.append(phone.worker_ms or 0.0)
                    print(
                        f"{q:12} {size / 1024:>9.1f} {links:>5} {ms:>10.0f} {phone.ms:>9.0f} {phone.in_page:>8.0f}"
                        f" {phone.rounds:>6} {worker} {old / size:>6.0f}x"
                    )
                print(
                    f"{'median':12} {statistics.median(first_kb):>9.1f} {'':>5} {'':>10}"
                    f" {statistics.median(phone_ms):>9.0f} {statistics.median(in_page):>8.0f}"
                    f" {'':>6} {f'{statistics.median(busy):.0f}' if trace else '-':>9}"
                    f"   (load average {os.getloadavg()[0]:.1f})"
                )
                ctx = browser.new_context(locale="zh-CN")
                page = ctx.new_page()
                page.goto(url, wait_until="networkidle")
                sizes: dict[str, int] = {}

                def count(response: Any, sizes: dict[str, int] = sizes) -> None:
                    if response.status == 200:
                        sizes[response.url] = _wire_bytes(response)

                page.on("response", count)
                placeholder = open_search(page, url)
                then = []
                for q in qs:
                    before = sum(sizes.values())
                    ask(page, q, placeholder)
                    page.wait_for_load_state("networkidle")
                    then.append((sum(sizes.values()) - before) / 1024)
                print(
                    "one page, query after query (KB added): "
                    + ", ".join(f"{q} {kb:.1f}" for q, kb in zip(qs, then, strict=True))
                )
                ctx.close()
            browser.close()
    return 0


def hexo_notes() -> dict[str, str]:
    """The Hexo documentation, both translations, as notes ``zh-cn-<name>`` and ``zh-tw-<name>``."""
    if not any(HEXO.glob("zh-*/*.md")):
        raise SystemExit(f"no notes in {HEXO}/zh-cn or zh-tw (../shared/corpora/hexo-docs from the checkout)")
    return {
        f"{lang}-{p.name}": p.read_text(encoding="utf-8")
        for lang in ("zh-cn", "zh-tw")
        for p in sorted((HEXO / lang).glob("*.md"))
    }


def hexo_query_set() -> int:
    """Top-1 / top-3 of tests/search_queries_hexo.yml per variant and kind, and every miss."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_built

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve_built(Path(tmp), notes=hexo_notes(), strict=False) as site:
            queries = load_queries(site.build.site_dir, path=HEXO_QUERY_SET)
            page = browser.new_context(locale="zh-CN").new_page()
            ranks = run_queries(page, site.url, queries)
        browser.close()
    print(f"{len({q.q for q in queries})} queries × {len(VARIANTS)} variants")
    _table("variant", {"zhudu": rates(ranks, lambda q: q.variant)})
    _table("kind", {"zhudu": rates(ranks, lambda q: q.kind)})
    for q, r in ranks.items():
        if r != 1:
            print(f"  miss: [{q.variant} {q.kind}] {q.q!r} rank={r}")
    return 0


def _whole_index_gzip(folder: Path) -> int:
    """Gzip bytes of every passage in one file, as the engine before the shards fetched on opening search."""
    docs = search_shards.documents(folder)
    text = json.dumps(docs, ensure_ascii=False, separators=(",", ":"))
    return len(gzip.compress(text.encode("utf-8"), 6, mtime=0))


def _set_queries() -> list[Query]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    return [Query(**{"passage": "", **item}) for item in data]  # a title query has no passage


def main(argv: list[str]) -> int:
    """Build, run the query set on every engine asked for, print the comparison."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_built

    if "--weight" in argv:
        return weight(argv[argv.index("--weight") + 1], trace="--trace" in argv)
    if "--hexo" in argv:
        return hexo_query_set()

    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    engines = (
        argv[argv.index("--engines") + 1].split(",")
        if "--engines" in argv
        else ["zhudu", "material", "pagefind"]
    )
    unknown = set(engines) - {"zhudu", "material", "pagefind"}
    if unknown:
        raise SystemExit(f"unknown engine(s): {', '.join(sorted(unknown))}")
    arms: dict[str, dict[Query, int | None]] = {}
    took: dict[str, float] = {}
    first: dict[str, dict[str, tuple[int, float, int]]] = {}
    builds = [e for e in ("zhudu", "material") if e in engines or (e == "zhudu" and "pagefind" in engines)]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for engine in builds:
            with serve_built(
                Path(tmp) / engine,
                repo_notes=True,
                repo_editorial=True,
                strict=True,
                zhudu={"search": engine},
            ) as site:
                site_dir = site.build.site_dir
                queries = load_queries(site_dir)[:limit]
                if engine in engines:
                    page = browser.new_context(locale="zh-CN").new_page()
                    start = time.perf_counter()
                    arms[engine] = run_queries(page, site.url, queries)
                    took[engine] = time.perf_counter() - start
                    page.context.close()
                    first[engine] = {}
                    for variant in VARIANTS:
                        fresh = browser.new_context(locale="zh-CN").new_page()
                        size, ms = first_search(fresh, site.url, variant, "数据中心")
                        fresh.context.close()
                        folder = site_dir / variant / "search"
                        whole = (
                            _whole_index_gzip(folder)
                            if engine == "zhudu"
                            else len(gzip.compress((folder / "search_index.json").read_bytes(), mtime=0))
                        )
                        first[engine][variant] = (size, ms, whole)
                if engine != "zhudu" or "pagefind" not in engines:
                    continue
                took["pagefind index"] = index_pagefind(site_dir)
                for fold, arm in ((False, "pf"), (True, "pf+f")):
                    page = browser.new_context(locale="zh-CN").new_page()
                    start = time.perf_counter()
                    for scoring, ranks in run_pagefind(page, site.url, queries, fold).items():
                        if not (fold and scoring == "sect"):
                            arms[f"{arm}-{scoring}"] = ranks
                    took[arm] = time.perf_counter() - start
                    page.context.close()
                    first[arm] = {}
                    for variant in VARIANTS:
                        fresh = browser.new_context(locale="zh-CN").new_page()
                        text = folder_for(variant)("数据中心") if fold else "数据中心"
                        size, ms = first_pagefind(fresh, site.url, variant, text)
                        fresh.context.close()
                        extra = 0
                        if fold:  # what shipping the fold table would add (Zhudu's manifest, gzip)
                            manifest = site_dir / variant / "search" / "manifest.json"
                            extra = len(gzip.compress(manifest.read_bytes(), mtime=0))
                        first[arm][variant] = (size + extra, ms, pagefind_bundle(site_dir / variant))
        browser.close()
    n = len(next(iter(arms.values())))
    print(f"{n} queries; " + ", ".join(f"{k} {v:.1f}s" for k, v in took.items()))
    _table("variant", {a: rates(r, lambda q: q.variant) for a, r in arms.items()})
    _table("kind", {a: rates(r, lambda q: q.kind) for a, r in arms.items()})
    print(f"\n{'first search':14} " + "  ".join(f"{e + ' bytes':>14} {'idx':>8} {'ms':>6}" for e in first))
    for variant in VARIANTS:
        cells = "  ".join(
            f"{first[e][variant][0]:>14} {first[e][variant][2]:>8} {first[e][variant][1]:>6.0f}"
            for e in first
        )
        print(f"{variant:14} {cells}")
    top1 = {a: rates(r, lambda q: q.kind)["all"][1] for a, r in arms.items()}
    if "zhudu" in top1:
        for other in (a for a in top1 if a != "zhudu"):
            ratio = top1["zhudu"] / top1[other] if top1[other] else float("inf")
            print(f"top-1 ratio zhudu/{other}: {ratio:.2f}x")
        for q, r in arms["zhudu"].items():
            if r != 1:
                print(f"  zhudu miss: [{q.variant} {q.kind}] {q.q!r} rank={r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
