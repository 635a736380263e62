"""Search result snippets on the shipped notes, at phone width, in zh-Hans and zh-Hant-TW.

A result's snippet must start and end where a Chinese reader accepts a cut, mark the text left out with
an ellipsis, show no closing quote mark without its opener and keep the terms marked in the reader's variant. The
passage each snippet is cut from is read from the built page (what the search worker shows).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from test_search_snippets import acceptable, reads_right

from conftest import SUBPATH
from zhudu.search import extract

#: (variant, query, the marked word as the variant writes it, a piece of the snippet's first sentence).
QUERIES = [
    ("zh-Hans", "淘宝", "淘宝", "用户能自己改共享的设计。其实现在"),
    ("zh-Hant-TW", "淘寶", "淘寶", "使用者能自己改共享的設計。其實現在"),
    ("zh-Hans", "政客", "政客", "一些原本支持项目的政客"),
    ("zh-Hant-TW", "政客", "政客", "一些原本支持計畫的政客"),
    ("zh-Hans", "universal basic compute", "compute", "但我们可以实现「全民免费计算"),
    ("zh-Hant-TW", "universal basic compute", "compute", "但我們可以實現「全民免費計算"),
]

#: Each passage result (a page's own entry, its title, shows no text).
_SNIPPETS = """() => [...document.querySelectorAll('a.md-search-result__link')]
  .filter(a => a.querySelector('article p'))
  .map(a => {
    const p = a.querySelector('article p');
    return {href: a.href, text: p.textContent, marks: [...p.querySelectorAll('mark')].map(m => m.textContent)};
  })"""


def passage_of(site_dir: Any, href: str) -> str:
    """The text of the passage a result links to, as the variant's page shows it."""
    parts = urlsplit(href)
    path = unquote(parts.path)[len(SUBPATH) :]
    url = path.partition("/")[2]  # relative to the variant root
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    page = extract.extract_page(html, url)
    return next(p.text for p in page.passages if p.anchor == unquote(parts.fragment))


def cut_places(passage: str, shown: str) -> tuple[int, int]:
    """Where the snippet ``shown`` starts and ends in ``passage`` (its ellipses and a comma given way)."""
    core = shown[1:] if shown.startswith("…") and not passage.startswith(shown[:2]) else shown
    if core.endswith("…") and core not in passage:
        core = core[:-1]
    start = passage.index(core)
    end = start + len(core)
    if shown.endswith("…") and end < len(passage) and passage[end] in "，、；：,;:":
        end += 1  # the clause's comma gave way to the ellipsis
    return start, end


@pytest.mark.parametrize(("variant", "query", "marked", "sentence"), QUERIES)
def test_a_snippet_starts_and_ends_at_a_boundary(real_site, phone, variant, query, marked, sentence) -> None:
    phone.goto(real_site.variant_url(variant))
    placeholder = phone.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    phone.locator("label.md-header__button[for=__search]").first.click()
    box = phone.locator("input.md-search__input")
    box.fill(query)
    phone.keyboard.press("End")  # Material reads the box on keyup
    phone.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    # The count line can change before the query's own answer is drawn (Material writes "no results" for an
    # answer with no items): wait for the passages themselves.
    phone.wait_for_function("() => document.querySelector('a.md-search-result__link article p') !== null")
    results = phone.evaluate(_SNIPPETS)
    assert results, query
    first = results[0]
    assert sentence in first["text"], first["text"]
    assert marked in first["marks"]
    for result in results:
        passage = passage_of(real_site.build.site_dir, result["href"])
        shown = result["text"]
        start, end = cut_places(passage, shown)
        assert shown.startswith("…") == (start > 0) and acceptable(passage, start), (
            passage[:start][-10:],
            shown,
        )
        assert acceptable(passage, end), (shown[-12:], passage[end : end + 10])
        assert shown.endswith("…") or end == len(passage)
        assert reads_right(shown), shown
        assert result["marks"], shown  # the terms are marked in every result
