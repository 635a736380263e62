"""A search result marks the whole word its query found, not the piece the search looked for.

On the Hexo documentation, 設定檔 is read canonically as 设置档, which the notes hold nowhere: the search
cuts it into 设 (one character, dropped) and 置档, and finds 置档 in the Taiwan translation's 配置檔 (config
file, as 設定檔 means too). The result must mark 配置檔 in every variant, in the snippet, in the title and on
the page the result opens (its ``?h=`` terms), not 置檔 (session 36 — hilite; ``bench/bench_highlight.py`` counts it
over the query sets).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_search

from conftest import ServedSite

#: 配置檔 as each variant shows it.
WHOLE = {"zh-Hans": "配置档", "zh-Hant-TW": "配置檔", "zh-Hant-HK": "配置檔"}

#: Each passage result's text, its marks and its title's marks.
_RESULTS = """() => [...document.querySelectorAll('a.md-search-result__link')]
  .filter(a => a.querySelector('article p'))
  .map(a => ({text: a.querySelector('article p').textContent,
              marks: [...a.querySelectorAll('article p mark')].map(m => m.textContent),
              title: a.querySelector('article h1, article h2').textContent,
              titleMarks: [...a.querySelectorAll('article h1 mark, article h2 mark')].map(m => m.textContent)}))"""


def ask(page: Any, site: ServedSite, variant: str, query: str) -> list[dict[str, Any]]:
    """Type ``query`` into a variant's search box; the passage results once they are drawn."""
    placeholder = bench_search.open_search(page, site.variant_url(variant))
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")  # Material reads the box on keyup
    # Material writes "no results" before the answer comes: wait for the passages themselves.
    page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').textContent.trim() !== p", arg=placeholder
    )
    page.wait_for_function("() => document.querySelector('a.md-search-result__link article p') !== null")
    return page.evaluate(_RESULTS)


@pytest.mark.parametrize("variant", bench_search.VARIANTS)
def test_a_word_found_by_its_piece_is_marked_whole(hexo_site, page, variant: str) -> None:
    whole = WHOLE[variant]
    results = [r for r in ask(page, hexo_site, variant, "設定檔") if whole in r["text"]]
    assert results, f"設定檔 no longer finds {whole} in {variant}"
    for result in results:
        assert whole in result["marks"], result
        assert not [m for m in result["marks"] if m != whole and m in whole], result
    titled = [r for r in results if whole in r["title"]]  # 自訂配置檔的路徑
    assert titled, results
    for result in titled:
        assert result["titleMarks"] == [whole], result


def test_the_page_a_result_opens_marks_the_whole_word(hexo_site, page) -> None:
    ask(page, hexo_site, "zh-Hant-TW", "設定檔")
    # 設定檔案 comes first (session 37): 配置檔 is the first result of a page further down, or under another's
    # "more on this page" (hidden until opened).
    page.locator("a.md-search-result__link", has=page.locator("article p mark", has_text="配置檔")).filter(
        visible=True
    ).first.click()
    page.wait_for_url("**/zh-Hant-TW/notes/**#p-*")
    page.wait_for_selector("article mark[data-md-highlight]")
    marked = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert "配置檔" in marked, marked
    assert "置檔" not in marked, marked
