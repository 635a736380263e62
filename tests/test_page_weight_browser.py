"""A note's first load is light on a phone: under 150 KB compressed, no fonts, no third parties,
and the search index is fetched only when the reader opens search.

Sizes are what GitHub Pages sends: the gzip size (level 6, as its servers compress text) of the
body of every request the page made on a cold load, recomputed from the bodies Playwright saw.
"""

from __future__ import annotations

import gzip
import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ServedSite

BUDGET = 150 * 1024
NOTE = "notes/ai-bubble-open-source-doge-2025/"
_COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)


def _wire_size(body: bytes, content_type: str) -> int:
    if content_type.startswith(_COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)  # images are sent as they are


def _load(pg: Any, url: str) -> list[tuple[str, str, int, str]]:
    """Load ``url`` cold; return (url, content type, wire size, resource type) of every response."""
    seen: list[Any] = []
    pg.on("requestfinished", lambda request: seen.append(request))
    pg.goto(url, wait_until="networkidle")
    pg.wait_for_timeout(300)  # anything started after idle (workers, lazy scripts) shows up too
    rows = []
    for request in seen:
        response = request.response()
        if response is None:
            continue
        kind = response.headers.get("content-type", "").split(";")[0]
        rows.append((request.url, kind, _wire_size(response.body(), kind), request.resource_type))
    return rows


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK"])
def test_a_note_first_load_is_under_budget_without_the_search_index(
    real_site: ServedSite, page: Any, variant: str
) -> None:
    rows = _load(page, real_site.variant_url(variant, NOTE))
    table = "\n".join(f"{size:>8} {kind:<24} {urlsplit(url).path}" for url, kind, size, _ in rows)
    total = sum(size for *_, size, _ in rows)
    print(f"\n{variant} {NOTE}: {total / 1024:.1f} KB compressed in {len(rows)} requests\n{table}")
    assert not [url for url, *_ in rows if "search_index" in url], "the index loaded before searching"
    assert not [url for url, _, _, rtype in rows if rtype == "font" or ".woff" in url], "a web font loaded"
    assert page.zd.hosts <= {urlsplit(real_site.url).netloc}
    assert page.zd.console_errors == []
    assert page.zd.failed == []
    assert len(rows) >= 4  # the page, Material's CSS and bundle, Zhudu's CSS: a real measurement
    assert total < BUDGET, table


def test_the_search_manifest_loads_when_the_reader_opens_search(real_site: ServedSite, page: Any) -> None:
    index_requests: list[str] = []
    page.on("request", lambda r: index_requests.append(r.url) if "/search/" in r.url else None)
    page.goto(real_site.variant_url("zh-Hant-TW", NOTE), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert index_requests == []
    with page.expect_response(lambda r: "search/manifest.json" in r.url):
        page.keyboard.press("/")  # Material's shortcut focuses the search box
    assert index_requests == [real_site.variant_url("zh-Hant-TW", "search/manifest.json")]
    # Entered without a keyup (as an IME commits it): searched whether the worker is ready yet or not.
    page.keyboard.insert_text("資料")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert page.locator(".md-search-result__item").count() > 0
    assert not [u for u in index_requests if "search_index" in u]
    assert page.zd.console_errors == []


def test_arriving_from_a_search_result_fetches_no_index_and_marks_the_terms(
    real_site: ServedSite, page: Any
) -> None:
    index_requests: list[str] = []
    page.on("request", lambda r: index_requests.append(r.url) if "/search/" in r.url else None)
    page.goto(real_site.variant_url("zh-Hans", NOTE) + "?h=%E6%95%B0%E6%8D%AE", wait_until="networkidle")
    assert page.locator("article mark[data-md-highlight]").first.inner_text() == "数据"
    assert index_requests == []
    assert page.zd.console_errors == []


def test_no_script_holds_up_the_first_paint(real_site: ServedSite) -> None:
    """Every script file is deferred: the article is parsed and painted before any script runs."""
    for path in (NOTE, "", "themes/", "glossary/"):
        html = (real_site.build.site_dir / "zh-Hans" / path / "index.html").read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert len(tags) >= 3, path  # config.js, Material's bundle, reader.js (compact/joined_scripts.py)
        assert [t for t in tags if " defer" not in t] == [], path
