"""Zhudu search in a real browser: every query of tests/search_queries.yml typed into Material's box."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

#: Top-1 rate the query set must keep (stock Material: 32%), high enough to catch a regression like the
#: marker text that once leaked into passages (80%).
TOP1_THRESHOLD = 0.95  # measured: 100% of 221 queries


def test_query_set_top1(real_site, page) -> None:
    queries = bench_search.load_queries(real_site.build.site_dir)
    assert len(queries) >= 80
    ranks = bench_search.run_queries(page, real_site.url, queries)
    by_kind = bench_search.rates(ranks, lambda q: q.kind)
    for name, (n, top1, top3) in sorted(by_kind.items()):
        print(f"search {name:13} n={n:3} top-1 {top1:.0%} top-3 {top3:.0%}")
    assert by_kind["all"][1] >= TOP1_THRESHOLD, [q.q for q, r in ranks.items() if r != 1]
    assert not page.zd.console_errors or all("Failed to load resource" in e for e in page.zd.console_errors)


def test_result_opens_passage_highlighted(real_site, page) -> None:
    placeholder = bench_search.open_search(page, real_site.variant_url("zh-Hant-TW"))
    page.locator("input.md-search__input").fill("资料孤岛")
    page.keyboard.press("End")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    first = page.locator("a.md-search-result__link mark").first
    assert first.inner_text() == "資料孤島"  # shown in the reader's variant
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-Hant-TW/notes/**#p-*")
    assert page.locator("article mark[data-md-highlight]").first.inner_text() == "資料孤島"


def test_text_entered_without_a_key_is_searched(real_site, page) -> None:
    # Pasting from the context menu, dictation and some phone IMEs insert text with no keyup, the
    # only event Material's search listens to; zhudu.js announces such input.
    placeholder = bench_search.open_search(page, real_site.variant_url("zh-Hant-TW"))
    page.keyboard.insert_text("資料孤島")
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p",
        arg=placeholder,
        timeout=10_000,
    )
    assert page.locator("a.md-search-result__link mark").first.inner_text() == "資料孤島"
