"""Zhudu search against Material's stock search, on the same notes and queries, in one run.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python bench/bench_search.py [--limit N]

Builds the repository's notes twice (``extra.zhudu.search: zhudu`` and ``material``),
serves both, types every query of tests/search_queries.yml into Material's search
box in Chromium and prints top-1 / top-3 rates per variant and per kind, the bytes
the first search transfers (index + worker, per variant) and the time from typing
to the first result.  A result ranks by its score (what Enter opens is rank 1).

A stock result counts as a hit when it opens the right page at the section that
holds the passage (stock Material indexes sections, not passages); a Zhudu result
must open the passage itself (or, like stock, its section / the page top).
The helpers here are shared with tests/test_search_browser.py.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

from zhudu import search  # noqa: E402

QUERIES = REPO / "tests" / "search_queries.yml"
KINDS = ("unspaced", "name-latin", "name-zh", "phrase", "inner-word", "cross-script", "cross-region")


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


def load_queries(site_dir: Path, canonical: str = "zh-Hans") -> list[Query]:
    """The query set, each passage resolved to its anchor and section in the built site.

    Raises:
        ValueError: a snippet matches no passage, or more than one, of its note.
    """
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    pages: dict[str, search.PageText] = {}
    out = []
    for item in data:
        note = item["note"]
        if note not in pages:
            html = (site_dir / canonical / note / "index.html").read_text(encoding="utf-8")
            pages[note] = search.extract_page(html, note)
        found = [p for p in pages[note].passages if item["passage"] in p.text]
        if len(found) != 1:
            raise ValueError(
                f"{item['q']!r}: snippet {item['passage']!r} is in {len(found)} passages of {note}"
            )
        if item["kind"] not in KINDS:
            raise ValueError(f"{item['q']!r}: unknown kind {item['kind']!r}")
        out.append(Query(**item, anchor=found[0].anchor, section_id=found[0].section_id))
    return out


def is_hit(href: str, query: Query, site_url: str) -> bool:
    """Whether a result link opens the query's passage (or the section / page top holding it)."""
    parts = urlsplit(href)
    want = urlsplit(f"{site_url}{query.variant}/{query.note}").path
    if parts.path != want:
        return False
    fragment = unquote(parts.fragment)
    return fragment == query.anchor or fragment == query.section_id


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


def _table(
    title: str, ours: dict[str, tuple[int, float, float]], stock: dict[str, tuple[int, float, float]]
) -> None:
    print(f"\n{title:14} {'n':>4}  {'zhudu@1':>8} {'zhudu@3':>8}  {'stock@1':>8} {'stock@3':>8}")
    for name in sorted(ours, key=lambda k: (k == "all", k)):
        n, t1, t3 = ours[name]
        _, s1, s3 = stock.get(name, (0, 0.0, 0.0))
        print(f"{name:14} {n:>4}  {t1:>8.0%} {t3:>8.0%}  {s1:>8.0%} {s3:>8.0%}")


def main(argv: list[str]) -> int:
    """Build both engines, run the query set on both, print the comparison."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve_built

    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {}
        for engine in ("zhudu", "material"):
            with serve_built(
                Path(tmp) / engine,
                repo_notes=True,
                repo_editorial=True,
                strict=True,
                zhudu={"search": engine},
            ) as site:
                queries = load_queries(site.build.site_dir)[:limit]
                page = browser.new_context(locale="zh-CN").new_page()
                start = time.perf_counter()
                ranks = run_queries(page, site.url, queries)
                took = time.perf_counter() - start
                first = {}
                for variant in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK"):
                    fresh = browser.new_context(locale="zh-CN").new_page()
                    first[variant] = first_search(fresh, site.url, variant, "数据中心")
                    fresh.context.close()
                    index = site.build.site_dir / variant / "search" / "search_index.json"
                    first[variant] += (len(gzip.compress(index.read_bytes(), mtime=0)),)
                results[engine] = (ranks, took, first)
                page.context.close()
        browser.close()
    ours, stock = results["zhudu"], results["material"]
    print(f"{len(ours[0])} queries; browser run: zhudu {ours[1]:.1f}s, stock {stock[1]:.1f}s")
    _table("variant", rates(ours[0], lambda q: q.variant), rates(stock[0], lambda q: q.variant))
    _table("kind", rates(ours[0], lambda q: q.kind), rates(stock[0], lambda q: q.kind))
    print(
        f"\n{'first search':14} {'zhudu bytes':>12} {'gzip idx':>9} {'ms':>6}   {'stock bytes':>12} {'gzip idx':>9} {'ms':>6}"
    )
    for variant in ours[2]:
        (b1, t1, g1), (b2, t2, g2) = ours[2][variant], stock[2][variant]
        print(f"{variant:14} {b1:>12} {g1:>9} {t1:>6.0f}   {b2:>12} {g2:>9} {t2:>6.0f}")
    o1, s1 = rates(ours[0], lambda q: q.kind)["all"][1], rates(stock[0], lambda q: q.kind)["all"][1]
    print(f"\ntop-1 ratio zhudu/stock: {o1 / s1 if s1 else float('inf'):.2f}x")
    misses = [q for q, r in ours[0].items() if r != 1]
    for q in misses:
        print(f"  zhudu miss: [{q.variant} {q.kind}] {q.q!r} rank={ours[0][q]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
